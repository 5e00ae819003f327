/**
 * Reading a piecewise-constant StepSeries (a trace's offered rate) at simulation times: a stateless
 * binary-search lookup and a forward cursor for the event loop. Looped series repeat with period
 * span = endSeconds − startSeconds[0]; period k starts at startSeconds[0] + k·span (never by addition).
 */
import type { StepSeries } from '../scenario/types.js';

/** Step index of the region before the series' first instant, where the value is 0. */
const BEFORE_START_INDEX = -1;

/** Steps a cursor walks one by one before it switches to a binary search. */
const LINEAR_WALK_STEPS = 8;

/**
 * Where a time falls: step `stepIndex` of period `periodIndex` holds on [fromSeconds, untilSeconds).
 * stepIndex −1 is the region before the first instant; stepIndex = length is the region after
 * endSeconds of an unlooped series. Both read as 0.
 */
interface StepPosition {
  periodIndex: number;
  stepIndex: number;
  fromSeconds: number;
  untilSeconds: number;
}

/** Largest i in [loIndex, hiIndex] with startSeconds[i] + offsetSeconds ≤ tSeconds; loIndex must qualify. */
function searchStep(
  startSeconds: Float64Array,
  offsetSeconds: number,
  tSeconds: number,
  loIndex: number,
  hiIndex: number,
): number {
  let lo = loIndex;
  let hi = hiIndex;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((startSeconds[mid] ?? Infinity) + offsetSeconds <= tSeconds) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The window of step `stepIndex` in the period that starts at offsetSeconds and ends at periodEndSeconds. */
function stepWindow(
  series: StepSeries,
  periodIndex: number,
  stepIndex: number,
  offsetSeconds: number,
  periodEndSeconds: number,
): StepPosition {
  const nextStartSeconds = (series.startSeconds[stepIndex + 1] ?? Infinity) + offsetSeconds;
  return {
    periodIndex,
    stepIndex,
    fromSeconds: (series.startSeconds[stepIndex] ?? 0) + offsetSeconds,
    // min() keeps the window non-empty if rounding puts the last step's start past the period end.
    untilSeconds: Math.min(nextStartSeconds, periodEndSeconds),
  };
}

/** Locates tSeconds in the series by binary search (O(log n)). */
function locateStep(series: StepSeries, tSeconds: number, loop: boolean): StepPosition {
  const stepCount = series.startSeconds.length;
  const firstSeconds = series.startSeconds[0];
  const endSeconds = series.endSeconds;
  if (firstSeconds === undefined || !(endSeconds > firstSeconds)) {
    return { periodIndex: 0, stepIndex: BEFORE_START_INDEX, fromSeconds: -Infinity, untilSeconds: Infinity };
  }
  if (tSeconds < firstSeconds) {
    return { periodIndex: 0, stepIndex: BEFORE_START_INDEX, fromSeconds: -Infinity, untilSeconds: firstSeconds };
  }
  if (!loop) {
    if (tSeconds >= endSeconds) {
      return { periodIndex: 0, stepIndex: stepCount, fromSeconds: endSeconds, untilSeconds: Infinity };
    }
    const stepIndex = searchStep(series.startSeconds, 0, tSeconds, 0, stepCount - 1);
    return stepWindow(series, 0, stepIndex, 0, endSeconds);
  }
  if (!Number.isFinite(tSeconds)) {
    throw new RangeError(`looped StepSeries read at non-finite time ${tSeconds}`);
  }
  const spanSeconds = endSeconds - firstSeconds;
  let periodIndex = Math.floor((tSeconds - firstSeconds) / spanSeconds);
  // The quotient can be one off after rounding; period starts are always firstSeconds + k·span.
  if (periodIndex > 0 && firstSeconds + periodIndex * spanSeconds > tSeconds) periodIndex -= 1;
  if (firstSeconds + (periodIndex + 1) * spanSeconds <= tSeconds) periodIndex += 1;
  const offsetSeconds = periodIndex * spanSeconds;
  const stepIndex = searchStep(series.startSeconds, offsetSeconds, tSeconds, 0, stepCount - 1);
  const periodEndSeconds = firstSeconds + (periodIndex + 1) * spanSeconds;
  return stepWindow(series, periodIndex, stepIndex, offsetSeconds, periodEndSeconds);
}

function stepValue(series: StepSeries, stepIndex: number): number {
  return stepIndex >= 0 ? (series.values[stepIndex] ?? 0) : 0;
}

/**
 * The series' value at tSeconds: values[i] on [startSeconds[i], startSeconds[i+1]), the last value
 * until endSeconds, 0 before startSeconds[0] and (unlooped) from endSeconds on. With loop, t ≥
 * startSeconds[0] reads the period-local time startSeconds[0] + ((t − startSeconds[0]) mod span).
 * An empty series, or one with endSeconds ≤ startSeconds[0], reads 0 everywhere. O(log n).
 * @throws RangeError for a looped series read at a non-finite time.
 */
export function valueAt(series: StepSeries, tSeconds: number, loop: boolean): number {
  return stepValue(series, locateStep(series, tSeconds, loop).stepIndex);
}

/**
 * A forward reader of one StepSeries for the simulation's hot path. Reads at non-decreasing times
 * cost amortised O(1) (a walk over the steps crossed, a binary search per period or long jump);
 * a read earlier than the previous one is allowed and costs one O(log n) search. Agrees exactly
 * with {@link valueAt}: both place step i of period k at startSeconds[i] + k·span.
 */
export class StepCursor {
  private readonly series: StepSeries;
  private readonly loop: boolean;
  private position: StepPosition;

  constructor(series: StepSeries, loop: boolean) {
    this.series = series;
    this.loop = loop;
    this.position = locateStep(series, -Infinity, loop);
  }

  /** The value at tSeconds; same contract as {@link valueAt}. */
  valueAt(tSeconds: number): number {
    return stepValue(this.series, this.seek(tSeconds).stepIndex);
  }

  /**
   * The next instant > tSeconds at which the value may change: the next step start, period start
   * or (unlooped) endSeconds; Infinity when the value is constant from tSeconds on. Consecutive
   * equal values are not merged, so the value may stay the same at the returned instant.
   */
  nextChangeAfter(tSeconds: number): number {
    return this.seek(tSeconds).untilSeconds;
  }

  private seek(tSeconds: number): StepPosition {
    const current = this.position;
    if (tSeconds >= current.fromSeconds && tSeconds < current.untilSeconds) return current;
    this.position =
      tSeconds >= current.untilSeconds ? this.advance(current, tSeconds) : locateStep(this.series, tSeconds, this.loop);
    return this.position;
  }

  /** Moves forward from `current` to tSeconds (≥ current.untilSeconds) within the same period if it can. */
  private advance(current: StepPosition, tSeconds: number): StepPosition {
    const series = this.series;
    const stepCount = series.startSeconds.length;
    const firstSeconds = series.startSeconds[0] ?? 0;
    if (current.stepIndex < 0 || current.stepIndex >= stepCount) return locateStep(series, tSeconds, this.loop);
    const spanSeconds = series.endSeconds - firstSeconds;
    const offsetSeconds = this.loop ? current.periodIndex * spanSeconds : 0;
    const periodEndSeconds = this.loop
      ? firstSeconds + (current.periodIndex + 1) * spanSeconds
      : series.endSeconds;
    if (tSeconds >= periodEndSeconds) return locateStep(series, tSeconds, this.loop);
    let stepIndex = current.stepIndex;
    for (let walked = 0; walked < LINEAR_WALK_STEPS; walked += 1) {
      const nextStartSeconds = series.startSeconds[stepIndex + 1];
      if (nextStartSeconds === undefined || nextStartSeconds + offsetSeconds > tSeconds) {
        return stepWindow(series, current.periodIndex, stepIndex, offsetSeconds, periodEndSeconds);
      }
      stepIndex += 1;
    }
    stepIndex = searchStep(series.startSeconds, offsetSeconds, tSeconds, stepIndex, stepCount - 1);
    return stepWindow(series, current.periodIndex, stepIndex, offsetSeconds, periodEndSeconds);
  }
}
