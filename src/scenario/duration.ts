/**
 * Durations in scenario.yaml ("27d", "2h30m", "90s", "500ms", "1.5h" or a number of seconds) → seconds.
 * The syntax is Go's time.ParseDuration (what kube-controller-manager flags take) plus a `d` unit.
 */
import { ValueFormatError } from '../errors/value-format-error.js';

/** Unit → seconds. Longest units first where one is a prefix of another (ms before m). */
const UNIT_SECONDS: Readonly<Record<string, number>> = Object.freeze({
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
});

const TERM = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h|d)`;
const DURATION_PATTERN = new RegExp(`^([+-]?)((?:${TERM})+)$`);
const TERM_PATTERN = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h|d)/g;
const PLAIN_NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

const EXAMPLES = 'e.g. "90s", "15m", "2h30m", "1d12h", "500ms", or a number of seconds';

export interface DurationOptions {
  /** Accept negative durations (only a trace's `shift` does). Default false. */
  allowNegative?: boolean;
}

/**
 * Parses a duration into seconds (possibly fractional). Numbers, and strings holding only a number,
 * are seconds. Throws ValueFormatError for malformed input and for negative values unless allowed.
 */
export function parseDuration(input: unknown, options: DurationOptions = {}): number {
  const seconds = durationSeconds(input);
  if (seconds < 0 && !options.allowNegative) {
    throw new ValueFormatError(`duration ${show(input)} must not be negative`);
  }
  return seconds;
}

function durationSeconds(input: unknown): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new ValueFormatError(`${input} is not a duration (expected ${EXAMPLES})`);
    return input;
  }
  if (typeof input !== 'string' || input.trim() === '') {
    throw new ValueFormatError(`expected a duration (${EXAMPLES}), got ${show(input)}`);
  }
  const text = input.trim();
  if (PLAIN_NUMBER_PATTERN.test(text)) return Number(text);
  const match = DURATION_PATTERN.exec(text);
  if (!match) {
    throw new ValueFormatError(
      `${show(input)} is not a duration (expected ${EXAMPLES})`,
      'units: ms, s, m (minutes), h, d; combine them largest first without spaces, e.g. "1h30m"',
    );
  }
  let total = 0;
  for (const term of (match[2] ?? '').matchAll(TERM_PATTERN)) {
    total += Number(term[1]) * (UNIT_SECONDS[term[2] ?? 's'] ?? 1);
  }
  return match[1] === '-' ? -total : total;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'nothing';
  return typeof v === 'object' ? (Array.isArray(v) ? 'a list' : 'a mapping') : String(v);
}
