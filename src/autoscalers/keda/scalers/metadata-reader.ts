/**
 * Typed reads of a trigger's string metadata that collect every problem instead of stopping at the
 * first, as KEDA's TypedConfig fills `keda:"name=…, default=…, optional, enum=…"` struct tags.
 */
import { parseGoInt } from '../../../units/go-numbers.js';
import type { MetadataProblem, ParsedTrigger, ParseTriggerResult } from '../types.js';

/**
 * TypedConfig's setConfigValueHelper fills a numeric field with json.Unmarshal of the trimmed text:
 * JSON's number grammar (no "+", no leading "." or zeros, no hex), and for an int64 field no
 * fraction or exponent either ("10.0" and "1e3" fail).
 */
const JSON_FLOAT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const JSON_INT = /^-?(?:0|[1-9]\d*)$/;
/** The longest range intList expands (upstream appends every id, however many). */
const MAX_LIST_RANGE = 100_000;
/** strconv.ParseBool. */
const GO_BOOLS: Readonly<Record<string, boolean>> = Object.freeze({
  '1': true, t: true, T: true, TRUE: true, true: true, True: true,
  '0': false, f: false, F: false, FALSE: false, false: false, False: false,
});

export interface NumberRule {
  /** Whole numbers only (Go int64 fields). */
  integer?: boolean;
  /** strconv.ParseInt syntax (a string field the scaler parses) instead of TypedConfig's JSON; with `integer`. */
  parseInt?: boolean;
  /** Lower bound; `exclusive` makes it strict (`> min`). */
  min?: number;
  exclusive?: boolean;
}

function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  if (rule.min === undefined) return kind;
  return `${kind} ${rule.exclusive ? '>' : '≥'} ${rule.min}`;
}

/** Reads metadata keys; every failed read adds a MetadataProblem naming the key and what is expected. */
export class MetadataReader {
  readonly problems: MetadataProblem[] = [];
  /** Keys the simulation cannot honour (the trigger still parses): ParseTriggerResult.warnings. */
  readonly warnings: MetadataProblem[] = [];

  constructor(private readonly metadata: Readonly<Record<string, string>>) {}

