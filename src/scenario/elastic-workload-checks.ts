/**
 * Checks between ElasticWorkloads and their source workloads: the source exists in the
 * ElasticWorkload's namespace, one ElasticWorkload per source, spec.replicas defaults to the
 * source's replicas, a unit's min is warned about as not modelled (the add-on's documentation
 * names it without saying what it does, docs/fidelity-spec.md §5.1 and §9); and the helpers the HPA and ScaledObject checks use to resolve an
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
    warnUnitMinNotModelled(ew, sink);
    if (ew.sourceMaxDefaulted) {
      sink.warn(ew.ref.warning(['spec', 'sourceTarget'], `sourceTarget.max is not set: the source ${source.spec.kind} keeps only its min (${ew.spec.sourceTarget.min}) and every other replica goes to the elastic units`, 'this follows Alibaba\'s examples without min/max (the behaviour is not documented); set max to keep replicas on the source'));
    }
  }
  return sources;
}

/**
 * Alibaba's documentation says each elastic unit may have a min and a max but shows only the max at
 * work (the excess fills the units in order, each up to its max); what a unit's min does (pods held
 * on the unit before the source takes more? a floor the units never go below?) is not stated and the
 * add-on's source is not public. The distribution ignores it, so a min above 0 is warned about.
 */
function warnUnitMinNotModelled(ew: ElasticWorkloadEntry, sink: ProblemSink): void {
  ew.spec.elasticUnits.forEach((unit, i) => {
    if (unit.min === undefined || unit.min === 0) return;
    sink.warn(
      ew.ref.warning(
        ['spec', 'elasticUnit', i, 'min'],
        `elasticUnit "${unit.name}" min (${unit.min} pods) is not modelled: the unit gets only the replicas left over after the source and the units before it (up to its max), possibly fewer than ${unit.min}`,
        "the add-on's documentation names a unit's min without saying what it does, and its source is not public; check its effect on a cluster running the add-on",
      ),
    );
  });
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
