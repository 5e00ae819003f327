/**
 * The scale-up planner (core/scaleup/orchestrator/orchestrator.go ScaleUpOrchestrator.ScaleUp and
 * the pod-list processors before it): pure, one call per CA loop. Increasing the group is the
 * caller's (actuation).
 *
 * 1. Expendable pods are dropped; pods nominated to an existing node after a preemption wait for
 *    it and take their room there in the snapshot (FilterOutExpendableAndSplit). The pods of nodes
 *    being drained join the rest, whatever their priority (scale-up/drained-pods.ts).
 * 2. Pods that fit on existing free room or on upcoming nodes are handled by them (young pods too,
 *    most important first), and stay there in the snapshot that scale-down starts from (the plan's
 *    placedOnNodes); of the rest, pods not older than their scale-up delay wait. When every pod
 *    left is younger than 2 s (allPodsAreNew), the loop waits for more and disables scale-down
 *    for itself (RunOnce: DisableScaleDownForLoop), unless the ready nodes are at max-nodes-total.
 * 3. Each node group gives an option (binpacking estimate) or a skip reason.
 * 4. The expander chain picks one option.
 * 5. The count is capped by max-nodes-total, the cores/memory maxima and the group's max size.
 */
import type { RandomStream } from '../../core/rng.js';
import type { ClusterAutoscalerSettings } from '../../scenario/types.js';
import { buildPodEquivalenceGroups } from './estimator/pod-order.js';
import { buildExpanderChain, type ExpanderChain } from './expanders/chain.js';
import type { ExpansionOption } from './expanders/expander.js';
import { absorbPendingPods, snapshotNodes, type UpcomingNodes } from './scale-up/absorb.js';
import { addPodToNode, cloneNode, type SimulatedNode } from './simulated-node.js';
import { applyResourceLimits, capByMaxNodesTotal, resourcesLeft, type LimitName } from './scale-up/limits.js';
import { computeExpansionOptions, type GroupOptions, type GroupSkipReason, type NotSafeToScaleUp } from './scale-up/options.js';
import { allPodsAreNew, splitExpendable, splitWaitingForPreemption, splitYoungPods } from './scale-up/pending-pods.js';
import type { CaNode, CaNodeGroup, CaPod, CaResourceTotals } from './types.js';

export interface ScaleUpLimits {
  /** Ready nodes (isReadyNode) plus upcoming ones (for --max-nodes-total: orchestrator len(nodes)+len(upcomingNodes)). */
  currentNodeCount: number;
  /** Cluster cpu and memory, upcoming nodes included (for --cores-total / --memory-total; see withUpcomingNodes). */
  currentTotals: CaResourceTotals;
}

export interface ScaleUpPlanInput {
  /** Pods the scheduler marked PodScheduled=False/Unschedulable. */
  unschedulablePods: readonly CaPod[];
  /** Recreatable pods of the nodes being drained (podsOfDrainedNodes), added after the expendable filter. */
  drainedPods?: readonly CaPod[];
  groups: readonly CaNodeGroup[];
  upcomingNodes?: readonly UpcomingNodes[];
  /** Existing nodes; pods that fit their free room do not trigger a scale-up. */
  nodes?: readonly CaNode[];
  limits: ScaleUpLimits;
  config: ClusterAutoscalerSettings;
  nowSeconds: number;
  podCreatedSeconds?: ReadonlyMap<string, number>;
  /** The random expander and the chain's fallback draw from it. */
  random: RandomStream;
  /** Built from config.expanders when absent. */
  expander?: ExpanderChain;
  /** --expendable-pods-priority-cutoff; config's when absent. */
  expendablePodsPriorityCutoff?: number;
  /** Groups not safe to scale up, with why (NodeGroupUnhealthy, BackedOff): skipped. */
  notSafeGroups?: ReadonlyMap<string, NotSafeToScaleUp>;
}

export type ScaleUpReason =
  | 'ScaleUp'
  | 'NoUnschedulablePods'
  | 'PodsTooNew'
  | 'AllPodsNew'
  | 'PodsFitUpcomingNodes'
  | 'NoGroupFits'
  | 'AllGroupsAtMax'
  | 'AllGroupsBackedOff'
  | 'AllGroupsNotSafeToScaleUp'
  | 'LimitsReached'
  | 'NoExpansionOption';

