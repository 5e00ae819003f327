/**
 * Stabilization when spec.behavior is set (§1.11): horizontal.go `stabilizeRecommendationWithBehaviors`,
 * a pure function of (recommendations, now, both windows).
 */
import { recordRecommendationAt, StabilizationWindow } from './recommendation-history.js';
import type { TimestampedRecommendation } from './types.js';

export interface BehaviorStabilizeInput {
  nowSeconds: number;
  currentReplicas: number;
  /** The metrics' desired count before normalization (not clamped to min/max). */
  desiredReplicas: number;
  scaleUpWindowSeconds: number;
  scaleDownWindowSeconds: number;
  recommendations: readonly TimestampedRecommendation[];
  /** The caller hands `recommendations` over: recorded into in place (recordRecommendationAt). */
  recordInPlace?: boolean;
}

export interface BehaviorStabilization {
  stabilizedReplicas: number;
  /** ScaleUpStabilized / ScaleDownStabilized when the result differs from desired, else ReadyForNewScale. */
  reason: 'ScaleUpStabilized' | 'ScaleDownStabilized' | 'ReadyForNewScale';
  /** min(desired, records with age < scale-up window). */
  upBound: number;
  /** max(desired, records with age < scale-down window). */
  downBound: number;
  /** Records inside at least one window (they shaped a bound). */
  window: StabilizationWindow;
  /** The new list (or, recorded in place, the same one): the raw desired count recorded, reusing a slot older than both windows. */
  recommendations: TimestampedRecommendation[];
}

/**
 * Envelope stabilization. Both windows are STRICT (a record exactly W old is outside). The result is
 * currentReplicas raised to upBound if below it, then lowered to downBound if above it: a scale-up
 * goes only to the smallest recommendation of the up window, a scale-down only to the largest of the
 * down window, and history straddling current keeps current.
 */
export function stabilizeWithBehavior(input: BehaviorStabilizeInput): BehaviorStabilization {
  const { nowSeconds, desiredReplicas, scaleUpWindowSeconds: upW, scaleDownWindowSeconds: downW } = input;
  let upBound = desiredReplicas;
  let downBound = desiredReplicas;
  const records = input.recommendations;
  // Where this sync's record goes: upstream reuses the last record strictly older than both cutoffs
  // (timestamp.Before), else appends.
  let slot = records.length;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const ageSeconds = nowSeconds - record.timestampSeconds;
    if (ageSeconds > upW && ageSeconds > downW) slot = i;
    if (ageSeconds < upW) upBound = Math.min(upBound, record.replicas);
    if (ageSeconds < downW) downBound = Math.max(downBound, record.replicas);
  }
  const inPlace = input.recordInPlace === true;
  // Inside at least one strict window: younger than the longer one.
  const window = new StabilizationWindow(records, nowSeconds, Math.max(upW, downW), false, inPlace ? slot : -1);
  let stabilizedReplicas = input.currentReplicas;
  if (stabilizedReplicas < upBound) stabilizedReplicas = upBound;
  if (stabilizedReplicas > downBound) stabilizedReplicas = downBound;
  const recommendations = recordRecommendationAt(records, slot, desiredReplicas, nowSeconds, inPlace);
  let reason: BehaviorStabilization['reason'] = 'ReadyForNewScale';
  if (stabilizedReplicas !== desiredReplicas) {
    reason = desiredReplicas >= input.currentReplicas ? 'ScaleUpStabilized' : 'ScaleDownStabilized';
  }
  return { stabilizedReplicas, reason, upBound, downBound, window, recommendations };
}
