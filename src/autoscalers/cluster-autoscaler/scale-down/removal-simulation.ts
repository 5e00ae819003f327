/**
 * Finding unneeded nodes (core/scaledown/planner categorizeNodes; simulator/cluster.go
 * RemovalSimulator.SimulateNodeRemoval, findPlaceFor): candidates are tried one after the other.
 * A candidate is unneeded when no pod blocks its drain and every pod to move fits on another node.
 * A success is committed to the snapshot: its pods stay on their new nodes for the next candidates,
 * the node is no longer a destination, and the moved pods use up their PDBs' disruptions.
 *
 * Where a pod goes (scheduling/hinting_simulator.go TrySchedulePods, hints.go): first the node a
 * simulation of this loop or the previous one put it on (its hint), if that node still fits it and is
 * a destination; else the first node, in the cluster's node order, that fits. A hint is set when a
 * pod is placed, and refreshed when its hinted node still fits even if that node is no destination
 * now; hints not set or refreshed in a loop are gone after the next (Hints.DropOld). Simplification:
 * upstream searches without a hint from after the last node it found (SchedulerPluginRunner.lastIndex,
 * over a node list in map order, checked in parallel in current versions), not from the first.
 *
 * A pod with DoNotSchedule topology spread constraints is filtered with the matching pods counted
 * over the whole snapshot: every node (removed ones keep the pods that did not move), the candidate
 * without the pods being moved, and the pods moved so far in this and earlier removals.
 *
 * The destinations are every node but those being deleted, NotReady ones included: RunOnce passes
 * allNodes to ScaleDownNodeProcessor.GetPodDestinationCandidates, which returns them as they are
 * (processors/nodes/pre_filtering_processor.go), and planner.go UpdateClusterState drops only the
 * nodes with a deletion in progress (filterOutOngoingDeletions, filterOutOwnedBy in older versions).
 * A NotReady node's unreachable NoSchedule taint keeps the pods that do not tolerate it off it; one
 * that does may be moved there, as the scheduler would then bind its replacement there. A node being
 * deleted is still in the snapshot, only no destination (findPlaceFor's isCandidateNode filter over
 * the whole ClusterSnapshot): its pods that are not terminating, and its labels as a domain, count
 * for PodTopologySpread and InterPodAffinity.
 */
import { addPodToNode, checkPredicates, cloneNode, nodeFromCaNode, withoutPods, type SimulatedNode } from '../simulated-node.js';
import { snapshotAffinity } from '../affinity-predicate.js';
import { snapshotSpread } from '../spread-predicate.js';
import type { CaNode, CaPdb, CaPod } from '../types.js';
import { podsToMoveForDrain, type DrainBlockReason, type DrainOptions } from './drainability.js';
import { consumeDisruptions, isRiskyRemoval } from './pdb.js';

export type RemovalResult =
  | { node: string; removable: true; empty: boolean; podsToMove: CaPod[]; /** A budget allows fewer disruptions than it covers pods to move (pdb.ts isRiskyRemoval). */ risky: boolean }
  | { node: string; removable: false; reason: 'BlockedByPod'; blockingPod: { name: string; reason: DrainBlockReason } }
  | { node: string; removable: false; reason: 'NoPlaceToMovePods'; unplacedPod: string };

export interface RemovalSimulationInput {
  /** Eligible candidates, in the order they are tried. */
  candidates: readonly CaNode[];
  /** Every node of the snapshot: the possible new homes are those not being deleted (NotReady ones too). */
  nodes: readonly CaNode[];
  drain: Omit<DrainOptions, 'pdbs'>;
  pdbs: readonly CaPdb[];
  /** Stop once this many candidates are found removable (planner.go unneededNodesLimit); default: no limit. */
  maxRemovable?: number;
  /** The hints the previous loop set or refreshed: pod (namespace/name) → node. */
  hints?: ReadonlyMap<string, string>;
  /**
   * `nodes`' positions by name, when the caller keeps such an index from loop to loop (it must match
   * `nodes`); without it the simulation builds one, a Map of every node, which was 8% of a
   * bench-large cluster-autoscaler loop.
   */
  indexByName?: ReadonlyMap<string, number>;
}

export interface RemovalSimulationResult {
  /** One per candidate tried, in candidate order: the first results.length candidates (the others are `skipped`). */
  results: RemovalResult[];
  /** Candidates not simulated because the limit was reached, in order. */
  skipped: string[];
  /** PDBs after the disruptions the removable nodes would use. */
  remainingPdbs: CaPdb[];
  /** The hints this loop set or refreshed (the next loop's `hints`). */
  hints: Map<string, string>;
}

/** A pod's hint key (HintKeyFromPod: namespace/name when there is no UID). */
function hintKey(pod: CaPod): string {
  return `${pod.namespace}/${pod.name}`;
}

/** This loop's hints over the previous loop's (Hints.Get: current first, then old). */
interface HintBook {
  previous: ReadonlyMap<string, string> | undefined;
  current: Map<string, string>;
  indexByName: ReadonlyMap<string, number>;
}

/** Puts `pod` on destination `i` in the fork (copying the node the first time). */
function placeOn(fork: Map<number, SimulatedNode>, destinations: readonly SimulatedNode[], i: number, pod: CaPod): void {
  const into = fork.get(i) ?? cloneNode(destinations[i]!);
  addPodToNode(into, pod);
  fork.set(i, into);
}

/**
 * Places each pod on its hinted destination when that still fits, else on the first destination
 * (input order, skipping those `excluded` marks) that fits; `fork` holds the destinations that took
 * pods, by index; `unplaced` is the pod that fit nowhere (the pods after it are not tried).
 */
