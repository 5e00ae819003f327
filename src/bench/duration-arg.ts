/**
 * The `--duration` of the bench tools that run one case (bench:ab, bench:components): simulated time
 * instead of the case's own, and the shorter default some cases get there (bench-large's whole day
 * takes minutes; its first hour shows the same engine).
 */
import { parseDuration } from '../scenario/duration.js';

const QUICK_DURATION_SECONDS: Readonly<Record<string, number>> = { 'bench-large': 3600 };

/** The duration a one-case tool runs `caseName` for when not told: undefined = the case's own. */
export function quickDurationSeconds(caseName: string): number | undefined {
  return QUICK_DURATION_SECONDS[caseName];
}

/** Seconds from a `--duration` value, or what is wrong with it (one line, for exit code 2). */
export function parseDurationArg(text: string): number | string {
  let seconds = Number.NaN;
  try {
    seconds = parseDuration(text);
  } catch {
    // reported below
  }
  return seconds > 0 ? seconds : `--duration: expected a positive duration such as 90s, 15m, 2h or 27d, got "${text}"`;
}
