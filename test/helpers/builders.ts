/** Tiny builders for cluster records used across tests. */
import { pendingPod, type SimNode, type SimPod } from '../../src/cluster/model.js';
import type { LoadModelSpec, NodePoolSpec, PodTemplateSpec } from '../../src/scenario/types.js';

export function makePool(over: Partial<NodePoolSpec> = {}): NodePoolSpec {
  return { name: 'pool', count: 1, cpuMillicores: 4000, memoryBytes: 16 * 2 ** 30, maxPods: 110, labels: {}, taints: [], minSize: 1, maxSize: 1, bootSeconds: { min: 0, max: 0 }, ...over };
}

/** Non-zero requested sums default to the requested ones given (every pod setting its requests). */
export function makeNode(over: Partial<SimNode> = {}): SimNode {
  const pool = makePool();
  return {
    cpuNonZeroRequestedMillicores: over.cpuRequestedMillicores ?? 0,
    memoryNonZeroRequestedBytes: over.memoryRequestedBytes ?? 0,
    name: 'n0',
    pool,
    cpuAllocatableMillicores: 4000,
    memoryAllocatableBytes: 16 * 2 ** 30,
    maxPods: 110,
    labels: {},
    taints: [],
    cpuRequestedMillicores: 0,
    memoryRequestedBytes: 0,
    podCount: 0,
    createdSeconds: 0,
    instanceGoneSeconds: undefined,
    removed: false,
    ready: true,
    pods: [],
    podsVersion: 0,
    ...over,
  };
}

export function makeTemplate(over: Partial<PodTemplateSpec> = {}): PodTemplateSpec {
  return {
    labels: { app: 'web' },
    annotations: {},
    containers: [{ name: 'web', cpuRequestMillicores: 250, memoryRequestBytes: 256 * 2 ** 20, sidecar: false }],
    sidecars: [],
    initContainerCount: 0,
    initContainers: [],
    nodeSelector: {},
    tolerations: [],
    terminationGracePeriodSeconds: 30,
    ...over,
  };
}

export function makePod(over: Partial<SimPod> = {}): SimPod {
  const base = pendingPod({
    name: 'p',
    owner: { name: 'web', namespace: 'default', index: 0 },
    template: makeTemplate(),
    requests: { cpuMillicores: 250, memoryBytes: 256 * 2 ** 20 },
    serial: 0,
    createdSeconds: 0,
  });
  // Non-zero requests follow the requests given, unless given too.
  return {
    ...base,
    phase: 'Running',
    ...(over.cpuRequestMillicores !== undefined ? { cpuNonZeroRequestMillicores: over.cpuRequestMillicores } : {}),
    ...(over.memoryRequestBytes !== undefined ? { memoryNonZeroRequestBytes: over.memoryRequestBytes } : {}),
    ...over,
  };
}

/**
 * A load model of workload "web" on trace "t": 50 millicore-seconds a request, no base CPU or
 * memory, an unbounded backlog and S = 0 unless given; `queue` makes it a queue worker (20 messages/s
 * a pod, the backlog bound as its maxMessages).
 */
export function webLoadModel(o: { serviceTimeSeconds?: number; maxBacklogRequests?: number; queue?: boolean } = {}): LoadModelSpec {
  const maxBacklogRequests = o.maxBacklogRequests ?? Infinity;
  return {
    workload: 'web',
    trace: 't',
    cpuMillicoreSecondsPerRequest: 50,
    baseCpuMillicores: 0,
    baseMemoryBytes: 0,
    memoryBytesPerRequestPerSecond: 0,
    maxBacklogRequests,
    serviceTimeSeconds: o.serviceTimeSeconds ?? 0,
    ...(o.queue === true ? { queue: { name: 'q', messagesPerSecondPerPod: 20, maxMessages: maxBacklogRequests } } : {}),
  };
}
