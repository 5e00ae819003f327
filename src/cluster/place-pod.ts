/**
 * One scheduling cycle for one pod: filter nodes, score the feasible ones, pick the best and break
 * ties at random with reservoir sampling, as kube-scheduler's selectHost does (the random draw comes
 * from the seeded `scheduler` stream). Like schedule_one.go findNodesThatPassFilters, the search
 * starts at the node after the previous cycle's last one and stops once `numFeasibleNodesToFind`
 * feasible nodes are found (percentageOfNodesToScore, adaptive by default): in a cluster of 100 nodes
 * or more, not every node is scored. A node's score is the resource plugins' (scheduling-score.ts)
 * plus 3 × TaintToleration's, normalized over the feasible nodes (taint-toleration-score.ts), plus
 * 2 × PodTopologySpread's for the system default constraints (topology-spread-score.ts, with the
 * matching-pod counts of topology-spread-counts.ts; skipped, 0 everywhere, for a pod without them)
 * or for the pod's explicit ScheduleAnyway constraints (topology-spread-explicit-score.ts), plus
 * 2 × NodeAffinity's for a pod with preferred node affinity terms (node-affinity-score.ts; skipped,
 * 0 everywhere, for a pod without), as schedule_one.go prioritizeNodes sums the weighted plugin
 * scores. NodeAffinity's filter (nodeSelector and required terms) is in scheduling-filter.ts. A
 * pod's explicit DoNotSchedule constraints filter after the resource filters
 * (topology-spread-filter.ts; PreFilter over every node, with the selectors' counts of
 * topology-spread-selectors.ts). InterPodAffinity filters after it (inter-pod-affinity-filter.ts)
 * and adds 2 × its normalized score (inter-pod-affinity-score.ts), with the cluster's pods as
 * inter-pod-affinity-counts.ts keeps them; both skipped when no pod has terms. While pods are
 * nominated (nominator.ts), a node's nominated pods of priority ≥ the pod's hold their room
 * (NodeResourcesFit) and are put into both count filters' counts too (preemption-count-filters.ts
 * nominatedCountFilters), as RunFilterPluginsWithNominatedPods runs the filters with and without them.
 * A node that fails NodeResourcesFit counts under each resource it lacks in the failure's counts
 * (fit.go keeps every insufficient resource as a reason; the FailedScheduling message counts each).
 */
import type { RandomStream } from '../core/rng.js';
import type { SimNode, SimPod } from './model.js';
import { NODE_AFFINITY_WEIGHT, nodeAffinityScores } from './node-affinity-score.js';
import type { InterPodAffinityPods } from './inter-pod-affinity-counts.js';
import { interPodAffinityFilter, type InterPodAffinityReason } from './inter-pod-affinity-filter.js';
import { INTER_POD_AFFINITY_WEIGHT, interPodAffinityScore, normalizeInterPodAffinityScores, type TopologyScore } from './inter-pod-affinity-score.js';
import type { Nominator } from './nominator.js';
import { nominatedCountFilters, type CountFilterStates } from './preemption-count-filters.js';
import { countPodResourceFitReasons, filterNode, isResourceFitReason, type FilterReason } from './scheduling-filter.js';
import { scoreNode, type ScoringStrategy } from './scheduling-score.js';
import { intolerablePreferNoScheduleCount, normalizedReverseScore, TAINT_TOLERATION_WEIGHT } from './taint-toleration-score.js';
import type { SpreadGroup } from './topology-spread-counts.js';
import { explicitSpreadRawScores } from './topology-spread-explicit-score.js';
import { preFilterSpread, spreadFilter, spreadFilterReason, type SpreadFilterState } from './topology-spread-filter.js';
import type { ExplicitSpread } from './topology-spread-selectors.js';
import {
  HOSTNAME_LABEL,
  normalizedSpreadScore,
  normalizeSpreadScores,
  POD_TOPOLOGY_SPREAD_WEIGHT,
  rawSpreadScore,
  SYSTEM_DEFAULT_CONSTRAINTS,
  topologyNormalizingWeight,
  ZONE_LABEL,
} from './topology-spread-score.js';

/** Why a node failed the filters: the plugins of scheduling-filter.ts, PodTopologySpread's two reasons, or InterPodAffinity's three. */
export type PlacementFilterReason = FilterReason | 'TopologySpreadMissingLabel' | 'TopologySpreadConstraintsNotMatch' | InterPodAffinityReason;

export type Placement =
  | { node: SimNode; score: number; reason: 'Scheduled' }
  | { node: undefined; reason: 'Unschedulable'; filterCounts: Partial<Record<PlacementFilterReason, number>> };

