import { describe, expect, it } from 'vitest';
import { bindTraceRows, dominantStepSeconds, type TraceBindingParams } from '../../src/scenario/traces/bind-trace.js';

const T0 = 1_700_000_000;
const rows = (pairs: [number, number][]) => ({
  timestampsSeconds: Float64Array.from(pairs.map(([t]) => T0 + t)),
  values: Float64Array.from(pairs.map(([, v]) => v)),
});
const base: TraceBindingParams = { valueKind: 'ratePerSecond', scale: 1, shiftSeconds: 0 };

function bind(pairs: [number, number][], params: Partial<TraceBindingParams> = {}) {
  const result = bindTraceRows(rows(pairs), { ...base, ...params });
  if (!result.ok) throw new Error(result.message);
  return { start: Array.from(result.rate.startSeconds), values: Array.from(result.rate.values), end: result.rate.endSeconds, bucket: result.bucketSeconds };
}

describe('bindTraceRows', () => {
  it('countPerBucket: rate = count / bucket; the last row holds one bucket', () => {
    expect(bind([[0, 60], [60, 120], [120, 30]], { valueKind: 'countPerBucket' })).toEqual({ start: [0, 60, 120], values: [1, 2, 0.5], end: 180, bucket: 60 });
  });

  it('ratePerSecond and activeUsers, times scale', () => {
    expect(bind([[0, 4], [10, 8]], { scale: 2 }).values).toEqual([8, 16]);
    expect(bind([[0, 100], [10, 50]], { valueKind: 'activeUsers', requestsPerUserPerSecond: 0.02 }).values).toEqual([2, 1]);
  });

  it('a gap holds the previous rate (the ELB trace rule) and the dominant step is the bucket', () => {
    const bound = bind([[0, 300], [300, 600], [900, 300], [1200, 300]], { valueKind: 'countPerBucket' });
    expect(bound).toEqual({ start: [0, 300, 900, 1200], values: [1, 2, 1, 1], end: 1500, bucket: 300 });
  });

  it('an explicit bucket overrides the dominant step', () => {
    expect(bind([[0, 60], [60, 60]], { valueKind: 'countPerBucket', bucketSeconds: 30 })).toMatchObject({ values: [2, 2], end: 90, bucket: 30 });
  });

  it('a positive shift starts the trace later (the series begins at its first instant; 0 before)', () => {
    expect(bind([[0, 5], [10, 6]], { shiftSeconds: 30 })).toEqual({ start: [30, 40], values: [5, 6], end: 50, bucket: 10 });
  });

  it('a negative shift drops the leading rows but keeps the value in force at t=0', () => {
    expect(bind([[0, 5], [10, 6], [20, 7]], { shiftSeconds: -15 })).toEqual({ start: [0, 5], values: [6, 7], end: 15, bucket: 10 });
    expect(bind([[0, 5], [10, 6], [20, 7]], { shiftSeconds: -10 })).toEqual({ start: [0, 10], values: [6, 7], end: 20, bucket: 10 });
  });

  it('start maps a trace instant to t=0 (shift still applies)', () => {
    expect(bind([[0, 5], [10, 6], [20, 7]], { startEpochSeconds: T0 + 10 })).toMatchObject({ start: [0, 10], values: [6, 7], end: 20 });
    expect(bind([[0, 5], [10, 6]], { startEpochSeconds: T0 - 5 })).toMatchObject({ start: [5, 15], values: [5, 6], end: 25 });
    expect(bind([[0, 5], [10, 6], [20, 7]], { startEpochSeconds: T0 + 10, shiftSeconds: 5 })).toMatchObject({ start: [0, 5, 15], values: [5, 6, 7] });
  });

  it('a single row needs an explicit bucket', () => {
    expect(bindTraceRows(rows([[0, 1]]), base)).toMatchObject({ ok: false, field: 'bucket' });
    expect(bind([[0, 1]], { bucketSeconds: 60 })).toEqual({ start: [0], values: [1], end: 60, bucket: 60 });
  });

  it('a trace entirely before t=0 is an error on shift or start', () => {
    expect(bindTraceRows(rows([[0, 1], [10, 1]]), { ...base, shiftSeconds: -100 })).toMatchObject({ ok: false, field: 'shift' });
    expect(bindTraceRows(rows([[0, 1], [10, 1]]), { ...base, startEpochSeconds: T0 + 1000 })).toMatchObject({ ok: false, field: 'start' });
  });
});

describe('dominantStepSeconds', () => {
  it.each([
    [[0, 60, 120, 180, 300], 60],
    [[0, 300, 600, 1200], 300],
    [[0, 1, 3, 5, 6], 1], // tie between 1 and 2: the smaller
    [[0], undefined],
  ])('%j → %s', (ts, expected) => {
    expect(dominantStepSeconds(Float64Array.from(ts))).toBe(expected);
  });
});

describe('binding only the run (untilSeconds)', () => {
  const pairs: [number, number][] = Array.from({ length: 50 }, (_, i) => [i * 60, i + 1]);

  it('keeps the rows up to the run end plus the next one, and the same end', () => {
    const whole = bind(pairs);
    const cut = bind(pairs, { untilSeconds: 600 });
    expect(cut.start).toEqual(whole.start.slice(0, 12));
    expect(cut.values).toEqual(whole.values.slice(0, 12));
    expect(cut.end).toBe(whole.end);
  });

  it('is the whole trace when the run outlasts it', () => {
    expect(bind(pairs, { untilSeconds: 10_000 })).toEqual(bind(pairs));
  });
});
