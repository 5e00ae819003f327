/**
 * Checks between ElasticWorkloads and their source workloads: the source exists in the
 * ElasticWorkload's namespace, one ElasticWorkload per source, spec.replicas defaults to the
 * source's replicas; and the helpers the HPA and ScaledObject checks use to resolve an
 * ElasticWorkload target and to refuse a second writer of a source workload's replicas.
 */
import { suggestionHint } from './did-you-mean.js';
import { objectKey, type ElasticWorkloadEntry, type ManifestSet, type WorkloadEntry } from './manifests/manifest-set.js';
import type { ProblemSink } from './problem-sink.js';
import type { DocRef } from './yaml/doc-ref.js';

/** API group of the ElasticWorkload CRD. */
export const ELASTIC_WORKLOAD_GROUP = 'autoscaling.alibabacloud.com';

/** Each ElasticWorkload with its source workload (those whose source was found). */
export type ElasticSources = Map<ElasticWorkloadEntry, WorkloadEntry>;

export function checkElasticWorkloads(manifests: ManifestSet, sink: ProblemSink): ElasticSources {
  const sources: ElasticSources = new Map();
  const claimedBy = new Map<WorkloadEntry, ElasticWorkloadEntry>();
  for (const ew of manifests.elasticWorkloads) {
    const source = findSource(ew, manifests, sink);
    if (!source) continue;
    const first = claimedBy.get(source);
    if (first) {
      const at = first.ref.position();
      sink.error(ew.ref.problem(['spec', 'sourceTarget', 'name'], `${source.spec.kind} ${source.spec.name} is already the source of ElasticWorkload ${first.spec.name} (${at.file}:${at.line}); two ElasticWorkloads would both set its replicas`, 'keep one ElasticWorkload per source workload, with all its elastic units'));
      continue;
    }
    claimedBy.set(source, ew);
    sources.set(ew, source);
    if (ew.replicasDefaulted) ew.spec.replicas = source.spec.replicas;
    if (ew.sourceMaxDefaulted) {
      sink.warn(ew.ref.warning(['spec', 'sourceTarget'], `sourceTarget.max is not set: the source ${source.spec.kind} keeps only its min (${ew.spec.sourceTarget.min}) and every other replica goes to the elastic units`, 'this follows Alibaba\'s examples without min/max (the behaviour is not documented); set max to keep replicas on the source'));
    }
  }
  return sources;
}

function findSource(ew: ElasticWorkloadEntry, manifests: ManifestSet, sink: ProblemSink): WorkloadEntry | undefined {
  const { kind, name } = ew.spec.sourceTarget;
  const namespace = ew.spec.namespace;
  const found = manifests.workloads.find((w) => w.spec.kind === kind && w.spec.name === name && w.spec.namespace === namespace);
  if (found || manifests.incomplete || manifests.broken.has(objectKey(kind, namespace, name))) return found;
  const elsewhere = manifests.workloads.find((w) => w.spec.kind === kind && w.spec.name === name);
  const hint = elsewhere
    ? `the ${kind} is in namespace "${elsewhere.spec.namespace}"; an ElasticWorkload clones a workload of its own namespace ("${namespace}")`
    : suggestionHint(name, manifests.workloads.filter((w) => w.spec.kind === kind && w.spec.namespace === namespace).map((w) => w.spec.name), `${kind}s`) ?? `add the ${kind} to the manifests`;
  sink.error(ew.ref.problem(['spec', 'sourceTarget', 'name'], `sourceTarget: no ${kind} "${name}" in namespace "${namespace}" in the manifests`, hint));
  return undefined;
}

/** The ElasticWorkload whose source is `workload`, if any. */
export function elasticOwnerOf(workload: WorkloadEntry, sources: ElasticSources): ElasticWorkloadEntry | undefined {
  for (const [ew, source] of sources) if (source === workload) return ew;
  return undefined;
}

/** Reports an autoscaler (at `ref`) that targets the source of an ElasticWorkload: a second writer of its replicas. */
export function reportSourceTargeted(what: string, workload: WorkloadEntry, ew: ElasticWorkloadEntry, ref: DocRef, sink: ProblemSink): void {
  const at = ew.ref.position();
  sink.error(
    ref.problem(
      ['spec', 'scaleTargetRef', 'name'],
      `${workload.spec.kind} ${workload.spec.name} is the source of ElasticWorkload ${ew.spec.name} (${at.file}:${at.line}), which sets its replicas; ${what} on it would be a second writer of its replicas`,
      `scale the ElasticWorkload instead: scaleTargetRef {apiVersion: ${ELASTIC_WORKLOAD_GROUP}/v1beta1, kind: ElasticWorkload, name: ${ew.spec.name}}`,
    ),
  );
}

/** The ElasticWorkload an HPA's scaleTargetRef names (kind ElasticWorkload), reporting a missing one or a wrong apiVersion. */
export function findElasticTarget(
  owner: { namespace: string; scaleTargetRef: { apiVersion?: string; name: string }; ref: DocRef },
  manifests: ManifestSet,
  sink: ProblemSink,
): ElasticWorkloadEntry | undefined {
  const { apiVersion, name } = owner.scaleTargetRef;
  if (apiVersion !== undefined && !apiVersion.startsWith(`${ELASTIC_WORKLOAD_GROUP}/`)) {
    sink.error(owner.ref.problem(['spec', 'scaleTargetRef', 'apiVersion'], `kind ElasticWorkload is in API group ${ELASTIC_WORKLOAD_GROUP}, not ${apiVersion}`, `write apiVersion: ${ELASTIC_WORKLOAD_GROUP}/v1beta1`));
    return undefined;
  }
  const found = manifests.elasticWorkloads.find((e) => e.spec.name === name && e.spec.namespace === owner.namespace);
  if (found || manifests.incomplete || manifests.broken.has(objectKey('ElasticWorkload', owner.namespace, name))) return found;
  const names = manifests.elasticWorkloads.filter((e) => e.spec.namespace === owner.namespace).map((e) => e.spec.name);
  sink.error(owner.ref.problem(['spec', 'scaleTargetRef'], `scaleTargetRef: no ElasticWorkload "${name}" in namespace "${owner.namespace}" in the manifests`, suggestionHint(name, names, 'ElasticWorkloads')));
  return undefined;
}
