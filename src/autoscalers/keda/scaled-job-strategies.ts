/**
 * ScaledJob scaling strategies (pkg/scaling/executor/scale_jobs.go NewScalingStrategy and each
 * GetEffectiveMaxScale): how many new Jobs a poll may start, and the scaleTo eager replaces.
 */
import type { ScaledJobSpec, ScalingStrategy } from './types.js';

export interface StrategyInput {
  /** ceil(min(queueLength / target, maxReplicaCount)) from the combined scalers. */
  maxScale: number;
  /** Unfinished Jobs, already reduced by minReplicaCount. */
  runningJobCount: number;
  /** Unfinished Jobs whose pods are neither Running nor Succeeded. */
  pendingJobCount: number;
  maxReplicaCount: number;
  /** ceil(queueLength). */
  scaleTo: number;
}

/** The strategy's raw result (it may be negative; RequestJobScale clamps it to 0). */
export interface StrategyResult {
  effectiveMaxScale: number;
  scaleTo: number;
}

type StrategyFn = (input: StrategyInput, settings: ScaledJobSpec['scalingStrategy']) => StrategyResult;

const STRATEGIES: Readonly<Record<ScalingStrategy, StrategyFn>> = Object.freeze({
  default: (i) => ({ effectiveMaxScale: i.maxScale - i.runningJobCount, scaleTo: i.scaleTo }),
  custom: (i, s) => ({
    effectiveMaxScale: Math.min(
      i.maxScale - (s.customScalingQueueLengthDeduction ?? 0) - Math.trunc(i.runningJobCount * (s.customScalingRunningJobPercentage ?? 0)),
      i.maxReplicaCount,
    ),
    scaleTo: i.scaleTo,
  }),
  accurate: (i) => ({
    effectiveMaxScale: i.maxScale + i.runningJobCount > i.maxReplicaCount ? i.maxReplicaCount - i.runningJobCount : i.maxScale - i.pendingJobCount,
    scaleTo: i.scaleTo,
  }),
  eager: (i) => ({ effectiveMaxScale: Math.min(i.maxReplicaCount - i.runningJobCount - i.pendingJobCount, i.maxScale), scaleTo: i.maxReplicaCount }),
});

/**
 * The strategy NewScalingStrategy selects: `custom` needs customScalingRunningJobPercentage (else
 * upstream falls back to default); an unknown name is default.
 */
export function selectScalingStrategy(settings: ScaledJobSpec['scalingStrategy']): ScalingStrategy {
  const name = settings.strategy;
  if (name === 'custom' && settings.customScalingRunningJobPercentage === undefined) return 'default';
  return Object.hasOwn(STRATEGIES, name) ? name : 'default';
}

/**
 * GetEffectiveMaxScale of the selected strategy: default maxScale − running; custom
 * min(maxScale − deduction − trunc(running × percentage), max); accurate max − running when
 * maxScale + running > max, else maxScale − pending; eager min(max − running − pending, maxScale)
 * with scaleTo = max.
 */
export function effectiveMaxScale(settings: ScaledJobSpec['scalingStrategy'], input: StrategyInput): StrategyResult & { strategy: ScalingStrategy } {
  const strategy = selectScalingStrategy(settings);
  return { ...STRATEGIES[strategy](input, settings), strategy };
}
