/**
 * Which pods a ReplicaSet deletes first on scale-down: replica_set.go getPodsToDelete ranks each pod
 * by the active pods of the same workload on its node (getPodsRankedByRelatedPodsOnSameNode) and
 * sorts with controller_utils.go ActivePodsWithRanks.Less, LogarithmicScaleDown on (GA):
 *   1. unscheduled before scheduled; 2. Pending before Unknown before Running; 3. not ready before
 *   ready; (4. pod-deletion-cost: every pod of a workload shares its template's annotation here, so
 *   it never separates two pods); 5. more pods of the workload on the same node ("doubled up")
 *   first; 6. both ready at different times: ready more recently first, compared by
 *   ⌊log2(now − ready time, in nanoseconds)⌋ buckets, a tie broken by UID; 7. more restarts first;
 *   8. created at different times: newer first by the same buckets, a tie broken by UID.
 * Times are compared as the API stores them, in whole seconds (metav1.Time); `now` is exact. A pod's
 * UID, a random UUID upstream, is stood in for by a hash of its namespace and name, so the order is
 * pseudo-random as upstream's yet the same on every run. When no rule separates two pods upstream's
 * sort leaves them in any order; here the pod created later (higher serial) goes first. Pure.
 */
import type { SimPod } from './model.js';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const NANOSECONDS_PER_SECOND = 1e9;

/** metav1.Time keeps whole seconds. */
function apiSeconds(seconds: number): number {
  return Math.floor(seconds);
}

/** logarithmicRankDiff's per-time rank: ⌊log2(now − t)⌋ with the duration in nanoseconds, −1 when not positive. */
export function logarithmicRank(timeSeconds: number, nowSeconds: number): number {
  const durationNanoseconds = (nowSeconds - apiSeconds(timeSeconds)) * NANOSECONDS_PER_SECOND;
  return durationNanoseconds > 0 ? Math.trunc(Math.log2(durationNanoseconds)) : -1;
}

/** FNV-1a (32-bit) of namespace/name: the stand-in for metadata.uid in rule 6 and 8 ties. */
export function pseudoUid(pod: SimPod): number {
  const text = `${pod.owner.namespace}/${pod.name}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Rank of each pod: the number of the given (active) pods on its node, unscheduled pods counting together. */
export function doubledUpRanks(pods: readonly SimPod[]): Map<SimPod, number> {
  const perNode = new Map<string | undefined, number>();
  for (const pod of pods) perNode.set(pod.node?.name, (perNode.get(pod.node?.name) ?? 0) + 1);
  return new Map(pods.map((pod) => [pod, perNode.get(pod.node?.name) ?? 0]));
}

/** Negative when, by the log buckets then the UID, the pod at `aSeconds` goes first (the more recent one). */
function compareLogarithmic(a: SimPod, aSeconds: number, b: SimPod, bSeconds: number, nowSeconds: number): number {
  const diff = logarithmicRank(aSeconds, nowSeconds) - logarithmicRank(bSeconds, nowSeconds);
  if (diff !== 0) return diff;
  return pseudoUid(a) - pseudoUid(b);
}

/** Negative when `a` should be deleted before `b`; `ranks` from doubledUpRanks. */
export function compareForDeletion(a: SimPod, b: SimPod, ranks: ReadonlyMap<SimPod, number>, nowSeconds: number): number {
  const aBound = a.node !== undefined ? 1 : 0;
  const bBound = b.node !== undefined ? 1 : 0;
  if (aBound !== bBound) return aBound - bBound;
  const aPhase = PHASE_RANK[a.phase] ?? 0;
  const bPhase = PHASE_RANK[b.phase] ?? 0;
  if (aPhase !== bPhase) return aPhase - bPhase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  const aRank = ranks.get(a) ?? 0;
  const bRank = ranks.get(b) ?? 0;
  if (aRank !== bRank) return bRank - aRank;
  if (a.ready && b.ready && a.readyConditionSeconds !== undefined && b.readyConditionSeconds !== undefined) {
    if (apiSeconds(a.readyConditionSeconds) !== apiSeconds(b.readyConditionSeconds)) {
      return compareLogarithmic(a, a.readyConditionSeconds, b, b.readyConditionSeconds, nowSeconds);
    }
  }
  if (a.restartCount !== b.restartCount) return b.restartCount - a.restartCount;
  if (apiSeconds(a.createdSeconds) !== apiSeconds(b.createdSeconds)) {
    return compareLogarithmic(a, a.createdSeconds, b, b.createdSeconds, nowSeconds);
  }
  return b.serial - a.serial;
}

/** The `count` pods to delete out of a workload's active `pods`, in deletion order, at `nowSeconds`. */
export function choosePodsToDelete(pods: readonly SimPod[], count: number, nowSeconds: number): SimPod[] {
  const ranks = doubledUpRanks(pods);
  return [...pods].sort((a, b) => compareForDeletion(a, b, ranks, nowSeconds)).slice(0, count);
}
