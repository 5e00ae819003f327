/**
 * Adapter for `keda.scaledJobStrategy` vectors (§3.7): pkg/scaling/executor/scale_jobs.go
 * NewScalingStrategy and GetEffectiveMaxScale, through getScalingDecision when the vector gives
 * minReplicaCount.
 */
import { KEDA_DEFAULTS } from '../autoscalers/keda/config.js';
import { jobsToCreate, scalingDecision } from '../autoscalers/keda/scaled-job.js';
import { scaledJobBounds } from '../autoscalers/keda/scaled-job-bounds.js';
import type { ScaledJobSpec, ScalingStrategy } from '../autoscalers/keda/types.js';
import { parseGoFloat } from '../units/go-numbers.js';
import { InputFields } from './input-fields.js';

/**
 * customScalingRunningJobPercentage as a number or the CRD's string; a string ParseFloat rejects is
 * undefined, which makes NewScalingStrategy fall back to default, as upstream does.
 */
function readPercentage(f: InputFields): number | undefined {
  const raw = f.raw('customScalingRunningJobPercentage');
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  // NewScalingStrategy: strconv.ParseFloat of the string as written (no trimming; hex floats too).
  if (typeof raw === 'string') {
    const value = parseGoFloat(raw);
    return value !== undefined && Number.isFinite(value) ? value : undefined;
  }
  throw new Error(`${f.path}.customScalingRunningJobPercentage: expected a number or a numeric string such as "0.5", got ${JSON.stringify(raw)}`);
}

/**
 * spec.scalingStrategy: the strategy name (a string; an unknown name is default, as NewScalingStrategy's
 * switch) with its custom parameters, given flat on the vector or as the CRD's `scalingStrategy` object.
 */
function readStrategy(f: InputFields): ScaledJobSpec['scalingStrategy'] {
  const nested = f.raw('scalingStrategy');
  const s = typeof nested === 'object' && nested !== null && !Array.isArray(nested) ? f.object('scalingStrategy') : f;
  const name = s === f ? f.optString('scalingStrategy') ?? f.optString('strategy') : s.optString('strategy');
  const settings: ScaledJobSpec['scalingStrategy'] = {
    // A name outside the four is kept as written: selectScalingStrategy maps it to default.
    strategy: (name ?? KEDA_DEFAULTS.scaledJobStrategy) as ScalingStrategy,
    multipleScalersCalculation: KEDA_DEFAULTS.multipleScalersCalculation,
  };
  const deduction = s.optNumber('customScalingQueueLengthDeduction');
  const percentage = readPercentage(s);
  if (deduction !== undefined) settings.customScalingQueueLengthDeduction = deduction;
  if (percentage !== undefined) settings.customScalingRunningJobPercentage = percentage;
  return settings;
}

/**
 * keda.scaledJobStrategy: `{effectiveMaxScale, scaleTo, strategy, jobsToCreate}`. Without
 * minReplicaCount the vector's runningJobCount is what the strategy sees (already reduced by
 * minReplicaCount); with it, runningJobCount is the raw count of unfinished Jobs and
 * getScalingDecision applies (the shortfall below min, else running − min, with
 * MaxReplicaCount() = maxReplicaCount − min as the strategies' maximum, scaled-job-bounds.ts). effectiveMaxScale is the
 * raw bound (it may be negative); jobsToCreate is what createJobs would start after the clamp to 0.
 */
export function adaptKedaScaledJobStrategy(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  // The vector's minReplicaCount and maxReplicaCount are the spec's; the executor reads
  // MinReplicaCount() and MaxReplicaCount() (max − min when both are given).
  const { minReplicaCount, maxReplicaCount } = scaledJobBounds(f.optNumber('minReplicaCount'), f.optNumber('maxReplicaCount'));
  const spec = { minReplicaCount, maxReplicaCount, scalingStrategy: readStrategy(f) };
  const r = scalingDecision(spec, {
    maxScale: f.number('maxScale'),
    scaleTo: f.optNumber('scaleTo') ?? 0,
    runningJobCount: f.optNumber('runningJobCount') ?? 0,
    pendingJobCount: f.optNumber('pendingJobCount') ?? 0,
  });
  const created = jobsToCreate(f.optBoolean('isActive') ?? true, Math.max(0, r.effectiveMaxScale), r.scaleTo);
  return { effectiveMaxScale: r.effectiveMaxScale, scaleTo: r.scaleTo, strategy: r.strategy, jobsToCreate: created };
}
