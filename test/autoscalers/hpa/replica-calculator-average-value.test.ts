import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateAverageValueReplicas, calculateUsageRatio } from '../../../src/autoscalers/hpa/replica-calculator-average-value.js';
import type { ClassifiedPod } from '../../../src/autoscalers/hpa/types.js';
import { distinctPods, tolerances } from './distinct-pods.js';

const TOL = { scaleUp: 0.1, scaleDown: 0.1 };
let n = 0;
const ready = (usageMilli: number): ClassifiedPod => ({ name: `r${n++}`, class: 'ready', usageMilli });
const unready = (usageMilli?: number): ClassifiedPod => ({ name: `u${n++}`, class: 'unready', ...(usageMilli === undefined ? {} : { usageMilli }) });
const missing = (): ClassifiedPod => ({ name: `m${n++}`, class: 'missing' });

describe('calculateUsageRatio', () => {
  it('truncates the average to an integer milli-value', () => {
    expect(calculateUsageRatio(new Map([['a', 50000], ['b', 15000], ['c', 30000]]), 15000)).toEqual({ ratio: 31666 / 15000, averageMilli: 31666 });
  });
});

describe('calculateAverageValueReplicas (§1.6)', () => {
  it.each([
    ['fast path: ceil(average / target x ready)', [ready(50000), ready(10000), ready(30000)], 3, 15000, 6, 'ScaleUp', 30000],
    ['integer average 31666 drives ceil(2.11 x 3) = 7', [ready(50000), ready(15000), ready(30000)], 3, 15000, 7, 'ScaleUp', 31666],
    ['within tolerance keeps current', [ready(16000), ready(14000)], 2, 15000, 2, 'WithinTolerance', 15000],
    ['ratio exactly 1 with missing pods: not imputed, current kept', [ready(20000), ready(19000), ready(21000), missing(), missing()], 5, 20000, 5, 'WithinToleranceAfterImputation', 20000],
    ['scale-down: missing pods imputed at exactly the target', [ready(1000), ready(1000), missing(), missing()], 4, 10000, 3, 'ScaleDown', 1000],
    ['scale-up: missing pods imputed at 0', [ready(40000), ready(40000), missing(), missing()], 4, 10000, 8, 'ScaleUp', 40000],
    ['scale-up: unready pods count as 0 (60000 over 3 samples → ratio 2 → 6)', [ready(60000), unready(30000), unready()], 3, 10000, 6, 'ScaleUp', 60000],
    ['scale-up damped to current when unready pods bring the ratio into tolerance', [ready(30000), unready(30000), unready()], 3, 10000, 3, 'WithinToleranceAfterImputation', 30000],
    ['scale-down: unready pods are left out', [ready(1000), ready(1000), unready(50000)], 3, 10000, 1, 'ScaleDown', 1000],
  ] as const)('%s', (_name, pods, current, target, desired, reason, usage) => {
    const r = calculateAverageValueReplicas({ pods: [...pods], currentReplicas: current, targetAverageValueMilli: target, tolerances: TOL });
    expect(r).toMatchObject({ ok: true, desiredReplicas: desired, reason, usageMilli: usage });
  });

  it('orphan samples count in the average (no request is needed)', () => {
    const r = calculateAverageValueReplicas({
      pods: [ready(10000)],
      orphanSamples: [{ name: 'ghost', usageMilli: 30000 }],
      currentReplicas: 1,
      targetAverageValueMilli: 10000,
      tolerances: TOL,
    });
    expect(r).toMatchObject({ ok: true, usageMilli: 20000, desiredReplicas: 2 });
  });

  it('fails with no usable sample', () => {
    const r = calculateAverageValueReplicas({ pods: [missing(), unready(5)], currentReplicas: 2, targetAverageValueMilli: 1, tolerances: TOL });
    expect(r.ok).toBe(false);
  });
});

describe('calculateAverageValueReplicas with distinct pod names (no name maps)', () => {
  const inputArb = fc.record({
    pods: distinctPods({ maxUsageMilli: 80_000, withRequests: false }),
    currentReplicas: fc.integer({ min: 0, max: 40 }),
    targetAverageValueMilli: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(0, 500, 1000)),
    tolerances,
  });

  it('gives what the map-based calculation gives, for any pods', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(calculateAverageValueReplicas({ ...input, distinctNames: true })).toEqual(calculateAverageValueReplicas(input));
      }),
      { seed: 20261122, numRuns: 5_000 },
    );
  });
});
