/**
 * HeldValue on a time-stamped log: extremes over the values held for some time (a value replaced
 * at the instant it was set is none), the integral, and a read at any end changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { HeldValue } from '../../src/core/held-value.js';

describe('HeldValue', () => {
  it('takes the extremes and the integral of the values held, and ignores a value held for no time', () => {
    const v = new HeldValue(0);
    v.set(3, 0); // warm start: 0 for no time
    v.set(2, 10); // 3 for 10 s
    v.set(1, 10); // 2 for no time
    v.set(5, 10); // 1 for no time
    v.set(4, 40); // 5 for 30 s
    expect(v.extremes(100)).toEqual({ peak: 5, min: 3, integral: 3 * 10 + 5 * 30 + 4 * 60 });
    // Reading changes nothing; the current value counts only once it has been held.
    expect(v.extremes(40)).toEqual({ peak: 5, min: 3, integral: 180 });
    v.set(0, 70);
    expect(v.extremes(70)).toEqual({ peak: 5, min: 3, integral: 300 });
    expect(v.extremes(71)).toEqual({ peak: 5, min: 0, integral: 300 });
  });

  it('reports the value it starts with when nothing changes, even over no time', () => {
    expect(new HeldValue(2).extremes(0)).toEqual({ peak: 2, min: 2, integral: 0 });
    expect(new HeldValue(2, 5).extremes(15)).toEqual({ peak: 2, min: 2, integral: 20 });
  });

  it('ignores a set to the value it holds', () => {
    const v = new HeldValue(1);
    v.set(1, 10);
    v.set(2, 20);
    expect(v.extremes(30)).toEqual({ peak: 2, min: 1, integral: 40 });
  });
});
