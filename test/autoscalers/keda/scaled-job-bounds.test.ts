/**
 * scaledjob_types.go MinReplicaCount() and MaxReplicaCount(): the rows of upstream's TestScaledJob
 * (apis/keda/v1alpha1/scaledjob_types_test.go, PR #4567) and what the executor does with them.
 */
import { describe, expect, it } from 'vitest';
import { scaledJobBounds } from '../../../src/autoscalers/keda/scaled-job-bounds.js';
import { scalingDecision } from '../../../src/autoscalers/keda/scaled-job.js';

describe('scaledJobBounds (MinReplicaCount(), MaxReplicaCount())', () => {
  it.each([
    ['both unset: the defaults', undefined, undefined, 0, 100],
    ['max 10, min 1: max − min', 1, 10, 1, 9],
    ['max 10, min unset', undefined, 10, 0, 10],
    ['max unset, min 1: the default max, not reduced', 1, undefined, 1, 100],
    ['min above max: both are the max', 5, 3, 3, 3],
    ['min equal to max: no Job beyond the minimum', 4, 4, 4, 0],
    ['max 0, min 1: min cut to 0', 1, 0, 0, 0],
  ] as const)('%s', (_name, specMin, specMax, min, max) => {
    expect(scaledJobBounds(specMin, specMax)).toMatchObject({ minReplicaCount: min, maxReplicaCount: max });
  });

  it('says why', () => {
    expect(scaledJobBounds(2, 10).reason).toBe('maxReplicaCount 10 − minReplicaCount 2 = 8 Jobs beyond the minimum');
    expect(scaledJobBounds(5, 3).reason).toBe('minReplicaCount 5 > maxReplicaCount 3: both are 3');
  });

  it('the strategies see MaxReplicaCount(): accurate with min 2, max 10 caps at 8 − running', () => {
    const bounds = scaledJobBounds(2, 10);
    const spec = { ...bounds, scalingStrategy: { strategy: 'accurate' as const, multipleScalersCalculation: 'max' as const } };
    // running 5 − min 2 = 3; 8 + 3 > 8 → 8 − 3 = 5 (spec.maxReplicaCount would give 10 − 3 = 7).
    expect(scalingDecision(spec, { maxScale: 8, scaleTo: 8, runningJobCount: 5, pendingJobCount: 1 })).toMatchObject({ effectiveMaxScale: 5, strategy: 'accurate' });
  });
});
