/**
 * The CPU a serving pod can use at most, per pod: the serving container's CPU limit. Without a limit
 * the pod may burst up to what it runs on: on an ordinary node the node's CPU, approximated by the
 * allocatable CPU of the smallest node pool its pods may run on (nodeSelector, required node
 * affinity and taints; any pool when none may); on a virtual node (ECI, Fargate) the vCPU of the pod size it
 * is created and billed at (roundUpToVirtualSize, docs/fidelity-spec.md §5.2), for each virtual pool
 * the workload's pods (an ElasticWorkload's units included) can be placed on. An ElasticWorkload
 * split between ECS nodes and ECI thus caps its ECS pods at the node's CPU and its ECI pods at their
 * size, each pod by where it runs (src/engine/capacity-classes.ts keeps the pods of each cap).
 */
import { roundUpToVirtualSize } from '../cloud/virtual-size.js';
import { elasticUnitTemplate } from '../cluster/elastic-unit-template.js';
import { templateRequests } from '../cluster/pod-requests.js';
import { templateMayRunOnPool } from '../cluster/pool-reachability.js';
import type { ElasticWorkloadSpec, LoadModelSpec, NodePoolSpec, PodTemplateSpec, WorkloadSpec } from '../scenario/types.js';

/** A cap and where it comes from. */
export interface CpuCap {
  cpuCapMillicores: number;
  reason: 'CpuLimit' | 'SmallestNodePool' | 'VirtualPodSize' | 'NoPool';
}

/** The caps of a workload's pods, by where they run. */
export interface CpuCaps {
  /** Pods on ordinary nodes: the limit, else the CPU of the smallest ordinary pool they may run on (NoPool: none). */
  ordinary: CpuCap;
  /** Whether some pod template of the workload may run on an ordinary pool at all. */
  ordinaryReachable: boolean;
  /** Pods on each virtual pool they may be placed on, by pool name (the limit, else the size's vCPU). */
  byVirtualPool: ReadonlyMap<string, CpuCap>;
}

export function calculateCpuCaps(workload: WorkloadSpec, load: LoadModelSpec, pools: readonly NodePoolSpec[], elastic?: ElasticWorkloadSpec): CpuCaps {
  const template = workload.template;
  const serving = template.containers.find((c) => c.name === load.container) ?? template.containers[0];
  const limit = serving?.cpuLimitMillicores;
  const limitCap: CpuCap | undefined = limit === undefined ? undefined : { cpuCapMillicores: limit, reason: 'CpuLimit' };
  const templates = podTemplatesOf(template, elastic);
  let ordinaryReachable = false;
  // The smallest ordinary pool the pods may run on (a small tainted or selector-only pool does not
  // cap them), and the smallest of all for pods that may run on none.
  let smallestReachable = Infinity;
  let smallest = Infinity;
  const byVirtualPool = new Map<string, CpuCap>();
  for (const pool of pools) {
    const virtual = pool.virtual;
    if (virtual === undefined) {
      const reachable = templates.some((t) => templateMayRunOnPool(t, pool));
      smallest = Math.min(smallest, pool.cpuMillicores);
      if (reachable) smallestReachable = Math.min(smallestReachable, pool.cpuMillicores);
      ordinaryReachable ||= reachable;
      continue;
    }
    for (const t of templates) {
      if (!templateMayRunOnPool(t, pool)) continue;
      const sized = limitCap === undefined ? roundUpToVirtualSize(templateRequests(t), virtual.pricing) : undefined;
      const cap: CpuCap | undefined = limitCap ?? (sized !== undefined && 'size' in sized ? { cpuCapMillicores: sized.size.cpuMillicores, reason: 'VirtualPodSize' } : undefined);
      const known = byVirtualPool.get(pool.name);
      if (cap !== undefined && (known === undefined || cap.cpuCapMillicores < known.cpuCapMillicores)) byVirtualPool.set(pool.name, cap);
    }
  }
  const smallestCpu = ordinaryReachable ? smallestReachable : smallest;
  const ordinary: CpuCap = limitCap ?? (smallestCpu === Infinity ? { cpuCapMillicores: Infinity, reason: 'NoPool' } : { cpuCapMillicores: smallestCpu, reason: 'SmallestNodePool' });
  return { ordinary, ordinaryReachable, byVirtualPool };
}

/** The source template and, for an ElasticWorkload, each unit's template. */
function podTemplatesOf(template: PodTemplateSpec, elastic: ElasticWorkloadSpec | undefined): PodTemplateSpec[] {
  const units = elastic?.elasticUnits ?? [];
  return [template, ...units.map((u) => elasticUnitTemplate(template, u))];
}
