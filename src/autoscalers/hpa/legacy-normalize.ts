/**
 * Normalization when spec.behavior is null (the legacy path, §1.10): horizontal.go
 * `normalizeDesiredReplicas`, `stabilizeRecommendation`, `convertDesiredReplicasWithRules`, `calculateScaleUpLimit`.
 */
import { recordRecommendationAt, StabilizationWindow } from './recommendation-history.js';
import type { ScalingLimitedReason, TimestampedRecommendation } from './types.js';

export interface LegacyStabilizeInput {
  nowSeconds: number;
  /** The metrics' desired count before normalization. */
  desiredReplicas: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization. */
  windowSeconds: number;
  recommendations: readonly TimestampedRecommendation[];
  /** The caller hands `recommendations` over: recorded into in place (recordRecommendationAt). */
  recordInPlace?: boolean;
}

export interface LegacyStabilization {
  stabilizedReplicas: number;
  /** ScaleDownStabilized when a recorded recommendation raised the result, else ReadyForNewScale. */
  reason: 'ScaleDownStabilized' | 'ReadyForNewScale';
  /** The records inside the window (age ≤ window) that took part in the max. */
  window: StabilizationWindow;
  /** The new list (or, recorded in place, the same one): `desiredReplicas` recorded, reusing one slot older than the window. */
  recommendations: TimestampedRecommendation[];
}

/**
 * stabilized = max(desired, every record with age ≤ window). The bound is INCLUSIVE: a record exactly
 * `windowSeconds` old still counts. This is a max, not an envelope, so an older higher record can
 * raise the result above current. Records older than the window are reusable slots.
 */
export function stabilizeLegacy(input: LegacyStabilizeInput): LegacyStabilization {
  const { nowSeconds, desiredReplicas, windowSeconds } = input;
  let stabilizedReplicas = desiredReplicas;
  // One pass finds the window's max and the slot to reuse (the last record older than the window),
  // as recordRecommendation would with isOutdated = age > window; this runs at every sync.
  const records = input.recommendations;
  let slot = records.length;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const ageSeconds = nowSeconds - record.timestampSeconds;
    if (ageSeconds > windowSeconds) {
      slot = i;
      continue;
    }
    if (record.replicas > stabilizedReplicas) stabilizedReplicas = record.replicas;
  }
  const inPlace = input.recordInPlace === true;
  const reason = stabilizedReplicas !== desiredReplicas ? 'ScaleDownStabilized' : 'ReadyForNewScale';
  const window = new StabilizationWindow(records, nowSeconds, windowSeconds, true, inPlace ? slot : -1);
  const recommendations = recordRecommendationAt(records, slot, desiredReplicas, nowSeconds, inPlace);
  return { stabilizedReplicas, reason, window, recommendations };
}

/** `calculateScaleUpLimit`: int32(max(factor × current, minimum)). */
export function calculateLegacyScaleUpLimit(currentReplicas: number, factor: number, minimum: number): number {
  return Math.trunc(Math.max(factor * currentReplicas, minimum));
}

export interface LegacyConvertInput {
  currentReplicas: number;
  /** The stabilized recommendation. */
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  /** horizontal.go scaleUpLimitFactor (production 2). */
  scaleUpLimitFactor: number;
  /** horizontal.go scaleUpLimitMinimum (4). */
  scaleUpLimitMinimum: number;
}

export interface LegacyConversion {
  desiredReplicas: number;
  reason: ScalingLimitedReason;
  scaleUpLimit: number;
}

/**
 * `convertDesiredReplicasWithRules`: allowedMax = min(max, scaleUpLimit) where
 * scaleUpLimit = max(factor × current, minimum). Below min → min (TooFewReplicas); above allowedMax →
 * allowedMax (ScaleUpLimit when the limit is strictly lower than max, else TooManyReplicas);
 * otherwise unchanged (DesiredWithinRange). There is no scale-down rate limit on this path.
 */
export function convertDesiredReplicasWithRules(input: LegacyConvertInput): LegacyConversion {
  const scaleUpLimit = calculateLegacyScaleUpLimit(input.currentReplicas, input.scaleUpLimitFactor, input.scaleUpLimitMinimum);
  const limitBinds = input.maxReplicas > scaleUpLimit;
  const allowedMax = limitBinds ? scaleUpLimit : input.maxReplicas;
  if (input.desiredReplicas < input.minReplicas) return { desiredReplicas: input.minReplicas, reason: 'TooFewReplicas', scaleUpLimit };
  if (input.desiredReplicas > allowedMax) {
    return { desiredReplicas: allowedMax, reason: limitBinds ? 'ScaleUpLimit' : 'TooManyReplicas', scaleUpLimit };
  }
  return { desiredReplicas: input.desiredReplicas, reason: 'DesiredWithinRange', scaleUpLimit };
}
