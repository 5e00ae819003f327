/**
 * spec.behavior defaulting: apis/autoscaling/v2/defaults.go `GenerateHPAScaleUpRules` /
 * `GenerateHPAScaleDownRules` plus horizontal.go `maybeInitScaleDownStabilizationWindow`.
 */
import type { HpaBehavior, HpaControllerConfig, HpaScalingPolicy, HpaScalingRules, SelectPolicy } from './types.js';

/** One side of spec.behavior with every field filled in. */
export interface ResolvedScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: SelectPolicy;
  policies: HpaScalingPolicy[];
  /** Per-HPA tolerance when the user set one (used only through `resolveTolerances`). */
  tolerance?: number;
}

export interface ResolvedBehavior {
  scaleUp: ResolvedScalingRules;
  scaleDown: ResolvedScalingRules;
}

/** Upstream defaults (apis/autoscaling/v2/defaults.go). The scale-down window comes from the controller flag. */
export const HPA_BEHAVIOR_DEFAULTS = Object.freeze({
  /** scaleUpStabilizationSeconds = 0 */
  scaleUpStabilizationWindowSeconds: 0,
  /** maxPolicy for both directions */
  selectPolicy: 'Max' as SelectPolicy,
  /** Pods 4 per 15 s and Percent 100 per 15 s (scaleUpLimitMinimumPods, scaleUpLimitPercent, scaleUpPeriod) */
  scaleUpPolicies: Object.freeze([
    Object.freeze({ type: 'Pods', value: 4, periodSeconds: 15 }),
    Object.freeze({ type: 'Percent', value: 100, periodSeconds: 15 }),
  ] as const),
  /** Percent 100 per 15 s (scaleDownLimitPercent, scaleDownPeriod) */
  scaleDownPolicies: Object.freeze([Object.freeze({ type: 'Percent', value: 100, periodSeconds: 15 })] as const),
});

function copyPolicies(policies: readonly HpaScalingPolicy[]): HpaScalingPolicy[] {
  return policies.map((p) => ({ type: p.type, value: p.value, periodSeconds: p.periodSeconds }));
}

function resolveRules(
  rules: HpaScalingRules | undefined,
  defaultWindowSeconds: number,
  defaultPolicies: readonly HpaScalingPolicy[],
): ResolvedScalingRules {
  const resolved: ResolvedScalingRules = {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? defaultWindowSeconds,
    selectPolicy: rules?.selectPolicy ?? HPA_BEHAVIOR_DEFAULTS.selectPolicy,
    // A user list replaces the default list whole; it is never merged.
    policies: copyPolicies(rules?.policies ?? defaultPolicies),
  };
  if (rules?.tolerance !== undefined) resolved.tolerance = rules.tolerance;
  return resolved;
}

/** scaleUp rules with unset fields defaulted: window 0, selectPolicy Max, Pods 4 and Percent 100 per 15 s. */
export function resolveScaleUpRules(rules: HpaScalingRules | undefined): ResolvedScalingRules {
  return resolveRules(rules, HPA_BEHAVIOR_DEFAULTS.scaleUpStabilizationWindowSeconds, HPA_BEHAVIOR_DEFAULTS.scaleUpPolicies);
}

/**
 * scaleDown rules with unset fields defaulted: window from `--horizontal-pod-autoscaler-downscale-stabilization`
 * (`downscaleStabilizationWindowSeconds`, 300 by default), selectPolicy Max, Percent 100 per 15 s.
 */
export function resolveScaleDownRules(rules: HpaScalingRules | undefined, downscaleStabilizationWindowSeconds: number): ResolvedScalingRules {
  return resolveRules(rules, downscaleStabilizationWindowSeconds, HPA_BEHAVIOR_DEFAULTS.scaleDownPolicies);
}

/** Both sides of a user's spec.behavior, defaulted as the API server and the controller do. */
export function resolveBehavior(
  behavior: HpaBehavior,
  config: Pick<HpaControllerConfig, 'downscaleStabilizationWindowSeconds'>,
): ResolvedBehavior {
  return {
    scaleUp: resolveScaleUpRules(behavior.scaleUp),
    scaleDown: resolveScaleDownRules(behavior.scaleDown, config.downscaleStabilizationWindowSeconds),
  };
}

/** The longest policy period of one side (horizontal.go `getLongestPolicyPeriod`); 0 with no policies. */
export function longestPolicyPeriodSeconds(rules: Pick<ResolvedScalingRules, 'policies'>): number {
  let longest = 0;
  for (const policy of rules.policies) if (policy.periodSeconds > longest) longest = policy.periodSeconds;
  return longest;
}