function findPlaces(
  pods: readonly CaPod[],
  destinations: readonly SimulatedNode[],
  excluded: Uint8Array,
  hints: HintBook,
  candidate: number | undefined,
  /** Some pod of the snapshot has required anti-affinity terms (every pod then runs InterPodAffinity). */
  requiredAntiInSnapshot: boolean,
): { fork: Map<number, SimulatedNode>; unplaced: CaPod | undefined } {
  const fork = new Map<number, SimulatedNode>();
  const onFork = (i: number): SimulatedNode => (fork.size === 0 ? undefined : fork.get(i)) ?? destinations[i]!;
  // The candidate without the pods to move (UnschedulePod), for PodTopologySpread's counts; made when a pod needs it.
  let candidateLeft: SimulatedNode | undefined;
  const snapshot = (): SimulatedNode[] =>
    destinations.map((d, i) => {
      if (i !== candidate) return fork.get(i) ?? d;
      candidateLeft ??= withoutPods(d, pods);
      return candidateLeft;
    });
  for (const pod of pods) {
    const spread = pod.spreadConstraints === undefined ? undefined : snapshotSpread(pod, snapshot());
    const affinity = pod.podAffinity === undefined && !requiredAntiInSnapshot ? undefined : snapshotAffinity(pod, [snapshot()], requiredAntiInSnapshot);
    const key = hintKey(pod);
    const hinted = hints.current.get(key) ?? hints.previous?.get(key);
    const h = hinted === undefined ? undefined : hints.indexByName.get(hinted);
    if (h !== undefined && checkPredicates(pod, onFork(h), spread, affinity) === 'Fits') {
      hints.current.set(key, hinted!);
      if (excluded[h] === 0) {
        placeOn(fork, destinations, h, pod);
        continue;
      }
    }
    let placed = false;
    for (let i = 0; i < destinations.length; i++) {
      if (excluded[i] === 1 || checkPredicates(pod, onFork(i), spread, affinity) !== 'Fits') continue;
      placeOn(fork, destinations, i, pod);
      hints.current.set(key, destinations[i]!.name);
      placed = true;
      break;
    }
    if (!placed) return { fork, unplaced: pod };
  }
  return { fork, unplaced: undefined };
}

/** The positions of `nodes` by name (the index simulateNodeRemovals takes). */
export function nodeIndexByName(nodes: readonly { name: string }[]): Map<string, number> {
  return new Map(nodes.map((n, i) => [n.name, i]));
}

/** Tries every candidate in order and reports which are unneeded (pure: inputs are not modified). */
export function simulateNodeRemovals(input: RemovalSimulationInput): RemovalSimulationResult {
  // The snapshot: every node in input order, updated in place (this array is the function's own);
  // nodes being deleted are never destinations, and nodes found removable stop being ones.
  const destinations: SimulatedNode[] = input.nodes.map(nodeFromCaNode);
  const indexByName = input.indexByName ?? nodeIndexByName(input.nodes);
  // Pods only move between destinations here, so this holds for the whole pass.
  const requiredAntiInSnapshot = destinations.some((d) => (d.requiredAntiAffinityPods ?? 0) > 0);
  // By snapshot index: 1 = not a destination now (being deleted, found removable, or the candidate being tried).
  const excluded = new Uint8Array(destinations.length);
  input.nodes.forEach((n, i) => {
    if (n.beingDeleted === true) excluded[i] = 1;
  });
  let pdbs: CaPdb[] = [...input.pdbs];
  const results: RemovalResult[] = [];
  const skipped: string[] = [];
  const maxRemovable = input.maxRemovable ?? Infinity;
  const hints: HintBook = { previous: input.hints, current: new Map(), indexByName };
  let removableCount = 0;
  for (const candidate of input.candidates) {
    if (removableCount >= maxRemovable) {
      skipped.push(candidate.name);
      continue;
    }
    // The snapshot's copy, unless it was found removable already: it also holds pods moved here by
    // earlier removals in this pass.
    const index = indexByName.get(candidate.name);
    if (index !== undefined && input.nodes[index]!.name !== candidate.name) throw new Error(`removal simulation: the node index puts ${candidate.name} at ${index}, where ${input.nodes[index]!.name} is`);
    const inSnapshot = index !== undefined && excluded[index] === 0;
    const pods = inSnapshot ? destinations[index]!.pods : candidate.pods;
    const drain = podsToMoveForDrain(pods, { ...input.drain, pdbs });
    if (!drain.ok) {
      results.push({ node: candidate.name, removable: false, reason: 'BlockedByPod', blockingPod: { name: drain.blockingPod, reason: drain.reason } });
      continue;
    }
    // The candidate is no destination for its own pods; if they all move, it stays excluded.
    if (inSnapshot) excluded[index] = 1;
    const { fork, unplaced } = findPlaces(drain.podsToMove, destinations, excluded, hints, inSnapshot ? index : undefined, requiredAntiInSnapshot);
    if (unplaced !== undefined) {
      if (inSnapshot) excluded[index] = 0;
      results.push({ node: candidate.name, removable: false, reason: 'NoPlaceToMovePods', unplacedPod: unplaced.name });
      continue;
    }
    for (const [i, node] of fork) destinations[i] = node;
    // The snapshot keeps the removed node without the pods that moved (a hint may still test it).
    if (inSnapshot) destinations[index] = withoutPods(destinations[index]!, drain.podsToMove);
    const risky = pdbs.length > 0 && isRiskyRemoval(pdbs, drain.podsToMove);
    pdbs = consumeDisruptions(pdbs, drain.podsToMove);
    results.push({ node: candidate.name, removable: true, empty: drain.podsToMove.length === 0, podsToMove: drain.podsToMove, risky });
    removableCount++;
  }
  return { results, skipped, remainingPdbs: pdbs, hints: hints.current };
}
