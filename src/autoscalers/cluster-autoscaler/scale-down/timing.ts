/**
 * Scale-down timers (core/scaledown/unneeded/nodes.go unremovableReason, verifyMinSize;
 * core/static_autoscaler.go isScaleDownInCooldown). Every comparison is strict, as Go's
 * time.Before / time.After: a node unneeded for exactly scale-down-unneeded-time is not yet
 * removable, and at exactly lastScaleUp + delay-after-add the cooldown is over. An unneeded or
 * unready time of 0 disables that timer (current master guards the check with removalThreshold > 0).
 */

export type TimingReason = 'NotUnneededLongEnough' | 'NotUnreadyLongEnough' | 'NodeGroupMinSizeReached';

export type CooldownReason = 'ScaleDownDisabledForLoop' | 'ScaleDownDelayAfterAdd' | 'ScaleDownDelayAfterFailure' | 'ScaleDownDelayAfterDelete';

export interface UnneededTimeInput {
  ready: boolean;
  unneededSinceSeconds: number;
  nowSeconds: number;
  /** --scale-down-unneeded-time */
  unneededTimeSeconds: number;
  /** --scale-down-unready-time */
  unreadyTimeSeconds: number;
}

/**
 * NotUnneededLongEnough (ready) / NotUnreadyLongEnough (unready) unless since + time < now. A time
 * of 0 skips the check (nodes.go unremovableReason: `v.removalThreshold > 0 && !since.Add(...).Before(ts)`),
 * so with --scale-down-unneeded-time=0 a node is removable in the loop that first finds it unneeded.
 */
export function unneededTimeReason(input: UnneededTimeInput): TimingReason | undefined {
  const waitSeconds = input.ready ? input.unneededTimeSeconds : input.unreadyTimeSeconds;
  if (waitSeconds <= 0 || input.unneededSinceSeconds + waitSeconds < input.nowSeconds) return undefined;
  return input.ready ? 'NotUnneededLongEnough' : 'NotUnreadyLongEnough';
}

/** NodeGroupMinSizeReached when size − deletions in progress ≤ min size. */
export function minSizeReason(groupSize: number, deletionsInProgress: number, minSize: number): TimingReason | undefined {
  return groupSize - deletionsInProgress <= minSize ? 'NodeGroupMinSizeReached' : undefined;
}

export interface CooldownInput {
  nowSeconds: number;
  /** The scale-up part of this loop disabled scale-down for it (all pending pods very new). */
  disabledForLoop?: boolean;
  /** undefined = never happened. */
  lastScaleUpSeconds?: number;
  lastScaleDownFailureSeconds?: number;
  lastDeleteSeconds?: number;
  scaleDownDelayAfterAddSeconds: number;
  scaleDownDelayAfterFailureSeconds: number;
  scaleDownDelayAfterDeleteSeconds: number;
}

export interface CooldownResult {
  inCooldown: boolean;
  /** Why: scale-down disabled for this loop, else the first delay still running (add, then failure, then delete). */
  reason: CooldownReason | undefined;
}

/** isScaleDownInCooldown: scale-down disabled for this loop, or some lastEvent + delay strictly after now. */
export function scaleDownCooldown(input: CooldownInput): CooldownResult {
  const running = (last: number | undefined, delay: number): boolean => last !== undefined && last + delay > input.nowSeconds;
  let reason: CooldownReason | undefined;
  if (input.disabledForLoop === true) reason = 'ScaleDownDisabledForLoop';
  else if (running(input.lastScaleUpSeconds, input.scaleDownDelayAfterAddSeconds)) reason = 'ScaleDownDelayAfterAdd';
  else if (running(input.lastScaleDownFailureSeconds, input.scaleDownDelayAfterFailureSeconds)) reason = 'ScaleDownDelayAfterFailure';
  else if (running(input.lastDeleteSeconds, input.scaleDownDelayAfterDeleteSeconds)) reason = 'ScaleDownDelayAfterDelete';
  return { inCooldown: reason !== undefined, reason };
}

/** One node's timing facts, as the ca.scaleDownTiming vectors give them (ages instead of times). */
export interface ScaleDownTimingInput {
  nowSeconds: number;
  ready: boolean;
  /** undefined = the timer is not in question (treated as long enough). */
  unneededForSeconds: number | undefined;
  unneededTimeSeconds: number;
  unreadyTimeSeconds: number;
  scaleDownDisabled: boolean;
  groupSize: number | undefined;
  groupMinSize: number;
  deletionsInProgress: number;
  cooldown: Omit<CooldownInput, 'nowSeconds'>;
}

export type ScaleDownTimingReason = TimingReason | 'ScaleDownDisabledAnnotation' | 'ScaleDownInCooldown';

export interface ScaleDownTimingResult {
  removable: boolean;
  reason: ScaleDownTimingReason | undefined;
  scaleDownInCooldown: boolean;
  cooldownReason: CooldownReason | undefined;
}

/**
 * The timing part of removing one unneeded node this loop: cooldown first (no removal at all while
 * it runs), then the scale-down-disabled annotation, the unneeded/unready timer and the min size.
 */
export function scaleDownTiming(input: ScaleDownTimingInput): ScaleDownTimingResult {
  const cooldown = scaleDownCooldown({ nowSeconds: input.nowSeconds, ...input.cooldown });
  const verdict = (reason: ScaleDownTimingReason | undefined): ScaleDownTimingResult => ({
    removable: reason === undefined,
    reason,
    scaleDownInCooldown: cooldown.inCooldown,
    cooldownReason: cooldown.reason,
  });
  if (cooldown.inCooldown) return verdict('ScaleDownInCooldown');
  if (input.scaleDownDisabled) return verdict('ScaleDownDisabledAnnotation');
  if (input.unneededForSeconds !== undefined) {
    const reason = unneededTimeReason({
      ready: input.ready,
      unneededSinceSeconds: input.nowSeconds - input.unneededForSeconds,
      nowSeconds: input.nowSeconds,
      unneededTimeSeconds: input.unneededTimeSeconds,
      unreadyTimeSeconds: input.unreadyTimeSeconds,
    });
    if (reason !== undefined) return verdict(reason);
  }
  if (input.groupSize !== undefined) return verdict(minSizeReason(input.groupSize, input.deletionsInProgress, input.groupMinSize));
  return verdict(undefined);
}
