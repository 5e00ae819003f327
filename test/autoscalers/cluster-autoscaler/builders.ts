/** Small builders for the cluster-autoscaler rule tests. */
import { CA_DEFAULTS } from '../../../src/autoscalers/cluster-autoscaler/config.js';
import type { CaNode, CaNodeGroup, CaNodeTemplate, CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import type { RandomStream } from '../../../src/core/rng.js';
import { Rng } from '../../../src/core/rng.js';
import type { ClusterAutoscalerSettings } from '../../../src/scenario/types.js';

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

export function pod(name: string, cpuMillicores: number, memoryBytes = 0, extra: Partial<CaPod> = {}): CaPod {
  return {
    name,
    namespace: 'default',
    cpuMillicores,
    memoryBytes,
    labels: {},
    annotations: {},
    nodeSelector: {},
    tolerations: [],
    ownerKind: 'ReplicaSet',
    ownerName: 'web',
    ...extra,
  };
}

/** `count` identical pods named `${prefix}-0…`. */
export function pods(prefix: string, count: number, cpuMillicores: number, memoryBytes = 0, extra: Partial<CaPod> = {}): CaPod[] {
  return Array.from({ length: count }, (_, i) => pod(`${prefix}-${i}`, cpuMillicores, memoryBytes, { ownerName: prefix, ...extra }));
}

export function template(cpuMillicores: number, memoryBytes: number, extra: Partial<CaNodeTemplate> = {}): CaNodeTemplate {
  return { cpuMillicores, memoryBytes, maxPods: 110, labels: {}, taints: [], ...extra };
}

export function group(name: string, t: CaNodeTemplate, extra: Partial<CaNodeGroup> = {}): CaNodeGroup {
  return { name, template: t, minSize: 0, maxSize: 10, targetSize: 1, ...extra };
}

export function node(name: string, groupName: string, cpuMillicores: number, memoryBytes: number, podsOnNode: CaPod[] = [], extra: Partial<CaNode> = {}): CaNode {
  return {
    name,
    group: groupName,
    cpuAllocatableMillicores: cpuMillicores,
    memoryAllocatableBytes: memoryBytes,
    maxPods: 110,
    labels: {},
    taints: [],
    pods: podsOnNode,
    ready: true,
    ...extra,
  };
}

export function settings(extra: Partial<ClusterAutoscalerSettings> = {}): ClusterAutoscalerSettings {
  return { ...CA_DEFAULTS, expanders: [...CA_DEFAULTS.expanders], coresTotal: { ...CA_DEFAULTS.coresTotal }, memoryTotalGiB: { ...CA_DEFAULTS.memoryTotalGiB }, ...extra };
}

export function seeded(seed = 7, name = 'ca'): RandomStream {
  return new Rng(seed).stream(name);
}
