/**
 * The filters that count other pods, PodTopologySpread (the pod's DoNotSchedule constraints) and
 * InterPodAffinity, as DefaultPreemption sees them (pkg/scheduler/framework/preemption
 * preemption.go; defaultpreemption default_preemption.go SelectVictimsOnNode):
 * - nodesWherePreemptionMightHelp skips a node whose status is UnschedulableAndUnresolvable: for
 *   these two plugins a missing topology key (ErrReasonNodeLabelNotMatch) and InterPodAffinity's
 *   AffinityRulesNotMatch; PodTopologySpread's ErrReasonConstraintsNotMatch and InterPodAffinity's
 *   AntiAffinityRulesNotMatch and ExistingAntiAffinityRulesNotMatch are Unschedulable, so such a
 *   node is a candidate;
 * - SelectVictimsOnNode takes each potential victim out of both plugins' PreFilter state
 *   (PreFilterExtensions.RemovePod: podtopologyspread updateWithPod with delta −1, interpodaffinity
 *   updateWithPod with multiplier −1) before RunFilterPluginsWithNominatedPods, so evicting the
 *   pods a constraint or an anti-affinity term counts can make room, and evicting the pods the
 *   preemptor's required affinity needs can take it away.
 * Upstream quirk kept: RemovePod does not look at deletionTimestamp, so a terminating victim comes
 * off PodTopologySpread's count though PreFilter never counted it. Pods without a workload source
 * are in neither count here (inter-pod-affinity-counts.ts, topology-spread-selectors.ts) and come
 * off neither.
 */
import type { InterPodAffinityPods } from './inter-pod-affinity-counts.js';
import { viewOfSource } from './inter-pod-affinity-counts.js';
import { interPodAffinityFilter, removedFromNode, type AffinityFilterState, type InterPodAffinityReason, type RemovedPod } from './inter-pod-affinity-filter.js';
import { affinityTermsOf } from './inter-pod-affinity-terms.js';
import type { SimNode, SimPod } from './model.js';
import type { Nominator } from './nominator.js';
import { nodeHasAllTopologyKeys, nodeIncluded, preFilterSpread, spreadFilter, spreadFilterReason, type SpreadFilterState } from './topology-spread-filter.js';
import { spreadSelectorMatches, type ResolvedSpreadConstraint } from './topology-spread-selectors.js';

export interface PreemptionCountFilters {
  /** The first of the two filters that fails on `node` as it is does so as UnschedulableAndUnresolvable. */
  unresolvable(node: SimNode): boolean;
  /** Both filters pass on `node` once `removed` (pods of that node) are taken out of their counts, with and without the node's nominated pods. */
  fitsWithout(node: SimNode, removed: ReadonlySet<SimPod>): boolean;
}

/** For a pod with neither DoNotSchedule constraints nor InterPodAffinity state: nothing to check. */
export const NO_COUNT_FILTERS: PreemptionCountFilters = { unresolvable: () => false, fitsWithout: () => true };

/** The pod's PreFilter states of the two plugins (each undefined when it has nothing to filter). */
export interface CountFilterStates {
  constraints: readonly ResolvedSpreadConstraint[] | undefined;
  spread: SpreadFilterState | undefined;
  affinity: AffinityFilterState | undefined;
}

export type CountFilterReason = 'TopologySpreadMissingLabel' | 'TopologySpreadConstraintsNotMatch' | InterPodAffinityReason;

const NONE: readonly SimPod[] = [];

