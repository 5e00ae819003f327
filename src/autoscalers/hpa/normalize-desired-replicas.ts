/**
 * The normalization step of one sync: legacy (§1.10) or behavior (§1.11), chosen by spec.behavior.
 * Mirrors horizontal.go `normalizeDesiredReplicas` and `normalizeDesiredReplicasWithBehaviors`.
 */
import { convertDesiredReplicasWithBehaviorRate } from './behavior-rate.js';
import type { ResolvedBehavior } from './behavior-rules.js';
import { stabilizeWithBehavior } from './behavior-stabilize.js';
import { convertDesiredReplicasWithRules, stabilizeLegacy } from './legacy-normalize.js';
import type { StabilizationWindow } from './recommendation-history.js';
import type { AbleToScaleReason, HpaControllerConfig, HpaHistory, ScalingLimitedReason, TimestampedRecommendation } from './types.js';

export interface NormalizeInput {
  nowSeconds: number;
  currentReplicas: number;
  /** The metrics' maximum (prenormalized desired count). */
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  /** History after first-reconcile seeding. */
  history: HpaHistory & { recommendations: readonly TimestampedRecommendation[] };
  config: HpaControllerConfig;
  /** The caller hands the history's recommendation list over: recorded into in place (recordRecommendationAt). */
  recordInPlace?: boolean;
}

export interface Normalization {
  desiredReplicas: number;
  stabilizedReplicas: number;
  /** AbleToScale reason from stabilization (ScaleUpStabilized, ScaleDownStabilized or ReadyForNewScale). */
  ableToScaleReason: AbleToScaleReason;
  limitedReason: ScalingLimitedReason;
  recommendations: TimestampedRecommendation[];
  window: StabilizationWindow;
  scaleUpLimit?: number;
  scaleDownLimit?: number;
}

/** Legacy path: max-stabilization over the inclusive window, then the max(factor × current, minimum) cap. */
export function normalizeLegacy(input: NormalizeInput): Normalization {
  const windowSeconds = input.config.downscaleStabilizationWindowSeconds;
  const stab = stabilizeLegacy({
    nowSeconds: input.nowSeconds,
    desiredReplicas: input.desiredReplicas,
    windowSeconds,
    recommendations: input.history.recommendations,
    recordInPlace: input.recordInPlace,
  });
  const conv = convertDesiredReplicasWithRules({
    currentReplicas: input.currentReplicas,
    desiredReplicas: stab.stabilizedReplicas,
    minReplicas: input.minReplicas,
    maxReplicas: input.maxReplicas,
    scaleUpLimitFactor: input.config.scaleUpLimitFactor,
    scaleUpLimitMinimum: input.config.scaleUpLimitMinimum,
  });
  return {
    desiredReplicas: conv.desiredReplicas,
    stabilizedReplicas: stab.stabilizedReplicas,
    ableToScaleReason: stab.reason,
    limitedReason: conv.reason,
    recommendations: stab.recommendations,
    window: stab.window,
    scaleUpLimit: conv.scaleUpLimit,
  };
}

/** Behavior path: envelope stabilization over strict windows, then the policy rate limit and min/max clamp. */
export function normalizeWithBehaviors(input: NormalizeInput, behavior: ResolvedBehavior): Normalization {
  const stab = stabilizeWithBehavior({
    nowSeconds: input.nowSeconds,
    currentReplicas: input.currentReplicas,
    desiredReplicas: input.desiredReplicas,
    scaleUpWindowSeconds: behavior.scaleUp.stabilizationWindowSeconds,
    scaleDownWindowSeconds: behavior.scaleDown.stabilizationWindowSeconds,
    recommendations: input.history.recommendations,
    recordInPlace: input.recordInPlace,
  });
  const rate = convertDesiredReplicasWithBehaviorRate({
    nowSeconds: input.nowSeconds,
    currentReplicas: input.currentReplicas,
    desiredReplicas: stab.stabilizedReplicas,
    minReplicas: input.minReplicas,
    maxReplicas: input.maxReplicas,
    scaleUp: behavior.scaleUp,
    scaleDown: behavior.scaleDown,
    scaleUpEvents: input.history.scaleUpEvents,
    scaleDownEvents: input.history.scaleDownEvents,
  });
  const result: Normalization = {
    desiredReplicas: rate.desiredReplicas,
    stabilizedReplicas: stab.stabilizedReplicas,
    ableToScaleReason: stab.reason,
    limitedReason: rate.reason,
    recommendations: stab.recommendations,
    window: stab.window,
  };
  if (rate.scaleUpLimit !== undefined) result.scaleUpLimit = rate.scaleUpLimit;
  if (rate.scaleDownLimit !== undefined) result.scaleDownLimit = rate.scaleDownLimit;
  return result;
}
