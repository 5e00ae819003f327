/**
 * kube-scheduler's InterPodAffinity PreFilter and Filter
 * (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go): pure functions over the pods the
 * caller visits (the cluster's counts, inter-pod-affinity-counts.ts, or the cluster-autoscaler's
 * snapshot, affinity-predicate.ts).
 *
 * PreFilter (topology pairs are {key, the node's value of it}; a node without a term's key adds
 * nothing for that term):
 * - existingAntiAffinityCounts: for each existing pod's required anti-affinity term that matches the
 *   incoming pod, +1 on the pair of the existing pod's node (getExistingAntiAffinityCounts);
 * - affinityCounts: for each existing pod that matches every required affinity term of the incoming
 *   pod, +1 on each term's pair (updateWithAffinityTerms, podMatchesAllAffinityTerms);
 * - antiAffinityCounts: for each required anti-affinity term of the incoming pod an existing pod
 *   matches, +1 on the term's pair (updateWithAntiAffinityTerms).
 * All of a node's pods count, terminating ones too: NodeInfo holds a pod until it is deleted, and
 * the plugin does not look at deletionTimestamp. With no existing anti-affinity match and no
 * required term of its own, the plugin is skipped (PreFilter returns Skip): undefined here.
 *
 * Filter, in upstream's order: satisfyPodAffinity (every required affinity term's key on the node,
 * and a matching pod in each term's domain; else, when no pod in the cluster matched
 * (affinityCounts empty) and the pod matches all its own terms, it passes: the first pod of a
 * self-affine group) → AffinityRulesNotMatch (UnschedulableAndUnresolvable);
 * satisfyPodAntiAffinity (no matching pod in a term's domain; a node without the key passes) →
 * AntiAffinityRulesNotMatch; satisfyExistingPodsAntiAffinity (no pair of the node's labels has an
 * existing anti-affinity match) → ExistingAntiAffinityRulesNotMatch.
 */
import { matchesAllTerms, termMatches, type AffinityPodView, type AffinityTerm } from './inter-pod-affinity-terms.js';

/** The filter's reasons, named after upstream's ErrReason constants (FitError reasons as the filter counts show them). */
export type InterPodAffinityReason = 'AffinityRulesNotMatch' | 'AntiAffinityRulesNotMatch' | 'ExistingAntiAffinityRulesNotMatch';

/** topologyToMatchedTermCount: topology key → value → count (entries only for counts above 0). */
export type TopologyCounts = Map<string, Map<string, number>>;

/** preFilterState. */
export interface AffinityFilterState {
  requiredAffinity: readonly AffinityTerm[];
  requiredAnti: readonly AffinityTerm[];
  existingAntiAffinityCounts: TopologyCounts;
  affinityCounts: TopologyCounts;
  antiAffinityCounts: TopologyCounts;
  /** podMatchesAllAffinityTerms(RequiredAffinityTerms, the incoming pod). */
  matchesOwnAffinity: boolean;
}

/** The pods of one kind on one node: what the terms read of them, their required anti-affinity terms, how many. */
export type ExistingPodsVisit = (nodeLabels: Readonly<Record<string, string>>, pod: AffinityPodView, requiredAnti: readonly AffinityTerm[] | undefined, count: number) => void;

/** Calls `visit` for every existing pod (or group of identical pods) of the snapshot. */
export type ExistingPods = (visit: ExistingPodsVisit) => void;

function add(counts: TopologyCounts, key: string, labels: Readonly<Record<string, string>>, n: number): void {
  const value = Object.hasOwn(labels, key) ? labels[key] : undefined;
  if (value === undefined) return;
  let byValue = counts.get(key);
  if (byValue === undefined) {
    byValue = new Map();
    counts.set(key, byValue);
  }
  byValue.set(value, (byValue.get(value) ?? 0) + n);
}

function countAt(counts: TopologyCounts, key: string, value: string): number {
  return counts.get(key)?.get(value) ?? 0;
}

/** PreFilter over every existing pod; undefined when the plugin is skipped. */
export function preFilterInterPodAffinity(
  pod: AffinityPodView,
  requiredAffinity: readonly AffinityTerm[],
  requiredAnti: readonly AffinityTerm[],
  existing: ExistingPods,
): AffinityFilterState | undefined {
  const state: AffinityFilterState = {
    requiredAffinity,
    requiredAnti,
    existingAntiAffinityCounts: new Map(),
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
    matchesOwnAffinity: matchesAllTerms(requiredAffinity, pod),
  };
  const incoming = requiredAffinity.length > 0 || requiredAnti.length > 0;
  existing((labels, other, otherAnti, count) => {
    if (otherAnti !== undefined) for (const t of otherAnti) if (termMatches(t, pod)) add(state.existingAntiAffinityCounts, t.topologyKey, labels, count);
    if (!incoming) return;
    if (matchesAllTerms(requiredAffinity, other)) for (const t of requiredAffinity) add(state.affinityCounts, t.topologyKey, labels, count);
    for (const t of requiredAnti) if (termMatches(t, other)) add(state.antiAffinityCounts, t.topologyKey, labels, count);
  });
  if (state.existingAntiAffinityCounts.size === 0 && !incoming) return undefined;
  return state;
}

