/**
 * Finding unneeded nodes (core/scaledown/planner categorizeNodes; simulator/cluster.go
 * RemovalSimulator.SimulateNodeRemoval, findPlaceFor): candidates are tried one after the other.
 * A candidate is unneeded when no pod blocks its drain and every pod to move fits on another node.
 * A success is committed to the snapshot: its pods stay on their new nodes for the next candidates,
 * the node is no longer a destination, and the moved pods use up their PDBs' disruptions.
 *
 * Simplification: each pod goes to the first node, in the cluster's node order, that fits. Upstream
 * (scheduling.HintingSimulator) first tries the node a simulation of the last two loops put the pod
 * on, and otherwise searches from after the last node found (SchedulerPluginRunner.lastIndex, over
 * a node list in map order, checked in parallel in current versions); where several nodes fit, the
 * chosen one can differ, and so can which later candidate still fits.
 */
import { addPodToNode, checkPredicates, cloneNode, nodeFromCaNode, type SimulatedNode } from '../simulated-node.js';
import type { CaNode, CaPdb, CaPod } from '../types.js';
import { podsToMoveForDrain, type DrainBlockReason, type DrainOptions } from './drainability.js';
import { consumeDisruptions } from './pdb.js';

export type RemovalResult =
  | { node: string; removable: true; empty: boolean; podsToMove: CaPod[] }
  | { node: string; removable: false; reason: 'BlockedByPod'; blockingPod: { name: string; reason: DrainBlockReason } }
  | { node: string; removable: false; reason: 'NoPlaceToMovePods'; unplacedPod: string };

export interface RemovalSimulationInput {
  /** Eligible candidates, in the order they are tried. */
  candidates: readonly CaNode[];
  /** Every node of the cluster: the possible new homes (ready ones not being deleted). */
  nodes: readonly CaNode[];
  drain: Omit<DrainOptions, 'pdbs'>;
  pdbs: readonly CaPdb[];
  /** Stop once this many candidates are found removable (planner.go unneededNodesLimit); default: no limit. */
  maxRemovable?: number;
}

export interface RemovalSimulationResult {
  results: RemovalResult[];
  /** Candidates not simulated because the limit was reached, in order. */
  skipped: string[];
  /** PDBs after the disruptions the removable nodes would use. */
  remainingPdbs: CaPdb[];
}

/**
 * Places each pod on the first destination (input order, skipping those `excluded` marks) that fits;
 * `fork` holds the destinations that took pods, by index; `unplaced` is the pod that fit nowhere.
 */
function findPlaces(
  pods: readonly CaPod[],
  destinations: readonly SimulatedNode[],
  excluded: Uint8Array,
): { fork: Map<number, SimulatedNode>; unplaced: CaPod | undefined } {
  const fork = new Map<number, SimulatedNode>();
  for (const pod of pods) {
    let placed = false;
    for (let i = 0; i < destinations.length; i++) {
      if (excluded[i] === 1) continue;
      const copy = fork.size === 0 ? undefined : fork.get(i);
      if (checkPredicates(pod, copy ?? destinations[i]!) !== 'Fits') continue;
      const into = copy ?? cloneNode(destinations[i]!);
      addPodToNode(into, pod);
      fork.set(i, into);
      placed = true;
      break;
    }
    if (!placed) return { fork, unplaced: pod };
  }
  return { fork, unplaced: undefined };
}

/** Tries every candidate in order and reports which are unneeded (pure: inputs are not modified). */
export function simulateNodeRemovals(input: RemovalSimulationInput): RemovalSimulationResult {
  // The snapshot: destinations in input order, updated in place (this array is the function's own);
  // nodes found removable stop being destinations.
  const destinations: SimulatedNode[] = input.nodes.filter((n) => n.ready && n.beingDeleted !== true).map(nodeFromCaNode);
  const indexByName = new Map(destinations.map((d, i) => [d.name, i]));
  // By destination index: 1 = not a destination now (found removable, or the candidate being tried).
  const excluded = new Uint8Array(destinations.length);
  let pdbs: CaPdb[] = [...input.pdbs];
  const results: RemovalResult[] = [];
  const skipped: string[] = [];
  const maxRemovable = input.maxRemovable ?? Infinity;
  let removableCount = 0;
  for (const candidate of input.candidates) {
    if (removableCount >= maxRemovable) {
      skipped.push(candidate.name);
      continue;
    }
    // The snapshot's copy, unless it was found removable already: it also holds pods moved here by
    // earlier removals in this pass.
    const index = indexByName.get(candidate.name);
    const inSnapshot = index !== undefined && excluded[index] === 0;
    const pods = inSnapshot ? destinations[index]!.pods : candidate.pods;
    const drain = podsToMoveForDrain(pods, { ...input.drain, pdbs });
    if (!drain.ok) {
      results.push({ node: candidate.name, removable: false, reason: 'BlockedByPod', blockingPod: { name: drain.blockingPod, reason: drain.reason } });
      continue;
    }
    // The candidate is no destination for its own pods; if they all move, it stays excluded.
    if (inSnapshot) excluded[index] = 1;
    const { fork, unplaced } = findPlaces(drain.podsToMove, destinations, excluded);
    if (unplaced !== undefined) {
      if (inSnapshot) excluded[index] = 0;
      results.push({ node: candidate.name, removable: false, reason: 'NoPlaceToMovePods', unplacedPod: unplaced.name });
      continue;
    }
    for (const [i, node] of fork) destinations[i] = node;
    pdbs = consumeDisruptions(pdbs, drain.podsToMove);
    results.push({ node: candidate.name, removable: true, empty: drain.podsToMove.length === 0, podsToMove: drain.podsToMove });
    removableCount++;
  }
  return { results, skipped, remainingPdbs: pdbs };
}
