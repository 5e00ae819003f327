/**
 * Whole-run checks of a scenario: command-line overrides, and the run length (spec.duration, else
 * the longest trace that drives a workload) with a warning for every non-looping trace that ends
 * before the run does.
 */
import type { ProblemSink } from './problem-sink.js';
import type { MetricSeriesSpec, TraceBinding } from './types.js';
import type { DocRef } from './yaml/doc-ref.js';

/** Where command-line overrides are reported. */
const COMMAND_LINE = '(command line)';

export function checkOverrides(overrides: { seed?: number; durationSeconds?: number }, sink: ProblemSink): void {
  const { seed, durationSeconds } = overrides;
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
    sink.error({ file: COMMAND_LINE, field: '--seed', message: `${seed} is not a valid seed; expected an integer ≥ 0` });
  }
  if (durationSeconds !== undefined && !(Number.isFinite(durationSeconds) && durationSeconds > 0)) {
    sink.error({ file: COMMAND_LINE, field: '--duration', message: `${durationSeconds} is not a valid duration; expected seconds > 0` });
  }
}

/**
 * The run length in seconds: `requested` when set, else the end of the longest trace bound to a
 * workload. Warns about unused traces and about traces that end before the run (load 0 after).
 */
/** The longest run scalesim takes: a century of simulated time. Longer is a typo (`1000000000d`), which would write for hours. */
export const MAX_RUN_YEARS = 100;
export const MAX_RUN_SECONDS = MAX_RUN_YEARS * 365 * 86_400;
export const MAX_RUN_HINT = 'a year of one workload takes about 10 s here and writes about 600 MB of CSV; check the units (d is days)';

export function resolveRunLength(
  requested: number | undefined,
  traces: ReadonlyMap<string, TraceBinding>,
  /** Traces that drive load (workloads' and standalone queues'): the default duration is the longest. */
  drivingTraces: readonly string[],
  series: readonly MetricSeriesSpec[],
  ref: DocRef,
  sink: ProblemSink,
): number {
  const driving = new Set(drivingTraces);
  const used = new Set([...driving, ...series.flatMap((s) => (s.source.kind === 'trace' ? [s.source.trace] : []))]);
  const longest = Math.max(0, ...[...driving].map((name) => traces.get(name)?.rate.endSeconds ?? 0));
  const durationSeconds = requested ?? longest;
  if (requested !== undefined && requested > MAX_RUN_SECONDS) {
    sink.error(ref.problem(['spec', 'duration'], `${requested} s is more than ${MAX_RUN_YEARS} years of simulated time (expected at most ${MAX_RUN_SECONDS} s)`, MAX_RUN_HINT));
  }
  if (requested === undefined && longest === 0 && !sink.hasErrors) {
    sink.error(ref.problem(['spec'], 'spec.duration is required when no workload is bound to a trace', 'add e.g. "duration: 1h" under spec'));
  }
  for (const trace of traces.values()) {
    const at = ['spec', 'traces', trace.name];
    if (!used.has(trace.name)) {
      // With errors, the workload or series that uses it may be one that could not be read.
      if (sink.hasErrors) continue;
      sink.warn(ref.warning(at, `trace "${trace.name}" is not used by any workload or series`, undefined, { key: true }));
    } else if ((trace.rate.startSeconds[0] ?? 0) >= durationSeconds) {
      // Before its first instant a trace reads 0, looped or not: a shift past the run leaves no traffic.
      sink.warn(
        ref.warning(
          at,
          `the trace starts at ${trace.rate.startSeconds[0]} s, at or after the run ends at ${durationSeconds} s: its rate is 0 for the whole run`,
          'use a smaller shift or an earlier start, or a longer duration',
          { key: true },
        ),
      );
    } else if (!trace.loop && trace.rate.endSeconds < durationSeconds) {
      sink.warn(
        ref.warning(
          at,
          `the trace ends at ${trace.rate.endSeconds} s, before the run ends at ${durationSeconds} s; its rate is 0 afterwards`,
          'set loop: true to repeat it, or a shorter duration',
          { key: true },
        ),
      );
    }
  }
  return durationSeconds;
}
