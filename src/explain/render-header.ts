/** The first line of every explained block: who, when, and how far from the requested time. */
import type { ExplanationTime } from './explanation.js';
import { formatSeconds, formatSimTime } from './format-sim-time.js';

/** `<who> at t=157.189 s (0h02m37s), nearest to --at 150 s (7.189 s after); decisions.csv line 22`. */
export function headerLine(who: string, t: ExplanationTime): string {
  const offset = Math.round((t.timeSeconds - t.atSeconds) * 1000) / 1000;
  const where = offset === 0 ? 'exactly at' : `${formatSeconds(Math.abs(offset))} ${offset > 0 ? 'after' : 'before'}`;
  return `${who} at ${formatSimTime(t.timeSeconds)}, nearest to --at ${formatSeconds(t.atSeconds)} (${where}); decisions.csv line ${t.line}`;
}