export interface ScaleUpPlan {
  /** The group to grow; undefined when there is no scale-up. */
  group: string | undefined;
  /** Nodes to add (0 when there is no scale-up). */
  increase: number;
  /** The chosen option's pods (PodsTriggeredScaleUp). */
  podsHelped: string[];
  /** Why a group gave no option. */
  skipped: Record<string, GroupSkipReason>;
  /** For a group skipped as NoPodFitsTemplate: the filter the first pending pod fails on its template (GroupOptions.templateMisfits). */
  templateMisfits: GroupOptions['templateMisfits'];
  reason: ScaleUpReason;
  /** The option count before the caps, and the cap that bound. */
  estimatedNodeCount: number;
  cappedBy: LimitName | undefined;
  options: ExpansionOption[];
  /** Pods handled by existing free room or upcoming nodes. */
  podsAbsorbed: string[];
  /** Pods younger than their scale-up delay. */
  podsTooNew: string[];
  /** Pods that fit no group's template (never schedulable by a scale-up). */
  podsNeverSchedulable: string[];
  /** AllPodsNew: this loop must not remove nodes either (processorCallbacks.DisableScaleDownForLoop). */
  scaleDownDisabledForLoop: boolean;
  /**
   * By existing node name, the pods the loop's snapshot holds there besides the node's own: pods
   * waiting for a preemption on their nominated node and pods filterOutSchedulable put on free room
   * (drained nodes' pods too). Nothing reverts them upstream, so scale-down's planner, later in the
   * loop, sees that room taken. Empty when no pod was placed on an existing node.
   */
  placedOnNodes: ReadonlyMap<string, readonly CaPod[]>;
}

const NOTHING_PLACED: ReadonlyMap<string, readonly CaPod[]> = new Map();

/**
 * A node of RunOnce's readyNodes: obtainNodeLists lists them with ReadyNodeLister, whose filter is
 * utils/kubernetes/ready.go IsNodeReadyAndSchedulable (Ready condition, and not
 * spec.unschedulable), so a cordoned node is not one: cordoned by hand or by an interruption
 * handler's drain, or by the CA itself on a node it deletes (--cordon-node-before-terminating=true).
 * readyNodes feed the scale-up alone: `len(readyNodes) >= MaxNodesTotal` in RunOnce and
 * `len(nodes)+len(upcomingNodes)` in the orchestrator's --max-nodes-total cap, and the template
 * NodeInfos (mixed_nodeinfos_processor.go, whose isNodeGoodTemplateCandidate also skips an
 * unschedulable node; templates here always come from the pool spec, so that use changes nothing).
 * The rest of the loop reads allNodes: clusterstate counts a cordoned node that is Ready as Ready
 * (updateReadinessStats reads GetNodeReadiness, the conditions alone), so it is neither Unready nor
 * upcoming, and scale-down takes it as a candidate and a destination (GetScaleDownCandidates,
 * GetPodDestinationCandidates on allNodes; its taint keeps pods off it in the simulations).
 */
export function isReadyNode(node: CaNode): boolean {
  return node.ready && node.beingDeleted !== true && node.cordoned !== true;
}

/** How many of `nodes` are ready nodes (isReadyNode). */
export function countReadyNodes(nodes: readonly CaNode[]): number {
  let count = 0;
  for (const node of nodes) if (isReadyNode(node)) count++;
  return count;
}

/** A plan without a scale-up: one literal of one shape, `parts` written into it (a spread into the literal takes V8's slow path). */
function noScaleUp(reason: ScaleUpReason, parts?: Partial<ScaleUpPlan>): ScaleUpPlan {
  const plan: ScaleUpPlan = {
    group: undefined,
    increase: 0,
    podsHelped: [],
    skipped: {},
    templateMisfits: {},
    reason,
    estimatedNodeCount: 0,
    cappedBy: undefined,
    options: [],
    podsAbsorbed: [],
    podsTooNew: [],
    podsNeverSchedulable: [],
    scaleDownDisabledForLoop: false,
    placedOnNodes: NOTHING_PLACED,
  };
  return parts === undefined ? plan : Object.assign(plan, parts);
}

