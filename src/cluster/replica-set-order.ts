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

/** FNV-1a (32-bit) of namespace/name: the stand-in for metadata.uid in rule 6 and 8 ties, hashed once a pod (SimPod.uidHash). */
export function pseudoUid(pod: SimPod): number {
  if (pod.uidHash !== undefined) return pod.uidHash;
  const text = `${pod.owner.namespace}/${pod.name}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  pod.uidHash = hash;
  return hash;
}

/**
 * Each pod's sort keys, read once per choice instead of at every comparison (a scale-down of n pods
 * compares O(n log n) pairs; the log buckets and the UID hash were the most of it). Index i is
 * pods[i]; a rule's keys are those its comparison reads. One set, reused (a choice is never
 * re-entered), grown to the largest workload seen.
 */
class DeletionKeys {
  private capacity = 0;
  private pods: readonly SimPod[] = [];
  private bound = new Uint8Array(0);
  private phaseRank = new Uint8Array(0);
  private ready = new Uint8Array(0);
  /** Rule 5's rank: the given (active) pods on the pod's node, unscheduled pods counting together. */
  private doubledUp = new Float64Array(0);
  /** Rule 6 applies: ready with a Ready condition; then its whole second and log bucket. */
  private readyTimed = new Uint8Array(0);
  private readyApiSeconds = new Float64Array(0);
  private readyBucket = new Float64Array(0);
  private restarts = new Float64Array(0);
  private createdApiSeconds = new Float64Array(0);
  private createdBucket = new Float64Array(0);
  private serial = new Float64Array(0);
  private readonly perNode = new Map<string | undefined, number>();

  /** Reads the keys of `pods` at `nowSeconds`. */
  fill(pods: readonly SimPod[], nowSeconds: number): void {
    const n = pods.length;
    if (n > this.capacity) this.grow(Math.max(n, 2 * this.capacity));
    this.pods = pods;
    const perNode = this.perNode;
    perNode.clear();
    for (let i = 0; i < n; i++) {
      const name = pods[i]!.node?.name;
      perNode.set(name, (perNode.get(name) ?? 0) + 1);
    }
    for (let i = 0; i < n; i++) {
      const pod = pods[i]!;
      this.bound[i] = pod.node !== undefined ? 1 : 0;
      this.phaseRank[i] = PHASE_RANK[pod.phase] ?? 0;
      this.ready[i] = pod.ready ? 1 : 0;
      this.doubledUp[i] = perNode.get(pod.node?.name) ?? 0;
      const readySeconds = pod.readyConditionSeconds;
      const readyTimed = pod.ready && readySeconds !== undefined;
      this.readyTimed[i] = readyTimed ? 1 : 0;
      if (readyTimed) {
        this.readyApiSeconds[i] = apiSeconds(readySeconds);
        this.readyBucket[i] = logarithmicRank(readySeconds, nowSeconds);
      }
      this.restarts[i] = pod.restartCount;
      this.createdApiSeconds[i] = apiSeconds(pod.createdSeconds);
      this.createdBucket[i] = logarithmicRank(pod.createdSeconds, nowSeconds);
      this.serial[i] = pod.serial;
    }
  }

  /** Lets go of the pods read by fill. */
  release(): void {
    this.pods = [];
    this.perNode.clear();
  }

  private grow(capacity: number): void {
    this.capacity = capacity;
    this.bound = new Uint8Array(capacity);
    this.phaseRank = new Uint8Array(capacity);
    this.ready = new Uint8Array(capacity);
    this.doubledUp = new Float64Array(capacity);
    this.readyTimed = new Uint8Array(capacity);
    this.readyApiSeconds = new Float64Array(capacity);
    this.readyBucket = new Float64Array(capacity);
    this.restarts = new Float64Array(capacity);
    this.createdApiSeconds = new Float64Array(capacity);
    this.createdBucket = new Float64Array(capacity);
    this.serial = new Float64Array(capacity);
  }

  /** Negative when pod a should be deleted before pod b (ActivePodsWithRanks.Less, rules as in the header). */
  compare(a: number, b: number): number {
    if (this.bound[a] !== this.bound[b]) return this.bound[a]! - this.bound[b]!;
    if (this.phaseRank[a] !== this.phaseRank[b]) return this.phaseRank[a]! - this.phaseRank[b]!;
    if (this.ready[a] !== this.ready[b]) return this.ready[a] === 1 ? 1 : -1;
    if (this.doubledUp[a] !== this.doubledUp[b]) return this.doubledUp[b]! - this.doubledUp[a]!;
    if (this.readyTimed[a] === 1 && this.readyTimed[b] === 1 && this.readyApiSeconds[a] !== this.readyApiSeconds[b]) {
      const diff = this.readyBucket[a]! - this.readyBucket[b]!;
      return diff !== 0 ? diff : pseudoUid(this.pods[a]!) - pseudoUid(this.pods[b]!);
    }
    if (this.restarts[a] !== this.restarts[b]) return this.restarts[b]! - this.restarts[a]!;
    if (this.createdApiSeconds[a] !== this.createdApiSeconds[b]) {
      const diff = this.createdBucket[a]! - this.createdBucket[b]!;
      return diff !== 0 ? diff : pseudoUid(this.pods[a]!) - pseudoUid(this.pods[b]!);
    }
    return this.serial[b]! - this.serial[a]!;
  }
}

const keys = new DeletionKeys();
const byKeys = (a: number, b: number): number => keys.compare(a, b);
/** The indices sorted, reused like the keys. */
const order: number[] = [];

/**
 * The `count` pods to delete out of a workload's active `pods`, in deletion order, at `nowSeconds`.
 * The pods' indices are sorted in the pods' order with Array.prototype.sort, so the comparisons, and
 * the order when the rules are not transitive (a ready-time tie passes to rule 7), are those of a
 * sort of the pods themselves.
 */
export function choosePodsToDelete(pods: readonly SimPod[], count: number, nowSeconds: number): SimPod[] {
  keys.fill(pods, nowSeconds);
  order.length = 0;
  for (let i = 0; i < pods.length; i++) order.push(i);
  order.sort(byKeys);
  const chosen: SimPod[] = [];
  for (let k = 0; k < order.length && k < count; k++) chosen.push(pods[order[k]!]!);
  keys.release();
  return chosen;
}
