/**
 * The CPU a serving pod can use at most: the serving container's CPU limit. Without a limit the
 * pod may burst up to what it runs on: a node's CPU, approximated by the smallest node pool's
 * allocatable CPU, or on a virtual node (ECI, Fargate) the vCPU of the pod size it is created and
 * billed at (roundUpToVirtualSize, docs/fidelity-spec.md §5.2), for each virtual pool the
 * workload's pods (an ElasticWorkload's units included) can be placed on. The smallest of these
 * applies to all of the workload's pods (the load model gives one workload one per-pod capacity).
 */
import { roundUpToVirtualSize } from '../cloud/virtual-size.js';
import { elasticUnitTemplate } from '../cluster/elastic-unit-template.js';
import { templateRequests } from '../cluster/pod-requests.js';
import { matchesSelector, toleratesTaint } from '../cluster/scheduling-filter.js';
import type { ElasticWorkloadSpec, LoadModelSpec, NodePoolSpec, PodTemplateSpec, WorkloadSpec } from '../scenario/types.js';

/** The cap and where it comes from. */
export interface CpuCap {
  cpuCapMillicores: number;
  reason: 'CpuLimit' | 'SmallestNodePool' | 'VirtualPodSize' | 'NoPool';
}

export function calculateCpuCap(workload: WorkloadSpec, load: LoadModelSpec, pools: readonly NodePoolSpec[], elastic?: ElasticWorkloadSpec): CpuCap {
  const template = workload.template;
  const serving = template.containers.find((c) => c.name === load.container) ?? template.containers[0];
  if (serving?.cpuLimitMillicores !== undefined) return { cpuCapMillicores: serving.cpuLimitMillicores, reason: 'CpuLimit' };
  let cap: CpuCap = { cpuCapMillicores: Infinity, reason: 'NoPool' };
  for (const pool of pools) {
    if (pool.virtual === undefined && pool.cpuMillicores < cap.cpuCapMillicores) cap = { cpuCapMillicores: pool.cpuMillicores, reason: 'SmallestNodePool' };
  }
  const templates = podTemplatesOf(template, elastic);
  for (const pool of pools) {
    const virtual = pool.virtual;
    if (virtual === undefined) continue;
    for (const t of templates) {
      if (!mayRunOn(t, pool)) continue;
      const sized = roundUpToVirtualSize(templateRequests(t), virtual.pricing);
      if ('size' in sized && sized.size.cpuMillicores < cap.cpuCapMillicores) cap = { cpuCapMillicores: sized.size.cpuMillicores, reason: 'VirtualPodSize' };
    }
  }
  return cap;
}

export function cpuCapMillicores(workload: WorkloadSpec, load: LoadModelSpec, pools: readonly NodePoolSpec[], elastic?: ElasticWorkloadSpec): number {
  return calculateCpuCap(workload, load, pools, elastic).cpuCapMillicores;
}

/** The source template and, for an ElasticWorkload, each unit's template. */
function podTemplatesOf(template: PodTemplateSpec, elastic: ElasticWorkloadSpec | undefined): PodTemplateSpec[] {
  const units = elastic?.elasticUnits ?? [];
  return [template, ...units.map((u) => elasticUnitTemplate(template, u))];
}

/** The pool's node passes the template's nodeSelector and tolerates its NoSchedule/NoExecute taints. */
function mayRunOn(template: PodTemplateSpec, pool: NodePoolSpec): boolean {
  if (!matchesSelector(template.nodeSelector, pool.labels)) return false;
  return pool.taints.every((taint) => taint.effect === 'PreferNoSchedule' || toleratesTaint(template.tolerations, taint));
}
