/**
 * kube-scheduler's PodTopologySpread Filter for a pod's explicit `whenUnsatisfiable: DoNotSchedule`
 * constraints (pkg/scheduler/framework/plugins/podtopologyspread/filtering.go calPreFilterState,
 * Filter, preFilterState.minMatchNum; common.go nodeLabelsMatchSpreadConstraints,
 * matchNodeInclusionPolicies, countPodsMatchSelector).
 *
 * PreFilter: over every node of the snapshot that carries the topology keys of all the filter's
 * constraints, and, per constraint, passes its node inclusion policies (nodeAffinityPolicy Honor: the
 * pod's nodeSelector and required node affinity match the node, RequiredNodeAffinity.Match in
 * node-affinity.ts; nodeTaintsPolicy Honor: the pod tolerates the node's
 * NoSchedule and NoExecute taints), the matching pods (the caller's count: the constraint's selector,
 * the pod's namespace, terminating pods left out) are summed per value of the key: the domains.
 * minMatchNum is the smallest domain count, or 0 while there are fewer domains than minDomains.
 *
 * Filter: a node lacking a constraint's key fails as UnschedulableAndUnresolvable
 * (ErrReasonNodeLabelNotMatch); otherwise it fails (ErrReasonConstraintsNotMatch) when, for some
 * constraint in order, matchNum (its domain's count, 0 for a domain PreFilter did not see) +
 * selfMatch (1 when the pod matches its own selector) − minMatchNum > maxSkew. Pure functions.
 */
import type { Taint, Toleration } from '../scenario/types.js';
import { matchesRequiredNodeAffinity, type RequiredNodeAffinityView } from './node-affinity.js';
import { toleratesNodeTaints } from './scheduling-filter.js';

/** The part of a constraint both the filter and the score read. */
export interface SpreadConstraintPolicy {
  topologyKey: string;
  maxSkew: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

export interface SpreadFilterConstraint extends SpreadConstraintPolicy {
  minDomains: number;
  /** The incoming pod matches the constraint's selector (selfMatchNum 1). */
  selfMatch: boolean;
}

/** What the spreading rules read of a node. */
export interface SpreadNodeView {
  /** For the required node affinity's matchFields (metadata.name). */
  name: string;
  labels: Readonly<Record<string, string>>;
  taints: readonly Taint[];
}

/** What the node inclusion policies read of the incoming pod. */
export interface SpreadPodView extends RequiredNodeAffinityView {
  tolerations: readonly Toleration[];
}

/** preFilterState: per constraint, the matching pods per domain, and the global minimum (minMatchNum). */
export interface SpreadFilterState {
  matchNumByDomain: Map<string, number>[];
  minMatchNum: number[];
}

export type SpreadFilterVerdict =
  | { fits: true }
  | { fits: false; reason: 'NodeLabelMissing'; constraint: number }
  | { fits: false; reason: 'ConstraintsNotMatch'; constraint: number; skew: number };

const FITS: SpreadFilterVerdict = Object.freeze({ fits: true });

/** nodeLabelsMatchSpreadConstraints: the node carries every constraint's topology key. */
export function nodeHasAllTopologyKeys(labels: Readonly<Record<string, string>>, constraints: readonly { topologyKey: string }[]): boolean {
  for (const c of constraints) if (!Object.hasOwn(labels, c.topologyKey)) return false;
  return true;
}

/** matchNodeInclusionPolicies: whether the node's pods count for the constraint. */
export function nodeIncluded(c: SpreadConstraintPolicy, pod: SpreadPodView, node: SpreadNodeView): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesRequiredNodeAffinity(pod, node)) return false;
  return c.nodeTaintsPolicy !== 'Honor' || toleratesNodeTaints(pod.tolerations, node.taints);
}

/**
 * calPreFilterState over `nodes` (the whole snapshot); `matchingPodsOn(node, i)` is the number of
 * pods on `node` that constraint i's selector matches (pod namespace, terminating pods skipped).
 */
export function preFilterSpread<N extends SpreadNodeView>(
  constraints: readonly SpreadFilterConstraint[],
  pod: SpreadPodView,
  nodes: readonly N[],
  matchingPodsOn: (node: N, constraint: number) => number,
): SpreadFilterState {
  const matchNumByDomain = constraints.map(() => new Map<string, number>());
  for (const node of nodes) {
    if (!nodeHasAllTopologyKeys(node.labels, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (!nodeIncluded(c, pod, node)) continue;
      const domains = matchNumByDomain[i]!;
      const value = node.labels[c.topologyKey]!;
      domains.set(value, (domains.get(value) ?? 0) + matchingPodsOn(node, i));
    }
  }
  const minMatchNum = constraints.map((c, i) => {
    const domains = matchNumByDomain[i]!;
    if (domains.size < c.minDomains) return 0;
    let min = Number.POSITIVE_INFINITY;
    for (const n of domains.values()) if (n < min) min = n;
    return min;
  });
  return { matchNumByDomain, minMatchNum };
}

/** The scheduler's name for a failed verdict's reason (the FitError's plugin reason as scalesim's filter counts show it). */
export function spreadFilterReason(verdict: Exclude<SpreadFilterVerdict, { fits: true }>): 'TopologySpreadMissingLabel' | 'TopologySpreadConstraintsNotMatch' {
  return verdict.reason === 'NodeLabelMissing' ? 'TopologySpreadMissingLabel' : 'TopologySpreadConstraintsNotMatch';
}

/** The smallest domain count but `value`'s (+∞ when it is the only domain). */
function smallestExcept(domains: ReadonlyMap<string, number>, value: string): number {
  let min = Number.POSITIVE_INFINITY;
  for (const [v, n] of domains) if (v !== value && n < min) min = n;
  return min;
}

/**
 * Filter for one node, given the PreFilter state. `removed`: per constraint, the matching pods taken
 * off this node first (the preemption dry run's RemovePod, updateWithPod with delta −1), negative for
 * pods put on it (the nominated pods' AddPod, delta +1). The node's domain moves by that many and the
 * minimum follows as criticalPaths.update keeps the smallest: a domain that drops below it becomes
 * it, and a domain that was it and grows gives way to the next smallest; below minDomains domains
 * the minimum stays 0.
 */
export function spreadFilter(
  constraints: readonly SpreadFilterConstraint[],
  state: SpreadFilterState,
  nodeLabels: Readonly<Record<string, string>>,
  removed?: readonly number[],
): SpreadFilterVerdict {
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i]!;
    if (!Object.hasOwn(nodeLabels, c.topologyKey)) return { fits: false, reason: 'NodeLabelMissing', constraint: i };
    const domains = state.matchNumByDomain[i]!;
    const gone = removed === undefined ? 0 : removed[i]!;
    const value = nodeLabels[c.topologyKey]!;
    const matchNum = (domains.get(value) ?? 0) - gone;
    let minMatchNum = state.minMatchNum[i]!;
    if (gone !== 0 && domains.size >= c.minDomains) minMatchNum = gone > 0 ? Math.min(minMatchNum, matchNum) : Math.min(matchNum, smallestExcept(domains, value));
    const skew = matchNum + (c.selfMatch ? 1 : 0) - minMatchNum;
    if (skew > c.maxSkew) return { fits: false, reason: 'ConstraintsNotMatch', constraint: i, skew };
  }
  return FITS;
}
