/**
 * The scale-down planner (core/scaledown/planner/planner.go UpdateClusterState, NodesToDelete;
 * core/scaledown/unneeded/nodes.go Update, RemovableAt; core/static_autoscaler.go cooldown): pure,
 * one call per CA loop. Actuation (taint, drain, delete) is the caller's.
 *
 * 1. Candidates: nodes of a group above its min size (processors/nodes/pre_filtering_processor.go
 *    GetScaleDownCandidates: a group whose target size is at or below its min size offers no
 *    candidate, so its nodes' unneeded timers do not run; NodeGroupAtMinSize), then eligible nodes
 *    (not found unremovable by the simulation within the last
 *    unremovable-node-recheck-timeout (RecentlyUnremovable, nodes.go IsRecent, checked first), not
 *    being deleted, no scale-down-disabled annotation, in a node group, utilization strictly below
 *    the threshold).
 * 2. Unneeded: candidates whose pods can all move elsewhere, tried in order (empty nodes first, then
 *    nodes already unneeded: main.go's scale-down candidate comparers), each success committed before the next (see simulateNodeRemovals), until
 *    unneededNodesLimit nodes are found: min(previously unneeded + 2N, N·⌊U/I⌋ + N) with N the
 *    max-scale-down-parallelism, U the unneeded time and I the scan interval. The rest are not
 *    simulated this loop (NotUnneededOtherReason). Pods go first to the node a simulation of the
 *    previous loop or this one put them on (the hints the plan returns for the next loop).
 * 3. The new unneeded map: unneeded nodes keep their earliest time; the others drop out. Timers
 *    run during the cooldown too.
 * 4. Unless in cooldown: removable when unneeded for MORE than the unneeded (or unready) time, the
 *    group stays above min size, and the cluster stays above the cores/memory minimums; empty nodes
 *    are checked first, then nodes to drain; nodes whose drain would wait for a PodDisruptionBudget
 *    go after the other drains (sortByRisk). The parallelism budgets cut the list.
 */
import type { ClusterAutoscalerSettings } from '../../../scenario/types.js';
import type { CaNode, CaNodeGroup, CaPdb, CaResourceTotals } from '../types.js';
import { cropToBudgets } from './budgets.js';
import { checkScaleDownEligibility, type IneligibleReason } from './eligibility.js';
import { hasNothingToMove, type DrainBlockReason } from './drainability.js';
import { simulateNodeRemovals, type RemovalResult } from './removal-simulation.js';
import { minSizeReason, scaleDownCooldown, unneededTimeReason, type CooldownReason, type TimingReason } from './timing.js';

const GIB = 1024 * 1024 * 1024;

export interface ScaleDownPlanInput {
  nodes: readonly CaNode[];
  groups: readonly CaNodeGroup[];
  /** From the previous loop's plan (empty at start). */
  unneededSince: ReadonlyMap<string, number>;
  /** From the previous loop's plan: node → the time until which it is not simulated again. */
  unremovableUntil?: ReadonlyMap<string, number>;
  /** From the previous loop's plan: where its simulations put pods (pod namespace/name → node). */
  hints?: ReadonlyMap<string, string>;
  /** `nodes`' positions by name, when the caller keeps the index from loop to loop (removal-simulation.ts). */
  nodeIndexByName?: ReadonlyMap<string, number>;
  nowSeconds: number;
  config: ClusterAutoscalerSettings;
  pdbs?: readonly CaPdb[];
  /** The scale-up part of this loop disabled scale-down for it (ScaleUpPlan.scaleDownDisabledForLoop). */
  scaleDownDisabledForLoop?: boolean;
  /** undefined = never. */
  lastScaleUpSeconds?: number | undefined;
  lastScaleDownFailureSeconds?: number | undefined;
  lastDeleteSeconds?: number | undefined;
  /** Node deletions in progress per group. */
  deletionsInProgress?: ReadonlyMap<string, number>;
  /** Of all deletions in progress, those draining pods. */
  drainsInProgress?: number;
  /**
   * Cluster totals now, for --cores-total / --memory-total minimums (limits.go coresMemoryTotal over
   * the snapshot's nodes): without the nodes being deleted, with the upcoming nodes at their template.
   */
  clusterTotals: CaResourceTotals;
}