/** Why no group gave an option. */
function noOptionReason(found: GroupOptions, groups: readonly CaNodeGroup[]): ScaleUpReason {
  const fitting = groups.filter((g) => found.fittingGroups.has(g.name)).map((g) => found.skipped[g.name]);
  if (fitting.length === 0) return 'NoGroupFits';
  if (fitting.every((r) => r === 'MaxSizeReached')) return 'AllGroupsAtMax';
  if (fitting.every((r) => r === 'BackedOff')) return 'AllGroupsBackedOff';
  if (fitting.every((r) => r === 'BackedOff' || r === 'NodeGroupUnhealthy')) return 'AllGroupsNotSafeToScaleUp';
  if (fitting.every((r) => r === 'MaxSizeReached' || r === 'MaxResourceLimitReached' || r === 'MaxNodesTotalReached')) return 'LimitsReached';
  return 'NoExpansionOption';
}

/** How many nodes of `group` may really be added for `option` (GetCappedNewNodeCount, ApplyLimits, max size). */
function capIncrease(option: ExpansionOption, group: CaNodeGroup, input: ScaleUpPlanInput): { increase: number; cappedBy: LimitName | undefined } {
  let cappedBy: LimitName | undefined;
  let increase = capByMaxNodesTotal(option.nodeCount, input.limits.currentNodeCount, input.config.maxNodesTotal);
  if (increase < option.nodeCount) cappedBy = 'MaxNodesTotal';
  const byResources = applyResourceLimits(increase, group.template, resourcesLeft(input.config, input.limits.currentTotals));
  if (byResources.count < increase) [increase, cappedBy] = [byResources.count, byResources.limitedBy];
  if (group.maxSize - group.targetSize < increase) [increase, cappedBy] = [group.maxSize - group.targetSize, 'GroupMaxSize'];
  return { increase: Math.max(0, increase), cappedBy };
}

