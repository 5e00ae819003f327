/** Peak-keeping downsampling: a one-sample spike survives, empty buckets hold, the bound holds. */
import { describe, expect, it } from 'vitest';
import { downsampleMax, downsampleSeries, gridTimesSeconds, MAX_POINTS_PER_SERIES } from '../../../src/report/charts/downsample.js';

const series = (values: number[], stepSeconds = 1) => ({ timesSeconds: values.map((_, i) => (i + 1) * stepSeconds), values });

describe('downsampleMax', () => {
  it('keeps the max of each bucket: a one-sample spike survives a 100× reduction', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i === 4321 ? 999 : i % 7));
    const out = downsampleMax(series(values), { startSeconds: 0, endSeconds: 10_000, bucketCount: 100 });
    expect(out).toHaveLength(100);
    expect(Math.max(...out)).toBe(999);
    expect(out.filter((v) => v === 999)).toHaveLength(1);
    expect(out[43]).toBe(999);
    expect(out.every((v, i) => i === 43 || v === 6)).toBe(true);
  });

  it('holds the previous value in a bucket without points, and the first value before them', () => {
    const s = { timesSeconds: [25, 75], values: [3, 8] };
    // Points in buckets 2 and 7: buckets 0–1 take the first value, 3–6 hold 3, 8–9 hold 8.
    expect(downsampleMax(s, { startSeconds: 0, endSeconds: 100, bucketCount: 10 })).toEqual([3, 3, 3, 3, 3, 3, 3, 8, 8, 8]);
  });

  it('includes the end of the range in the last bucket and ignores points outside', () => {
    const s = { timesSeconds: [-5, 0, 50, 100, 150], values: [100, 1, 2, 3, 100] };
    expect(downsampleMax(s, { startSeconds: 0, endSeconds: 100, bucketCount: 2 })).toEqual([1, 3]);
  });

  it('gives zeros for an empty series', () => {
    expect(downsampleMax({ timesSeconds: [], values: [] }, { startSeconds: 0, endSeconds: 10, bucketCount: 3 })).toEqual([0, 0, 0]);
  });
});

describe('downsampleSeries', () => {
  it('returns a short series unchanged', () => {
    const s = series([1, 2, 3]);
    expect(downsampleSeries(s)).toBe(s);
  });

  it(`cuts a long series to ${MAX_POINTS_PER_SERIES} points at bucket ends, keeping the peak`, () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i === 2500 ? 50 : 1));
    const out = downsampleSeries(series(values, 60));
    expect(out.values).toHaveLength(MAX_POINTS_PER_SERIES);
    expect(out.timesSeconds).toHaveLength(MAX_POINTS_PER_SERIES);
    expect(Math.max(...out.values)).toBe(50);
    expect(out.timesSeconds.at(-1)).toBeCloseTo(5000 * 60);
  });
});

describe('gridTimesSeconds', () => {
  it('puts each point at its bucket end', () => {
    expect(gridTimesSeconds({ startSeconds: 0, endSeconds: 60, bucketCount: 3 })).toEqual([20, 40, 60]);
  });
});
