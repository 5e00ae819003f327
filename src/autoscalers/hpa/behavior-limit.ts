/**
 * Policy bounds of spec.behavior (§1.11): horizontal.go `calculateScaleUpLimitWithScalingRules` and
 * `calculateScaleDownLimitWithBehaviors`. The bound alone, before it is compared with current.
 */
import { INT32_MAX, INT32_MIN } from './go-int.js';
import type { ResolvedScalingRules } from './behavior-rules.js';
import { sumReplicaChangeInPeriod } from './scale-events.js';
import type { HpaScalingPolicy, TimestampedScaleEvent } from './types.js';

export interface PolicyLimitInput {
  currentReplicas: number;
  scaleUpEvents: readonly TimestampedScaleEvent[];
  scaleDownEvents: readonly TimestampedScaleEvent[];
  rules: Pick<ResolvedScalingRules, 'selectPolicy' | 'policies'>;
  nowSeconds: number;
}

export interface PolicyLimit {
  /** The replica bound the selected policy allows. */
  limit: number;
  /** Index in `rules.policies` of the policy that gave the bound; undefined when Disabled or none. */
  policyIndex?: number;
  /** Why: `Disabled`, `NoPolicies` or `Policy` (a policy bound). */
  reason: 'Disabled' | 'NoPolicies' | 'Policy';
}

/** current − (scale-ups in the period) + (scale-downs in the period): the count at the period's start. */
function periodStartReplicas(input: PolicyLimitInput, policy: HpaScalingPolicy): number {
  const added = sumReplicaChangeInPeriod(input.scaleUpEvents, policy.periodSeconds, input.nowSeconds);
  const removed = sumReplicaChangeInPeriod(input.scaleDownEvents, policy.periodSeconds, input.nowSeconds);
  return input.currentReplicas - added + removed;
}

function selectLimit(
  input: PolicyLimitInput,
  propose: (start: number, policy: HpaScalingPolicy) => number,
  pickHigher: boolean,
): PolicyLimit {
  if (input.rules.selectPolicy === 'Disabled') return { limit: input.currentReplicas, reason: 'Disabled' };
  let limit = pickHigher ? INT32_MIN : INT32_MAX;
  let policyIndex: number | undefined;
  input.rules.policies.forEach((policy, index) => {
    const proposed = propose(periodStartReplicas(input, policy), policy);
    if (pickHigher ? proposed > limit : proposed < limit) {
      limit = proposed;
      policyIndex = index;
    }
  });
  if (policyIndex === undefined) return { limit, reason: 'NoPolicies' };
  return { limit, policyIndex, reason: 'Policy' };
}

/**
 * Scale-up bound: each policy proposes `periodStart + value` (Pods) or
 * `ceil(periodStart × (1 + value/100))` (Percent); selectPolicy Max takes the largest, Min the
 * smallest, Disabled gives currentReplicas. With no policies the bound is int32 min (Max) or max (Min).
 */
export function calculateScaleUpLimit(input: PolicyLimitInput): PolicyLimit {
  const propose = (start: number, p: HpaScalingPolicy): number =>
    p.type === 'Pods' ? start + p.value : Math.trunc(Math.ceil(start * (1 + p.value / 100)));
  return selectLimit(input, propose, input.rules.selectPolicy !== 'Min');
}

/**
 * Scale-down bound: each policy proposes `periodStart − value` (Pods) or
 * `trunc(periodStart × (1 − value/100))` (Percent); selectPolicy Max takes the smallest bound (the
 * largest change), Min the largest, Disabled gives currentReplicas.
 */
export function calculateScaleDownLimit(input: PolicyLimitInput): PolicyLimit {
  const propose = (start: number, p: HpaScalingPolicy): number =>
    p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
  return selectLimit(input, propose, input.rules.selectPolicy === 'Min');
}
