/**
 * A pod template's spec.affinity.nodeAffinity → NodeAffinitySpec, with the checks the API server
 * makes (pkg/apis/core/validation/validation.go ValidateNodeSelector, ValidateNodeSelectorTerm,
 * ValidateNodeSelectorRequirement, ValidateNodeFieldSelectorRequirement,
 * ValidatePreferredSchedulingTerms): at least one node selector term; In and NotIn need values,
 * Exists and DoesNotExist take none, Gt and Lt take exactly one; a label key is a qualified name
 * (ValidateLabelName) and each value a label value (IsValidLabelValue: the API server's rule for new
 * pods; kube-scheduler's labels.NewRequirement fails on any other, and the term then matches no
 * node); matchFields only on metadata.name, with In or NotIn and exactly one value, a node name.
 * One check goes beyond the API server: a Gt or Lt value must be an integer, since kube-scheduler
 * cannot parse any other (labels.NewRequirement) and the term would then match no node
 * (component-helpers nodeaffinity.go nodeSelectorTerm.match). A term with neither
 * matchExpressions nor matchFields is valid but matches no node (isEmptyNodeSelectorTerm): a warning.
 */
import { parseInt64 } from '../../cluster/node-affinity.js';
import type { NodeAffinitySpec, NodeSelectorRequirement, NodeSelectorTerm } from '../node-affinity-types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import type { NodeAffinityInput, NodeSelectorTermInput } from './node-affinity-schema.js';

/** metav1.ObjectNameField: the only field a matchFields requirement may name. */
const OBJECT_NAME_FIELD = 'metadata.name';

/** Converts the node affinity at `path` (spec.affinity.nodeAffinity); problems go to `sink`. undefined when it sets nothing. */
export function toNodeAffinity(input: NodeAffinityInput, ref: DocRef, path: FieldPath, sink: ProblemSink): NodeAffinitySpec | undefined {
  const requiredInput = input.requiredDuringSchedulingIgnoredDuringExecution;
  let required: NodeSelectorTerm[] | undefined;
  if (requiredInput != null) {
    const at: FieldPath = [...path, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
    if (requiredInput.nodeSelectorTerms.length === 0) {
      sink.error(ref.problem(at, 'must have at least one node selector term', 'list nodeSelectorTerms (ORed), each with matchExpressions or matchFields'));
    }
    required = requiredInput.nodeSelectorTerms.map((t, i) => toTerm(t, ref, [...at, i], sink));
  }
  const preferred = input.preferredDuringSchedulingIgnoredDuringExecution.map((p, i) => ({
    weight: p.weight,
    preference: toTerm(p.preference, ref, [...path, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'preference'], sink),
  }));
  if (required === undefined && preferred.length === 0) return undefined;
  return { required, preferred };
}

function toTerm(term: NodeSelectorTermInput, ref: DocRef, path: FieldPath, sink: ProblemSink): NodeSelectorTerm {
  if (term.matchExpressions.length === 0 && term.matchFields.length === 0) {
    sink.warn(ref.warning(path, 'the term has neither matchExpressions nor matchFields: it matches no node (as in kube-scheduler)', 'add matchExpressions on node labels'));
  }
  term.matchExpressions.forEach((r, i) => checkLabelRequirement(r, ref, [...path, 'matchExpressions', i], sink));
  term.matchFields.forEach((r, i) => checkFieldRequirement(r, ref, [...path, 'matchFields', i], sink));
  return {
    matchExpressions: term.matchExpressions.map(copyRequirement),
    matchFields: term.matchFields.map(copyRequirement),
  };
}

function copyRequirement(r: NodeSelectorRequirement): NodeSelectorRequirement {
  return { key: r.key, operator: r.operator, values: [...r.values] };
}

/** ValidateNodeSelectorRequirement, and the integer value kube-scheduler needs for Gt and Lt. */
function checkLabelRequirement(r: NodeSelectorRequirement, ref: DocRef, path: FieldPath, sink: ProblemSink): void {
  const values: FieldPath = [...path, 'values'];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (r.values.length === 0) sink.error(ref.problem(values, `must be specified when \`operator\` is 'In' or 'NotIn'`, 'list the node label values to match'));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (r.values.length > 0) sink.error(ref.problem(values, `may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`, 'remove values'));
      break;
    case 'Gt':
    case 'Lt':
      if (r.values.length !== 1) {
        sink.error(ref.problem(values, `must be specified single value when \`operator\` is 'Lt' or 'Gt' (got ${r.values.length})`, 'give one integer'));
      } else if (parseInt64(r.values[0]!) === undefined) {
        sink.error(
          ref.problem([...values, 0], `"${r.values[0]}" is not an integer: kube-scheduler cannot parse it for '${r.operator}', and the term would match no node`, 'give a base-10 integer, such as "4"'),
        );
      }
      break;
  }
  r.values.forEach((v, i) => {
    const problem = labelValueProblem(v);
    if (problem !== undefined) sink.error(ref.problem([...values, i], `"${v}" is not a valid label value: ${problem}`, 'node label values are at most 63 alphanumerics, "-", "_" or "."'));
  });
  const keyProblem = qualifiedNameProblem(r.key);
  if (keyProblem !== undefined) sink.error(ref.problem([...path, 'key'], `"${r.key}" is not a valid label key: ${keyProblem}`, 'a label key is [prefix/]name, such as node.kubernetes.io/instance-type'));
}

/** ValidateNodeFieldSelectorRequirement: metadata.name, In or NotIn, one value (a node name). */
function checkFieldRequirement(r: NodeSelectorRequirement, ref: DocRef, path: FieldPath, sink: ProblemSink): void {
  if (r.operator !== 'In' && r.operator !== 'NotIn') {
    sink.error(ref.problem([...path, 'operator'], `${r.operator} is not a valid field selector operator: matchFields supports In and NotIn only`));
  } else if (r.values.length !== 1) {
    sink.error(ref.problem([...path, 'values'], `must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector (got ${r.values.length})`, 'give one node name'));
  }
  if (r.key !== OBJECT_NAME_FIELD) {
    sink.error(ref.problem([...path, 'key'], `"${r.key}" is not a valid field selector key: matchFields supports ${OBJECT_NAME_FIELD} only`, 'match node labels with matchExpressions'));
    return;
  }
  r.values.forEach((v, i) => {
    if (!isDns1123Subdomain(v)) sink.error(ref.problem([...path, 'values', i], `"${v}" is not a valid node name (a lowercase RFC 1123 subdomain)`));
  });
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** apimachinery validation.IsValidLabelValue: empty, or ≤ 63 characters, alphanumeric at both ends. */
function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!LABEL_VALUE.test(value)) return 'must be empty or alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric';
  return undefined;
}

/** apimachinery validation.IsQualifiedName: [prefix/]name, name ≤ 63 characters, prefix a DNS subdomain. */
function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name has at most one "/"';
  const name = parts.at(-1)!;
  if (parts.length === 2 && !isDns1123Subdomain(parts[0]!)) return 'the prefix must be a lowercase RFC 1123 subdomain';
  if (name.length === 0 || name.length > 63) return 'the name part must be 1 to 63 characters';
  if (!QUALIFIED_NAME.test(name)) return 'the name part must be alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric';
  return undefined;
}