export type NotRemovableReason =
  | IneligibleReason
  | 'NodeGroupAtMinSize'
  | 'RecentlyUnremovable'
  | 'NotUnneededOtherReason'
  | 'BlockedByPod'
  | 'NoPlaceToMovePods'
  | TimingReason
  | 'MinimalResourceLimitExceeded'
  | 'ParallelismLimitReached';

export interface RemovableNode {
  node: string;
  group: string;
  /** No pod to move (DaemonSet and mirror pods do not count): deleted without a drain. */
  empty: boolean;
  /** Its drain would have to wait for a PodDisruptionBudget between evictions (drained after the others). */
  risky: boolean;
  podsToMove: string[];
  reason: 'UnneededLongEnough' | 'UnreadyLongEnough';
}

export interface NotRemovableNode {
  node: string;
  reason: NotRemovableReason;
  blockingPod?: { name: string; reason: DrainBlockReason };
  unplacedPod?: string;
}

export interface ScaleDownPlan {
  unneededSince: Map<string, number>;
  /** Nodes the simulation rejected, kept out of simulations until the time given (for the next loop). */
  unremovableUntil: Map<string, number>;
  /** Where this loop's simulations put pods (for the next loop's). */
  hints: Map<string, string>;
  removable: RemovableNode[];
  notRemovable: NotRemovableNode[];
  inCooldown: boolean;
  cooldownReason: CooldownReason | undefined;
  reason: 'NodesRemovable' | 'NoRemovableNodes' | 'ScaleDownInCooldown' | 'ScaleDownDisabled';
}

type Unneeded = Extract<RemovalResult, { removable: true }> & { candidate: CaNode; group: string };

/**
 * ScaleDownCandidatesSortingProcessor with the comparers main.go registers, in order: empty nodes
 * first (emptycandidates.EmptySorting: GetPodsToMove, without PDBs, finds nothing to move), then
 * nodes already unneeded (previouscandidates); otherwise the nodes keep their order. The order
 * decides which nodes the simulation finds unneeded: tried first, an empty node is unneeded at no
 * cost to the others, where a busy node tried first would move its pods onto the empty one and
 * leave the empty one needed (flask-hpa-ca drained its busy node and kept an empty one).
 */
