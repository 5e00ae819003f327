/**
 * The binpacking estimator (estimator/binpacking_estimator.go BinpackingNodeEstimator.Estimate):
 * first-fit decreasing of pending pods onto fresh template nodes of one node group.
 *
 * Per equivalence group, in decreasing order: pods first go to any node added so far (round-robin
 * from the node after the last one that accepted a pod, as predicatechecker FitsAnyNodeMatching),
 * until one does not fit; the rest try only the most recently added node, and a new template node
 * is added when that fails. Adding stops for the group when the limiter refuses, or when the last
 * added node is still empty (the pod would not fit a fresh node either), or when the pod does not
 * fit the node just added. A pod with DoNotSchedule topology spread constraints is filtered with
 * the matching pods counted over the snapshot the estimate forks and the nodes it added.
 */
import { addPodToNode, checkPredicates, nodeFromTemplate, type SimulatedNode } from '../simulated-node.js';
import { anyRequiredAnti, snapshotAffinity, type SnapshotAffinity } from '../affinity-predicate.js';
import { snapshotSpread, type SnapshotSpread } from '../spread-predicate.js';
import type { CaNodeTemplate, CaPod } from '../types.js';
import { orderPodGroupsDecreasing, type PodEquivalenceGroup } from './pod-order.js';

export type BinpackingReason = 'AllPodsScheduled' | 'NodeLimitReached' | 'PodDoesNotFitTemplate';

export interface BinpackingInput {
  /** Pending pods as equivalence groups (see buildPodEquivalenceGroups). */
  podGroups: readonly PodEquivalenceGroup[];
  template: CaNodeTemplate;
  /**
   * Most new nodes the limiter allows (thresholdBasedEstimationLimiter): 0 = no limit, a negative
   * value = none at all (no capacity left).
   */
  maxNodes: number;
  /** Name prefix of the simulated nodes (for debugging output). */
  nodeNamePrefix?: string;
  /**
   * The cluster snapshot the estimate forks (existing and upcoming nodes): PodTopologySpread counts
   * the matching pods over it and the new nodes. Read for pods with DoNotSchedule constraints only.
   */
  snapshot?: readonly SimulatedNode[];
}

export interface BinpackingResult {
  /** Simulated nodes that received at least one pod (the estimate). */
  nodeCount: number;
  /** Pods placed, in placement order. */
  scheduledPods: CaPod[];
  /** Pods left over, in input order. */
  unschedulablePods: CaPod[];
  /** The nodes that received pods, with their pods. */
  nodes: SimulatedNode[];
  /** AllPodsScheduled, or why some pods were left: the limiter refused a node, or a pod fits no fresh node. */
  reason: BinpackingReason;
}

interface EstimationState {
  nodes: SimulatedNode[];
  withPods: Set<SimulatedNode>;
  last: SimulatedNode | undefined;
  /** FitsAnyNodeMatching's round-robin start. */
  nextIndex: number;
  scheduled: CaPod[];
  limiterRefused: boolean;
  /** BinpackingInput.snapshot. */
  snapshot: readonly SimulatedNode[];
  /** Some node of the snapshot or added holds a pod with required anti-affinity (InterPodAffinity applies to every pod). */
  requiredAntiPlaced: boolean;
}

/** The pod's PodTopologySpread PreFilter over the snapshot and the nodes added so far (undefined without DoNotSchedule constraints). */
function spreadOf(state: EstimationState, pod: CaPod): SnapshotSpread | undefined {
  return pod.spreadConstraints === undefined ? undefined : snapshotSpread(pod, [...state.snapshot, ...state.nodes]);
}

/** The pod's InterPodAffinity PreFilter over the snapshot and the nodes added so far (undefined when skipped). */
function affinityOf(state: EstimationState, pod: CaPod): SnapshotAffinity | undefined {
  return snapshotAffinity(pod, [state.snapshot, state.nodes], state.requiredAntiPlaced);
}

function place(state: EstimationState, pod: CaPod, node: SimulatedNode): void {
  addPodToNode(node, pod);
  if ((pod.podAffinity?.requiredAnti.length ?? 0) > 0) state.requiredAntiPlaced = true;
  state.withPods.add(node);
  state.scheduled.push(pod);
}

