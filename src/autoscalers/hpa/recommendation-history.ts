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
