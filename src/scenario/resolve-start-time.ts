/**
 * The calendar instant of simulation t = 0 (cron triggers and clock-time faults need it):
 * spec.startTime, else the start of the first trace bound to a workload (its `start` or first row,
 * minus its shift), else of the first trace, else the Unix epoch. "HH:MM" clock times are read in
 * the UTC offset written in whichever timestamp set t = 0 (UTC when none).
 */
import type { TraceOrigin } from './traces/resolve-traces.js';
import type { LoadModelSpec } from './types.js';
import { utcOffsetSeconds } from './utc-offset.js';

export interface StartInstant {
  epochSeconds: number;
  /** UTC offset of the timestamp that set t = 0, seconds east of UTC (0 when none). */
  offsetSeconds: number;
  /** False when neither spec.startTime nor a trace placed t = 0 (it is then the Unix epoch). */
  known: boolean;
}

export function resolveStartTime(
  startTime: { epochSeconds: number; text: string } | undefined,
  loads: readonly LoadModelSpec[],
  traceOrigins: ReadonlyMap<string, TraceOrigin>,
): StartInstant {
  if (startTime) return { epochSeconds: startTime.epochSeconds, offsetSeconds: utcOffsetSeconds(startTime.text), known: true };
  const bound = loads.map((l) => traceOrigins.get(l.trace)).find((origin) => origin !== undefined);
  const origin = bound ?? traceOrigins.values().next().value;
  return origin ? { epochSeconds: origin.epochSeconds, offsetSeconds: origin.utcOffsetSeconds, known: true } : { epochSeconds: 0, offsetSeconds: 0, known: false };
}

/** Seconds since t = 0 of clock time `secondsOfDay` on the calendar day (in the start's offset) of t = 0; may be negative. */
export function clockTimeToSimulationSeconds(secondsOfDay: number, start: StartInstant): number {
  const local = start.epochSeconds + start.offsetSeconds;
  const midnightLocal = Math.floor(local / 86400) * 86400;
  return midnightLocal + secondsOfDay - local;
}
