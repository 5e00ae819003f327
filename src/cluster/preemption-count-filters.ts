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
import { interPodAffinityFilter, removedFromNode, type AffinityFilterState, type RemovedPod } from './inter-pod-affinity-filter.js';
import { affinityTermsOf } from './inter-pod-affinity-terms.js';
import type { SimNode, SimPod } from './model.js';
import { nodeHasAllTopologyKeys, nodeIncluded, preFilterSpread, spreadFilter, type SpreadFilterState } from './topology-spread-filter.js';
import { spreadSelectorMatches, type ResolvedSpreadConstraint } from './topology-spread-selectors.js';

export interface PreemptionCountFilters {
  /** The first of the two filters that fails on `node` as it is does so as UnschedulableAndUnresolvable. */
  unresolvable(node: SimNode): boolean;
  /** Both filters pass on `node` once `removed` (pods of that node) are taken out of their counts. */
  fitsWithout(node: SimNode, removed: ReadonlySet<SimPod>): boolean;
}

/** For a pod with neither DoNotSchedule constraints nor InterPodAffinity state: nothing to check. */
export const NO_COUNT_FILTERS: PreemptionCountFilters = { unresolvable: () => false, fitsWithout: () => true };

/** The two filters' PreFilter over `nodes` for `pod` (`affinity`: the cluster's pods as InterPodAffinity reads them). */
export function preemptionCountFilters(pod: SimPod, nodes: readonly SimNode[], affinity: InterPodAffinityPods | undefined): PreemptionCountFilters {
  const constraints = pod.spreadSource?.explicit?.filter;
  const spreadState = constraints === undefined || constraints.length === 0 ? undefined : preFilterSpread(constraints, pod, nodes, (node, i) => constraints[i]!.counts.podsOnNode(node));
  const affinityState = affinity?.cycle(pod)?.filter;
  if (spreadState === undefined && affinityState === undefined) return NO_COUNT_FILTERS;
  return {
    unresolvable(node) {
      if (spreadState !== undefined) {
        const verdict = spreadFilter(constraints!, spreadState, node.labels);
        if (!verdict.fits) return verdict.reason === 'NodeLabelMissing';
      }
      return affinityState !== undefined && interPodAffinityFilter(affinityState, node.labels) === 'AffinityRulesNotMatch';
    },
    fitsWithout(node, removed) {
      if (spreadState !== undefined && !spreadFitsWithout(pod, constraints!, spreadState, node, removed)) return false;
      return affinityState === undefined || affinityFitsWithout(pod, affinityState, node, removed);
    },
  };
}

/** podtopologyspread updateWithPod(−1) for each removed pod, then Filter. */
function spreadFitsWithout(pod: SimPod, constraints: readonly ResolvedSpreadConstraint[], state: SpreadFilterState, node: SimNode, removed: ReadonlySet<SimPod>): boolean {
  const gone = constraints.map(() => 0);
  if (removed.size > 0 && nodeHasAllTopologyKeys(node.labels, constraints)) {
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (!nodeIncluded(c, pod, node)) continue;
      for (const victim of removed) {
        const source = victim.spreadSource;
        if (source !== undefined && spreadSelectorMatches(c.selector, victim.owner.namespace, source.id, victim.template.labels)) gone[i]!++;
      }
    }
  }
  return spreadFilter(constraints, state, node.labels, gone).fits;
}

/** interpodaffinity updateWithPod(−1) for each removed pod, then Filter. */
function affinityFitsWithout(pod: SimPod, state: AffinityFilterState, node: SimNode, removed: ReadonlySet<SimPod>): boolean {
  const pods: RemovedPod[] = [];
  for (const victim of removed) {
    const source = victim.spreadSource;
    if (source !== undefined) pods.push({ view: viewOfSource(source), requiredAnti: affinityTermsOf(source)?.requiredAnti });
  }
  return interPodAffinityFilter(state, node.labels, removedFromNode(state, viewOfSource(pod.spreadSource!), node.labels, pods)) === 'Fits';
}
