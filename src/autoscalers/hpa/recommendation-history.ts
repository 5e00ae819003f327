/**
 * The recommendation list kept between syncs: ages, and recording with reuse of an outdated slot
 * (horizontal.go `stabilizeRecommendation` / `stabilizeRecommendationWithBehaviors` tails, and
 * `recordInitialRecommendation`).
 */
import type { TimestampedRecommendation } from './types.js';

/** A recommendation as `explain` shows it: its replicas and its age at the sync. */
export interface WindowEntry {
  replicas: number;
  ageSeconds: number;
}

/**
 * The records that took part in one stabilization: those of the list as it was at the sync whose
 * age is within the bound (legacy: age <= window, inclusive; behavior: age < the longer window,
 * strict). A view, not a copy: the entries are listed only when somebody asks, as the decision log
 * does for the rows it writes; a sync builds no entry objects. A list recorded into in place (the
 * HPA controller's, see recordRecommendationAt) already holds the sync's own record at
 * `recordedIndex`, which the view leaves out: the record it replaced was outdated, so outside the
 * bound, and every other slot is as it was. Such a view holds until the list's next sync.
 */
export class StabilizationWindow {
  static readonly EMPTY = new StabilizationWindow([], 0, 0, false);

  constructor(
    /** The list as it was at the sync, in list order. */
    readonly records: readonly TimestampedRecommendation[],
    readonly nowSeconds: number,
    /** Records up to this age are inside: inclusively or strictly. */
    private readonly boundSeconds: number,
    private readonly inclusive: boolean,
    /** The slot this sync's record was written into in place (-1: the list is as it was at the sync). */
    readonly recordedIndex = -1,
  ) {}

  /** A window holding exactly `entries` at `nowSeconds` (records built from the ages). */
  static of(entries: readonly WindowEntry[], nowSeconds = 0): StabilizationWindow {
    const records = entries.map((e) => ({ replicas: e.replicas, timestampSeconds: nowSeconds - e.ageSeconds }));
    return new StabilizationWindow(records, nowSeconds, Number.POSITIVE_INFINITY, true);
  }

  /** Whether a record of this age at the sync is inside the window. */
  holds(ageSeconds: number): boolean {
    return this.inclusive ? ageSeconds <= this.boundSeconds : ageSeconds < this.boundSeconds;
  }

  /** Whether the list's record at `index`, of this age at the sync, is inside the window. */
  includes(index: number, ageSeconds: number): boolean {
    return index !== this.recordedIndex && this.holds(ageSeconds);
  }

  /** The records inside, in list order, with their ages at the sync. */
  entries(): WindowEntry[] {
    const entries: WindowEntry[] = [];
    for (let i = 0; i < this.records.length; i++) {
      const record = this.records[i]!;
      const ageSeconds = this.nowSeconds - record.timestampSeconds;
      if (this.includes(i, ageSeconds)) entries.push({ replicas: record.replicas, ageSeconds });
    }
    return entries;
  }
}

/**
 * `recordInitialRecommendation`: a missing list becomes `[{currentReplicas, now}]`; an existing one
 * is returned as it is (shared, as the records of a list recorded into by copy are never mutated).
 */
export function seedRecommendations(
  recommendations: readonly TimestampedRecommendation[] | undefined,
  currentReplicas: number,
  nowSeconds: number,
): readonly TimestampedRecommendation[] {
  if (recommendations === undefined) return [{ replicas: currentReplicas, timestampSeconds: nowSeconds }];
  return recommendations;
}

/**
 * Where a sync's record goes, as upstream picks it: the last record for which `isOutdated` holds,
 * else a new slot at the end (`recommendations.length`).
 */
export function recordSlot(recommendations: readonly TimestampedRecommendation[], isOutdated: (record: TimestampedRecommendation) => boolean): number {
  let slot = recommendations.length;
  for (let i = 0; i < recommendations.length; i++) if (isOutdated(recommendations[i]!)) slot = i;
  return slot;
}

/**
 * `{replicas, now}` recorded at `slot` (an outdated record's, or the end). By default into a new
 * list: the records are immutable and shared with the previous list, which stays as it was. With
 * `inPlace` the caller hands its list over (the HPA controller, which owns it and keeps no earlier
 * list): the record at `slot` is overwritten, or one appended, and the same array returned, so a
 * sync allocates nothing that outlives it. Before, each sync's new list and record lived until the
 * window let go of the record (some twenty syncs of every HPA later), long enough to be promoted,
 * and bench-large's old generation filled with them between full collections.
 */
export function recordRecommendationAt(
  recommendations: readonly TimestampedRecommendation[],
  slot: number,
  replicas: number,
  nowSeconds: number,
  inPlace = false,
): TimestampedRecommendation[] {
  if (inPlace) {
    const list = recommendations as TimestampedRecommendation[];
    const reused = list[slot];
    if (reused === undefined) list.push({ replicas, timestampSeconds: nowSeconds });
    else {
      reused.replicas = replicas;
      reused.timestampSeconds = nowSeconds;
    }
    return list;
  }
  const next = recommendations.slice();
  next[slot] = { replicas, timestampSeconds: nowSeconds };
  return next;
}

/**
 * Returns a new list with `{replicas, now}` recorded. Like upstream, the slot overwritten is the
 * last record for which `isOutdated` holds; when none is outdated the record is appended.
 */
export function recordRecommendation(
  recommendations: readonly TimestampedRecommendation[],
  replicas: number,
  nowSeconds: number,
  isOutdated: (record: TimestampedRecommendation) => boolean,
): TimestampedRecommendation[] {
  return recordRecommendationAt(recommendations, recordSlot(recommendations, isOutdated), replicas, nowSeconds);
}
