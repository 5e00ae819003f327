/**
 * A pod template's spec.affinity.podAffinity and spec.affinity.podAntiAffinity → InterPodAffinitySpec,
 * with the checks the API server makes (pkg/apis/core/validation validatePodAffinity,
 * validatePodAntiAffinity, validatePodAffinityTerm, validateWeightedPodAffinityTerms,
 * validateMatchLabelKeysAndMismatchLabelKeys): topologyKey a qualified name
 * (metav1validation.ValidateLabelName), namespaces DNS-1123 labels (ValidateNamespaceName), the label
 * and namespace selectors' requirements (ValidateLabelSelectorRequirement: In and NotIn need values,
 * Exists and DoesNotExist take none), matchLabelKeys and mismatchLabelKeys only beside a
 * labelSelector, qualified names, a matchLabelKeys key neither in the labelSelector nor in
 * mismatchLabelKeys; a preferred term's weight 1..100 (the schema, pod-affinity-schema.ts).
 *
 * Warnings: a term without labelSelector selects no pod (LabelSelectorAsSelector(nil) is
 * labels.Nothing()); a selector on a label the pods' controllers add (not modelled, as for
 * topology spread constraints). A namespaceSelector is resolved against the Namespace manifests'
 * labels once every manifest is read (namespace-selectors.ts).
 */
import type { InterPodAffinitySpec, PodAffinityRulesSpec, PodAffinityTermSpec } from '../pod-affinity-types.js';
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { LabelSelectorSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import { InterPodAffinitySchema, type PodAffinityRulesInput, type PodAffinityTermInput } from './pod-affinity-schema.js';
import { CONTROLLER_LABELS, toLabelSelector } from './topology-spread-constraints.js';

/** The label the API server puts on every namespace (NamespaceDefaultLabelName): its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Parses spec.affinity at `path` (the pod spec's affinity); undefined when it has no podAffinity or podAntiAffinity term. */
export function toInterPodAffinity(ref: DocRef, path: FieldPath, sink: ProblemSink): InterPodAffinitySpec | undefined {
  const input = parseWithSchema(InterPodAffinitySchema, ref, path, (p) => sink.error(p));
  if (input === undefined || input === null) return undefined;
  const affinity = toRules(input.podAffinity, ref, [...path, 'podAffinity'], sink);
  const antiAffinity = toRules(input.podAntiAffinity, ref, [...path, 'podAntiAffinity'], sink);
  const terms = affinity.required.length + affinity.preferred.length + antiAffinity.required.length + antiAffinity.preferred.length;
  return terms === 0 ? undefined : { affinity, antiAffinity };
}

const REQUIRED = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';

function toRules(input: PodAffinityRulesInput | null | undefined, ref: DocRef, path: FieldPath, sink: ProblemSink): PodAffinityRulesSpec {
  if (input === undefined || input === null) return { required: [], preferred: [] };
  return {
    required: (input[REQUIRED] ?? []).map((t, i) => toTerm(t, ref, [...path, REQUIRED, i], sink)),
    preferred: (input[PREFERRED] ?? []).map((w, i) => ({ weight: w.weight, term: toTerm(w.podAffinityTerm, ref, [...path, PREFERRED, i, 'podAffinityTerm'], sink) })),
  };
}

function toTerm(t: PodAffinityTermInput, ref: DocRef, at: FieldPath, sink: ProblemSink): PodAffinityTermSpec {
  checkQualifiedName(t.topologyKey, ref, [...at, 'topologyKey'], sink);
  const labelSelector = t.labelSelector == null ? undefined : toLabelSelector(t.labelSelector, ref, [...at, 'labelSelector'], sink);
  const namespaceSelector = t.namespaceSelector == null ? undefined : toLabelSelector(t.namespaceSelector, ref, [...at, 'namespaceSelector'], sink);
  const namespaces = t.namespaces ?? [];
  namespaces.forEach((name, i) => {
    if (!DNS1123_LABEL.test(name) || name.length > 63) {
      sink.error(ref.problem([...at, 'namespaces', i], `"${name}" is not a valid namespace name: a lowercase RFC 1123 label of at most 63 characters (a-z, 0-9 and '-', starting and ending with a letter or digit)`));
    }
  });
  const matchLabelKeys = t.matchLabelKeys ?? [];
  const mismatchLabelKeys = t.mismatchLabelKeys ?? [];
  checkLabelKeys(matchLabelKeys, mismatchLabelKeys, labelSelector, ref, at, sink);
  warnSelectors(labelSelector, ref, at, sink);
  return {
    labelSelector,
    namespaces: namespaces.length === 0 && namespaceSelector === undefined ? undefined : namespaces,
    namespaceSelector,
    topologyKey: t.topologyKey,
    matchLabelKeys,
    mismatchLabelKeys,
  };
}

/** apimachinery validation IsDNS1123Label's pattern. */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** IsDNS1123Subdomain's pattern (at most 253 characters). */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** IsQualifiedName's name part (at most 63 characters). */
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** apimachinery IsQualifiedName (ValidateLabelName): [prefix/]name, the prefix a DNS subdomain. Undefined when valid. */
export function qualifiedNameProblem(value: string): string | undefined {
  const parts = value.split('/');
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length > 2) return 'a qualified name has at most one "/"';
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix.length === 0) return 'the prefix part (before "/") must not be empty';
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return `the prefix "${prefix}" must be a lowercase DNS subdomain of at most 253 characters`;
  }
  if (name.length === 0) return 'the name part must not be empty';
  if (name.length > 63) return 'the name part must be at most 63 characters';
  if (!QUALIFIED_NAME_PART.test(name)) return "the name part must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character";
  return undefined;
}

