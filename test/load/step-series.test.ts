import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StepSeries } from '../../src/scenario/types.js';
import { StepCursor, valueAt } from '../../src/load/step-series.js';

function series(startSeconds: number[], values: number[], endSeconds: number): StepSeries {
  return { startSeconds: Float64Array.from(startSeconds), values: Float64Array.from(values), endSeconds };
}

/** 10 on [0,10), 20 on [10,30), 5 on [30,40). */
const THREE_STEPS = series([0, 10, 30], [10, 20, 5], 40);
/** Starts late: 7 on [5,8), 9 on [8,11). */
const LATE_START = series([5, 8], [7, 9], 11);
/** A span of 0.1 s that is not exact in binary: drift would show after many periods. */
const TENTHS = series([0, 0.03], [1, 2], 0.1);

describe('valueAt', () => {
  it.each([
    ['before the first instant reads 0', LATE_START, 4.999, false, 0],
    ['a step start reads the new value', THREE_STEPS, 10, false, 20],
    ['just before a step start reads the old value', THREE_STEPS, 9.999999, false, 10],
    ['the last step holds until endSeconds', THREE_STEPS, 39.999, false, 5],
    ['endSeconds itself reads 0 unlooped', THREE_STEPS, 40, false, 0],
    ['after the end reads 0 unlooped', THREE_STEPS, 1e6, false, 0],
    ['looped: endSeconds wraps to the first value', THREE_STEPS, 40, true, 10],
    ['looped: the second period repeats the steps', THREE_STEPS, 75, true, 5],
    ['looped: far periods still land on step starts', THREE_STEPS, 40 * 1000 + 10, true, 20],
    ['looped: before the first instant still reads 0', LATE_START, 0, true, 0],
    ['looped late start: period 1 is [11,17), second step from 14', LATE_START, 14.5, true, 9],
    ['looped late start: period 1 first step', LATE_START, 11, true, 7],
    ['an empty series reads 0', series([], [], 0), 3, true, 0],
  ])('%s', (_name, s, tSeconds, loop, expected) => {
    expect(valueAt(s, tSeconds, loop)).toBe(expected);
  });
});

describe('StepCursor', () => {
  it.each([
    ['before the start: the first instant', LATE_START, false, 0, 5],
    ['inside a step: the next step start', THREE_STEPS, false, 12, 30],
    ['at a step start: the following one', THREE_STEPS, false, 10, 30],
    ['in the last step unlooped: endSeconds', THREE_STEPS, false, 35, 40],
    ['after the end unlooped: never', THREE_STEPS, false, 40, Infinity],
    ['in the last step looped: the next period start', THREE_STEPS, true, 35, 40],
    ['looped, period 2: start + k·span + step start', THREE_STEPS, true, 95, 110],
    ['an empty series: never', series([], [], 0), true, 3, Infinity],
  ])('nextChangeAfter: %s', (_name, s, loop, tSeconds, expected) => {
    expect(new StepCursor(s, loop).nextChangeAfter(tSeconds)).toBe(expected);
  });

  it('walking change to change visits every step of every period in order', () => {
    const cursor = new StepCursor(THREE_STEPS, true);
    const visited: Array<[number, number]> = [];
    let tSeconds = 0;
    while (tSeconds < 120) {
      visited.push([tSeconds, cursor.valueAt(tSeconds)]);
      tSeconds = cursor.nextChangeAfter(tSeconds);
    }
    expect(visited).toEqual([
      [0, 10], [10, 20], [30, 5],
      [40, 10], [50, 20], [70, 5],
      [80, 10], [90, 20], [110, 5],
    ]);
  });

  it('looped change instants are exact after many periods (k·span + start, no drift)', () => {
    const cursor = new StepCursor(TENTHS, true);
    let tSeconds = 0;
    for (let change = 0; change < 20_000; change += 1) tSeconds = cursor.nextChangeAfter(tSeconds);
    // 20,000 changes = 10,000 periods of 0.1 s; repeated addition of 0.1 would drift by ~1e-10.
    expect(tSeconds).toBe(10_000 * 0.1);
  });

  it('reading backwards re-seeks and stays correct', () => {
    const cursor = new StepCursor(THREE_STEPS, true);
    expect(cursor.valueAt(75)).toBe(5);
    expect(cursor.valueAt(12)).toBe(20);
    expect(cursor.nextChangeAfter(12)).toBe(30);
  });

  it('agrees with valueAt at random non-decreasing times, and values hold until nextChangeAfter', () => {
    const arbitrarySeries = fc
      .array(fc.tuple(fc.double({ min: 0.001, max: 50, noNaN: true }), fc.integer({ min: 0, max: 9 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((steps) => {
        const startSeconds: number[] = [];
        let atSeconds = 3;
        for (const [widthSeconds] of steps) {
          startSeconds.push(atSeconds);
          atSeconds += widthSeconds;
        }
        return series(startSeconds, steps.map(([, value]) => value), atSeconds);
      });
    const arbitraryGaps = fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(arbitrarySeries, fc.boolean(), arbitraryGaps, (s, loop, gapsSeconds) => {
        const cursor = new StepCursor(s, loop);
        let tSeconds = 0;
        for (const gapSeconds of gapsSeconds) {
          tSeconds += gapSeconds;
          const value = cursor.valueAt(tSeconds);
          expect(value).toBe(valueAt(s, tSeconds, loop));
          const changeSeconds = cursor.nextChangeAfter(tSeconds);
          expect(changeSeconds).toBeGreaterThan(tSeconds);
          if (Number.isFinite(changeSeconds)) {
            const beforeSeconds = tSeconds + (changeSeconds - tSeconds) * 0.999;
            expect(valueAt(s, beforeSeconds, loop)).toBe(value);
          }
        }
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });
});
