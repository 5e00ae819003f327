/**
 * A pod template's spec.topologySpreadConstraints → TopologySpreadConstraintSpec, with the checks
 * across fields that the API server's ValidateTopologySpreadConstraints makes
 * (pkg/apis/core/validation/validation.go): minDomains only with whenUnsatisfiable DoNotSchedule, no
 * two constraints with the same {topologyKey, whenUnsatisfiable}, matchLabelKeys only beside a
 * labelSelector and never naming a key the selector already uses; and those of
 * ValidateLabelSelectorRequirement (In and NotIn need values, Exists and DoesNotExist take none).
 * The scheduler's defaults (podtopologyspread/common.go filterTopologySpreadConstraints) are applied:
 * minDomains 1, nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore. Warnings: a constraint without a
 * labelSelector (it selects no pod: LabelSelectorAsSelector(nil) is labels.Nothing()), and a selector
 * on a label the pods' controllers add (not modelled).
 */
import type { ProblemSink } from '../problem-sink.js';
import type { LabelSelectorSpec, TopologySpreadConstraintSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import type { TopologySpreadConstraintInput } from './topology-spread-schema.js';

/** Converts the constraints at `path` (spec.topologySpreadConstraints); problems go to `sink`. */
export function toTopologySpreadConstraints(inputs: readonly TopologySpreadConstraintInput[], ref: DocRef, path: FieldPath, sink: ProblemSink): TopologySpreadConstraintSpec[] {
  const seen = new Set<string>();
  return inputs.map((c, i) => {
    const at: FieldPath = [...path, i];
    if (c.minDomains != null && c.whenUnsatisfiable !== 'DoNotSchedule') {
      sink.error(ref.problem([...at, 'minDomains'], `minDomains can only be set when whenUnsatisfiable is DoNotSchedule (got ${c.whenUnsatisfiable})`, 'remove minDomains, or use whenUnsatisfiable: DoNotSchedule'));
    }
    const pair = `${c.topologyKey}\u0000${c.whenUnsatisfiable}`;
    if (seen.has(pair)) {
      sink.error(ref.problem([...at, 'topologyKey'], `a constraint with topologyKey ${c.topologyKey} and whenUnsatisfiable ${c.whenUnsatisfiable} is already given above`, 'merge the two constraints into one'));
    }
    seen.add(pair);
    const labelSelector = c.labelSelector == null ? undefined : toLabelSelector(c.labelSelector, ref, [...at, 'labelSelector'], sink);
    warnSelector(labelSelector, ref, at, sink);
    checkMatchLabelKeys(c.matchLabelKeys, labelSelector, ref, [...at, 'matchLabelKeys'], sink);
    return {
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      whenUnsatisfiable: c.whenUnsatisfiable,
      labelSelector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
      matchLabelKeys: c.matchLabelKeys,
    };
  });
}

/** metav1.LabelSelector → LabelSelectorSpec, with ValidateLabelSelectorRequirement's checks (pod-affinity.ts uses it too). */
export function toLabelSelector(input: NonNullable<TopologySpreadConstraintInput['labelSelector']>, ref: DocRef, path: FieldPath, sink: ProblemSink): LabelSelectorSpec {
  input.matchExpressions.forEach((r, i) => {
    const needsValues = r.operator === 'In' || r.operator === 'NotIn';
    if (needsValues && r.values.length === 0) {
      sink.error(ref.problem([...path, 'matchExpressions', i, 'values'], `values must be non-empty when operator is ${r.operator}`, 'list the label values to match'));
    }
    if (!needsValues && r.values.length > 0) {
      sink.error(ref.problem([...path, 'matchExpressions', i, 'values'], `values must be empty when operator is ${r.operator}`, 'remove values'));
    }
  });
  return {
    matchLabels: input.matchLabels,
    matchExpressions: input.matchExpressions.map((r) => ({ key: r.key, operator: r.operator, values: r.values })),
  };
}

/** Labels the Deployment, StatefulSet and Job controllers add to pods; simulated pods carry their template's labels only (pod-affinity.ts warns of them too). */
export const CONTROLLER_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'job-name',
  'batch.kubernetes.io/job-name',
  'controller-uid',
  'batch.kubernetes.io/controller-uid',
]);

function warnSelector(selector: LabelSelectorSpec | undefined, ref: DocRef, at: FieldPath, sink: ProblemSink): void {
  if (selector === undefined) {
    sink.warn(ref.warning(at, 'no labelSelector: the constraint selects no pod, so it never restricts nor scores a placement (as in kube-scheduler)', 'add labelSelector.matchLabels with the pod template\'s labels'));
    return;
  }
  const keys = [...Object.keys(selector.matchLabels), ...selector.matchExpressions.map((r) => r.key)];
  for (const key of keys) {
    if (!CONTROLLER_LABELS.has(key)) continue;
    sink.warn(ref.warning([...at, 'labelSelector'], `label "${key}" is added to pods by their controller, not by the template, and is not modelled: simulated pods carry their template's labels only, so the selector sees it absent on every pod`, key === 'pod-template-hash' ? 'use matchLabelKeys: [pod-template-hash], which is modelled' : undefined));
  }
}

function checkMatchLabelKeys(keys: readonly string[], selector: LabelSelectorSpec | undefined, ref: DocRef, path: FieldPath, sink: ProblemSink): void {
  if (keys.length === 0) return;
  if (selector === undefined) {
    sink.error(ref.problem(path, 'matchLabelKeys must not be specified when labelSelector is not set', 'add a labelSelector (matchLabelKeys narrows it)'));
    return;
  }
  keys.forEach((key, i) => {
    if (key in selector.matchLabels || selector.matchExpressions.some((r) => r.key === key)) {
      sink.error(ref.problem([...path, i], `"${key}" exists in both matchLabelKeys and labelSelector`, 'remove it from one of them'));
    }
  });
}