function fitsAnyAddedNode(state: EstimationState, pod: CaPod): SimulatedNode | undefined {
  const n = state.nodes.length;
  const spread = n === 0 ? undefined : spreadOf(state, pod);
  const affinity = n === 0 ? undefined : affinityOf(state, pod);
  for (let i = 0; i < n; i++) {
    const node = state.nodes[(state.nextIndex + i) % n];
    if (node !== undefined && checkPredicates(pod, node, spread, affinity) === 'Fits') {
      state.nextIndex = (state.nextIndex + i + 1) % n;
      return node;
    }
  }
  return undefined;
}

/** tryToScheduleOnExistingNodes: returns the pods that did not fit (from the first failure on). */
function scheduleOnAddedNodes(state: EstimationState, pods: PodEquivalenceGroup): readonly CaPod[] {
  let index = 0;
  for (; index < pods.length; index++) {
    const pod = pods[index] as CaPod;
    const node = fitsAnyAddedNode(state, pod);
    if (node === undefined) break;
    place(state, pod, node);
  }
  return pods.slice(index);
}

/** tryToScheduleOnNewNodes. */
function scheduleOnNewNodes(state: EstimationState, pods: readonly CaPod[], input: BinpackingInput, allowNode: () => boolean): void {
  for (const pod of pods) {
    if (state.last !== undefined && checkPredicates(pod, state.last, spreadOf(state, pod), affinityOf(state, pod)) === 'Fits') {
      place(state, pod, state.last);
      continue;
    }
    // The last node is empty and the pod did not fit it: a fresh node would not help either.
    if (state.last !== undefined && !state.withPods.has(state.last)) return;
    if (!allowNode()) {
      state.limiterRefused = true;
      return;
    }
    // Named as upstream names it (the group's template node, "template-node-for-<group>-<random>",
    // with an "-e-<n>" suffix: estimationState.newNodeNameIndex), never a real node's name: the name
    // is the new node's kubernetes.io/hostname, its own topology domain.
    const node = nodeFromTemplate(input.template, `template-node-for-${input.nodeNamePrefix ?? 'group'}-e-${state.nodes.length}`);
    state.nodes.push(node);
    state.last = node;
    if (checkPredicates(pod, node, spreadOf(state, pod), affinityOf(state, pod)) !== 'Fits') return;
    place(state, pod, node);
  }
}

/**
 * Estimate: how many template nodes the pending pods need, and which pods they would hold.
 * Pure; the input pods are not modified.
 */
export function estimate(input: BinpackingInput): BinpackingResult {
  const state: EstimationState = { nodes: [], withPods: new Set(), last: undefined, nextIndex: 0, scheduled: [], limiterRefused: false, snapshot: input.snapshot ?? [], requiredAntiPlaced: anyRequiredAnti([input.snapshot ?? []]) };
  let added = 0;
  const allowNode = (): boolean => {
    if (input.maxNodes < 0 || (input.maxNodes > 0 && added >= input.maxNodes)) return false;
    added++;
    return true;
  };
  for (const group of orderPodGroupsDecreasing(input.podGroups, input.template)) {
    scheduleOnNewNodes(state, scheduleOnAddedNodes(state, group), input, allowNode);
  }
  // Counted, not a set: the same pod object may appear more than once (as in upstream tests).
  const placed = new Map<CaPod, number>();
  for (const pod of state.scheduled) placed.set(pod, (placed.get(pod) ?? 0) + 1);
  const unschedulablePods = input.podGroups.flat().filter((pod) => {
    const left = placed.get(pod) ?? 0;
    if (left > 0) placed.set(pod, left - 1);
    return left === 0;
  });
  const reason: BinpackingReason = unschedulablePods.length === 0 ? 'AllPodsScheduled' : state.limiterRefused ? 'NodeLimitReached' : 'PodDoesNotFitTemplate';
  const nodes = state.nodes.filter((n) => state.withPods.has(n));
  return { nodeCount: nodes.length, scheduledPods: state.scheduled, unschedulablePods, nodes, reason };
}
