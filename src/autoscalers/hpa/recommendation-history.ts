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

/** `recordInitialRecommendation`: a missing list becomes `[{currentReplicas, now}]`; an existing one is kept. */
export function seedRecommendations(
  recommendations: readonly TimestampedRecommendation[] | undefined,
  currentReplicas: number,
  nowSeconds: number,
): TimestampedRecommendation[] {
  if (recommendations === undefined) return [{ replicas: currentReplicas, timestampSeconds: nowSeconds }];
  return recommendations.map((r) => ({ ...r }));
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
  const next = recommendations.map((r) => ({ ...r }));
  let reuseIndex = -1;
  next.forEach((record, index) => {
    if (isOutdated(record)) reuseIndex = index;
  });
  const record = { replicas, timestampSeconds: nowSeconds };
  if (reuseIndex >= 0) next[reuseIndex] = record;
  else next.push(record);
  return next;
}