function sortCandidates(eligible: readonly CaNode[], input: ScaleDownPlanInput): CaNode[] {
  const drain = { skipNodesWithSystemPods: input.config.skipNodesWithSystemPods, skipNodesWithLocalStorage: input.config.skipNodesWithLocalStorage, pdbs: [], nowSeconds: input.nowSeconds };
  const rank = (node: CaNode): number => (hasNothingToMove(node.pods, drain) ? 0 : 2) + (input.unneededSince.has(node.name) ? 0 : 1);
  return eligible
    .map((node, index) => ({ node, index, rank: rank(node) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((c) => c.node);
}

function findUnneeded(input: ScaleDownPlanInput, groups: ReadonlyMap<string, CaNodeGroup>) {
  const notRemovable: NotRemovableNode[] = [];
  const eligible: CaNode[] = [];
  const unremovableUntil = new Map<string, number>();
  const eligibility = {
    utilizationThresholdRatio: input.config.scaleDownUtilizationThreshold,
    ignoreDaemonSetsUtilization: input.config.ignoreDaemonSetsUtilization,
    scaleDownUnreadyEnabled: input.config.scaleDownUnreadyEnabled,
    nowSeconds: input.nowSeconds,
  };
  for (const node of input.nodes) {
    const until = input.unremovableUntil?.get(node.name);
    const recent = until !== undefined && until > input.nowSeconds;
    if (recent) unremovableUntil.set(node.name, until);
    const group = groups.get(node.group);
    if (group !== undefined && group.targetSize <= group.minSize) {
      notRemovable.push({ node: node.name, reason: 'NodeGroupAtMinSize' });
      continue;
    }
    if (recent) {
      notRemovable.push({ node: node.name, reason: 'RecentlyUnremovable' });
      continue;
    }
    const verdict = checkScaleDownEligibility(node, group, eligibility);
    if (verdict.eligible) eligible.push(node);
    else notRemovable.push({ node: node.name, reason: verdict.reason as IneligibleReason });
  }
  const candidates = sortCandidates(eligible, input);
  const simulation = simulateNodeRemovals({
    candidates,
    nodes: input.nodes,
    drain: { skipNodesWithSystemPods: input.config.skipNodesWithSystemPods, skipNodesWithLocalStorage: input.config.skipNodesWithLocalStorage, nowSeconds: input.nowSeconds },
    pdbs: input.pdbs ?? [],
    maxRemovable: unneededNodesLimit(input),
    ...(input.hints !== undefined ? { hints: input.hints } : {}),
    ...(input.nodeIndexByName !== undefined ? { indexByName: input.nodeIndexByName } : {}),
  });
  for (const node of simulation.skipped) notRemovable.push({ node, reason: 'NotUnneededOtherReason' });
  const unneeded: Unneeded[] = [];
  // One result per candidate tried, in candidate order (the rest were skipped): result i is candidate
  // i's (before, a search by name per result: quadratic in a cluster of hundreds of candidates).
  for (let i = 0; i < simulation.results.length; i++) {
    const result = simulation.results[i]!;
    const candidate = candidates[i]!;
    if (candidate.name !== result.node) throw new Error(`removal simulation: result ${i} is for ${result.node}, candidate ${i} is ${candidate.name}`);
    if (result.removable) {
      unneeded.push({ ...result, candidate, group: candidate.group });
      continue;
    }
    unremovableUntil.set(result.node, input.nowSeconds + input.config.unremovableNodeRecheckTimeoutSeconds);
    if (result.reason === 'BlockedByPod') notRemovable.push({ node: result.node, reason: result.reason, blockingPod: result.blockingPod });
    else notRemovable.push({ node: result.node, reason: result.reason, unplacedPod: result.unplacedPod });
  }
  return { unneeded, notRemovable, unremovableUntil, hints: simulation.hints };
}

/**
 * planner.go unneededNodesLimit: more unneeded nodes than scale-down can remove before they would
 * be removable is wasted simulation. N = max-scale-down-parallelism, with N extra as a buffer.
 */
export function unneededNodesLimit(input: Pick<ScaleDownPlanInput, 'unneededSince' | 'config'>): number {
  const n = input.config.maxScaleDownParallelism;
  const extraBuffer = n;
  const limit = input.unneededSince.size + n + extraBuffer;
  const loopSeconds = input.config.scanIntervalSeconds;
  const unneededSeconds = Math.max(input.config.scaleDownUnneededTimeSeconds, loopSeconds);
  const upperBound = n * Math.trunc(unneededSeconds / loopSeconds) + extraBuffer;
  return Math.min(limit, upperBound);
}

/** RemovableAt: the unneeded nodes that may go now (empty first), and why the others may not. */
function removableAt(input: ScaleDownPlanInput, unneeded: readonly Unneeded[], since: ReadonlyMap<string, number>, groups: ReadonlyMap<string, CaNodeGroup>) {
  const sizes = new Map([...groups.values()].map((g) => [g.name, g.targetSize]));
  let cpuLeft = input.clusterTotals.cpuMillicores - input.config.coresTotal.min * 1000;
  let memoryLeft = input.clusterTotals.memoryBytes - input.config.memoryTotalGiB.min * GIB;
  const removable: RemovableNode[] = [];
  const notRemovable: NotRemovableNode[] = [];
  for (const u of [...unneeded.filter((x) => x.empty), ...unneeded.filter((x) => !x.empty)]) {
    const node = u.candidate;
    const group = groups.get(u.group) as CaNodeGroup;
    const reason =
      unneededTimeReason({
        ready: node.ready,
        unneededSinceSeconds: since.get(node.name) ?? input.nowSeconds,
        nowSeconds: input.nowSeconds,
        unneededTimeSeconds: input.config.scaleDownUnneededTimeSeconds,
        unreadyTimeSeconds: input.config.scaleDownUnreadyTimeSeconds,
      }) ?? minSizeReason(sizes.get(group.name) ?? 0, input.deletionsInProgress?.get(group.name) ?? 0, group.minSize);
    if (reason !== undefined) {
      notRemovable.push({ node: node.name, reason });
      continue;
    }
    if (node.cpuAllocatableMillicores > cpuLeft || node.memoryAllocatableBytes > memoryLeft) {
      notRemovable.push({ node: node.name, reason: 'MinimalResourceLimitExceeded' });
      continue;
    }
    cpuLeft -= node.cpuAllocatableMillicores;
    memoryLeft -= node.memoryAllocatableBytes;
    sizes.set(group.name, (sizes.get(group.name) ?? 0) - 1);
    const why = node.ready ? 'UnneededLongEnough' : 'UnreadyLongEnough';
    removable.push({ node: node.name, group: group.name, empty: u.empty, risky: u.risky, podsToMove: u.podsToMove.map((p) => p.name), reason: why });
  }
  return { removable, notRemovable };
}

/** One loop of scale-down planning; see the file header for the steps. */
export function planScaleDown(input: ScaleDownPlanInput): ScaleDownPlan {
  const cooldown = scaleDownCooldown({
    nowSeconds: input.nowSeconds,
    disabledForLoop: input.scaleDownDisabledForLoop === true,
    lastScaleUpSeconds: input.lastScaleUpSeconds,
    lastScaleDownFailureSeconds: input.lastScaleDownFailureSeconds,
    lastDeleteSeconds: input.lastDeleteSeconds,
    scaleDownDelayAfterAddSeconds: input.config.scaleDownDelayAfterAddSeconds,
    scaleDownDelayAfterFailureSeconds: input.config.scaleDownDelayAfterFailureSeconds,
    scaleDownDelayAfterDeleteSeconds: input.config.scaleDownDelayAfterDeleteSeconds,
  });
  if (!input.config.scaleDownEnabled) {
    return scaleDownPlan(cooldown, 'ScaleDownDisabled', new Map(), new Map(), new Map(), [], []);
  }
  const groups = new Map(input.groups.map((g) => [g.name, g]));
  const found = findUnneeded(input, groups);
  const unneededSince = new Map(found.unneeded.map((u) => [u.node, input.unneededSince.get(u.node) ?? input.nowSeconds]));
  if (cooldown.inCooldown) {
    return scaleDownPlan(cooldown, 'ScaleDownInCooldown', unneededSince, found.unremovableUntil, found.hints, [], found.notRemovable);
  }
  const at = removableAt(input, found.unneeded, unneededSince, groups);
  const inProgress = [...(input.deletionsInProgress?.values() ?? [])].reduce((a, b) => a + b, 0);
  const cropped = cropToBudgets({
    empty: at.removable.filter((r) => r.empty),
    // planner.go sortByRisk: nodes whose drain must wait for a budget go after the others.
    drain: [...at.removable.filter((r) => !r.empty && !r.risky), ...at.removable.filter((r) => !r.empty && r.risky)],
    maxScaleDownParallelism: input.config.maxScaleDownParallelism,
    maxDrainParallelism: input.config.maxDrainParallelism,
    deletionsInProgress: inProgress,
    drainsInProgress: input.drainsInProgress ?? 0,
  });
  const removable = [...cropped.empty, ...cropped.drain];
  const notRemovable = [...found.notRemovable, ...at.notRemovable, ...cropped.deferred.map((d) => ({ node: d.node, reason: 'ParallelismLimitReached' as const }))];
  const reason = removable.length > 0 ? 'NodesRemovable' : 'NoRemovableNodes';
  return scaleDownPlan(cooldown, reason, unneededSince, found.unremovableUntil, found.hints, removable, notRemovable);
}

/**
 * A plan as one literal of one shape: spreading the cooldown's fields into each return (`{ ...base,
 * … }`) took V8's slow path for object literals, the largest single cost of a small cluster's loop.
 */
function scaleDownPlan(
  cooldown: { inCooldown: boolean; reason: CooldownReason | undefined },
  reason: ScaleDownPlan['reason'],
  unneededSince: Map<string, number>,
  unremovableUntil: Map<string, number>,
  hints: Map<string, string>,
  removable: RemovableNode[],
  notRemovable: NotRemovableNode[],
): ScaleDownPlan {
  return { unneededSince, unremovableUntil, hints, removable, notRemovable, inCooldown: cooldown.inCooldown, cooldownReason: cooldown.reason, reason };
}