/** schedule_one.go minFeasibleNodesToFind and minFeasibleNodesPercentageToFind. */
const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * schedule_one.go numFeasibleNodesToFind with percentageOfNodesToScore unset (0, the
 * KubeSchedulerConfiguration default): all nodes below 100; else 50 − n/125 percent (at least 5%),
 * and never fewer than 100 nodes. Integer arithmetic as upstream's int32.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  const percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}

/**
 * @param startIndex the scheduler's nextStartNodeIndex; `processedNodes` in the result is how far
 *   the search went, so the next cycle starts at (startIndex + processedNodes) mod nodes.
 * @param affinity the cluster's pods as InterPodAffinity reads them (none: the plugin is skipped).
 * @param nominated the pods nominated after a preemption, when there are any (RunFilterPluginsWithNominatedPods).
 */
export function placePod(
  pod: SimPod,
  nodes: readonly SimNode[],
  strategy: ScoringStrategy,
  random: RandomStream,
  startIndex = 0,
  affinity?: InterPodAffinityPods,
  nominated?: Nominator,
): Placement & { processedNodes: number } {
  const filterCounts: Partial<Record<PlacementFilterReason, number>> = {};
  const count = nodes.length;
  const explicit = pod.spreadSource?.explicit;
  const spreadFilterState = explicit === undefined || explicit.filter.length === 0 ? undefined : preFilterExplicitSpread(pod, explicit, nodes);
  const affinityCycle = affinity?.cycle(pod);
  const affinityFilter = affinityCycle?.filter;
  // RunFilterPluginsWithNominatedPods: the two count filters again with the node's nominated pods put in.
  const withNominated: CountFilterStates | undefined =
    nominated === undefined || (spreadFilterState === undefined && affinityFilter === undefined) ? undefined : { constraints: explicit?.filter, spread: spreadFilterState, affinity: affinityFilter };
  const wanted = numFeasibleNodesToFind(count);
  const feasible: SimNode[] = [];
  let maxIntolerable = 0;
  let processedNodes = 0;
  for (let i = 0; i < count && feasible.length < wanted; i++) {
    const node = nodes[(startIndex + i) % count]!;
    processedNodes++;
    let fit = filterNode(pod, node);
    // Pods nominated here with priority ≥ this pod's hold their room (nominator.ts).
    if (fit === 'Fits' && nominated !== undefined) fit = nominated.fitsWithNominated(pod, node);
    if (fit !== 'Fits') {
      // NodeResourcesFit keeps every insufficient resource as a reason (countResourceFitReasons),
      // counted as RunFilterPluginsWithNominatedPods reports them: with the nominated pods' room.
      if (!isResourceFitReason(fit)) filterCounts[fit] = (filterCounts[fit] ?? 0) + 1;
      else if (nominated !== undefined) nominated.countReasonsWithNominated(filterCounts, pod, node);
      else countPodResourceFitReasons(filterCounts, pod, node);
      continue;
    }
    if (spreadFilterState !== undefined) {
      // PodTopologySpread runs after NodeResourcesFit in the default plugin order.
      const verdict = spreadFilter(explicit!.filter, spreadFilterState, node.labels);
      if (!verdict.fits) {
        const reason = spreadFilterReason(verdict);
        filterCounts[reason] = (filterCounts[reason] ?? 0) + 1;
        continue;
      }
    }
    if (affinityFilter !== undefined) {
      // InterPodAffinity runs after PodTopologySpread in the default plugin order.
      const verdict = interPodAffinityFilter(affinityFilter, node.labels);
      if (verdict !== 'Fits') {
        filterCounts[verdict] = (filterCounts[verdict] ?? 0) + 1;
        continue;
      }
    }
    if (withNominated !== undefined) {
      const verdict = nominatedCountFilters(pod, node, withNominated, nominated!);
      if (verdict !== 'Fits') {
        filterCounts[verdict] = (filterCounts[verdict] ?? 0) + 1;
        continue;
      }
    }
    feasible.push(node);
    if (node.taints.length > 0) maxIntolerable = Math.max(maxIntolerable, intolerablePreferNoScheduleCount(node.taints, pod.tolerations));
  }
  if (feasible.length === 0) return { node: undefined, reason: 'Unschedulable', filterCounts, processedNodes };
  const spread = pod.spread;
  const spreadRaw = spread === undefined ? undefined : spreadRawScores(spread, feasible);
  const explicitSpreadScores = explicit === undefined || explicit.score.length === 0 ? undefined : explicitScores(pod, explicit, feasible, nodes);
  const nodeAffinityNormalized = pod.template.nodeAffinity === undefined ? undefined : nodeAffinityScores(pod.template.nodeAffinity.preferred, feasible);
  const podAffinityScores = affinityCycle?.score === undefined ? undefined : affinityScoresOf(affinityCycle.score, feasible);
  let best = feasible[0]!;
  let bestScore = -1;
  let ties = 0;
  for (let i = 0; i < feasible.length; i++) {
    const node = feasible[i]!;
    const intolerable = node.taints.length > 0 ? intolerablePreferNoScheduleCount(node.taints, pod.tolerations) : 0;
    let score = scoreNode(pod, node, strategy) + TAINT_TOLERATION_WEIGHT * normalizedReverseScore(intolerable, maxIntolerable);
    if (spreadRaw !== undefined) score += POD_TOPOLOGY_SPREAD_WEIGHT * normalizedSpreadScore(spreadRaw.scores[i]!, spreadRaw.min, spreadRaw.max);
    else if (explicitSpreadScores !== undefined) score += POD_TOPOLOGY_SPREAD_WEIGHT * explicitSpreadScores[i]!;
    if (nodeAffinityNormalized !== undefined) score += NODE_AFFINITY_WEIGHT * nodeAffinityNormalized[i]!;
    if (podAffinityScores !== undefined) score += INTER_POD_AFFINITY_WEIGHT * podAffinityScores[i]!;
    if (score > bestScore) {
      best = node;
      bestScore = score;
      ties = 1;
    } else if (score === bestScore) {
      ties++;
      if (random.int(ties) === 0) best = node;
    }
  }
  return { node: best, score: bestScore, reason: 'Scheduled', processedNodes };
}

