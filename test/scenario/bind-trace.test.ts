import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { StepCursor, valueAt } from '../../src/load/step-series.js';
import { bindTraceRows, dominantStepSeconds, type TraceBindingParams } from '../../src/scenario/traces/bind-trace.js';
import type { StepSeries } from '../../src/scenario/types.js';
import { deploymentYaml } from './helpers/base-scenario.js';
import { lines, loadFolder } from './helpers/scenario-folder.js';

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

/**
 * loop: true repeats the whole trace whatever its phase: a negative shift or a `start` inside the
 * trace only chooses which trace instant t = 0 falls on. The rows before t = 0 used to be dropped and
 * the first step clamped to 0, so the period shrank to what was left (50 of 60 minutes at shift
 * −10m, 40 at a start 20 minutes in) and the skipped minutes were never replayed.
 */
describe('a looped trace keeps its whole period with a negative shift or a later start', () => {
  // 60 one-minute rows, countPerBucket (i + 1) × 60 in minute i: i + 1 requests/s.
  const hour: [number, number][] = Array.from({ length: 60 }, (_, i) => [i * 60, (i + 1) * 60]);
  const looped = (params: Partial<TraceBindingParams>): StepSeries => {
    const result = bindTraceRows(rows(hour), { ...base, valueKind: 'countPerBucket', loop: true, ...params });
    if (!result.ok) throw new Error(result.message);
    return result.rate;
  };
  /** The rate read by valueAt and, forward, by a StepCursor (the engine's reader), which must agree. */
  const read = (series: StepSeries, times: number[]): number[] => {
    const cursor = new StepCursor(series, true);
    const forward = times.map((t) => cursor.valueAt(t));
    const direct = times.map((t) => valueAt(series, t, true));
    expect(forward).toEqual(direct);
    return direct;
  };

  it('shift −10m: t = 0 is minute 10, minute 0 comes back at 3000 s, and the period is 3600 s', () => {
    const series = looped({ shiftSeconds: -600 });
    expect(series.startSeconds[0]).toBe(-600);
    expect(series.endSeconds).toBe(3000); // the end of the first, partial period
    expect(series.startSeconds).toHaveLength(60);
    // t:          0   59.9 2999 3000 3540 3599 3600 6599 6600
    // minute:    10     10   59    0    9    9   10   59    0
    expect(read(series, [0, 59.9, 2999, 3000, 3540, 3599, 3600, 6599, 6600])).toEqual([11, 11, 60, 1, 10, 10, 11, 60, 1]);
  });

  it('start 20 minutes into the trace: the same, with t = 0 at minute 20 and minute 0 at 2400 s', () => {
    const series = looped({ startEpochSeconds: T0 + 1200 });
    expect(series.endSeconds).toBe(2400);
    // t:          0  2399 2400 3599 3600 5999 6000
    // minute:    20    59    0   19   20   59    0
    expect(read(series, [0, 2399, 2400, 3599, 3600, 5999, 6000])).toEqual([21, 60, 1, 20, 21, 60, 1]);
  });

  it('a phase inside a bucket splits that bucket between the end and the start of each period', () => {
    // Rows at 0, 10, 20 s (5, 6, 7 rps), period 30 s; shift −15 s puts t = 0 in the middle of the second.
    const series = bindTraceRows(rows([[0, 5], [10, 6], [20, 7]]), { ...base, shiftSeconds: -15, loop: true });
    expect(series.ok && { start: Array.from(series.rate.startSeconds), end: series.rate.endSeconds }).toEqual({ start: [-15, -5, 5], end: 15 });
    if (!series.ok) return;
    // t:        0  4.9  5  14.9  15  24.9  25  35  44.9  45
    expect(read(series.rate, [0, 4.9, 5, 14.9, 15, 24.9, 25, 35, 44.9, 45])).toEqual([6, 6, 7, 7, 5, 5, 6, 7, 7, 5]);
  });

  it('a positive shift or a start before the trace is unchanged: 0 until its first row, then the whole trace', () => {
    const series = looped({ shiftSeconds: 600 });
    expect(series.startSeconds[0]).toBe(600);
    expect(read(series, [0, 599, 600, 4199, 4200])).toEqual([0, 0, 1, 60, 1]);
  });

  it('unlooped, a negative shift still drops the rows before t = 0 (untilSeconds still cuts)', () => {
    expect(bind([[0, 5], [10, 6], [20, 7]], { shiftSeconds: -15, loop: false })).toEqual({ start: [0, 5], values: [6, 7], end: 15, bucket: 10 });
    // Looped, untilSeconds is ignored: the whole trace is one period.
    expect(bind(hour, { shiftSeconds: -600, loop: true, untilSeconds: 60 }).start).toHaveLength(60);
  });

  it('in a scenario: shift −10m with loop: true over 2 h offers minutes 10–59, 0–59, then 0–9', async () => {
    const csv = hour.map(([t, v]) => `${new Date((T0 + t) * 1000).toISOString()},${v}`);
    const scenario = await loadFolder({
      'scenario.yaml': lines(
        'apiVersion: scalesim.dev/v1alpha1',
        'kind: Scenario',
        'spec:',
        '  duration: 2h',
        '  traces: {t: {file: t.csv, valueKind: countPerBucket, loop: true, shift: -10m}}',
        '  nodePools: [{name: pool, count: 1, cpu: "4", memory: 16Gi}]',
        '  workloads: {web: {trace: t, cpuMillicoreSecondsPerRequest: 1, serviceTimeSeconds: 0.01}}',
      ),
      't.csv': lines('timestamp,value', ...csv),
      'manifests/web.yaml': deploymentYaml('web', 2, '      containers:', '        - {name: web, image: nginx, resources: {requests: {cpu: 500m, memory: 128Mi}, limits: {cpu: "1", memory: 256Mi}}}'),
    });
    const rate = scenario.traces.find((t) => t.name === 't')!.rate;
    expect(read(rate, [0, 3000, 3600, 6600])).toEqual([11, 1, 11, 1]);
    // ∫ rate over the 2 h: each minute i at i + 1 rps contributes (i + 1) × 60 requests.
    const minutes = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => (from + k + 1) * 60).reduce((a, b) => a + b, 0);
    const expected = minutes(10, 60) + minutes(0, 60) + minutes(0, 10);
    let offered = 0;
    for (let t = 0; t < 7200; t += 60) offered += valueAt(rate, t, true) * 60;
    expect(offered).toBe(expected);
    // The engine offers the same (it was 50 + 50 + 20 minutes of minutes 10–59 before).
    expect(runScenario(scenario).summary.workloads[0]!.offeredRequests).toBeCloseTo(expected, 6);
  });
});
