/**
 * How many requests per second one ready pod of a workload can serve: the load model's explicit
 * limit, bounded by what the serving container's CPU cap allows. Without a CPU limit the pod may
 * burst up to a whole node's CPU, approximated by the smallest node pool's allocatable CPU.
 */
import type { LoadModelSpec, NodePoolSpec, WorkloadSpec } from '../scenario/types.js';

export function cpuCapMillicores(workload: WorkloadSpec, load: LoadModelSpec, pools: readonly NodePoolSpec[]): number {
  const template = workload.template;
  const serving = template.containers.find((c) => c.name === load.container) ?? template.containers[0];
  if (serving?.cpuLimitMillicores !== undefined) return serving.cpuLimitMillicores;
  return Math.min(...pools.map((p) => p.cpuMillicores));
}

export function capacityRpsPerPod(workload: WorkloadSpec, load: LoadModelSpec, pools: readonly NodePoolSpec[]): number {
  const cap = cpuCapMillicores(workload, load, pools);
  const cpuBound = Math.max(0, (cap - load.baseCpuMillicores) / load.cpuMillicoreSecondsPerRequest);
  return load.maxRequestsPerSecondPerPod === undefined ? cpuBound : Math.min(load.maxRequestsPerSecondPerPod, cpuBound);
}