/** One loop of scale-up planning; see the file header for the steps. */
export function planScaleUp(input: ScaleUpPlanInput): ScaleUpPlan {
  const drained = input.drainedPods ?? [];
  if (input.unschedulablePods.length === 0 && drained.length === 0) return noScaleUp('NoUnschedulablePods');
  // RunOnce's order: the pod list processors (filterOutExpendable, then filterOutSchedulable onto
  // free room and upcoming nodes) see every pod, young ones too; filterOutYoungPods comes after.
  const { kept: nonExpendable } = splitExpendable(input.unschedulablePods, input.expendablePodsPriorityCutoff ?? input.config.expendablePodsPriorityCutoff);
  const { unschedulable: kept, waiting } = withNominations(nonExpendable, input.nodes ?? []);
  if (kept.length === 0 && drained.length === 0 && waiting.length === 0) return noScaleUp('NoUnschedulablePods');
  const groupsByName = new Map(input.groups.map((g) => [g.name, g]));
  const snapshot = snapshotNodes(input.nodes ?? [], input.upcomingNodes ?? [], groupsByName);
  const existing = snapshot.slice(0, input.nodes?.length ?? 0);
  if (waiting.length > 0) forceAddPods(snapshot, waiting);
  const fitting = absorbPendingPods(drained.length === 0 ? kept : [...kept, ...drained], snapshot);
  const placedOnNodes = podsPlacedOnNodes(existing, fitting.nodes);
  if (kept.length === 0 && fitting.remaining.length === 0) return noScaleUp('NoUnschedulablePods', { podsAbsorbed: fitting.absorbed.map((p) => p.name), placedOnNodes });
  const podsAbsorbed = fitting.absorbed.map((p) => p.name);
  const young = splitYoungPods({
    pods: fitting.remaining,
    nowSeconds: input.nowSeconds,
    ...(input.podCreatedSeconds === undefined ? {} : { podCreatedSeconds: input.podCreatedSeconds }),
    newPodScaleUpDelaySeconds: input.config.newPodScaleUpDelaySeconds,
  });
  const podsTooNew = young.tooNew.map((p) => p.name);
  const remaining = young.old;
  if (remaining.length === 0) return noScaleUp(podsTooNew.length > 0 ? 'PodsTooNew' : 'PodsFitUpcomingNodes', { podsTooNew, podsAbsorbed, placedOnNodes });
  const readyNodeCount = countReadyNodes(input.nodes ?? []);
  const atMaxNodesTotal = input.config.maxNodesTotal > 0 && readyNodeCount >= input.config.maxNodesTotal;
  if (!atMaxNodesTotal && allPodsAreNew(remaining, input.nowSeconds, input.podCreatedSeconds)) {
    return noScaleUp('AllPodsNew', { podsTooNew, podsAbsorbed, scaleDownDisabledForLoop: true, placedOnNodes });
  }
  const found = computeExpansionOptions({
    podGroups: buildPodEquivalenceGroups(remaining),
    groups: input.groups,
    config: input.config,
    currentNodeCount: input.limits.currentNodeCount,
    resourcesLeft: resourcesLeft(input.config, input.limits.currentTotals),
    ...(input.notSafeGroups !== undefined ? { notSafe: input.notSafeGroups } : {}),
    snapshot: fitting.nodes,
  });
  const common = { skipped: found.skipped, templateMisfits: found.templateMisfits, options: found.options, podsTooNew, podsAbsorbed, podsNeverSchedulable: found.neverSchedulable.flat().map((p) => p.name), placedOnNodes };
  const chain = input.expander ?? buildExpanderChain(input.config.expanders, input.random);
  const podsByName = new Map(remaining.map((p) => [p.name, p]));
  const best = chain.bestOption(found.options, { groups: groupsByName, pods: podsByName, clusterNodeCount: input.limits.currentNodeCount });
  const bestGroup = best === undefined ? undefined : groupsByName.get(best.group);
  if (best === undefined || bestGroup === undefined) return noScaleUp(found.options.length === 0 ? noOptionReason(found, input.groups) : 'NoExpansionOption', common);
  const { increase, cappedBy } = capIncrease(best, bestGroup, input);
  const chosen = { ...common, estimatedNodeCount: best.nodeCount, cappedBy, podsHelped: best.pods };
  if (increase < 1) return noScaleUp('LimitsReached', chosen);
  return { ...chosen, group: best.group, increase, reason: 'ScaleUp', scaleDownDisabledForLoop: false };
}

/** The pods `after` (the snapshot, `existing` first in the same order) holds on each existing node beyond its own: a node that took pods is a copy, whose pods were appended. */
function podsPlacedOnNodes(existing: readonly SimulatedNode[], after: readonly SimulatedNode[]): ReadonlyMap<string, readonly CaPod[]> {
  let placed: Map<string, readonly CaPod[]> | undefined;
  for (let i = 0; i < existing.length; i++) {
    const own = existing[i]!;
    const now = after[i]!;
    if (now === own) continue;
    (placed ??= new Map()).set(now.name, now.pods.slice(own.pods.length));
  }
  return placed ?? NOTHING_PLACED;
}

/** splitWaitingForPreemption, skipped when no pod carries a nomination (the common case). */
function withNominations(pods: CaPod[], nodes: readonly CaNode[]): { unschedulable: CaPod[]; waiting: CaPod[] } {
  if (!pods.some((p) => p.nominatedNodeName !== undefined)) return { unschedulable: pods, waiting: [] };
  return splitWaitingForPreemption(pods, new Set(nodes.map((n) => n.name)));
}

/** addPreemptingPodsToSnapshot: each waiting pod onto its nominated node of the snapshot (copied), no predicate checked. */
function forceAddPods(snapshot: SimulatedNode[], pods: readonly CaPod[]): void {
  for (const pod of pods) {
    const i = snapshot.findIndex((n) => n.name === pod.nominatedNodeName);
    if (i < 0) continue;
    const node = cloneNode(snapshot[i]!);
    addPodToNode(node, pod);
    snapshot[i] = node;
  }
}
