/**
 * The CPU a serving pod can use at most: the serving container's CPU limit. Without a limit the
 * pod may burst up to a whole node's CPU, approximated by the smallest node pool's allocatable CPU.
 */
import type { LoadModelSpec, NodePoolSpec, WorkloadSpec } from '../scenario/types.js';

export function cpuCapMillicores(workload: WorkloadSpec, load: LoadModelSpec, pools: readonly NodePoolSpec[]): number {
  const template = workload.template;
  const serving = template.containers.find((c) => c.name === load.container) ?? template.containers[0];
  if (serving?.cpuLimitMillicores !== undefined) return serving.cpuLimitMillicores;
  return pools.length > 0 ? Math.min(...pools.map((p) => p.cpuMillicores)) : Infinity;
}
