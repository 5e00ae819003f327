/**
 * Downsampling that keeps peaks: a series is cut into equal time buckets (d3-array `bin` with
 * explicit thresholds) and each bucket keeps the largest value inside it (d3-array `max`), so a
 * one-sample spike of load or replicas survives any reduction.
 */
import { bin, max } from 'd3-array';
import type { TimeSeries } from './time-series.js';

/** Most points drawn per series. */
export const MAX_POINTS_PER_SERIES = 300;

/**
 * `bucketCount` equal buckets over [startSeconds, endSeconds]: bucket i covers
 * [start + i·w, start + (i+1)·w) with w = (end − start) / bucketCount; the last one includes end.
 */
export interface BucketGrid {
  startSeconds: number;
  endSeconds: number;
  bucketCount: number;
}

/** The time drawn for each bucket: its end (the peak of the bucket that ends there), seconds. */
export function gridTimesSeconds(grid: BucketGrid): number[] {
  const width = (grid.endSeconds - grid.startSeconds) / grid.bucketCount;
  return Array.from({ length: grid.bucketCount }, (_, i) => grid.startSeconds + (i + 1) * width);
}

/**
 * The series on the grid, one value per bucket: the max of the points inside it. A bucket with no
 * point holds the value of the bucket before it (the series is a step function known at its
 * points); buckets before the first point take the first value, and an empty series gives zeros.
 * Points outside [start, end] are ignored.
 */
export function downsampleMax(series: TimeSeries, grid: BucketGrid): number[] {
  const { startSeconds, endSeconds, bucketCount } = grid;
  if (!(endSeconds > startSeconds)) return new Array<number>(bucketCount).fill(max(series.values) ?? 0);
  const width = (endSeconds - startSeconds) / bucketCount;
  const thresholds = Array.from({ length: bucketCount - 1 }, (_, i) => startSeconds + (i + 1) * width);
  const bins = bin<number, number>()
    .value((i) => series.timesSeconds[i]!)
    .domain([startSeconds, endSeconds])
    .thresholds(thresholds)(series.values.map((_, i) => i));
  const peaks = bins.map((b) => max(b, (i) => series.values[i]!));
  const first = peaks.find((v) => v !== undefined) ?? 0;
  const out: number[] = [];
  let previous = first;
  for (let i = 0; i < bucketCount; i++) {
    previous = peaks[i] ?? previous;
    out.push(previous);
  }
  return out;
}

/**
 * A series with at most `maxPoints` points: returned as it is when already that short, otherwise
 * max-downsampled onto `maxPoints` buckets spanning its first to its last time.
 */
export function downsampleSeries(series: TimeSeries, maxPoints = MAX_POINTS_PER_SERIES): TimeSeries {
  const n = series.timesSeconds.length;
  if (n <= maxPoints) return series;
  const grid = { startSeconds: series.timesSeconds[0]!, endSeconds: series.timesSeconds[n - 1]!, bucketCount: maxPoints };
  return { timesSeconds: gridTimesSeconds(grid), values: downsampleMax(series, grid) };
}
