import { describe, expect, it } from 'vitest';
import { calculateLegacyScaleUpLimit, convertDesiredReplicasWithRules, stabilizeLegacy } from '../../../src/autoscalers/hpa/legacy-normalize.js';

const NOW = 1000;
const rec = (replicas: number, ageSeconds: number) => ({ replicas, timestampSeconds: NOW - ageSeconds });

describe('stabilizeLegacy (max over an INCLUSIVE window)', () => {
  it.each([
    ['no history: desired', [], 5, 5, 'ReadyForNewScale'],
    ['a record exactly 300 s old still counts', [rec(10, 300)], 3, 10, 'ScaleDownStabilized'],
    ['a record 301 s old does not', [rec(10, 301)], 3, 3, 'ReadyForNewScale'],
    ['the max of the window records', [rec(10, 600), rec(4, 60), rec(5, 120), rec(9, 540)], 3, 5, 'ScaleDownStabilized'],
    ['it can raise a scale-up above desired (a max, not an envelope)', [rec(10, 180)], 6, 10, 'ScaleDownStabilized'],
  ] as const)('%s', (_name, recs, desired, stabilized, reason) => {
    const r = stabilizeLegacy({ nowSeconds: NOW, desiredReplicas: desired, windowSeconds: 300, recommendations: [...recs] });
    expect(r.stabilizedReplicas).toBe(stabilized);
    expect(r.reason).toBe(reason);
  });

  it('records desired by reusing the last slot older than the window, else appends', () => {
    const input = [rec(10, 600), rec(4, 60), rec(9, 540)];
    const r = stabilizeLegacy({ nowSeconds: NOW, desiredReplicas: 3, windowSeconds: 300, recommendations: input });
    expect(r.recommendations).toEqual([rec(10, 600), rec(4, 60), rec(3, 0)]);
    expect(input).toEqual([rec(10, 600), rec(4, 60), rec(9, 540)]);
    const appended = stabilizeLegacy({ nowSeconds: NOW, desiredReplicas: 3, windowSeconds: 300, recommendations: [rec(4, 300)] });
    expect(appended.recommendations).toEqual([rec(4, 300), rec(3, 0)]);
  });

  it('lists the window records in list order, ages at the sync, the 300 s one included', () => {
    const r = stabilizeLegacy({ nowSeconds: NOW, desiredReplicas: 3, windowSeconds: 300, recommendations: [rec(10, 600), rec(4, 60), rec(9, 300), rec(2, 301)] });
    expect(r.window.entries()).toEqual([{ replicas: 4, ageSeconds: 60 }, { replicas: 9, ageSeconds: 300 }]);
  });
});

describe('convertDesiredReplicasWithRules (legacy clamp)', () => {
  it.each([
    ['below min → min', 3, 1, 2, 8, 2, 'TooFewReplicas'],
    ['min 0 allows 0', 1, 0, 0, 10, 0, 'DesiredWithinRange'],
    ['scale-up cap max(2 x 3, 4) = 6 binds', 3, 1000, 1, 2000, 6, 'ScaleUpLimit'],
    ['the cap minimum 4 applies from 1 replica', 1, 10, 1, 100, 4, 'ScaleUpLimit'],
    ['max binds when max <= cap', 3, 1000, 1, 5, 5, 'TooManyReplicas'],
    ['max equal to the cap reports TooManyReplicas', 3, 1000, 1, 6, 6, 'TooManyReplicas'],
    ['within range', 3, 5, 2, 6, 5, 'DesiredWithinRange'],
    ['no scale-down rate limit', 100, 1, 1, 200, 1, 'DesiredWithinRange'],
  ] as const)('%s', (_name, current, desired, min, max, expected, reason) => {
    const r = convertDesiredReplicasWithRules({ currentReplicas: current, desiredReplicas: desired, minReplicas: min, maxReplicas: max, scaleUpLimitFactor: 2, scaleUpLimitMinimum: 4 });
    expect(r).toMatchObject({ desiredReplicas: expected, reason });
  });

  it('follows the factor (horizontal_test.go uses 8: 3 → 24)', () => {
    expect(calculateLegacyScaleUpLimit(3, 8, 4)).toBe(24);
    expect(calculateLegacyScaleUpLimit(3, 1.5, 4)).toBe(4);
    expect(calculateLegacyScaleUpLimit(5, 1.5, 4)).toBe(7);
  });
});
