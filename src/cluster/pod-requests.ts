/**
 * A pod's requests as the scheduler and the HPA add them up.
 *
 * templateRequests mirrors component-helpers/resource/helpers.go PodRequests and
 * aggregateContainerResourcesByFn (the sidecar KEP-753 formula), used by the scheduler's
 * NodeResourcesFit, the cluster-autoscaler and kubelet admission: per resource, pod-level requests
 * when set, else max(sum of app containers and sidecars, the largest plain init container plus the
 * sidecars declared before it), plus the pod overhead its RuntimeClass sets (spec.overhead).
 *
 * templateNonZeroRequests is the same sum with a container that sets no request counted at
 * 100 millicores / 200 MiB (resource_allocation.go calculatePodResourceRequest with
 * NonMissingContainerRequests = scheduler/util DefaultMilliCPURequest, DefaultMemoryRequest): what
 * the LeastAllocated and MostAllocated scores add up, so pods without requests still spread.
 *
 * hpaRequestMilli mirrors replica_calculator.go calculatePodRequests: the sum over containers and
 * sidecars only (plain init containers and the pod overhead do not count there), or, for a pod
 * with pod-level requests and no container named, calculatePodLevelRequests (PodRequests, overhead
 * included).
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

/**
 * One resource's effective request from the containers alone: the running sum (app containers and
 * sidecars) or, when larger, what the heaviest step of initialisation holds (a plain init
 * container plus the sidecars already started before it; a sidecar's own step holds the sidecars up to it).
 */
export function effectiveContainerRequest(
  containers: readonly ContainerSpec[],
  initContainers: readonly ContainerSpec[],
  pick: (c: ContainerSpec) => number | undefined,
): number {
  let running = sum(containers, pick);
  let sidecarsSoFar = 0;
  let initPeak = 0;
  for (const c of initContainers) {
    const request = pick(c) ?? 0;
    if (c.sidecar) {
      running += request;
      sidecarsSoFar += request;
      initPeak = Math.max(initPeak, sidecarsSoFar);
    } else {
      initPeak = Math.max(initPeak, request + sidecarsSoFar);
    }
  }
  return Math.max(running, initPeak);
}

/** The effective requests with `missing` standing for a container request that is not set (not an explicit zero). */
function effectiveRequests(template: PodTemplateSpec, missing: TemplateRequests): TemplateRequests {
  const { containers, initContainers } = template;
  const cpu = template.podCpuRequestMillicores ?? effectiveContainerRequest(containers, initContainers, (c) => c.cpuRequestMillicores ?? missing.cpuMillicores);
  const memory = template.podMemoryRequestBytes ?? effectiveContainerRequest(containers, initContainers, (c) => c.memoryRequestBytes ?? missing.memoryBytes);
  return { cpuMillicores: cpu + (template.overheadCpuMillicores ?? 0), memoryBytes: memory + (template.overheadMemoryBytes ?? 0) };
}

const NONE: TemplateRequests = Object.freeze({ cpuMillicores: 0, memoryBytes: 0 });

export function templateRequests(template: PodTemplateSpec): TemplateRequests {
  return effectiveRequests(template, NONE);
}

/** pkg/scheduler/util DefaultMilliCPURequest: a container without a cpu request counts as 0.1 core when scoring. */
export const DEFAULT_NON_ZERO_CPU_REQUEST_MILLICORES = 100;
/** pkg/scheduler/util DefaultMemoryRequest: 200 MiB for a container without a memory request. */
export const DEFAULT_NON_ZERO_MEMORY_REQUEST_BYTES = 200 * 1024 * 1024;

const NON_ZERO_DEFAULTS: TemplateRequests = Object.freeze({ cpuMillicores: DEFAULT_NON_ZERO_CPU_REQUEST_MILLICORES, memoryBytes: DEFAULT_NON_ZERO_MEMORY_REQUEST_BYTES });

/** The effective request with missing container requests (not explicit zeros) taken as the scheduler's defaults. */
export function templateNonZeroRequests(template: PodTemplateSpec): TemplateRequests {
  return effectiveRequests(template, NON_ZERO_DEFAULTS);
}

/**
 * What a pod of `template` asks for: the effective requests (fit, quotas) and, for scoring, the
 * non-zero ones. Controllers make it once per template and hand it to every pod they create.
 */
export function podRequests(template: PodTemplateSpec): PodRequests {
  return { ...templateRequests(template), nonZero: templateNonZeroRequests(template) };
}

/**
 * A pod's requests as Cluster.createPod takes them; `nonZero` is derived from the template when a
 * caller (a test) gives only the effective requests.
 */
export interface PodRequests extends TemplateRequests {
  nonZero?: TemplateRequests;
}

/**
 * resourcehelper.PodRequests as a resource list: only the resources it holds, the pod-level
 * request, or one some container or init container sets, or one the RuntimeClass overhead lists;
 * each at templateRequests' value (overhead included). What quota usage and the HPA's
 * calculatePodLevelRequests read.
 */
export function podRequestsList(template: PodTemplateSpec): Partial<Record<'cpu' | 'memory', number>> {
  const all = [...template.containers, ...template.initContainers];
  const requests = templateRequests(template);
  const list: Partial<Record<'cpu' | 'memory', number>> = {};
  if (template.podCpuRequestMillicores !== undefined || template.overheadCpuMillicores !== undefined || all.some((c) => c.cpuRequestMillicores !== undefined)) list.cpu = requests.cpuMillicores;
  if (template.podMemoryRequestBytes !== undefined || template.overheadMemoryBytes !== undefined || all.some((c) => c.memoryRequestBytes !== undefined)) list.memory = requests.memoryBytes;
  return list;
}

/**
 * calculatePodLevelRequests, for a pod with pod-level requests (IsPodLevelRequestsSet) and no
 * container named: PodRequests' value for `resource`; undefined when the list has none ("missing
 * pod-level request").
 */
function podLevelRequestMilli(template: PodTemplateSpec, resource: string): number | undefined {
  if (resource !== 'cpu' && resource !== 'memory') return undefined;
  const value = podRequestsList(template)[resource];
  return value === undefined ? undefined : resource === 'memory' ? value * 1000 : value;
}

/**
 * The request the HPA divides by for `resource` (cpu: millicores; memory: milli-bytes, as
 * Quantity.MilliValue gives), over the whole pod or one named container; undefined when any
 * counted container sets no request ("missing request for <resource>").
 */
export function hpaRequestMilli(template: PodTemplateSpec, resource: string, containerName?: string): number | undefined {
  if (containerName === undefined && (template.podCpuRequestMillicores !== undefined || template.podMemoryRequestBytes !== undefined)) {
    return podLevelRequestMilli(template, resource);
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
