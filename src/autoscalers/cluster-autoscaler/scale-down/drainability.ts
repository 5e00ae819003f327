/**
 * Which pods keep a node from being removed (simulator/drainability/rules: rules.go Default and
 * Drainable; simulator/drain.go GetPodsToMove), the rules in upstream order:
 *
 *  1. mirror pods and long-terminating pods are skipped (not moved);
 *  2. DaemonSet pods are drainable but not moved;
 *  3. safe-to-evict "true" makes the pod movable (overrides rules 5, 6 and 8);
 *  4. terminal (Succeeded/Failed) pods are skipped;
 *  5. no controller (or, with skip-nodes-with-custom-controller-pods, a kind other than
 *     ReplicationController, ReplicaSet, Job, StatefulSet) blocks: NotReplicated;
 *  6. kube-system pods covered by no PDB block: UnmovableKubeSystemPod;
 *  7. safe-to-evict "false" blocks: NotSafeToEvictAnnotation;
 *  8. local storage not listed in safe-to-evict-local-volumes blocks: LocalStorageRequested;
 *  9. a covering PDB that allows no disruption blocks: NotEnoughPdb.
 *
 * Then every pod to move is checked against the PDBs (the eviction at drain time would fail),
 * safe-to-evict pods included.
 */
import { SAFE_TO_EVICT_ANNOTATION } from '../config.js';
import { isDaemonSetPod, isLongTerminating, isMirrorPod } from '../pod-kind.js';
import type { CaPdb, CaPod } from '../types.js';
import { pdbMatchesPod } from './pdb.js';

/** Lists the local volumes that may be deleted with the pod (comma-separated volume names). */
export const SAFE_TO_EVICT_LOCAL_VOLUMES_ANNOTATION = 'cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes';

/** Controller kinds the replicated rule accepts when custom controllers are skipped. */
const REPLICATED_KINDS: ReadonlySet<string> = new Set(['ReplicationController', 'Job', 'ReplicaSet', 'StatefulSet']);

export type DrainBlockReason = 'NotReplicated' | 'UnmovableKubeSystemPod' | 'NotSafeToEvictAnnotation' | 'LocalStorageRequested' | 'NotEnoughPdb';

export type PodDrainability =
  | { outcome: 'move'; reason: 'SafeToEvict' | 'Replicated' }
  | { outcome: 'stay'; reason: 'MirrorPod' | 'LongTerminating' | 'DaemonSetPod' | 'TerminalPod' }
  | { outcome: 'block'; reason: DrainBlockReason };

export interface DrainOptions {
  /** --skip-nodes-with-system-pods */
  skipNodesWithSystemPods: boolean;
  /** --skip-nodes-with-local-storage */
  skipNodesWithLocalStorage: boolean;
  /** --skip-nodes-with-custom-controller-pods (default true) */
  skipNodesWithCustomControllerPods?: boolean;
  /** Budgets with status.disruptionsAllowed (see disruptionsAllowed). */
  pdbs: readonly CaPdb[];
  nowSeconds: number;
}

function hasBlockingLocalStorage(pod: CaPod): boolean {
  const volumes = pod.localStorageVolumes ?? [];
  if (volumes.length === 0) return false;
  // utils/drain getNonBlockingVolumes: strings.Split on "," with no trimming ("a, b" lists " b").
  const allowed = new Set((pod.annotations[SAFE_TO_EVICT_LOCAL_VOLUMES_ANNOTATION] ?? '').split(','));
  return volumes.some((v) => !allowed.has(v));
}

function isReplicated(pod: CaPod, options: DrainOptions): boolean {
  if (pod.ownerKind === undefined) return false;
  return options.skipNodesWithCustomControllerPods === false || REPLICATED_KINDS.has(pod.ownerKind);
}

/** Rules.Drainable for one pod: move it, leave it, or block the node (with the upstream reason). */
export function podDrainability(pod: CaPod, options: DrainOptions): PodDrainability {
  if (isMirrorPod(pod)) return { outcome: 'stay', reason: 'MirrorPod' };
  if (isLongTerminating(pod, options.nowSeconds)) return { outcome: 'stay', reason: 'LongTerminating' };
  if (isDaemonSetPod(pod)) return { outcome: 'stay', reason: 'DaemonSetPod' };
  if (pod.annotations[SAFE_TO_EVICT_ANNOTATION] === 'true') return { outcome: 'move', reason: 'SafeToEvict' };
  if (pod.terminal === true) return { outcome: 'stay', reason: 'TerminalPod' };
  if (!isReplicated(pod, options)) return { outcome: 'block', reason: 'NotReplicated' };
  const covering = options.pdbs.filter((pdb) => pdbMatchesPod(pdb, pod));
  if (options.skipNodesWithSystemPods && pod.namespace === 'kube-system' && covering.length === 0) {
    return { outcome: 'block', reason: 'UnmovableKubeSystemPod' };
  }
  if (pod.annotations[SAFE_TO_EVICT_ANNOTATION] === 'false') return { outcome: 'block', reason: 'NotSafeToEvictAnnotation' };
  if (options.skipNodesWithLocalStorage && hasBlockingLocalStorage(pod)) return { outcome: 'block', reason: 'LocalStorageRequested' };
  if (covering.some((pdb) => pdb.disruptionsAllowed < 1)) return { outcome: 'block', reason: 'NotEnoughPdb' };
  return { outcome: 'move', reason: 'Replicated' };
}

export type NodeDrainResult =
  | { ok: true; podsToMove: CaPod[]; daemonSetPods: CaPod[] }
  | { ok: false; blockingPod: string; reason: DrainBlockReason };

/**
 * Whether a drain would move nothing: every pod stays (DaemonSet, mirror, terminal or long
 * terminating pods). emptycandidates.isNodeEmpty asks GetPodsToMove for no pod to move and no
 * blocking pod; this answers the same and stops at the first pod that does not stay (a node's
 * first pod, on a busy node), as the candidate sort asks it of every candidate at every loop.
 */
export function hasNothingToMove(pods: readonly CaPod[], options: DrainOptions): boolean {
  for (const pod of pods) if (podDrainability(pod, options).outcome !== 'stay') return false;
  return true;
}

/** GetPodsToMove: the pods a drain would have to place elsewhere, or the first pod that blocks it. */
export function podsToMoveForDrain(pods: readonly CaPod[], options: DrainOptions): NodeDrainResult {
  const podsToMove: CaPod[] = [];
  const daemonSetPods: CaPod[] = [];
  for (const pod of pods) {
    const verdict = podDrainability(pod, options);
    if (verdict.outcome === 'block') return { ok: false, blockingPod: pod.name, reason: verdict.reason };
    if (verdict.outcome === 'move') podsToMove.push(pod);
    else if (verdict.reason === 'DaemonSetPod') daemonSetPods.push(pod);
  }
  for (const pod of podsToMove) {
    if (options.pdbs.some((pdb) => pdbMatchesPod(pdb, pod) && pdb.disruptionsAllowed < 1)) {
      return { ok: false, blockingPod: pod.name, reason: 'NotEnoughPdb' };
    }
  }
  return { ok: true, podsToMove, daemonSetPods };
}
