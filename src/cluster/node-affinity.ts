/**
 * kube-scheduler's NodeAffinity Filter (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go
 * Filter) with the matching rules of k8s.io/component-helpers/scheduling/corev1/nodeaffinity
 * (nodeaffinity.go): RequiredNodeAffinity.Match is the pod's nodeSelector (every pair) AND its
 * requiredDuringSchedulingIgnoredDuringExecution node selector; the selector's terms are ORed, an
 * empty term (neither matchExpressions nor matchFields) is skipped and so matches nothing
 * (isEmptyNodeSelectorTerm), and a term's requirements are ANDed: its matchExpressions on the
 * node's labels (labels.Requirement.Matches: In, NotIn, Exists, DoesNotExist, and Gt/Lt comparing
 * both sides parsed as base-10 int64, a label that does not parse failing), its matchFields on
 * metadata.name, the node's name. A failing node gets the plugin's one reason, ErrReasonPod
 * ("node(s) didn't match Pod's node affinity/selector"): NodeSelectorMismatch in scalesim's filter
 * counts, for the nodeSelector and the affinity alike.
 *
 * Not modelled: the PreFilter's narrowing to the nodes named by metadata.name In fields (its
 * PreFilterResult; the same nodes pass the filter, but the scheduler then looks at those nodes only
 * when counting numFeasibleNodesToFind), and the scheduler's addedAffinity argument. Pure functions.
 */
import type { NodeSelectorRequirement, NodeSelectorTerm } from '../scenario/node-affinity-types.js';

/** What node affinity reads of a node: its labels and, for matchFields, its name. */
export interface NodeAffinityNodeView {
  name: string;
  labels: Readonly<Record<string, string>>;
}

/** What RequiredNodeAffinity reads of a pod: spec.nodeSelector and the required node selector terms. */
export interface RequiredNodeAffinityView {
  nodeSelector: Readonly<Record<string, string>>;
  /** requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms; undefined when not set. */
  requiredNodeAffinity?: readonly NodeSelectorTerm[] | undefined;
}

/** A nodeSelector (labels.SelectorFromSet): every pair is among the labels; an empty one matches every node. */
export function matchesSelector(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

/** RequiredNodeAffinity.Match: the nodeSelector and the required terms both match the node. */
export function matchesRequiredNodeAffinity(pod: RequiredNodeAffinityView, node: NodeAffinityNodeView): boolean {
  if (!matchesSelector(pod.nodeSelector, node.labels)) return false;
  const required = pod.requiredNodeAffinity;
  return required === undefined || matchesNodeSelectorTerms(required, node);
}

/** LazyErrorNodeSelector.Match: some non-empty term matches (ORed). */
export function matchesNodeSelectorTerms(terms: readonly NodeSelectorTerm[], node: NodeAffinityNodeView): boolean {
  for (const term of terms) if (matchesNodeSelectorTerm(term, node)) return true;
  return false;
}

/** nodeSelectorTerm.match, with an empty term matching nothing (it is skipped upstream when parsed). */
export function matchesNodeSelectorTerm(term: NodeSelectorTerm, node: NodeAffinityNodeView): boolean {
  if (term.matchExpressions.length === 0 && term.matchFields.length === 0) return false;
  for (const r of term.matchExpressions) if (!matchesLabelRequirement(r, node.labels)) return false;
  for (const r of term.matchFields) if (!matchesFieldRequirement(r, node.name)) return false;
  return true;
}

/** labels.Requirement.Matches for a node selector requirement. */
export function matchesLabelRequirement(r: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(labels[r.key]!);
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || r.values.length !== 1) return false;
      const label = parseInt64(labels[r.key]!);
      const bound = parseInt64(r.values[0]!);
      if (label === undefined || bound === undefined) return false;
      return r.operator === 'Gt' ? label > bound : label < bound;
    }
  }
}

/** fields.OneTermEqualSelector (In) and OneTermNotEqualSelector (NotIn) on metadata.name, the only field (validated at load). */
function matchesFieldRequirement(r: NodeSelectorRequirement, nodeName: string): boolean {
  const equal = r.values[0] === nodeName;
  return r.operator === 'In' ? equal : r.operator === 'NotIn' ? !equal : false;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64), as labels.Requirement reads Gt and Lt values and node labels; undefined when it fails. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}
