/**
 * Adapter for `ca.binpacking` vectors (§4.2): one node template, pod groups of identical pods, and
 * the limiter's maxNodes (0 = no limit), through the binpacking estimator.
 */
import { estimate } from '../autoscalers/cluster-autoscaler/estimator/binpacking.js';
import type { CaPod } from '../autoscalers/cluster-autoscaler/types.js';
import { readCpuMillicores, readMemoryBytes } from './ca-vector-fields.js';
import { InputFields } from './input-fields.js';

/** kubelet --max-pods default. */
const DEFAULT_MAX_PODS = 110;

function readHostPorts(f: InputFields): number[] | undefined {
  if (f.has('hostPorts')) return f.numbers('hostPorts');
  if (f.has('hostPort')) return [f.number('hostPort')];
  return undefined;
}

function readPodGroup(f: InputFields, index: number): CaPod[] {
  const count = f.number('count');
  const hostPorts = readHostPorts(f);
  const cpuMillicores = readCpuMillicores(f, 0);
  const memoryBytes = readMemoryBytes(f, 0);
  return Array.from({ length: count }, (_, k) => ({
    name: `group-${index}-pod-${k}`,
    namespace: 'universe',
    cpuMillicores,
    memoryBytes,
    labels: { app: 'estimatee' },
    annotations: {},
    nodeSelector: {},
    tolerations: [],
    ownerKind: 'ReplicaSet',
    ownerName: `group-${index}`,
    ...(hostPorts === undefined ? {} : { hostPorts }),
  }));
}

/**
 * ca.binpacking: `{nodeCount, scheduledPodCount, unschedulablePodCount, scheduledPodsPerGroup,
 * reason}`. Each input group is one equivalence group.
 */
export function adaptCaBinpacking(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  const t = f.object('nodeTemplate');
  const template = {
    cpuMillicores: readCpuMillicores(t),
    memoryBytes: readMemoryBytes(t),
    maxPods: t.optNumber('maxPods') ?? DEFAULT_MAX_PODS,
    labels: {},
    taints: [],
  };
  const podGroups = f.objects('podGroups').map(readPodGroup);
  const result = estimate({ podGroups, template, maxNodes: f.optNumber('maxNodes') ?? 0 });
  const scheduled = new Set(result.scheduledPods);
  return {
    nodeCount: result.nodeCount,
    scheduledPodCount: result.scheduledPods.length,
    unschedulablePodCount: result.unschedulablePods.length,
    scheduledPodsPerGroup: podGroups.map((g) => g.filter((p) => scheduled.has(p)).length),
    reason: result.reason,
  };
}
