/**
 * KEDA's metric values and targets in milli-units (pkg/scalers/scaler.go quantityFromFloat64:
 * resource.MustParse(fmt.Sprintf("%.3f", v)); NaN and Inf as 0). The expected milli-values are what
 * Go's "%.3f" prints: the float's exact value rounded to three decimals, exact ties to even.
 */
import { describe, expect, it } from 'vitest';
import { externalMetricTarget, goFixedMilli, hpaMetricMilli, hpaMetricValue } from '../../../src/autoscalers/keda/metric-value.js';

describe('goFixedMilli ("%.3f")', () => {
  it.each([
    [3, 3000],
    [2.5, 2500],
    [1.001, 1001],
    // 1.0005 is stored as 1.000499999…: "%.3f" prints 1.000 (Math.round(v × 1000) would give 1001).
    [1.0005, 1000],
    // 0.0005 is stored as 0.000500000000000000010…: above the half, up.
    [0.0005, 1],
    [0.0015, 2],
    // Exact ties (v × 16 odd) go to the even digit: 0.0625 → 0.062, 0.1875 → 0.188, 2.3125 → 2.312.
    [0.0625, 62],
    [0.1875, 188],
    [2.3125, 2312],
    [-0.0625, -62],
    [9.3e15, 9.3e18],
  ])('%s → %s', (value, milli) => {
    expect(goFixedMilli(value)).toBe(milli);
  });
});

describe('hpaMetricMilli (GenerateMetricInMili)', () => {
  it.each([
    [1.0005, 1000],
    [42.5, 42500],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
    [Number.NEGATIVE_INFINITY, 0],
    [-3, 0],
    [0, 0],
  ])('%s → %s', (value, milli) => {
    expect(hpaMetricMilli(value)).toBe(milli);
  });

  it('the plain value the HPA, the formula and activity see is the milli-value over 1000', () => {
    expect(hpaMetricValue(1.0005)).toBe(1);
    expect(hpaMetricValue(2.3125)).toBe(2.312);
  });
});

describe('externalMetricTarget (GetMetricTargetMili)', () => {
  it('rounds a target as "%.3f" does', () => {
    expect(externalMetricTarget('AverageValue', 1.0005)).toEqual({ type: 'AverageValue', averageValueMilli: 1000 });
    expect(externalMetricTarget('Value', 0.0625)).toEqual({ type: 'Value', valueMilli: 62 });
    expect(externalMetricTarget('AverageValue', 10)).toEqual({ type: 'AverageValue', averageValueMilli: 10_000 });
  });
});
