import { describe, expect, it } from 'vitest';
import { calculateScaledJobScale, type ScaledJobScalerMetric } from '../../../src/autoscalers/keda/scaled-job-metrics.js';
import { effectiveMaxScale } from '../../../src/autoscalers/keda/scaled-job-strategies.js';
import { planScaledJob } from '../../../src/autoscalers/keda/scaled-job.js';
import type { ScaledJobSpec } from '../../../src/autoscalers/keda/types.js';

const settings = (strategy: ScaledJobSpec['scalingStrategy']['strategy'], extra: Partial<ScaledJobSpec['scalingStrategy']> = {}): ScaledJobSpec['scalingStrategy'] => ({
  strategy,
  multipleScalersCalculation: 'max',
  ...extra,
});

describe('effectiveMaxScale (GetEffectiveMaxScale, upstream test rows)', () => {
  it.each([
    ['default: maxScale − running', settings('default'), [3, 2, 0, 5, 1], 1, 1],
    ['default with nothing running', settings('default'), [2, 0, 0, 5, 1], 2, 1],
    ['custom: 3 − 2 − trunc(2 × 0) = 1', settings('custom', { customScalingQueueLengthDeduction: 2, customScalingRunningJobPercentage: 0 }), [3, 2, 0, 5, 1], 1, 1],
    ['custom: capped at maxReplicaCount', settings('custom', { customScalingQueueLengthDeduction: -2, customScalingRunningJobPercentage: 0 }), [3, 2, 0, 4, 1], 4, 1],
    ['custom: trunc(running × percentage)', settings('custom', { customScalingQueueLengthDeduction: 0, customScalingRunningJobPercentage: 0.5 }), [10, 5, 0, 20, 1], 8, 1],
    ['custom without a percentage falls back to default', settings('custom', { customScalingQueueLengthDeduction: 1 }), [3, 2, 0, 5, 1], 1, 1],
    ['accurate: within max → maxScale − pending', settings('accurate'), [3, 2, 0, 5, 1], 3, 1],
    ['accurate: maxScale + running > max → max − running', settings('accurate'), [5, 2, 0, 5, 1], 3, 1],
    ['accurate with 2 pending', settings('accurate'), [3, 4, 2, 10, 1], 1, 1],
    ['accurate over max with pending', settings('accurate'), [5, 4, 2, 5, 1], 1, 1],
    ['eager: min(max − running − pending, maxScale), scaleTo = max', settings('eager'), [4, 3, 0, 10, 1], 4, 10],
    ['eager near the max', settings('eager'), [4, 7, 1, 10, 1], 2, 10],
  ] as const)('%s', (_name, s, [maxScale, running, pending, max, scaleTo], effective, outScaleTo) => {
    expect(effectiveMaxScale(s, { maxScale, runningJobCount: running, pendingJobCount: pending, maxReplicaCount: max, scaleTo })).toMatchObject({ effectiveMaxScale: effective, scaleTo: outScaleTo });
  });
});

describe('calculateScaledJobScale', () => {
  const m = (queueLength: number, targetAverageValue: number, isActive = true, error?: string): ScaledJobScalerMetric => ({ queueLength, targetAverageValue, isActive, ...(error ? { error } : {}) });
  const spec = (multipleScalersCalculation: 'max' | 'min' | 'avg' | 'sum', minReplicaCount = 0, maxReplicaCount = 100) => ({ multipleScalersCalculation, minReplicaCount, maxReplicaCount });

  it.each([
    ['max picks the longest queue', 'max', [m(10, 5), m(30, 10)], 30, 3],
    ['min picks the shortest', 'min', [m(10, 5), m(30, 10)], 10, 2],
    ['avg averages both', 'avg', [m(10, 5), m(30, 10)], 20, 3],
    ['sum adds both', 'sum', [m(10, 5), m(30, 10)], 40, 5],
    ['inactive scalers are left out', 'sum', [m(10, 5), m(30, 10, false)], 10, 2],
    ['failing scalers are left out', 'max', [m(10, 5), m(30, 10, true, 'down')], 10, 2],
    ['maxScale rounds up: 7 / 5 → 2', 'max', [m(7, 5)], 7, 2],
    ['a Value target (0 average) adds no scale', 'max', [m(7, 0)], 7, 0],
  ] as const)('%s', (_name, calc, scalers, queueLength, maxScale) => {
    expect(calculateScaledJobScale(scalers, spec(calc))).toMatchObject({ queueLength, maxScale });
  });

  it('maxScale is capped at maxReplicaCount', () => {
    expect(calculateScaledJobScale([m(1000, 1)], spec('max', 0, 10)).maxScale).toBe(10);
  });

  it('minReplicaCount > 0 makes the job active', () => {
    expect(calculateScaledJobScale([m(0, 1, false)], spec('max', 2)).isActive).toBe(true);
    expect(calculateScaledJobScale([m(0, 1, false)], spec('max', 0)).isActive).toBe(false);
  });

  it('reports the error', () => {
    expect(calculateScaledJobScale([m(1, 1, true, 'x')], spec('max')).isError).toBe(true);
  });
});

describe('planScaledJob', () => {
  const spec = (strategy: ScaledJobSpec['scalingStrategy']['strategy'], minReplicaCount = 0, maxReplicaCount = 10) => ({ minReplicaCount, maxReplicaCount, scalingStrategy: settings(strategy) });

  it.each([
    ['default: min(queue 5, max scale 5 − 2 running) = 3', spec('default'), true, 5, 5, 2, 0, 3],
    ['nothing while inactive', spec('default'), false, 5, 5, 0, 0, 0],
    ['effective max scale ≤ 0 creates none', spec('default'), true, 5, 2, 4, 0, 0],
    ['running below min: the shortfall first', spec('default', 3), true, 0, 0, 1, 0, 2],
    ['min is subtracted from running before the strategy', spec('default', 2), true, 5, 5, 4, 0, 3],
    ['eager fills up to the max', spec('eager'), true, 1, 4, 3, 0, 4],
  ] as const)('%s', (_name, s, isActive, queueLength, maxScale, running, pending, jobs) => {
    expect(planScaledJob({ spec: s, isActive, queueLength, maxScale, runningJobCount: running, pendingJobCount: pending }).jobsToCreate).toBe(jobs);
  });

  it('clamps a negative effective max scale to 0', () => {
    expect(planScaledJob({ spec: spec('default'), isActive: true, queueLength: 1, maxScale: 1, runningJobCount: 5, pendingJobCount: 0 }).effectiveMaxScale).toBe(0);
  });
});
