/**
 * One ScaledJob poll: pkg/scaling/executor/scale_jobs.go RequestJobScale, getScalingDecision and
 * createJobs — how many Jobs to create given the scale and the Jobs already running or pending.
 */
import { effectiveMaxScale } from './scaled-job-strategies.js';
import type { ScaledJobSpec } from './types.js';

export interface ScaledJobPlanInput {
  spec: Pick<ScaledJobSpec, 'minReplicaCount' | 'maxReplicaCount' | 'scalingStrategy'>;
  /** From calculateScaledJobScale. */
  isActive: boolean;
  /** ceil(combined queue length). */
  queueLength: number;
  /** ceil(min(combined maxValue, maxReplicaCount)). */
  maxScale: number;
  /** Jobs not finished (no Complete/Failed condition). */
  runningJobCount: number;
  /** Unfinished Jobs with no Running or Succeeded pod. */
  pendingJobCount: number;
}

export interface ScaledJobPlan {
  jobsToCreate: number;
  /** After clamping to ≥ 0. */
  effectiveMaxScale: number;
  maxScale: number;
  scaleTo: number;
  reason: string;
}

export interface ScalingDecision {
  /** The strategy's raw bound (may be negative; planScaledJob clamps it). */
  effectiveMaxScale: number;
  scaleTo: number;
  /** The strategy used, or 'minReplicaCount' for the shortfall branch. */
  strategy: ReturnType<typeof effectiveMaxScale>['strategy'] | 'minReplicaCount';
}

/**
 * getScalingDecision: below minReplicaCount the shortfall (min − running) is both scaleTo and the
 * effective max scale; otherwise the strategy's GetEffectiveMaxScale with running − minReplicaCount.
 */
export function scalingDecision(
  spec: Pick<ScaledJobSpec, 'minReplicaCount' | 'maxReplicaCount' | 'scalingStrategy'>,
  input: { maxScale: number; scaleTo: number; runningJobCount: number; pendingJobCount: number },
): ScalingDecision {
  const running = input.runningJobCount;
  if (running < spec.minReplicaCount) {
    const shortfall = spec.minReplicaCount - running;
    return { effectiveMaxScale: shortfall, scaleTo: shortfall, strategy: 'minReplicaCount' };
  }
  return effectiveMaxScale(spec.scalingStrategy, {
    maxScale: input.maxScale,
    runningJobCount: running - spec.minReplicaCount,
    pendingJobCount: input.pendingJobCount,
    maxReplicaCount: spec.maxReplicaCount,
    scaleTo: input.scaleTo,
  });
}

/** createJobs: min(scaleTo, effectiveMaxScale) Jobs while active, none when the bound is ≤ 0. */
export function jobsToCreate(isActive: boolean, effectiveMaxScale: number, scaleTo: number): number {
  return isActive && effectiveMaxScale > 0 ? Math.max(0, Math.min(scaleTo, effectiveMaxScale)) : 0;
}

/**
 * Below minReplicaCount, the shortfall (min − running) is both scaleTo and effectiveMaxScale.
 * Otherwise the strategy sees running − minReplicaCount. Jobs are created only while active:
 * min(scaleTo, effectiveMaxScale), none when effectiveMaxScale ≤ 0.
 */
export function planScaledJob(input: ScaledJobPlanInput): ScaledJobPlan {
  const { spec, runningJobCount: running } = input;
  const decision = scalingDecision(spec, { maxScale: input.maxScale, scaleTo: input.queueLength, runningJobCount: running, pendingJobCount: input.pendingJobCount });
  const why =
    decision.strategy === 'minReplicaCount'
      ? `${running} running < minReplicaCount ${spec.minReplicaCount}`
      : `${decision.strategy} strategy (max scale ${input.maxScale}, ${running} running, ${input.pendingJobCount} pending)`;
  const effective = Math.max(0, decision.effectiveMaxScale);
  const created = jobsToCreate(input.isActive, effective, decision.scaleTo);
  const verdict = input.isActive ? `create ${created}` : 'inactive: create none';
  return { jobsToCreate: created, effectiveMaxScale: effective, maxScale: input.maxScale, scaleTo: decision.scaleTo, reason: `${why}: effective max scale ${effective}, scaleTo ${decision.scaleTo}; ${verdict}` };
}
