/**
 * The ScaledObject executor of one polling cycle: pkg/scaling/executor/scale_scaledobjects.go
 * RequestScale, scaleFromZeroOrIdle and scaleToZeroOrIdle (0↔1 and idle↔min; the HPA does 1↔N).
 */
import type { FallbackSpec } from './types.js';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface ExecutorInput {
  minReplicaCount: number;
  idleReplicaCount?: number;
  /** scale.spec.replicas of the target. */
  currentReplicas: number;
  /** Any trigger active and error-free (or the scalingModifiers verdict), see activity.ts. */
  isActive: boolean;
  /** Some trigger failed at this poll. */
  isError: boolean;
  fallback?: Pick<FallbackSpec, 'replicas'>;
  /** status.lastActiveTime; undefined when it was never set. */
  lastActiveTimeSeconds?: number;
  /** metadata.creationTimestamp of the ScaledObject. */
  creationSeconds: number;
  nowSeconds: number;
  cooldownPeriodSeconds: number;
  initialCooldownPeriodSeconds: number;
  /** autoscaling.keda.sh/paused-scale-in, paused-scale-out and force-activation annotations. */
  pausedScaleIn: boolean;
  pausedScaleOut: boolean;
  forceActivation: boolean;
}

export interface ExecutorDecision {
  /** Replica count to write to the target, or null for no write. */
  scaleTo: number | null;
  /** The Active condition after this poll: True/ScalerActive, False/ScalerNotActive or False/ScalerCooldown. */
  activeCondition: ConditionStatus;
  activeReason?: string;
  /** The Ready condition when this poll sets it (True/ScaledObjectReady, Unknown/PartialTriggerError, False/TriggerError). */
  readyCondition?: ConditionStatus;
  readyReason?: string;
  /** status.lastActiveTime becomes now. */
  lastActiveTimeUpdated: boolean;
  /** Human text for the decision log. */
  reason: string;
}

type Ready = Pick<ExecutorDecision, 'readyCondition' | 'readyReason'>;

/** RequestScale sets Ready=True first whenever no trigger failed. */
function readyWhenNoError(input: ExecutorInput): Ready {
  return input.isError ? {} : { readyCondition: 'True', readyReason: 'ScaledObjectReady' };
}

/** Cooldown test of scaleToZeroOrIdle: strict `<`; initialCooldownPeriod from creation while lastActiveTime was never set. */
function cooldownState(input: ExecutorInput): { passed: boolean; text: string } {
  const since = input.lastActiveTimeSeconds;
  const [from, period, what] =
    since === undefined
      ? [input.creationSeconds, input.initialCooldownPeriodSeconds, 'creation + initialCooldownPeriod']
      : [since, input.cooldownPeriodSeconds, 'lastActiveTime + cooldownPeriod'];
  const passed = from + period < input.nowSeconds;
  const remaining = from + period - input.nowSeconds;
  return { passed, text: passed ? `${what} has passed` : `${what} not yet passed (${remaining} s left)` };
}

function planActive(input: ExecutorInput): ExecutorDecision {
  const { currentReplicas: current, minReplicaCount: min } = input;
  const base = { activeCondition: 'True' as const, activeReason: 'ScalerActive', ...readyWhenNoError(input) };
  const why = input.isActive ? 'triggers active' : 'activation forced by annotation';
  if ((input.idleReplicaCount !== undefined && current < min) || current === 0) {
    const target = min > 0 ? min : 1;
    if (input.pausedScaleOut) {
      return { ...base, scaleTo: null, lastActiveTimeUpdated: false, reason: `${why}: paused-scale-out blocks scaling from ${current} to ${target}` };
    }
    return { ...base, scaleTo: target, lastActiveTimeUpdated: true, reason: `${why}: scale from ${current} to ${target}` };
  }
  if (input.isError) {
    const reason = `${why}, but a trigger failed: Ready=Unknown (PartialTriggerError), lastActiveTime not refreshed`;
    return { ...base, readyCondition: 'Unknown', readyReason: 'PartialTriggerError', scaleTo: null, lastActiveTimeUpdated: false, reason };
  }
  return { ...base, scaleTo: null, lastActiveTimeUpdated: true, reason: `${why} at ${current} replicas: the HPA scales; lastActiveTime refreshed` };
}

function scaleToZeroOrIdle(input: ExecutorInput): ExecutorDecision {
  const target = input.idleReplicaCount ?? input.minReplicaCount;
  const what = input.idleReplicaCount !== undefined ? 'idleReplicaCount' : 'minReplicaCount';
  const base = { activeCondition: 'False' as const, lastActiveTimeUpdated: false, ...readyWhenNoError(input) };
  if (input.pausedScaleIn) {
    return { ...base, activeReason: 'ScalerNotActive', scaleTo: null, reason: `triggers inactive: paused-scale-in blocks scaling to ${what} ${target}` };
  }
  const cooldown = cooldownState(input);
  if (!cooldown.passed) return { ...base, activeReason: 'ScalerCooldown', scaleTo: null, reason: `triggers inactive, cooling down: ${cooldown.text}` };
  return { ...base, activeReason: 'ScalerNotActive', scaleTo: target, reason: `triggers inactive and ${cooldown.text}: scale from ${input.currentReplicas} to ${what} ${target}` };
}

function planInactive(input: ExecutorInput): ExecutorDecision {
  const { currentReplicas: current, minReplicaCount: min, idleReplicaCount: idle } = input;
  const base = { activeCondition: 'False' as const, activeReason: 'ScalerNotActive', lastActiveTimeUpdated: false, ...readyWhenNoError(input) };
  if (input.isError && input.fallback !== undefined && input.fallback.replicas !== 0) {
    return { ...base, scaleTo: null, reason: `trigger error with a fallback: ${current} replicas left for the HPA fallback of ${input.fallback.replicas}` };
  }
  if (input.isError && input.fallback === undefined) {
    return { ...base, readyCondition: 'False', readyReason: 'TriggerError', scaleTo: null, reason: 'triggers inactive and a trigger failed (no fallback): Ready=False (TriggerError)' };
  }
  if ((idle !== undefined && current > idle) || (current > 0 && min === 0)) return scaleToZeroOrIdle(input);
  if (current < min && idle === undefined) {
    return { ...base, scaleTo: min, reason: `triggers inactive and ${current} < minReplicaCount: scale to ${min}` };
  }
  return { ...base, scaleTo: null, reason: `triggers inactive at ${current} replicas: no change` };
}

/**
 * One RequestScale. Active (or force-activation) at 0 replicas — or below min with idleReplicaCount
 * set — scales to max(min, 1) unless paused-scale-out; otherwise active refreshes lastActiveTime
 * unless a trigger failed (Ready=Unknown). Inactive: an error keeps the count (for the HPA fallback)
 * or sets Ready=False without a fallback; above idle (or above 0 with min 0) it scales to idle/min
 * once the cooldown has strictly passed, unless paused-scale-in; below min without idle it raises to min.
 */
export function planScaledObjectScale(input: ExecutorInput): ExecutorDecision {
  return input.isActive || input.forceActivation ? planActive(input) : planInactive(input);
}
