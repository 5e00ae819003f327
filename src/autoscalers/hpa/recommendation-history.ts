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
 * strict). A view, not a copy: records are never mutated and a sync's list is never changed after
 * it (the next list is a new array), so the entries are listed only when somebody asks, as the
 * decision log does for the rows it writes; a sync builds no entry objects.
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

  /** The records inside, in list order, with their ages at the sync. */
  entries(): WindowEntry[] {
    const entries: WindowEntry[] = [];
    for (const record of this.records) {
      const ageSeconds = this.nowSeconds - record.timestampSeconds;
      if (this.holds(ageSeconds)) entries.push({ replicas: record.replicas, ageSeconds });
    }
    return entries;
  }
}

/**
 * `recordInitialRecommendation`: a missing list becomes `[{currentReplicas, now}]`; an existing one
 * is returned as it is (records are never mutated, so sharing them is safe).
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
 * Returns a new list with `{replicas, now}` recorded. Like upstream, the slot overwritten is the
 * last record for which `isOutdated` holds; when none is outdated the record is appended.
 */
export function recordRecommendation(
  recommendations: readonly TimestampedRecommendation[],
  replicas: number,
  nowSeconds: number,
  isOutdated: (record: TimestampedRecommendation) => boolean,
): TimestampedRecommendation[] {
  // A shallow copy: the records themselves are immutable and shared with the previous list.
  const next = recommendations.slice();
  let reuseIndex = -1;
  for (let i = 0; i < next.length; i++) if (isOutdated(next[i]!)) reuseIndex = i;
  const record = { replicas, timestampSeconds: nowSeconds };
  if (reuseIndex >= 0) next[reuseIndex] = record;
  else next.push(record);
  return next;
}