/** The two filters on `node` with `removed` taken off it and `added` put on it (RemovePod and AddPod). */
export function countFiltersOn(pod: SimPod, node: SimNode, states: CountFilterStates, removed: Iterable<SimPod>, added: Iterable<SimPod>): CountFilterReason | 'Fits' {
  if (states.spread !== undefined) {
    const verdict = spreadFilter(states.constraints!, states.spread, node.labels, spreadChange(pod, states.constraints!, node, removed, added));
    if (!verdict.fits) return spreadFilterReason(verdict);
  }
  if (states.affinity === undefined) return 'Fits';
  const view = viewOfSource(pod.spreadSource!);
  const change = removedFromNode(states.affinity, view, node.labels, affinityViews(removed), 1);
  removedFromNode(states.affinity, view, node.labels, affinityViews(added), -1, change);
  return interPodAffinityFilter(states.affinity, node.labels, change);
}

/**
 * RunFilterPluginsWithNominatedPods' part for the two filters in a scheduling cycle: with the pods
 * nominated to `node` (priority ≥ the pod's) put into the counts, after they passed without them.
 */
export function nominatedCountFilters(pod: SimPod, node: SimNode, states: CountFilterStates, nominator: Nominator): CountFilterReason | 'Fits' {
  const nominated = nominator.nominatedAtLeast(pod, node);
  return nominated.length === 0 ? 'Fits' : countFiltersOn(pod, node, states, NONE, nominated);
}

/** The two filters' PreFilter over `nodes` for `pod` (`affinity`: the cluster's pods as InterPodAffinity reads them). */
export function countFilterStates(pod: SimPod, nodes: readonly SimNode[], affinity: InterPodAffinityPods | undefined): CountFilterStates {
  const constraints = pod.spreadSource?.explicit?.filter;
  const spread = constraints === undefined || constraints.length === 0 ? undefined : preFilterSpread(constraints, pod, nodes, (node, i) => constraints[i]!.counts.podsOnNode(node));
  return { constraints, spread, affinity: affinity?.cycle(pod)?.filter };
}

/** The preemption's view of the two filters for `pod` (NO_COUNT_FILTERS when it has neither). */
export function preemptionCountFilters(pod: SimPod, nodes: readonly SimNode[], affinity: InterPodAffinityPods | undefined, nominator: Nominator): PreemptionCountFilters {
  const states = countFilterStates(pod, nodes, affinity);
  if (states.spread === undefined && states.affinity === undefined) return NO_COUNT_FILTERS;
  return {
    unresolvable(node) {
      const reason = countFiltersOn(pod, node, states, NONE, NONE);
      return reason === 'TopologySpreadMissingLabel' || reason === 'AffinityRulesNotMatch';
    },
    fitsWithout(node, removed) {
      if (countFiltersOn(pod, node, states, removed, NONE) !== 'Fits') return false;
      const nominated = nominator.nominatedAtLeast(pod, node);
      return nominated.length === 0 || countFiltersOn(pod, node, states, removed, nominated) === 'Fits';
    },
  };
}

/**
 * podtopologyspread updateWithPod for each removed (−1) and added (+1) pod: per constraint, how
 * many matching pods come off the node's domain (negative: go on).
 */
function spreadChange(pod: SimPod, constraints: readonly ResolvedSpreadConstraint[], node: SimNode, removed: Iterable<SimPod>, added: Iterable<SimPod>): number[] | undefined {
  if (!nodeHasAllTopologyKeys(node.labels, constraints)) return undefined;
  let change: number[] | undefined;
  for (const [pods, sign] of [[removed, 1], [added, -1]] as const) {
    for (const other of pods) {
      const source = other.spreadSource;
      if (source === undefined) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        if (!spreadSelectorMatches(c.selector, other.owner.namespace, source.id, other.template.labels) || !nodeIncluded(c, pod, node)) continue;
        change ??= constraints.map(() => 0);
        change[i]! += sign;
      }
    }
  }
  return change;
}

/** What InterPodAffinity reads of each pod (pods without a workload source are in no count). */
function* affinityViews(pods: Iterable<SimPod>): Iterable<RemovedPod> {
  for (const p of pods) {
    const source = p.spreadSource;
    if (source !== undefined) yield { view: viewOfSource(source), requiredAnti: affinityTermsOf(source)?.requiredAnti };
  }
}
