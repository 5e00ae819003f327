/**
 * Applies a scenario's trace binding to the rows of a trace file: value → requests per second
 * (by valueKind), × scale, and trace time → simulation seconds (t = 0 at `start`, or the first row,
 * then + shift). Each value holds until the next row (a gap holds the previous rate, as the traces
 * README asks for the ELB trace); the last row holds for one bucket. Unlooped, rows before t = 0 are
 * dropped, keeping the value in force at 0 (clamped to start at 0). Looped, every row is kept at its
 * own time, negative ones included: the series repeats with the trace's whole span as its period
 * (src/load/step-series.ts: period k starts at its first row + k·span), so a negative shift or a
 * `start` inside the trace only sets the phase (which trace instant t = 0 falls on), and the first
 * period after t = 0 replays the trace from its first row. A trace that begins after 0 (positive
 * shift, or `start` before its first row) keeps its first instant: the rate is 0 before it, and a
 * looped trace repeats from that instant.
 */
import type { TraceRows } from '../../load/trace-formats/types.js';
import type { StepSeries, TraceValueKind } from '../types.js';

export interface TraceBindingParams {
  valueKind: TraceValueKind;
  requestsPerUserPerSecond?: number | undefined;
  /** Bucket width; undefined = the trace's dominant step. */
  bucketSeconds?: number | undefined;
  scale: number;
  shiftSeconds: number;
  /** Trace instant (epoch seconds) mapped to t = 0; undefined = the first row. */
  startEpochSeconds?: number | undefined;
  /**
   * The run's end when known (an explicit duration): rows starting after it are not bound, but one
   * is kept so the rate at the end and the next change after it stay exact. Ignored when looping.
   */
  untilSeconds?: number | undefined;
  /**
   * The binding repeats (`loop: true`): the rows before t = 0 are kept (negative start times) so the
   * period stays the whole trace and t = 0 falls at its phase. Default false: they are dropped.
   */
  loop?: boolean | undefined;
}

export type BindTraceResult =
  | { ok: true; bucketSeconds: number; rate: StepSeries; /** Calendar instant of simulation t = 0 (start or first row, minus shift). */ originEpochSeconds: number }
  | { ok: false; field: 'bucket' | 'start' | 'shift'; message: string; hint?: string };

/** Requests per second per unit of a row's value, by what the value means (every kind is linear). */
const RATE_PER_UNIT: Readonly<Record<TraceValueKind, (p: TraceBindingParams, bucketSeconds: number) => number>> = Object.freeze({
  countPerBucket: (_p, bucketSeconds) => 1 / bucketSeconds,
  ratePerSecond: () => 1,
  activeUsers: (p) => p.requestsPerUserPerSecond ?? 0,
});

/** Dominant steps already found, per timestamp array (bindings of one file share its rows). */
const dominantSteps = new WeakMap<Float64Array, number | undefined>();

/** The most common step between consecutive rows (the smallest on a tie); undefined for one row. */
export function dominantStepSeconds(timestampsSeconds: Float64Array): number | undefined {
  if (dominantSteps.has(timestampsSeconds)) return dominantSteps.get(timestampsSeconds);
  const step = findDominantStep(timestampsSeconds);
  dominantSteps.set(timestampsSeconds, step);
  return step;
}

function findDominantStep(timestampsSeconds: Float64Array): number | undefined {
  const counts = new Map<number, number>();
  for (let i = 1; i < timestampsSeconds.length; i++) {
    const step = (timestampsSeconds[i] as number) - (timestampsSeconds[i - 1] as number);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}

/** Binds `rows` (strictly increasing timestamps, values ≥ 0) into a rate series over simulation time. */
export function bindTraceRows(rows: TraceRows, p: TraceBindingParams): BindTraceResult {
  const ts = rows.timestampsSeconds;
  const n = ts.length;
  const bucketSeconds = p.bucketSeconds ?? dominantStepSeconds(ts);
  if (bucketSeconds === undefined) {
    return { ok: false, field: 'bucket', message: 'the trace has a single row, so its bucket width cannot be inferred', hint: 'set bucket, e.g. "1m"' };
  }
  const origin = (p.startEpochSeconds ?? (ts[0] as number)) - p.shiftSeconds;
  const endSeconds = (ts[n - 1] as number) - origin + bucketSeconds;
  if (endSeconds <= 0) {
    const field = p.startEpochSeconds !== undefined ? 'start' : 'shift';
    return { ok: false, field, message: `the whole trace falls before simulation time 0 (it ends at ${endSeconds} s)`, hint: 'use a later start or a smaller negative shift' };
  }
  const loop = p.loop === true;
  let first = 0;
  if (!loop) while (first + 1 < n && (ts[first + 1] as number) - origin <= 0) first++;
  let last = n;
  if (p.untilSeconds !== undefined && !loop) {
    last = first;
    while (last < n && (ts[last] as number) - origin <= p.untilSeconds) last++;
    last = Math.min(n, last + 1);
  }
  const count = last - first;
  const startSeconds = new Float64Array(count);
  const values = new Float64Array(count);
  const countPerBucket = p.valueKind === 'countPerBucket';
  const factor = RATE_PER_UNIT[p.valueKind](p, bucketSeconds) * p.scale;
  for (let i = first; i < last; i++) {
    const j = i - first;
    const t = (ts[i] as number) - origin;
    // Unlooped, the step in force at t = 0 is clamped to start there; looped, none is (see the header).
    startSeconds[j] = t > 0 || loop ? t : 0;
    const value = rows.values[i] as number;
    // Dividing (not multiplying by 1/bucket) keeps 42 per 60 s exactly 42/60.
    values[j] = countPerBucket ? (value / bucketSeconds) * p.scale : value * factor;
  }
  return { ok: true, bucketSeconds, rate: { startSeconds, values, endSeconds }, originEpochSeconds: origin };
}
