/**
 * Rate limit and min/max clamp when spec.behavior is set (§1.11): horizontal.go
 * `convertDesiredReplicasWithBehaviorRate`, run on the stabilized recommendation.
 */
import { calculateScaleDownLimit, calculateScaleUpLimit, type PolicyLimit } from './behavior-limit.js';
import type { ResolvedScalingRules } from './behavior-rules.js';
import type { ScalingLimitedReason, TimestampedScaleEvent } from './types.js';

export interface BehaviorRateInput {
  nowSeconds: number;
  currentReplicas: number;
  /** The stabilized recommendation. */
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  scaleUp: ResolvedScalingRules;
  scaleDown: ResolvedScalingRules;
  scaleUpEvents: readonly TimestampedScaleEvent[];
  scaleDownEvents: readonly TimestampedScaleEvent[];
}

export interface BehaviorRateResult {
  desiredReplicas: number;
  reason: ScalingLimitedReason;
  /** Scale-up only: the policy bound after raising it to current (never forces a scale-down). */
  scaleUpLimit?: number;
  /** Scale-down only: the policy bound after lowering it to current (never forces a scale-up). */
  scaleDownLimit?: number;
  /** The raw policy bound and which policy gave it. */
  policy?: PolicyLimit;
}

/**
 * Scale up (desired > current): limit = the scale-up policy bound, raised to current if below it;
 * allowedMax = min(max, limit) with reason ScaleUpLimit when the limit is strictly lower than max,
 * else TooManyReplicas; the result is min(desired, allowedMax).
 * Scale down (desired < current): limit = the scale-down bound, lowered to current if above it;
 * allowedMin = max(min, limit) with reason ScaleDownLimit when the limit is strictly higher than
 * min, else TooFewReplicas; the result is max(desired, allowedMin).
 * When nothing binds, or desired = current, the result is desired with DesiredWithinRange.
 */
export function convertDesiredReplicasWithBehaviorRate(input: BehaviorRateInput): BehaviorRateResult {
  const { currentReplicas: current, desiredReplicas: desired } = input;
  const events = {
    currentReplicas: current,
    scaleUpEvents: input.scaleUpEvents,
    scaleDownEvents: input.scaleDownEvents,
    nowSeconds: input.nowSeconds,
  };
  if (desired > current) {
    const policy = calculateScaleUpLimit({ ...events, rules: input.scaleUp });
    const scaleUpLimit = Math.max(policy.limit, current);
    const limitBinds = input.maxReplicas > scaleUpLimit;
    const allowedMax = limitBinds ? scaleUpLimit : input.maxReplicas;
    if (desired > allowedMax) {
      return { desiredReplicas: allowedMax, reason: limitBinds ? 'ScaleUpLimit' : 'TooManyReplicas', scaleUpLimit, policy };
    }
    return { desiredReplicas: desired, reason: 'DesiredWithinRange', scaleUpLimit, policy };
  }
  if (desired < current) {
    const policy = calculateScaleDownLimit({ ...events, rules: input.scaleDown });
    const scaleDownLimit = Math.min(policy.limit, current);
    const limitBinds = input.minReplicas < scaleDownLimit;
    const allowedMin = limitBinds ? scaleDownLimit : input.minReplicas;
    if (desired < allowedMin) {
      return { desiredReplicas: allowedMin, reason: limitBinds ? 'ScaleDownLimit' : 'TooFewReplicas', scaleDownLimit, policy };
    }
    return { desiredReplicas: desired, reason: 'DesiredWithinRange', scaleDownLimit, policy };
  }
  return { desiredReplicas: desired, reason: 'DesiredWithinRange' };
}
