/**
 * scenario.yaml `spec.faults`: windows in which KEDA scaler reads fail. `from` and `to` are a
 * duration since t = 0 ("2h", "90m", 7200) or a clock time "HH:MM[:SS]" on the first day of the run
 * (in spec.startTime's UTC offset); clock times are turned into seconds once the start is known.
 */
import { z } from 'zod';
import { isValueFormatError, ValueFormatError } from '../../errors/value-format-error.js';
import { parseDuration } from '../duration.js';

/** A fault bound as written: seconds since t = 0, or seconds after midnight of the first day. */
export type FaultInstant = { kind: 'elapsed'; seconds: number } | { kind: 'clock'; secondsOfDay: number; text: string };

const CLOCK_PATTERN = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** "02:20" → clock time; anything else must be a duration ≥ 0. */
export function parseFaultInstant(input: string | number): FaultInstant {
  const clock = typeof input === 'string' ? CLOCK_PATTERN.exec(input.trim()) : null;
  if (clock) {
    const [hours, minutes, seconds] = [clock[1], clock[2], clock[3] ?? '0'].map(Number) as [number, number, number];
    if (hours > 23 || minutes > 59 || seconds > 59) throw new ValueFormatError(`"${input}" is not a clock time (expected HH:MM from 00:00 to 23:59)`);
    return { kind: 'clock', secondsOfDay: hours * 3600 + minutes * 60 + seconds, text: String(input).trim() };
  }
  try {
    return { kind: 'elapsed', seconds: parseDuration(input) };
  } catch (e) {
    if (!isValueFormatError(e)) throw e;
    throw new ValueFormatError(e.message, 'write a duration since t = 0 such as "2h" or "1h30m", or a clock time of the first day such as "02:00"');
  }
}

const faultInstant = () =>
  z
    .union([z.string(), z.number()])
    .transform((input, ctx) => {
      try {
        return parseFaultInstant(input);
      } catch (e) {
        if (!isValueFormatError(e)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message, params: e.hint ? { hint: e.hint } : undefined, input });
        return z.NEVER;
      }
    })
    .describe('a duration since t = 0 such as 2h or 90m, or a clock time "HH:MM" of the first day');

export const ScalerUnavailableSchema = z.strictObject({
  triggerType: z.string().min(1).optional().describe('a KEDA trigger type such as prometheus (every trigger of that type fails)'),
  trigger: z.string().min(1).optional().describe('<ScaledObject or ScaledJob name>/<trigger index or name>'),
  from: faultInstant(),
  to: faultInstant(),
  message: z.string().min(1).optional().describe('the error the failing reads report'),
});

export const FaultSchema = z.strictObject({
  scalerUnavailable: ScalerUnavailableSchema,
});

export type FaultInput = z.output<typeof FaultSchema>;