function checkQualifiedName(value: string, ref: DocRef, path: FieldPath, sink: ProblemSink): void {
  const problem = qualifiedNameProblem(value);
  if (problem !== undefined) sink.error(ref.problem(path, `"${value}" is not a valid label key: ${problem}`, 'use a node label key such as kubernetes.io/hostname or topology.kubernetes.io/zone'));
}

export function selectorKeys(selector: LabelSelectorSpec): string[] {
  return [...Object.keys(selector.matchLabels), ...selector.matchExpressions.map((r) => r.key)];
}

function checkLabelKeys(match: readonly string[], mismatch: readonly string[], selector: LabelSelectorSpec | undefined, ref: DocRef, at: FieldPath, sink: ProblemSink): void {
  for (const [field, keys] of [['matchLabelKeys', match], ['mismatchLabelKeys', mismatch]] as const) {
    if (keys.length === 0) continue;
    if (selector === undefined) {
      sink.error(ref.problem([...at, field], `${field} must not be specified when labelSelector is not set`, `add a labelSelector (${field} narrows it)`));
      continue;
    }
    keys.forEach((key, i) => {
      const problem = qualifiedNameProblem(key);
      if (problem !== undefined) sink.error(ref.problem([...at, field, i], `"${key}" is not a valid label key: ${problem}`));
    });
  }
  if (selector !== undefined) {
    const used = new Set(selectorKeys(selector));
    match.forEach((key, i) => {
      if (used.has(key)) sink.error(ref.problem([...at, 'matchLabelKeys', i], `"${key}" exists in both matchLabelKeys and labelSelector`, 'remove it from one of them'));
    });
  }
  const mismatched = new Set(mismatch);
  match.forEach((key, i) => {
    if (mismatched.has(key)) sink.error(ref.problem([...at, 'matchLabelKeys', i], `"${key}" exists in both matchLabelKeys and mismatchLabelKeys`, 'remove it from one of them'));
  });
}

function warnSelectors(labels: LabelSelectorSpec | undefined, ref: DocRef, at: FieldPath, sink: ProblemSink): void {
  if (labels === undefined) {
    sink.warn(ref.warning(at, 'no labelSelector: the term selects no pod (as in kube-scheduler), so a required affinity term is never satisfied and an anti-affinity term never applies', "add labelSelector.matchLabels with the pods' labels"));
  } else {
    for (const key of selectorKeys(labels)) {
      if (!CONTROLLER_LABELS.has(key)) continue;
      sink.warn(ref.warning([...at, 'labelSelector'], `label "${key}" is added to pods by their controller, not by the template, and is not modelled: simulated pods carry their template's labels only, so the selector sees it absent on every pod`, key === 'pod-template-hash' ? 'use matchLabelKeys: [pod-template-hash], which is modelled' : undefined));
    }
  }
}
