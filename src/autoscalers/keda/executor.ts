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
  /**
   * autoscaling.keda.sh/paused-replicas: RequestScale scales the target to this count and returns
   * before any other rule (no condition, no lastActiveTime). Undefined when the annotation is absent.
   */
  pausedReplicaCount?: number;
  /** autoscaling.keda.sh/paused-scale-in, paused-scale-out and force-activation annotations. */
  pausedScaleIn: boolean;
  pausedScaleOut: boolean;
  forceActivation: boolean;
}

export interface ExecutorDecision {
  /** Replica count to write to the target, or null for no write. */
  scaleTo: number | null;
  /**
   * The Active condition after this poll: True/ScalerActive, False/ScalerNotActive or
   * False/ScalerCooldown; Unknown (a new object's initial value, GetInitializedConditions) when a
   * paused-replicas poll leaves it untouched.
   */
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

const READY: Ready = Object.freeze({ readyCondition: 'True', readyReason: 'ScaledObjectReady' });
const NO_READY_CHANGE: Ready = Object.freeze({});

/** RequestScale sets Ready=True first whenever no trigger failed. */
function readyWhenNoError(input: ExecutorInput): Ready {
  return input.isError ? NO_READY_CHANGE : READY;
}

/**
 * A decision. Every branch builds it here, with the same fields in the same order (the Ready
 * condition only when this poll sets it), so the controller reads objects of one shape; object
 * spreads of differently shaped bases made this calculator the costliest part of a KEDA poll.
 */
function decide(activeCondition: ConditionStatus, activeReason: string, ready: Ready, scaleTo: number | null, lastActiveTimeUpdated: boolean, reason: string): ExecutorDecision {
  const decision: ExecutorDecision = { scaleTo, activeCondition, activeReason, lastActiveTimeUpdated, reason };
  if (ready.readyCondition !== undefined) {
    decision.readyCondition = ready.readyCondition;
    decision.readyReason = ready.readyReason;
  }
  return decision;
}

/** Cooldown test of scaleToZeroOrIdle: strict `<`; initialCooldownPeriod from creation while lastActiveTime was never set. */
function cooldownState(input: ExecutorInput): { passed: boolean; text: string } {
  const since = input.lastActiveTimeSeconds;
  const from = since === undefined ? input.creationSeconds : since;
  const period = since === undefined ? input.initialCooldownPeriodSeconds : input.cooldownPeriodSeconds;
  const what = since === undefined ? 'creation + initialCooldownPeriod' : 'lastActiveTime + cooldownPeriod';
  const passed = from + period < input.nowSeconds;
  const remaining = from + period - input.nowSeconds;
  return { passed, text: passed ? `${what} has passed` : `${what} not yet passed (${remaining} s left)` };
}

function planActive(input: ExecutorInput): ExecutorDecision {
  const { currentReplicas: current, minReplicaCount: min } = input;
  const ready = readyWhenNoError(input);
  const why = input.isActive ? 'triggers active' : 'activation forced by annotation';
  if ((input.idleReplicaCount !== undefined && current < min) || current === 0) {
    const target = min > 0 ? min : 1;
    if (input.pausedScaleOut) {
      return decide('True', 'ScalerActive', ready, null, false, `${why}: paused-scale-out blocks scaling from ${current} to ${target}`);
    }
    return decide('True', 'ScalerActive', ready, target, true, `${why}: scale from ${current} to ${target}`);
  }
  if (input.isError) {
    const reason = `${why}, but a trigger failed: Ready=Unknown (PartialTriggerError), lastActiveTime not refreshed`;
    return decide('True', 'ScalerActive', { readyCondition: 'Unknown', readyReason: 'PartialTriggerError' }, null, false, reason);
  }
  return decide('True', 'ScalerActive', ready, null, true, `${why} at ${current} replicas: the HPA scales; lastActiveTime refreshed`);
}

function scaleToZeroOrIdle(input: ExecutorInput): ExecutorDecision {
  const target = input.idleReplicaCount ?? input.minReplicaCount;
  const what = input.idleReplicaCount !== undefined ? 'idleReplicaCount' : 'minReplicaCount';
  const ready = readyWhenNoError(input);
  if (input.pausedScaleIn) {
    return decide('False', 'ScalerNotActive', ready, null, false, `triggers inactive: paused-scale-in blocks scaling to ${what} ${target}`);
  }
  const cooldown = cooldownState(input);
  if (!cooldown.passed) return decide('False', 'ScalerCooldown', ready, null, false, `triggers inactive, cooling down: ${cooldown.text}`);
  return decide('False', 'ScalerNotActive', ready, target, false, `triggers inactive and ${cooldown.text}: scale from ${input.currentReplicas} to ${what} ${target}`);
}

function planInactive(input: ExecutorInput): ExecutorDecision {
  const { currentReplicas: current, minReplicaCount: min, idleReplicaCount: idle } = input;
  const ready = readyWhenNoError(input);
  if (input.isError && input.fallback !== undefined && input.fallback.replicas !== 0) {
    return decide('False', 'ScalerNotActive', ready, null, false, `trigger error with a fallback: ${current} replicas left for the HPA fallback of ${input.fallback.replicas}`);
  }
  if (input.isError && input.fallback === undefined) {
    const reason = 'triggers inactive and a trigger failed (no fallback): Ready=False (TriggerError)';
    return decide('False', 'ScalerNotActive', { readyCondition: 'False', readyReason: 'TriggerError' }, null, false, reason);
  }
  if ((idle !== undefined && current > idle) || (current > 0 && min === 0)) return scaleToZeroOrIdle(input);
  if (current < min && idle === undefined) {
    return decide('False', 'ScalerNotActive', ready, min, false, `triggers inactive and ${current} < minReplicaCount: scale to ${min}`);
  }
  return decide('False', 'ScalerNotActive', ready, null, false, `triggers inactive at ${current} replicas: no change`);
}

/**
 * One RequestScale. The paused-replicas annotation overrides everything (planPaused). Active (or force-activation) at 0 replicas — or below min with idleReplicaCount
 * set — scales to max(min, 1) unless paused-scale-out; otherwise active refreshes lastActiveTime
 * unless a trigger failed (Ready=Unknown). Inactive: an error keeps the count (for the HPA fallback)
 * or sets Ready=False without a fallback; above idle (or above 0 with min 0) it scales to idle/min
 * once the cooldown has strictly passed, unless paused-scale-in; below min without idle it raises to min.
 */
export function planScaledObjectScale(input: ExecutorInput): ExecutorDecision {
  if (input.pausedReplicaCount !== undefined) return planPaused(input, input.pausedReplicaCount);
  return input.isActive || input.forceActivation ? planActive(input) : planInactive(input);
}

/**
 * RequestScale with the paused-replicas annotation: Ready=True is set first (when no trigger
 * failed), then the target is scaled to the paused count when it differs and the poll returns, so
 * activity, errors, min/idle and cooldown play no part and the Active condition is not written.
 */
function planPaused(input: ExecutorInput, paused: number): ExecutorDecision {
  const current = input.currentReplicas;
  const reason = paused === current ? `paused-replicas ${paused}: already at ${current}, no change` : `paused-replicas ${paused}: scale from ${current} to ${paused}`;
  const decision: ExecutorDecision = { scaleTo: paused === current ? null : paused, activeCondition: 'Unknown', lastActiveTimeUpdated: false, reason };
  return readyWhenNoError(input) === READY ? { ...decision, readyCondition: 'True', readyReason: 'ScaledObjectReady' } : decision;
}
