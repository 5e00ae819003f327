/** The first line of every explained block: who, when, and how far from the requested time. */
import type { ExplanationTime } from './explanation.js';
import { formatSeconds, formatSimTime } from './format-sim-time.js';

/**
 * `<who> at t=157.189 s (0h02m37s), nearest to --at 150 s (7.189 s after); decisions.csv line 22`.
 * `step` names a periodic controller's decision (sync, poll, loop): in a run that kept changes only,
 * its row is the one in force at --at, and the line says so.
 */
export function headerLine(who: string, t: ExplanationTime, step?: string): string {
  const offset = Math.round((t.timeSeconds - t.atSeconds) * 1000) / 1000;
  const distance = formatSeconds(Math.abs(offset));
  const at = `--at ${formatSeconds(t.atSeconds)}`;
  let where: string;
  if (t.changesOnly && step !== undefined) {
    where =
      offset > 0
        ? `its first ${step}, ${distance} after ${at} (decisions.csv keeps changes only; it had not run before)`
        : offset === 0
          ? `in force at ${at} (a change made exactly then; decisions.csv keeps changes only)`
          : `in force at ${at} (the last change, ${distance} before; decisions.csv keeps changes only, so every ${step} since decided the same, on metric values of its own)`;
  } else {
    where = `nearest to ${at} (${offset === 0 ? 'exactly at' : `${distance} ${offset > 0 ? 'after' : 'before'}`})`;
  }
  return `${who} at ${formatSimTime(t.timeSeconds)}, ${where}; decisions.csv line ${t.line}`;
}

/**
 * In a run that kept changes only, the change after the one in force: `  next change at t=86.001 s
 * (0h01m26s), 0.001 s after --at 86 s: <what>`, so that asking a moment before a change shows it
 * is coming. Nothing when there is no next change.
 */
export function nextChangeLines(t: ExplanationTime, next: { timeSeconds: number } | null, what: string): string[] {
  if (next === null) return [];
  const offset = Math.round((next.timeSeconds - t.atSeconds) * 1000) / 1000;
  return [`  next change at ${formatSimTime(next.timeSeconds)}, ${formatSeconds(Math.abs(offset))} ${offset >= 0 ? 'after' : 'before'} --at ${formatSeconds(t.atSeconds)}: ${what}`];
}

/** `previous sync`, or `previous change` where decisions.csv kept changes only. */
export function previousLabel(t: ExplanationTime, step: string): string {
  return t.changesOnly ? 'previous change' : `previous ${step}`;
}
