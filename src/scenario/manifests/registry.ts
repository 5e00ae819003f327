/**
 * Manifest kinds by API group and kind: which are modelled (loaded into the Scenario), which are
 * ignored with a warning, which are recognised but not supported yet. Supporting a new kind is one
 * file under ./kinds plus one entry here.
 */
import { deploymentKind } from './kinds/deployment.js';
import { elasticWorkloadKind } from './kinds/elastic-workload.js';
import { horizontalPodAutoscalerKind } from './kinds/horizontal-pod-autoscaler.js';
import { ignoredKinds } from './kinds/ignored-kinds.js';
import { limitRangeKind } from './kinds/limit-range.js';
import { namespaceKind } from './kinds/namespace.js';
import { resourceQuotaKind } from './kinds/resource-quota.js';
import { daemonSetKind } from './kinds/daemon-set.js';
import { runtimeClassKind } from './kinds/runtime-class.js';
import { podDisruptionBudgetKind } from './kinds/pod-disruption-budget.js';
import { priorityClassKind } from './kinds/priority-class.js';
import { legacyScaledObjectKind, scaledObjectKind } from './kinds/scaled-object.js';
import { scaledJobKind } from './kinds/scaled-job.js';
import { statefulSetKind } from './kinds/stateful-set.js';
import { triggerAuthenticationKinds } from './kinds/trigger-authentication.js';
import { configDataKinds } from './kinds/config-data.js';
import type { ManifestKindHandler } from './manifest-set.js';

const ALL_KINDS: readonly ManifestKindHandler[] = [
  deploymentKind,
  statefulSetKind,
  horizontalPodAutoscalerKind,
  scaledObjectKind,
  legacyScaledObjectKind,
  scaledJobKind,
  ...triggerAuthenticationKinds,
  ...configDataKinds,
  elasticWorkloadKind,
  podDisruptionBudgetKind,
  priorityClassKind,
  limitRangeKind,
  resourceQuotaKind,
  daemonSetKind,
  runtimeClassKind,
  namespaceKind,
  ...ignoredKinds,
];

/** `group/kind` → handler (group '' is the core group). */
export const MANIFEST_KINDS: ReadonlyMap<string, ManifestKindHandler> = new Map(
  ALL_KINDS.map((handler) => [`${handler.group}/${handler.kind}`, handler]),
);

/** Splits an apiVersion into group and version: "apps/v1" → ["apps", "v1"], "v1" → ["", "v1"]. */
export function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

export function findManifestKind(apiVersion: string, kind: string): ManifestKindHandler | undefined {
  return MANIFEST_KINDS.get(`${splitApiVersion(apiVersion)[0]}/${kind}`);
}

/** "apps/v1 Deployment, apps/v1 StatefulSet, autoscaling/v1|v2beta2|v2 HorizontalPodAutoscaler". */
export function modelledKindsText(): string {
  return ALL_KINDS.filter((h) => h.support === 'modelled')
    .map((h) => `${h.group ? `${h.group}/` : ''}${(h.versions ?? ['*']).join('|')} ${h.kind}`)
    .join(', ');
}

/** Every kind name the registry knows, for "did you mean" hints. */
export function knownKindNames(): string[] {
  return [...new Set(ALL_KINDS.map((h) => h.kind))];
}
