/** Adapter for `keda.scaledJobStrategy` vectors (§3.7): one strategy's GetEffectiveMaxScale. */
import { KEDA_DEFAULTS } from '../autoscalers/keda/config.js';
import { effectiveMaxScale } from '../autoscalers/keda/scaled-job-strategies.js';
import type { ScaledJobSpec, ScalingStrategy } from '../autoscalers/keda/types.js';
import { InputFields } from './input-fields.js';

const STRATEGIES: readonly ScalingStrategy[] = ['default', 'custom', 'accurate', 'eager'];

/**
 * keda.scaledJobStrategy: the strategy's raw `{effectiveMaxScale, scaleTo, strategy}` (the vectors'
 * runningJobCount is already reduced by minReplicaCount), plus `jobsToCreate` as createJobs would.
 */
export function adaptKedaScaledJobStrategy(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  const settings: ScaledJobSpec['scalingStrategy'] = {
    strategy: f.has('scalingStrategy') ? f.choice('scalingStrategy', STRATEGIES) : KEDA_DEFAULTS.scaledJobStrategy,
    multipleScalersCalculation: KEDA_DEFAULTS.multipleScalersCalculation,
  };
  const deduction = f.optNumber('customScalingQueueLengthDeduction');
  const percentage = f.optNumber('customScalingRunningJobPercentage');
  if (deduction !== undefined) settings.customScalingQueueLengthDeduction = deduction;
  if (percentage !== undefined) settings.customScalingRunningJobPercentage = percentage;
  const r = effectiveMaxScale(settings, {
    maxScale: f.number('maxScale'),
    runningJobCount: f.optNumber('runningJobCount') ?? 0,
    pendingJobCount: f.optNumber('pendingJobCount') ?? 0,
    maxReplicaCount: f.optNumber('maxReplicaCount') ?? KEDA_DEFAULTS.maxReplicaCount,
    scaleTo: f.optNumber('scaleTo') ?? 0,
  });
  const clamped = Math.max(0, r.effectiveMaxScale);
  const jobsToCreate = (f.optBoolean('isActive') ?? true) && clamped > 0 ? Math.max(0, Math.min(r.scaleTo, clamped)) : 0;
  return { effectiveMaxScale: r.effectiveMaxScale, scaleTo: r.scaleTo, strategy: r.strategy, jobsToCreate };
}
