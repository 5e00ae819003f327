/**
 * Zod field builders shared by the scenario and manifest schemas: durations → seconds, Kubernetes
 * quantities → millicores / bytes / milli-units, and numbers whose messages state their unit.
 * Conversions run inside the schema, so a parsed document already holds the resolved units; the
 * description is what error messages append as "expected …".
 */
import { z } from 'zod';
import { isValueFormatError, ValueFormatError } from '../../errors/value-format-error.js';
import { parseDuration } from '../duration.js';
import { parseIsoTimestampSeconds } from '../../load/trace-formats/iso-timestamp.js';
import { parseCpuMillicores, parseMemoryBytes, parseQuantity } from '../../units/quantity.js';

type Converter = (input: string | number) => number;

/** string | number converted by `convert`; a ValueFormatError becomes a custom issue with its hint. */
function converted(convert: Converter, description: string) {
  return z
    .union([z.string(), z.number()])
    .transform((input, ctx) => {
      try {
        return convert(input);
      } catch (e) {
        if (!isValueFormatError(e)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message, params: e.hint ? { hint: e.hint } : undefined, input });
        return z.NEVER;
      }
    })
    .describe(description);
}

/** A duration ("90s", "15m", "1h30m", "1d", or a number of seconds) → seconds. */
export function durationSeconds(what: string, options: { allowNegative?: boolean; minSeconds?: number } = {}) {
  const { allowNegative = false, minSeconds } = options;
  return converted((input) => {
    const seconds = parseDuration(input, { allowNegative });
    if (minSeconds !== undefined && seconds < minSeconds) {
      throw new ValueFormatError(`${what} must be at least ${minSeconds} s, got ${seconds} s`);
    }
    return seconds;
  }, `a duration such as 30s, 5m, 1h30m, 1d, or a number of seconds${allowNegative ? ' (may be negative)' : ''}`);
}

/** A duration that must be > 0 seconds. */
export function positiveDurationSeconds(what: string) {
  return converted((input) => {
    const seconds = parseDuration(input);
    if (seconds <= 0) throw new ValueFormatError(`${what} must be greater than 0 s`);
    return seconds;
  }, 'a duration greater than 0 such as 15s, 1m, or a number of seconds');
}

/** Kubernetes cpu quantity ("250m", "0.5", "2") → millicores. */
export function cpuMillicores() {
  return converted(parseCpuMillicores, 'a cpu quantity such as 250m, 0.5 or 4 (cores)');
}

/** Kubernetes memory quantity ("512Mi", "16Gi", "1G") → bytes. */
export function memoryBytes() {
  return converted(parseMemoryBytes, 'a memory quantity in bytes such as 64Mi, 1.5Gi or 1G');
}

/** Kubernetes quantity as a plain number (e.g. a ratio "0.05" or "50m" → 0.05). */
export function quantityNumber() {
  return converted((input) => parseQuantity(input).value, 'a number or Kubernetes quantity such as 0.05 or 50m');
}

/** A finite number > 0 in `unit`. */
export function positiveNumber(unit: string) {
  return z.number().positive().describe(`a number greater than 0 (${unit})`);
}

/** A finite number ≥ 0 in `unit`. */
export function nonNegativeNumber(unit: string) {
  return z.number().min(0).describe(`a number ≥ 0 (${unit})`);
}

/** An integer ≥ 1. */
export function positiveInteger(unit: string) {
  return z.number().int().min(1).describe(`an integer ≥ 1 (${unit})`);
}

/** An ISO 4217 currency code (three capital letters). */
export function currencyCode() {
  return z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code of three capital letters such as USD, EUR or CNY')
    .describe('an ISO 4217 currency code such as USD, EUR or CNY');
}

/** An integer ≥ 0. */
export function nonNegativeInteger(unit: string) {
  return z.number().int().min(0).describe(`an integer ≥ 0 (${unit})`);
}

/** String → string map (labels, node selectors). */
export function stringMap() {
  return z.record(z.string(), z.string()).describe('a map of string keys to string values');
}

/** ISO-8601 timestamp with offset ("1995-07-01T00:00:00-04:00") → seconds since the Unix epoch. */
export function isoTimestampSeconds() {
  return z
    .string()
    .transform((input, ctx) => {
      try {
        return parseIsoTimestampSeconds(input);
      } catch (e) {
        if (!isValueFormatError(e)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message, params: e.hint ? { hint: e.hint } : undefined, input });
        return z.NEVER;
      }
    })
    .describe('an ISO-8601 timestamp with offset such as "1995-07-01T00:00:00-04:00"');
}
