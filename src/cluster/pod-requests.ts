/**
 * A pod's requests as the scheduler and the HPA add them up (resourcehelper.PodRequests /
 * replica_calculator.go calculateRequests): pod-level requests when set, else the sum over
 * containers and restartable init containers (sidecars).
 */
import type { ContainerSpec, PodTemplateSpec } from '../scenario/types.js';

export interface TemplateRequests {
  cpuMillicores: number;
  memoryBytes: number;
}

function sum(containers: readonly ContainerSpec[], pick: (c: ContainerSpec) => number | undefined): number {
  let total = 0;
  for (const c of containers) total += pick(c) ?? 0;
  return total;
}

export function templateRequests(template: PodTemplateSpec): TemplateRequests {
  const all = [...template.containers, ...template.sidecars];
  return {
    cpuMillicores: template.podCpuRequestMillicores ?? sum(all, (c) => c.cpuRequestMillicores),
    memoryBytes: template.podMemoryRequestBytes ?? sum(all, (c) => c.memoryRequestBytes),
  };
}

/**
 * The request the HPA divides by for `resource` (cpu: millicores; memory: milli-bytes, as
 * Quantity.MilliValue gives), over the whole pod or one named container; undefined when any
 * counted container sets no request ("missing request for <resource>").
 */
export function hpaRequestMilli(template: PodTemplateSpec, resource: string, containerName?: string): number | undefined {
  if (containerName === undefined) {
    if (resource === 'cpu' && template.podCpuRequestMillicores !== undefined) return template.podCpuRequestMillicores;
    if (resource === 'memory' && template.podMemoryRequestBytes !== undefined) return template.podMemoryRequestBytes * 1000;
  }
  const counted = [...template.containers, ...template.sidecars].filter((c) => containerName === undefined || c.name === containerName);
  if (counted.length === 0) return undefined;
  let total = 0;
  for (const c of counted) {
    const v = resource === 'cpu' ? c.cpuRequestMillicores : resource === 'memory' ? c.memoryRequestBytes : undefined;
    if (v === undefined) return undefined;
    total += resource === 'memory' ? v * 1000 : v;
  }
  return total;
}
