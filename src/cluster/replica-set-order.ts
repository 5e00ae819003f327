/**
 * Which pods a ReplicaSet deletes first on scale-down (pkg/controller/controller_utils.go
 * ActivePodsWithRanks.Less, without deletion cost): unscheduled before scheduled, Pending before
 * Running, not ready before ready, ready for less time before ready for longer, newer before older.
 */
import type { SimPod } from './model.js';

const PHASE_RANK: Record<string, number> = { Pending: 0, Running: 2 };

/** Negative when `a` should be deleted before `b`. */
export function compareForDeletion(a: SimPod, b: SimPod): number {
  const aBound = a.node !== undefined ? 1 : 0;
  const bBound = b.node !== undefined ? 1 : 0;
  if (aBound !== bBound) return aBound - bBound;
  const aPhase = PHASE_RANK[a.phase] ?? 1;
  const bPhase = PHASE_RANK[b.phase] ?? 1;
  if (aPhase !== bPhase) return aPhase - bPhase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.ready && b.ready && a.readyConditionSeconds !== b.readyConditionSeconds) {
    // Ready more recently (shorter time ready) goes first.
    return (b.readyConditionSeconds ?? 0) - (a.readyConditionSeconds ?? 0);
  }
  if (a.createdSeconds !== b.createdSeconds) return b.createdSeconds - a.createdSeconds;
  return b.serial - a.serial;
}

/** The `count` pods to delete, in deletion order. */
export function choosePodsToDelete(pods: readonly SimPod[], count: number): SimPod[] {
  return [...pods].sort(compareForDeletion).slice(0, count);
}
