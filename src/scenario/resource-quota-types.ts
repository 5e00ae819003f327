/**
 * A v1 ResourceQuota as the manifests' loader leaves it (manifests/resource-quota.ts): the hard
 * limits on what the simulated pods use, and the scopes that pick the pods it counts. Only the
 * resources pods use are kept (k8s.io/kubernetes pkg/quota/v1/evaluator/core/pods.go
 * podResources: pods, cpu, memory, requests.*, limits.*); quota on other objects is warned and
 * dropped, since the simulation creates nothing else. Re-exported by types.ts.
 */

/** A resource name a pod's usage fills (`cpu` and `memory` are the requests, as `requests.cpu` and `requests.memory`). */
export type QuotaResource = 'pods' | 'cpu' | 'memory' | 'requests.cpu' | 'requests.memory' | 'limits.cpu' | 'limits.memory';

export const QUOTA_RESOURCES: readonly QuotaResource[] = ['pods', 'cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** core/v1 ResourceQuotaScope. */
export type QuotaScopeName = 'Terminating' | 'NotTerminating' | 'BestEffort' | 'NotBestEffort' | 'PriorityClass' | 'CrossNamespacePodAffinity';

/**
 * core/v1 ScopedResourceSelectorRequirement; a scope listed in spec.scopes is one with operator
 * Exists (the quota admission's getScopeSelectorsFromQuota).
 */
export interface QuotaScopeRequirement {
  scopeName: QuotaScopeName;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface ResourceQuotaSpec {
  name: string;
  namespace: string;
  /** spec.hard for the resources pods use: cpu in millicores, memory in bytes, pods as a count. */
  hard: Partial<Record<QuotaResource, number>>;
  /** spec.scopes then spec.scopeSelector.matchExpressions: a pod is counted when it matches all of them. */
  scopes: QuotaScopeRequirement[];
}
