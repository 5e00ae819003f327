import { describe, expect, it } from 'vitest';
import { INT32_MAX, INT64_MAX } from '../../../src/autoscalers/hpa/go-int.js';
import { calculatePerPodValueReplicas, calculateValueReplicas } from '../../../src/autoscalers/hpa/replica-calculator-value.js';

const TOL = { scaleUp: 0.1, scaleDown: 0.1 };

describe('calculateValueReplicas (Object/External Value)', () => {
  it.each([
    ['ceil(ratio x readyPods) outside tolerance', [20000], 3, 15000, 3, 4, 'ScaleUp'],
    ['the multiplier is the Running+Ready count, not current', [50000], 3, 10000, 1, 5, 'ScaleUp'],
    ['within tolerance keeps current', [20666], 3, 20000, 3, 3, 'WithinTolerance'],
    ['External sums every series', [4300, 4300], 3, 4400, 1, 2, 'ScaleDown'],
    ['scale from zero: ceil(value/target), no tolerance', [1000], 0, 1000, 0, 1, 'ScaleFromZero'],
    ['scale from zero: value 0 stays at 0', [0], 0, 1000, 0, 0, 'ScaleFromZero'],
    ['value 0 scales to 0 when current is not 0', [0], 5, 14400, 5, 0, 'ScaleDown'],
  ] as const)('%s', (_name, values, current, target, ready, desired, reason) => {
    const r = calculateValueReplicas({ valuesMilli: [...values], currentReplicas: current, targetValueMilli: target, readyPodCount: ready, tolerances: TOL });
    expect(r).toMatchObject({ ok: true, desiredReplicas: desired, reason });
  });

  it('saturates the sum at int64 max and caps replicas at int32 max', () => {
    const r = calculateValueReplicas({ valuesMilli: [2 ** 62, 2 ** 62, 2 ** 62], currentReplicas: 1, targetValueMilli: 1, readyPodCount: 1, tolerances: TOL });
    expect(r).toMatchObject({ ok: true, desiredReplicas: INT32_MAX, usageMilli: INT64_MAX });
  });

  it('fails when no value was returned', () => {
    expect(calculateValueReplicas({ valuesMilli: [], currentReplicas: 1, targetValueMilli: 1, readyPodCount: 1, tolerances: TOL }).ok).toBe(false);
  });
});

describe('calculatePerPodValueReplicas (Object/External AverageValue)', () => {
  it.each([
    ['outside tolerance: ceil(value/target); reported ceil(value/status)', [20000], 3, 5000, 4, 6667],
    ['scale-down', [6000], 5, 2000, 3, 1200],
    ['within tolerance keeps statusReplicas', [8600], 3, 2900, 3, 2867],
    ['statusReplicas 0: ratio +Inf falls through to ceil(value/target)', [2500], 0, 1000, 3, 2500],
    ['statusReplicas 0 and value 0: NaN falls through to 0', [0], 0, 1000, 0, 0],
  ] as const)('%s', (_name, values, status, target, desired, usage) => {
    const r = calculatePerPodValueReplicas({ valuesMilli: [...values], statusReplicas: status, targetAverageValueMilli: target, tolerances: TOL });
    expect(r).toMatchObject({ ok: true, desiredReplicas: desired, usageMilli: usage });
  });

  it('caps replicas at int32 max', () => {
    const r = calculatePerPodValueReplicas({ valuesMilli: [1e15], statusReplicas: 1, targetAverageValueMilli: 1, tolerances: TOL });
    expect(r).toMatchObject({ ok: true, desiredReplicas: INT32_MAX });
  });

  // GetExternalPerPodMetricReplicas sums with `usage = usage + val; if usage < 0 { usage = MaxInt64 }`:
  // a running sum that goes negative is taken for an int64 overflow. GetObjectPerPodMetricReplicas
  // has one value and no such test.
  it.each([
    ['External: a negative series value is read as an overflow (MaxInt64)', true, [-5000], INT32_MAX, 2 ** 63],
    ['External: a running sum that dips below 0 stops there', true, [3000, -5000, 9000], INT32_MAX, 2 ** 63],
    ['External: a negative value that keeps the sum ≥ 0 is summed', true, [9000, -1000], 8, 4000],
    ['Object: a negative value is used as it is', false, [-5000], -5, -2500],
  ] as const)('%s', (_name, externalSeries, values, desired, usage) => {
    const r = calculatePerPodValueReplicas({ valuesMilli: [...values], statusReplicas: 2, targetAverageValueMilli: 1000, tolerances: TOL, externalSeries });
    expect(r).toMatchObject({ ok: true, desiredReplicas: desired, usageMilli: usage });
  });
});
