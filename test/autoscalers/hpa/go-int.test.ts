import { describe, expect, it } from 'vitest';
import { ceilToInt32, INT32_MAX, INT64_MAX, saturatingSum, truncDiv } from '../../../src/autoscalers/hpa/go-int.js';

describe('Go integer helpers', () => {
  it.each([
    [7, 2, 3],
    [-7, 2, -3],
    [587 * 100, 100, 587],
  ])('truncDiv(%d, %d) = %d (toward zero, like Go)', (a, b, q) => {
    expect(truncDiv(a, b)).toBe(q);
  });

  it('ceilToInt32 rounds up and caps at int32 max', () => {
    expect(ceilToInt32(2.0000001)).toBe(3);
    expect(ceilToInt32(1e12)).toBe(INT32_MAX);
  });

  it('saturatingSum stops at int64 max on positive overflow', () => {
    expect(saturatingSum([1, 2, 3])).toBe(6);
    expect(saturatingSum([INT64_MAX, 1])).toBe(INT64_MAX);
    expect(saturatingSum([])).toBe(0);
  });
});
