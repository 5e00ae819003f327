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

/**
 * Below minReplicaCount, the shortfall (min − running) is both scaleTo and effectiveMaxScale.
 * Otherwise the strategy sees running − minReplicaCount. Jobs are created only while active:
 * min(scaleTo, effectiveMaxScale), none when effectiveMaxScale ≤ 0.
 */
export function planScaledJob(input: ScaledJobPlanInput): ScaledJobPlan {
  const { spec, runningJobCount: running } = input;
  let decision: { effectiveMaxScale: number; scaleTo: number; why: string };
  if (running < spec.minReplicaCount) {
    const shortfall = spec.minReplicaCount - running;
    decision = { effectiveMaxScale: shortfall, scaleTo: shortfall, why: `${running} running < minReplicaCount ${spec.minReplicaCount}` };
  } else {
    const r = effectiveMaxScale(spec.scalingStrategy, {
      maxScale: input.maxScale,
      runningJobCount: running - spec.minReplicaCount,
      pendingJobCount: input.pendingJobCount,
      maxReplicaCount: spec.maxReplicaCount,
      scaleTo: input.queueLength,
    });
    decision = { ...r, why: `${r.strategy} strategy (max scale ${input.maxScale}, ${running} running, ${input.pendingJobCount} pending)` };
  }
  const effective = Math.max(0, decision.effectiveMaxScale);
  const jobsToCreate = input.isActive && effective > 0 ? Math.max(0, Math.min(decision.scaleTo, effective)) : 0;
  const verdict = input.isActive ? `create ${jobsToCreate}` : 'inactive: create none';
  return { jobsToCreate, effectiveMaxScale: effective, maxScale: input.maxScale, scaleTo: decision.scaleTo, reason: `${decision.why}: effective max scale ${effective}, scaleTo ${decision.scaleTo}; ${verdict}` };
}
