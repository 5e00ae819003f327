/**
 * The ResourceQuota admission's arithmetic for one pod, pure (no clock, no state): what a pod
 * uses of each quota resource, whether a quota's scopes pick it, and whether the quotas of its
 * namespace admit it.
 * - usage: k8s.io/kubernetes pkg/quota/v1/evaluator/core/pods.go PodUsageFunc and
 *   podComputeUsageHelper: `pods` 1, `cpu` and `requests.cpu` the pod's effective request (the
 *   sidecar-aware sum of pod-requests.ts, or pod-level resources), `limits.cpu` its effective limit
 *   by the same formula (resourcehelper.PodLimits), and so for memory; a value no container sets
 *   is absent; the RuntimeClass's pod overhead adds to the requests and to non-zero limits;
 * - scopes: podMatchesScopeFunc (Terminating: spec.activeDeadlineSeconds set; BestEffort: QoS
 *   class BestEffort; PriorityClass: the selector on {PriorityClass: spec.priorityClassName};
 *   CrossNamespacePodAffinity: an affinity term with namespaces or a namespaceSelector), and a
 *   quota counts a pod only when every scope requirement matches (quota/v1/generic Matches);
 * - Constraints: a quota that tracks cpu or memory (requests or limits) forbids a pod whose
 *   containers or init containers do not all set that value ("must specify …"), unless the pod
 *   sets pod-level resources;
 * - admission (apiserver resourcequota CheckRequest): quota by quota in order, the pod's non-zero
 *   usage of the resources the quota lists, added to what the quota already counts, must stay
 *   within spec.hard; the first quota exceeded forbids the pod with upstream's message
 *   ("exceeded quota: q, requested: requests.cpu=500m, used: requests.cpu=2, limited: requests.cpu=2";
 *   quantities in their canonical forms, memory with a binary suffix when one divides it, else a
 *   decimal one).
 */
import { formatCpu, formatMemoryQuantity } from '../scenario/node-pools/format-resources.js';
import type { QuotaResource, QuotaScopeRequirement, ResourceQuotaSpec } from '../scenario/resource-quota-types.js';
import type { ContainerSpec, PodTemplateSpec } from '../scenario/types.js';
import { effectiveContainerRequest, podRequestsList } from './pod-requests.js';

export type QuotaAmounts = Partial<Record<QuotaResource, number>>;

export type QuotaAdmission = { admitted: true } | { admitted: false; quota: ResourceQuotaSpec; exceeded: QuotaResource[]; message: string };

const ADMITTED: QuotaAdmission = Object.freeze({ admitted: true });

/** An amount of `resource` as a quantity (2, 500m, 512Mi, 500M, 3). */
export function quotaQuantityText(resource: QuotaResource, amount: number): string {
  if (resource.endsWith('cpu')) return formatCpu(amount);
  if (resource.endsWith('memory')) return formatMemoryQuantity(amount);
  return String(amount);
}

/** The pod-level limit, else the sidecar-aware aggregate of the containers' when some container sets one (PodLimits before overhead). */
function podLimit(template: PodTemplateSpec, podLevel: number | undefined, pick: (c: ContainerSpec) => number | undefined): number | undefined {
  if (podLevel !== undefined) return podLevel;
  if (![...template.containers, ...template.initContainers].some((c) => pick(c) !== undefined)) return undefined;
  return effectiveContainerRequest(template.containers, template.initContainers, pick);
}

/** PodUsageFunc for a live pod of `template`. */
export function podQuotaUsage(template: PodTemplateSpec): QuotaAmounts {
  const usage: QuotaAmounts = { pods: 1 };
  const requests = podRequestsList(template);
  if (requests.cpu !== undefined) usage.cpu = usage['requests.cpu'] = requests.cpu;
  if (requests.memory !== undefined) usage.memory = usage['requests.memory'] = requests.memory;
  // The RuntimeClass's overhead adds to the limits that are set and not zero.
  const cpuLimit = podLimit(template, template.podCpuLimitMillicores, (c) => c.cpuLimitMillicores);
  const memoryLimit = podLimit(template, template.podMemoryLimitBytes, (c) => c.memoryLimitBytes);
  if (cpuLimit !== undefined) usage['limits.cpu'] = cpuLimit > 0 ? cpuLimit + (template.overheadCpuMillicores ?? 0) : cpuLimit;
  if (memoryLimit !== undefined) usage['limits.memory'] = memoryLimit > 0 ? memoryLimit + (template.overheadMemoryBytes ?? 0) : memoryLimit;
  return usage;
}

/** spec.resources' requests and limits (pod-level resources), set or not. */
function podLevelValues(template: PodTemplateSpec): (number | undefined)[] {
  return [template.podCpuRequestMillicores, template.podMemoryRequestBytes, template.podCpuLimitMillicores, template.podMemoryLimitBytes];
}

function hasPodLevelResources(template: PodTemplateSpec): boolean {
  return podLevelValues(template).some((v) => v !== undefined);
}

const positive = (v: number | undefined): boolean => v !== undefined && v > 0;

/**
 * qos.GetPodQOS(pod) == BestEffort: no container, init container or pod-level resources set a cpu
 * or memory request or limit above zero (zero quantities are not counted).
 */
