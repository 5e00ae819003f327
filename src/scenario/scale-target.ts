/**
 * Finds the workload an autoscaler's scaleTargetRef names (an HPA's, a ScaledObject's), in the
 * autoscaler's own namespace, reporting a missing one as the controller would fail (FailedGetScale)
 * unless the manifests are incomplete or the target itself could not be read.
 */
import { suggestionHint } from './did-you-mean.js';
import { objectKey, type ManifestSet, type WorkloadEntry } from './manifests/manifest-set.js';
import { workloadOf } from './manifests/workload-index.js';
import type { ProblemSink } from './problem-sink.js';
import type { DocRef } from './yaml/doc-ref.js';

export interface ScaleTargetOwner {
  /** How messages name the owner's kind, e.g. "an HPA", "a ScaledObject". */
  what: string;
  namespace: string;
  scaleTargetRef: { kind: string; name: string };
  ref: DocRef;
}

/** Kinds the simulator can scale. */
export const SCALABLE_KINDS: readonly string[] = ['Deployment', 'StatefulSet'];

export function findScaleTarget(owner: ScaleTargetOwner, manifests: ManifestSet, sink: ProblemSink): WorkloadEntry | undefined {
  const { kind, name } = owner.scaleTargetRef;
  const namespace = owner.namespace;
  const found = workloadOf(manifests, kind, namespace, name);
  if (found || manifests.incomplete || manifests.broken.has(objectKey(kind, namespace, name))) return found;
  const sameNamespace = manifests.workloads.filter((w) => w.spec.namespace === namespace);
  const elsewhere = manifests.workloads.find((w) => w.spec.kind === kind && w.spec.name === name);
  const hint = elsewhere
    ? `the ${kind} is in namespace "${elsewhere.spec.namespace}"; ${owner.what} scales objects of its own namespace ("${namespace}")`
    : suggestionHint(name, sameNamespace.filter((w) => w.spec.kind === kind).map((w) => w.spec.name), `${kind}s`) ??
      (SCALABLE_KINDS.includes(kind) ? undefined : `the simulator scales Deployment and StatefulSet targets${owner.what === 'an HPA' ? ', and ElasticWorkloads' : ''}`);
  sink.error(owner.ref.problem(['spec', 'scaleTargetRef'], `scaleTargetRef: no ${kind} "${name}" in namespace "${namespace}" in the manifests`, hint));
  return undefined;
}
