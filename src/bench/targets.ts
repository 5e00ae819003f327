/**
 * Issue 7's bench targets read off `npm run bench`'s rows: each target with its bar, what the run
 * measured and whether it is met. Pure: rows in, verdicts out; nothing is asserted and the exit
 * code does not change (a benchmark, not a test), but a change that breaks a met target or moves a
 * figure shows under the table instead of only in a column.
 */

/** What a target reads of a bench row (the median run's, with --repeat). */
export interface TargetRow {
  case: string;
  processWallSeconds: number;
  runWallSeconds: number;
  peakRssMiB: number;
}

export type TargetVerdict = 'met' | 'not met' | 'not run';

export interface TargetResult {
  target: string;
  bar: string;
  measured: string;
  verdict: TargetVerdict;
}

/**
 * How far above the one-day process's peak RSS the one-year run's may be and still count as "no
 * higher": the spread of the one-day process's own peak from run to run on the development host
 * (86.4–87.4 MiB in five runs, 2026-11-22), rounded up.
 */
export const SAME_MEMORY_TOLERANCE_MIB = 2;

const NASA_PROCESS_BAR_SECONDS = 0.5;
const NASA_RUN_BAR_SECONDS = 0.15;
const LARGE_PROCESS_BAR_SECONDS = 10;
const LARGE_RSS_BAR_MIB = 1024;
/** A 16-setting sweep on every core against `--workers 1`, best run against best run. */
const SWEEP_SPEEDUP_BAR = 1.7;

function below(row: TargetRow | undefined, read: (r: TargetRow) => number, bar: number, unit: string, digits: number): Pick<TargetResult, 'measured' | 'verdict'> {
  if (row === undefined) return { measured: '', verdict: 'not run' };
  const value = read(row);
  return { measured: `${value.toFixed(digits)} ${unit}`, verdict: value < bar ? 'met' : 'not met' };
}

/** Issue 7's targets for the rows given; a target whose case did not run says so. */
export function checkTargets(rows: readonly TargetRow[]): TargetResult[] {
  const byCase = new Map(rows.map((r) => [r.case, r]));
  const nasa = byCase.get('nasa-diurnal');
  const large = byCase.get('bench-large');
  const day = byCase.get('nasa-1d-looped');
  const year = byCase.get('nasa-1y-looped');
  const results: TargetResult[] = [
    { target: 'nasa-diurnal, whole process', bar: `< ${NASA_PROCESS_BAR_SECONDS} s`, ...below(nasa, (r) => r.processWallSeconds, NASA_PROCESS_BAR_SECONDS, 's', 3) },
    { target: 'nasa-diurnal, the run (simulation and its outputs)', bar: `< ${NASA_RUN_BAR_SECONDS} s`, ...below(nasa, (r) => r.runWallSeconds, NASA_RUN_BAR_SECONDS, 's', 3) },
    { target: 'bench-large, whole process', bar: `< ${LARGE_PROCESS_BAR_SECONDS} s`, ...below(large, (r) => r.processWallSeconds, LARGE_PROCESS_BAR_SECONDS, 's', 1) },
    { target: 'bench-large, peak RSS', bar: `< ${LARGE_RSS_BAR_MIB} MiB`, ...below(large, (r) => r.peakRssMiB, LARGE_RSS_BAR_MIB, 'MiB', 0) },
  ];
  const bar = `≤ one day's (nasa-1d-looped) + ${SAME_MEMORY_TOLERANCE_MIB} MiB`;
  if (day === undefined || year === undefined) results.push({ target: 'one-year trace, peak RSS', bar, measured: '', verdict: 'not run' });
  else {
    const over = year.peakRssMiB - day.peakRssMiB;
    results.push({
      target: 'one-year trace, peak RSS',
      bar,
      measured: `${year.peakRssMiB.toFixed(1)} MiB against ${day.peakRssMiB.toFixed(1)} MiB (${over >= 0 ? '+' : '−'}${Math.abs(over).toFixed(1)})`,
      verdict: over <= SAME_MEMORY_TOLERANCE_MIB ? 'met' : 'not met',
    });
  }
  return results;
}

/**
 * The sweep's target, from `npm run bench:sweep`'s best one-worker and best all-core wall seconds
 * for settings `days` long (the issue names no length; the bench reads the bar off each it runs).
 */
export function checkSweepTarget(oneWorkerBestSeconds: number, allCoresBestSeconds: number, cores: number, days: number): TargetResult {
  const ratio = oneWorkerBestSeconds / allCoresBestSeconds;
  return {
    target: `16-setting sweep of ${days} days, ${cores} workers against 1 (best against best)`,
    bar: `≥ ${SWEEP_SPEEDUP_BAR}×`,
    measured: `${ratio.toFixed(2)}×`,
    verdict: ratio >= SWEEP_SPEEDUP_BAR ? 'met' : 'not met',
  };
}