/** PodTopologySpread PreFilter for the pod's DoNotSchedule constraints over every node (the scheduler's snapshot). */
function preFilterExplicitSpread(pod: SimPod, explicit: ExplicitSpread, nodes: readonly SimNode[]): SpreadFilterState {
  const constraints = explicit.filter;
  return preFilterSpread(constraints, pod, nodes, (node, i) => constraints[i]!.counts.podsOnNode(node));
}

/**
 * PodTopologySpread PreScore and Score for the pod's ScheduleAnyway constraints (requireAllTopologies:
 * a node lacking a key is ignored and scores 0, taking no part in the minimum and maximum).
 */
function explicitScores(pod: SimPod, explicit: ExplicitSpread, feasible: readonly SimNode[], nodes: readonly SimNode[]): number[] {
  const constraints = explicit.score;
  return normalizeSpreadScores(explicitSpreadRawScores(constraints, pod, feasible, nodes, (node, i) => constraints[i]!.counts.podsOnNode(node)));
}

/** InterPodAffinity Score and NormalizeScore of the feasible nodes, in order. */
function affinityScoresOf(scores: TopologyScore, feasible: readonly SimNode[]): number[] {
  return normalizeInterPodAffinityScores(feasible.map((node) => interPodAffinityScore(scores, node.labels)));
}

/** Reused between cycles: the raw PodTopologySpread scores of the feasible nodes (a cycle is not re-entered). */
const rawScratch: number[] = [];
/** Reused between nodes and cycles: one node's matching pods and the weights, per system default constraint. */
const countsScratch: (number | undefined)[] = [undefined, undefined];
const weightsScratch: number[] = [0, 0];

/**
 * PodTopologySpread PreScore and Score with the system default constraints (hostname maxSkew 3,
 * zone maxSkew 5; requireAllTopologies false, so no node is ignored): the raw score of each
 * feasible node, in order, and the smallest and largest for NormalizeScore.
 */
function spreadRawScores(spread: SpreadGroup, feasible: readonly SimNode[]): { scores: number[]; min: number; max: number } {
  const hostnameWeight = topologyNormalizingWeight(feasible.length);
  // Zone domains: distinct label values over the feasible nodes, "" standing for a node without
  // the label (upstream's map lookup); only a node with the label gets a zone term.
  let zoneWeight = 0;
  let zones: string[] | undefined;
  for (const node of feasible) {
    if (node.labels[ZONE_LABEL] !== undefined) {
      zones = [];
      break;
    }
  }
  if (zones !== undefined) {
    for (const node of feasible) {
      const zone = node.labels[ZONE_LABEL] ?? '';
      if (!zones.includes(zone)) zones.push(zone);
    }
    zoneWeight = topologyNormalizingWeight(zones.length);
  }
  weightsScratch[0] = hostnameWeight;
  weightsScratch[1] = zoneWeight;
  rawScratch.length = feasible.length;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let i = 0; i < feasible.length; i++) {
    const node = feasible[i]!;
    const zone = zones === undefined ? undefined : node.labels[ZONE_LABEL];
    countsScratch[0] = node.labels[HOSTNAME_LABEL] === undefined ? undefined : spread.podsOnNode(node);
    countsScratch[1] = zone === undefined ? undefined : spread.podsInZone(zone);
    const raw = rawSpreadScore(countsScratch, SYSTEM_DEFAULT_CONSTRAINTS, weightsScratch);
    rawScratch[i] = raw;
    if (raw < min) min = raw;
    if (raw > max) max = raw;
  }
  return { scores: rawScratch, min, max };
}