  /** The trimmed value, or undefined when the key is absent or empty (KEDA treats "" as unset). */
  raw(key: string): string | undefined {
    if (!Object.hasOwn(this.metadata, key)) return undefined;
    const value = this.metadata[key];
    const text = typeof value === 'string' ? value.trim() : undefined;
    return text === undefined || text === '' ? undefined : text;
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  /** A warning at `field` when the metadata sets it (see `warnings`). */
  warnIfSet(field: string, message: string): void {
    if (this.has(field)) this.warnings.push({ field, message });
  }

  /** A required string; a problem when absent. */
  requiredString(key: string, what: string): string {
    const text = this.raw(key);
    if (text === undefined) this.problem(key, `required: expected ${what}`);
    return text ?? '';
  }

  /** A number (JSON syntax, or ParseInt's with `parseInt`) or `fallback` when absent; undefined when required and absent. */
  number(key: string, rule: NumberRule, fallback?: number): number | undefined {
    const text = this.raw(key);
    const expected = describeRule(rule);
    if (text === undefined) {
      if (fallback === undefined) this.problem(key, `required: expected ${expected}`);
      return fallback;
    }
    // A field the scaler parses itself with strconv.ParseInt (cpu and memory's `value`).
    const value = rule.parseInt ? (parseGoInt(text) ?? Number.NaN) : (rule.integer ? JSON_INT : JSON_FLOAT).test(text) ? Number(text) : Number.NaN;
    const belowMin = rule.min !== undefined && (rule.exclusive ? value <= rule.min : value < rule.min);
    if (!Number.isFinite(value) || (rule.integer && !Number.isSafeInteger(value)) || belowMin) {
      // A number JS would read (of the right kind) that JSON's grammar refuses: say why.
      const plain = Number(text);
      const jsonOnly = !rule.parseInt && Number.isNaN(value) && Number.isFinite(plain) && (!rule.integer || Number.isInteger(plain));
      const how = rule.integer ? 'no "+", leading zeros, fraction or exponent' : 'no "+", leading "." or leading zeros';
      this.problem(key, jsonOnly ? `expected ${expected} written as KEDA reads it (a JSON number: ${how}), got "${text}"` : `expected ${expected}, got "${text}"`);
      return fallback;
    }
    return value;
  }

  /** strconv.ParseBool, or `fallback` when absent. */
  boolean(key: string, fallback: boolean): boolean {
    const text = this.raw(key);
    if (text === undefined) return fallback;
    if (Object.hasOwn(GO_BOOLS, text)) return GO_BOOLS[text] ?? fallback;
    this.problem(key, `expected true or false, got "${text}"`);
    return fallback;
  }

  /** One of `choices` (exact match), or `fallback` when absent. */
  choice<T extends string>(key: string, choices: readonly T[], fallback: T): T {
    const text = this.raw(key);
    if (text === undefined) return fallback;
    if ((choices as readonly string[]).includes(text)) return text as T;
    this.problem(key, `expected one of ${choices.join(', ')}, got "${text}"`);
    return fallback;
  }

  /**
   * TypedConfig's enum check: every trimmed comma-separated part must be one of `allowed`
   * (case-sensitive), so "json,yaml" passes; the text as written, or `fallback` when absent or refused.
   */
  enumList(key: string, allowed: readonly string[], fallback: string): string {
    const text = this.raw(key) ?? fallback;
    if (text.split(',').every((part) => allowed.includes(part.trim()))) return text;
    this.problem(key, `parameter "${key}" value "${text}" must be one of [${allowed.join(' ')}]`);
    return fallback;
  }

  /**
   * A list of whole numbers and inclusive ranges, `0,1,4-6`, as kafka_scaler.go
   * parsePartitionLimitation reads it (KEDA v2.18): items split on ",", each trimmed; an item with a
   * "-" is a range of exactly two strconv.ParseInt(…, 10, 32) bounds, each trimmed ("2 - 3" is 2
   * and 3); a range that runs backwards adds nothing, with a warning (a list left empty makes every
   * read fail upstream). Undefined when absent; a malformed item is a problem.
   */
  intList(key: string): number[] | undefined {
    const text = this.raw(key);
    if (text === undefined) return undefined;
    const values: number[] = [];
    const int32 = (part: string): number | undefined => parseGoInt(part.trim(), 32);
    for (const item of text.split(',').map((t) => t.trim())) {
      const bounds = item.includes('-') ? item.split('-') : [item];
      const parsed = bounds.map(int32);
      if (bounds.length > 2 || parsed.some((v) => v === undefined)) {
        this.problem(key, `expected whole numbers and ranges separated by commas (e.g. "0,1,4-6"), got "${item}" in "${text}"`);
        return undefined;
      }
      const [from, to = from] = parsed as number[];
      if (from! > to!) this.warnings.push({ field: key, message: `the range "${item}" runs backwards: KEDA adds no partition for it` });
      else if (to! - from! >= MAX_LIST_RANGE) {
        this.problem(key, `the range "${item}" lists ${to! - from! + 1} ids; the simulation takes ranges of up to ${MAX_LIST_RANGE} (a Kafka topic has far fewer partitions)`);
        return undefined;
      }
      for (let v = from!; v <= to!; v++) values.push(v);
    }
    return values;
  }

  /** `{ok: false, problems}` when any read failed, else `{ok: true, trigger: build()}`. */
  finish(build: () => ParsedTrigger): ParseTriggerResult {
    if (this.problems.length > 0) return { ok: false, problems: [...this.problems] };
    return this.warnings.length > 0 ? { ok: true, trigger: build(), warnings: [...this.warnings] } : { ok: true, trigger: build() };
  }
}
