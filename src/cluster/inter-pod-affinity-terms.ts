/**
 * A pod's inter-pod affinity terms as kube-scheduler holds them (framework/types.go AffinityTerm and
 * WeightedAffinityTerm, made by NewPodInfo / newAffinityTerm), and the test of one term against a
 * pod (AffinityTerm.Matches): the pod's namespace is one the term lists, or its namespace's labels
 * match the term's namespaceSelector, and the term's label selector matches the pod's labels.
 *
 * Resolution of a template's terms for the pods of one owner (a SpreadSource): namespaces default
 * to the pod's own when neither namespaces nor namespaceSelector is given
 * (GetNamespacesFromPodAffinityTerm); matchLabelKeys and mismatchLabelKeys are merged into the
 * selector as the API server does at pod creation (pkg/registry/core/pod strategy
 * applyMatchLabelKeysAndMismatchLabelKeys: `key In (value)` and `key NotIn (value)` for each key the
 * pod carries, a key it lacks is skipped). The revision labels the controllers add
 * (pod-template-hash, controller-revision-hash) are not on the templates: each simulated workload
 * part has one revision, so such a key selects the pods of the pod's own source (matchLabelKeys) or
 * every pod but those (mismatchLabelKeys), as topology-spread-selectors.ts does for spreading.
 *
 * A namespaceSelector is resolved by the loader against the Namespace manifests' labels
 * (scenario/manifests/namespace-selectors.ts); unresolved (a template built without the loader), a
 * namespace's labels are {kubernetes.io/metadata.name: its name}, the label every namespace has.
 */
import type { InterPodAffinitySpec, PodAffinityTermSpec } from '../scenario/pod-affinity-types.js';
import type { LabelSelectorSpec } from '../scenario/types.js';
import { matchesLabelSelector } from './label-selector.js';
import { REVISION_LABEL, type SpreadSource } from './topology-spread-selectors.js';

/** The namespace label the API server sets (NamespaceDefaultLabelName). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** framework.AffinityTerm, with the revision the merged revision-label keys narrow it to. */
export interface AffinityTerm {
  topologyKey: string;
  /** Namespaces selected by name (the pod's own when the term names none and has no namespaceSelector). */
  namespaces: readonly string[];
  /** undefined: none (labels.Nothing()); an empty selector selects every namespace. */
  namespaceSelector: LabelSelectorSpec | undefined;
  /** undefined: no labelSelector, which selects no pod. */
  labels: LabelSelectorSpec | undefined;
  /** Only pods of this revision (matchLabelKeys naming the revision label). */
  revision?: number;
  /** Every pod but those of this revision (mismatchLabelKeys naming the revision label). */
  notRevision?: number;
}

/** framework.WeightedAffinityTerm. */
export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

/** PodInfo's RequiredAffinityTerms, RequiredAntiAffinityTerms, PreferredAffinityTerms, PreferredAntiAffinityTerms. */
export interface PodAffinityTerms {
  requiredAffinity: readonly AffinityTerm[];
  requiredAnti: readonly AffinityTerm[];
  preferredAffinity: readonly WeightedAffinityTerm[];
  preferredAnti: readonly WeightedAffinityTerm[];
}

/** What a term reads of a pod: its namespace, revision (source id) and labels. */
export interface AffinityPodView {
  namespace: string;
  revision: number | undefined;
  labels: Readonly<Record<string, string>>;
}

/** AffinityTerm.Matches. */
export function termMatches(term: AffinityTerm, pod: AffinityPodView): boolean {
  if (term.labels === undefined) return false;
  if (!term.namespaces.includes(pod.namespace)) {
    if (term.namespaceSelector === undefined || !matchesLabelSelector(term.namespaceSelector, { [NAMESPACE_NAME_LABEL]: pod.namespace })) return false;
  }
  if (term.revision !== undefined && pod.revision !== term.revision) return false;
  if (term.notRevision !== undefined && pod.revision === term.notRevision) return false;
  return matchesLabelSelector(term.labels, pod.labels);
}

/** podMatchesAllAffinityTerms: false for no terms. */
export function matchesAllTerms(terms: readonly AffinityTerm[], pod: AffinityPodView): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod)) return false;
  return true;
}

const RESOLVED = new WeakMap<SpreadSource, PodAffinityTerms | null>();

/**
 * The terms of the pods of `source` (undefined when its template has none), resolved once. A term
 * that names the source's revision marks the source (revisionSelected), so that the cluster-
 * autoscaler's copies of its pods carry the revision.
 */
export function affinityTermsOf(source: SpreadSource): PodAffinityTerms | undefined {
  const known = RESOLVED.get(source);
  if (known !== undefined) return known ?? undefined;
  const spec = source.template.podAffinity;
  const terms = spec === undefined ? null : resolve(spec, source);
  RESOLVED.set(source, terms);
  return terms ?? undefined;
}

function resolve(spec: InterPodAffinitySpec, source: SpreadSource): PodAffinityTerms {
  const term = (t: PodAffinityTermSpec) => resolveTerm(t, source);
  return {
    requiredAffinity: spec.affinity.required.map(term),
    requiredAnti: spec.antiAffinity.required.map(term),
    preferredAffinity: spec.affinity.preferred.map((w) => ({ ...term(w.term), weight: w.weight })),
    preferredAnti: spec.antiAffinity.preferred.map((w) => ({ ...term(w.term), weight: w.weight })),
  };
}

function resolveTerm(t: PodAffinityTermSpec, source: SpreadSource): AffinityTerm {
  // A namespaceSelector the loader resolved against the Namespace manifests' labels is the list of
  // namespaces it selects (every namespace a pod can be in is known then).
  const selected = t.selectedNamespaces;
  const term: AffinityTerm = {
    topologyKey: t.topologyKey,
    namespaces: selected === undefined ? (t.namespaces ?? [source.owner.namespace]) : [...new Set([...(t.namespaces ?? []), ...selected])],
    namespaceSelector: selected === undefined ? t.namespaceSelector : undefined,
    labels: t.labelSelector,
  };
  if (t.labelSelector === undefined || (t.matchLabelKeys.length === 0 && t.mismatchLabelKeys.length === 0)) return term;
  const revisionLabel = source.owner.kind === undefined ? undefined : REVISION_LABEL[source.owner.kind];
  const podLabels = source.template.labels;
  const extra: LabelSelectorSpec['matchExpressions'] = [];
  for (const [keys, operator] of [[t.matchLabelKeys, 'In'], [t.mismatchLabelKeys, 'NotIn']] as const) {
    for (const key of keys) {
      if (key === revisionLabel) {
        if (operator === 'In') term.revision = source.id;
        else term.notRevision = source.id;
        source.revisionSelected = true;
      } else if (Object.hasOwn(podLabels, key)) {
        extra.push({ key, operator, values: [podLabels[key]!] });
      }
    }
  }
  if (extra.length > 0) term.labels = { matchLabels: t.labelSelector.matchLabels, matchExpressions: [...t.labelSelector.matchExpressions, ...extra] };
  return term;
}
