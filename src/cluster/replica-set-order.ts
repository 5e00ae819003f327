/**
 * Which pods a ReplicaSet deletes first on scale-down: replica_set.go getPodsToDelete ranks each pod
 * by the active pods of the same Deployment on its node (getPodsRankedByRelatedPodsOnSameNode) and
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

/** FNV-1a (32-bit) over a text's UTF-16 code units. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** FNV-1a (32-bit) of namespace/name: the stand-in for metadata.uid in rule 6 and 8 ties, hashed once a pod (SimPod.uidHash). */
export function pseudoUid(pod: SimPod): number {
  if (pod.uidHash !== undefined) return pod.uidHash;
  const hash = fnv1a32(`${pod.owner.namespace}/${pod.name}`);
  pod.uidHash = hash;
  return hash;
}

/** Where each key sits in a pod's row of DeletionKeys. */
const BOUND = 0;
const PHASE_RANK_KEY = 1;
const READY = 2;
/** Rule 5's rank: the given (active) pods on the pod's node, unscheduled pods counting together. */
const DOUBLED_UP = 3;
/** 1 when rule 6 applies (ready, with a Ready condition); then its whole second and log bucket. */
const READY_TIMED = 4;
const READY_API_SECONDS = 5;
const READY_BUCKET = 6;
const RESTARTS = 7;
const CREATED_API_SECONDS = 8;
const CREATED_BUCKET = 9;
const SERIAL = 10;
const KEYS_PER_POD = 11;

/**
 * Each pod's sort keys, read once per choice instead of at every comparison (a scale-down of n pods
 * compares O(n log n) pairs; the log buckets and the UID hash were the most of it): row i of one
 * typed array is pods[i]'s. Made for one choice and dropped with it: held between choices, the keys
 * and the sorted indices would be old-generation objects pointing at young backing stores, which V8
 * promotes (a one-year nasa-diurnal run peaked 22 MiB higher that way).
 */
class DeletionKeys {
  private readonly keys: Float64Array;

  constructor(
    private readonly pods: readonly SimPod[],
    nowSeconds: number,
    related: readonly SimPod[],
  ) {
    const n = pods.length;
    const keys = new Float64Array(n * KEYS_PER_POD);
    this.keys = keys;
    const perNode = new Map<string | undefined, number>();
    for (let i = 0; i < related.length; i++) {
      const name = related[i]!.node?.name;
      perNode.set(name, (perNode.get(name) ?? 0) + 1);
    }
    for (let i = 0, row = 0; i < n; i++, row += KEYS_PER_POD) {
      const pod = pods[i]!;
      keys[row + BOUND] = pod.node !== undefined ? 1 : 0;
      keys[row + PHASE_RANK_KEY] = PHASE_RANK[pod.phase] ?? 0;
      keys[row + READY] = pod.ready ? 1 : 0;
      keys[row + DOUBLED_UP] = perNode.get(pod.node?.name) ?? 0;
      const readySeconds = pod.readyConditionSeconds;
      if (pod.ready && readySeconds !== undefined) {
        keys[row + READY_TIMED] = 1;
        keys[row + READY_API_SECONDS] = apiSeconds(readySeconds);
        keys[row + READY_BUCKET] = logarithmicRank(readySeconds, nowSeconds);
      }
      keys[row + RESTARTS] = pod.restartCount;
      keys[row + CREATED_API_SECONDS] = apiSeconds(pod.createdSeconds);
      keys[row + CREATED_BUCKET] = logarithmicRank(pod.createdSeconds, nowSeconds);
      keys[row + SERIAL] = pod.serial;
    }
  }

  /** Negative when pod i should be deleted before pod j (ActivePodsWithRanks.Less, rules as in the header). */
  compare(i: number, j: number): number {
    const k = this.keys;
    const a = i * KEYS_PER_POD;
    const b = j * KEYS_PER_POD;
    if (k[a + BOUND] !== k[b + BOUND]) return k[a + BOUND]! - k[b + BOUND]!;
    if (k[a + PHASE_RANK_KEY] !== k[b + PHASE_RANK_KEY]) return k[a + PHASE_RANK_KEY]! - k[b + PHASE_RANK_KEY]!;
    if (k[a + READY] !== k[b + READY]) return k[a + READY] === 1 ? 1 : -1;
    if (k[a + DOUBLED_UP] !== k[b + DOUBLED_UP]) return k[b + DOUBLED_UP]! - k[a + DOUBLED_UP]!;
    if (k[a + READY_TIMED] === 1 && k[b + READY_TIMED] === 1 && k[a + READY_API_SECONDS] !== k[b + READY_API_SECONDS]) {
      const diff = k[a + READY_BUCKET]! - k[b + READY_BUCKET]!;
      return diff !== 0 ? diff : pseudoUid(this.pods[i]!) - pseudoUid(this.pods[j]!);
    }
    if (k[a + RESTARTS] !== k[b + RESTARTS]) return k[b + RESTARTS]! - k[a + RESTARTS]!;
    if (k[a + CREATED_API_SECONDS] !== k[b + CREATED_API_SECONDS]) {
      const diff = k[a + CREATED_BUCKET]! - k[b + CREATED_BUCKET]!;
      return diff !== 0 ? diff : pseudoUid(this.pods[i]!) - pseudoUid(this.pods[j]!);
    }
    return k[b + SERIAL]! - k[a + SERIAL]!;
  }
}

/**
 * The `count` pods to delete out of a ReplicaSet's active `pods`, in deletion order, at
 * `nowSeconds`; rule 5 counts the `related` active pods on each node (every ReplicaSet's of the
 * Deployment: getIndirectlyRelatedPods; by default the pods themselves). The pods' indices are
 * sorted in the pods' order with Array.prototype.sort, so the comparisons, and the order when the
 * rules are not transitive (a ready-time tie passes to rule 7), are those of a sort of the pods
 * themselves.
 */
export function choosePodsToDelete(pods: readonly SimPod[], count: number, nowSeconds: number, related: readonly SimPod[] = pods): SimPod[] {
  const keys = new DeletionKeys(pods, nowSeconds, related);
  const order: number[] = [];
  for (let i = 0; i < pods.length; i++) order.push(i);
  order.sort((i, j) => keys.compare(i, j));
  const chosen: SimPod[] = [];
  for (let k = 0; k < order.length && k < count; k++) chosen.push(pods[order[k]!]!);
  return chosen;
}