/**
 * Pods taken off one node, as the PreFilter extension's RemovePod takes them out of the state
 * (updateWithPod with multiplier −1, for DefaultPreemption's dry run), or put on it, as AddPod does
 * for the nominated pods (negative entries): per topology key, what comes off the node's own pair in
 * each of the three counts. A pair brought to 0 is deleted upstream
 * (topologyToMatchedTermCount.update), which the self-affine first-pod rule reads.
 */
export interface RemovedFromNode {
  existingAnti: Map<string, number>;
  affinity: Map<string, number>;
  anti: Map<string, number>;
}

/** A pod being removed: what the terms read of it and its required anti-affinity terms. */
export interface RemovedPod {
  view: AffinityPodView;
  requiredAnti: readonly AffinityTerm[] | undefined;
}

function bump(counts: Map<string, number>, key: string, nodeLabels: Readonly<Record<string, string>>, n: number): void {
  if (Object.hasOwn(nodeLabels, key)) counts.set(key, (counts.get(key) ?? 0) + n);
}

/**
 * RemovePod (`sign` 1) or AddPod (`sign` −1) of each of `pods` (pods on the node with `nodeLabels`)
 * against the state of the incoming `pod`, added to `into` when given.
 */
export function removedFromNode(
  state: AffinityFilterState,
  pod: AffinityPodView,
  nodeLabels: Readonly<Record<string, string>>,
  pods: Iterable<RemovedPod>,
  sign: 1 | -1 = 1,
  into: RemovedFromNode = { existingAnti: new Map(), affinity: new Map(), anti: new Map() },
): RemovedFromNode {
  for (const r of pods) {
    if (r.requiredAnti !== undefined) for (const t of r.requiredAnti) if (termMatches(t, pod)) bump(into.existingAnti, t.topologyKey, nodeLabels, sign);
    if (matchesAllTerms(state.requiredAffinity, r.view)) for (const t of state.requiredAffinity) bump(into.affinity, t.topologyKey, nodeLabels, sign);
    for (const t of state.requiredAnti) if (termMatches(t, r.view)) bump(into.anti, t.topologyKey, nodeLabels, sign);
  }
  return into;
}

/** Whether no topology pair is left in affinityCounts once `removed` changed the node's pairs (a pair at 0 is deleted, one above 0 exists). */
function affinityCountsEmptyAfter(state: AffinityFilterState, nodeLabels: Readonly<Record<string, string>>, removed: RemovedFromNode): boolean {
  let pairs = 0;
  for (const byValue of state.affinityCounts.values()) pairs += byValue.size;
  for (const [key, n] of removed.affinity) {
    const before = countAt(state.affinityCounts, key, nodeLabels[key]!);
    if (before !== 0 && before - n === 0) pairs--;
    else if (before === 0 && before - n !== 0) pairs++;
  }
  return pairs === 0;
}

/**
 * Filter for one node's labels, given the PreFilter state; `removed`: pods of this node taken out of
 * the state first (the preemption dry run), as removedFromNode counts them.
 */
export function interPodAffinityFilter(state: AffinityFilterState, nodeLabels: Readonly<Record<string, string>>, removed?: RemovedFromNode): InterPodAffinityReason | 'Fits' {
  let podsExist = true;
  for (const t of state.requiredAffinity) {
    const value = Object.hasOwn(nodeLabels, t.topologyKey) ? nodeLabels[t.topologyKey] : undefined;
    if (value === undefined) return 'AffinityRulesNotMatch';
    if (countAt(state.affinityCounts, t.topologyKey, value) - (removed?.affinity.get(t.topologyKey) ?? 0) <= 0) podsExist = false;
  }
  if (!podsExist) {
    const empty = removed === undefined ? state.affinityCounts.size === 0 : affinityCountsEmptyAfter(state, nodeLabels, removed);
    if (!(empty && state.matchesOwnAffinity)) return 'AffinityRulesNotMatch';
  }
  for (const t of state.requiredAnti) {
    const value = Object.hasOwn(nodeLabels, t.topologyKey) ? nodeLabels[t.topologyKey] : undefined;
    if (value !== undefined && countAt(state.antiAffinityCounts, t.topologyKey, value) - (removed?.anti.get(t.topologyKey) ?? 0) > 0) return 'AntiAffinityRulesNotMatch';
  }
  for (const [key, byValue] of state.existingAntiAffinityCounts) {
    const value = Object.hasOwn(nodeLabels, key) ? nodeLabels[key] : undefined;
    if (value !== undefined && (byValue.get(value) ?? 0) - (removed?.existingAnti.get(key) ?? 0) > 0) return 'ExistingAntiAffinityRulesNotMatch';
  }
  // Pods put on the node (negative entries) may bring keys the state had none of.
  if (removed !== undefined) for (const [key, n] of removed.existingAnti) if (n < 0 && !state.existingAntiAffinityCounts.has(key)) return 'ExistingAntiAffinityRulesNotMatch';
  return 'Fits';
}