function isBestEffort(template: PodTemplateSpec): boolean {
  if (podLevelValues(template).some(positive)) return false;
  return [...template.containers, ...template.initContainers].every(
    (c) => !positive(c.cpuRequestMillicores) && !positive(c.memoryRequestBytes) && !positive(c.cpuLimitMillicores) && !positive(c.memoryLimitBytes),
  );
}

function usesCrossNamespaceAffinity(template: PodTemplateSpec): boolean {
  const affinity = template.podAffinity;
  if (affinity === undefined) return false;
  const terms = [affinity.affinity, affinity.antiAffinity].flatMap((r) => [...r.required, ...r.preferred.map((w) => w.term)]);
  return terms.some((t) => (t.namespaces !== undefined && t.namespaces.length > 0) || t.namespaceSelector !== undefined);
}

/** podMatchesScopeFunc for one requirement. */
function matchesScope(requirement: QuotaScopeRequirement, template: PodTemplateSpec): boolean {
  switch (requirement.scopeName) {
    case 'Terminating':
      return template.activeDeadlineSeconds !== undefined;
    case 'NotTerminating':
      return template.activeDeadlineSeconds === undefined;
    case 'BestEffort':
      return isBestEffort(template);
    case 'NotBestEffort':
      return !isBestEffort(template);
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespaceAffinity(template);
    case 'PriorityClass': {
      // The label selector over {PriorityClass: name}, the map being empty for a pod without a class.
      const name = template.priorityClassName;
      switch (requirement.operator) {
        case 'Exists':
          return name !== undefined;
        case 'DoesNotExist':
          return name === undefined;
        case 'In':
          return name !== undefined && requirement.values.includes(name);
        case 'NotIn':
          return name === undefined || !requirement.values.includes(name);
      }
    }
  }
}

/** Whether `quota` counts pods of `template` (of its namespace): it lists some pod resource and every scope matches. */
export function quotaCountsPod(quota: ResourceQuotaSpec, template: PodTemplateSpec): boolean {
  if (Object.keys(quota.hard).length === 0) return false;
  return quota.scopes.every((s) => matchesScope(s, template));
}

const REQUIRED: readonly [QuotaResource, (c: ContainerSpec) => number | undefined][] = [
  ['cpu', (c) => c.cpuRequestMillicores],
  ['limits.cpu', (c) => c.cpuLimitMillicores],
  ['limits.memory', (c) => c.memoryLimitBytes],
  ['memory', (c) => c.memoryRequestBytes],
  ['requests.cpu', (c) => c.cpuRequestMillicores],
  ['requests.memory', (c) => c.memoryRequestBytes],
];

/** A template whose containers leave out values a quota tracks: the names, and upstream's message. */
export interface MissingQuotaResources {
  /** Containers and init containers that leave out some tracked value, in manifest order. */
  containers: string[];
  /** "must specify limits.cpu for: app; requests.cpu for: app,sidecar". */
  message: string;
}

/**
 * The podEvaluator's Constraints: what `quota` tracks of cpu and memory (requests or limits) that
 * not every container and init container of `template` sets; undefined when all do.
 */
export function missingQuotaResources(quota: ResourceQuotaSpec, template: PodTemplateSpec): MissingQuotaResources | undefined {
  // A pod with pod-level resources is exempt (PodLevelResources: IsPodLevelResourcesSet → no constraint).
  if (hasPodLevelResources(template)) return undefined;
  const all = [...template.containers, ...template.initContainers];
  const parts: string[] = [];
  const lacking = new Set<string>();
  for (const [resource, pick] of REQUIRED) {
    if (quota.hard[resource] === undefined) continue;
    const names = all.filter((c) => pick(c) === undefined).map((c) => c.name);
    for (const n of names) lacking.add(n);
    if (names.length > 0) parts.push(`${resource} for: ${[...new Set(names)].sort().join(',')}`);
  }
  if (parts.length === 0) return undefined;
  return { containers: all.map((c) => c.name).filter((n) => lacking.has(n)), message: `must specify ${parts.join('; ')}` };
}

function prettyPrint(amounts: QuotaAmounts, resources: readonly QuotaResource[]): string {
  return resources.map((r) => `${r}=${quotaQuantityText(r, amounts[r] ?? 0)}`).join(',');
}

/**
 * CheckRequest for a pod create: `quotas` are the namespace's quotas that count the pod, each with
 * what it counts now (`used`); `usage` is the pod's (podQuotaUsage).
 */
export function admitByQuotas(quotas: readonly { spec: ResourceQuotaSpec; used: QuotaAmounts }[], usage: QuotaAmounts): QuotaAdmission {
  for (const { spec, used } of quotas) {
    const requested = (Object.keys(spec.hard) as QuotaResource[]).filter((r) => (usage[r] ?? 0) !== 0);
    const exceeded = requested.filter((r) => (used[r] ?? 0) + usage[r]! > spec.hard[r]!).sort();
    if (exceeded.length === 0) continue;
    const message = `exceeded quota: ${spec.name}, requested: ${prettyPrint(usage, exceeded)}, used: ${prettyPrint(used, exceeded)}, limited: ${prettyPrint(spec.hard, exceeded)}`;
    return { admitted: false, quota: spec, exceeded, message };
  }
  return ADMITTED;
}
