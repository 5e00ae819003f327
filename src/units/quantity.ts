/**
 * Kubernetes resource quantities ("200m", "1.5Gi", "1e3", "100k") parsed exactly, as
 * k8s.io/apimachinery/pkg/api/resource ParseQuantity does, and converted once at the scenario edge:
 * cpu → millicores (MilliValue), memory → bytes (Value), other values → milli-units (MilliValue).
 * Like upstream, MilliValue and Value round up (away from zero); arithmetic is BigInt, not float.
 */
import { ValueFormatError } from '../errors/value-format-error.js';

/**
 * <signedNumber><suffix>, suffix = binarySI (Ki…Ei) | decimalExponent (e3, E-2) | decimalSI (n, u, m, k, M…E).
 * The exponent alternative comes first so "1E3" is 1000, while a bare trailing "E" is exa.
 */
const QUANTITY_PATTERN =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** Suffix → [power of ten, power of 1024] (quantity.go suffixer tables). */
const SUFFIX_SCALE: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
  '': [0, 0],
  n: [-9, 0],
  u: [-6, 0],
  m: [-3, 0],
  k: [3, 0],
  M: [6, 0],
  G: [9, 0],
  T: [12, 0],
  P: [15, 0],
  E: [18, 0],
  Ki: [0, 1],
  Mi: [0, 2],
  Gi: [0, 3],
  Ti: [0, 4],
  Pi: [0, 5],
  Ei: [0, 6],
});

/** Largest decimal exponent accepted; upstream quantities cannot exceed 2^63 milli-units anyway. */
const MAX_EXPONENT = 60;

const QUANTITY_EXAMPLES = 'e.g. "250m", "0.5", "2", "512Mi", "1.5Gi", "100k", "1e3"';

/** A quantity as an exact decimal: (negative ? -1 : 1) × digits × 10^exponent10 × 1024^exponent1024. */
export interface ParsedQuantity {
  /** The text as written (numbers are formatted with String()). */
  text: string;
  negative: boolean;
  /** The value as a float, for values that are not resources (e.g. a tolerance of "0.05"). */
  value: number;
  /** Quantity.MilliValue(): value × 1000 rounded up (away from zero). */
  milliValue: number;
  /** Quantity.Value(): value rounded up (away from zero). */
  integerValue: number;
}

/**
 * Parses a Kubernetes quantity. Accepts a string in Kubernetes syntax or a finite number (YAML
 * `cpu: 0.5`); throws ValueFormatError for anything else ("200x", "", NaN, "1.5 Gi").
 */
export function parseQuantity(input: unknown): ParsedQuantity {
  const text = quantityText(input);
  const match = QUANTITY_PATTERN.exec(text);
  if (!match) {
    throw new ValueFormatError(
      `"${text}" is not a Kubernetes quantity (expected a number with an optional suffix, ${QUANTITY_EXAMPLES})`,
      suffixHint(text),
    );
  }
  const [, sign = '', number = '0', exponent, suffix = ''] = match;
  const [intPart = '', fracPart = ''] = number.split('.');
  const digits = BigInt(`${intPart}${fracPart}` || '0');
  const [suffixPower10, power1024] = SUFFIX_SCALE[suffix] ?? [0, 0];
  const power10 = exponent ? Number(exponent.slice(1)) : suffixPower10;
  if (Math.abs(power10) > MAX_EXPONENT) {
    throw new ValueFormatError(`quantity "${text}" is out of range (exponent beyond ±${MAX_EXPONENT})`);
  }
  const negative = sign === '-' && digits !== 0n;
  const signed = (n: number): number => (negative ? -n : n);
  return {
    text,
    negative,
    value: signed(Number(number) * 10 ** power10 * 1024 ** power1024),
    milliValue: signed(Number(scaledCeil(digits, power10 - fracPart.length + 3, power1024))),
    integerValue: signed(Number(scaledCeil(digits, power10 - fracPart.length, power1024))),
  };
}

/** resources cpu → millicores (MilliValue, rounded up); rejects negative values. */
export function parseCpuMillicores(input: unknown): number {
  return nonNegative(parseQuantity(input), 'cpu').milliValue;
}

/** resources memory → bytes (Value, rounded up); rejects negative values. */
export function parseMemoryBytes(input: unknown): number {
  return nonNegative(parseQuantity(input), 'memory').integerValue;
}

/** Any quantity → milli-units (Quantity.MilliValue(), rounded up away from zero); sign allowed. */
export function parseMilliValue(input: unknown): number {
  return parseQuantity(input).milliValue;
}

/** ceil(digits × 10^exponent10 × 1024^exponent1024) for digits ≥ 0, exactly. */
function scaledCeil(digits: bigint, exponent10: number, exponent1024: number): bigint {
  const scaled = digits * 1024n ** BigInt(exponent1024);
  if (exponent10 >= 0) return scaled * 10n ** BigInt(exponent10);
  const divisor = 10n ** BigInt(-exponent10);
  return (scaled + divisor - 1n) / divisor;
}

function quantityText(input: unknown): string {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw new ValueFormatError(`${input} is not a Kubernetes quantity (expected a finite number)`);
    }
    return String(input);
  }
  if (typeof input !== 'string') {
    throw new ValueFormatError(`expected a Kubernetes quantity (${QUANTITY_EXAMPLES}), got ${describe(input)}`);
  }
  if (input.trim() === '') throw new ValueFormatError(`expected a Kubernetes quantity (${QUANTITY_EXAMPLES}), got an empty string`);
  return input;
}

function nonNegative(q: ParsedQuantity, resource: string): ParsedQuantity {
  if (q.negative) {
    throw new ValueFormatError(`${resource} quantity "${q.text}" must be greater than or equal to 0`);
  }
  return q;
}

function suffixHint(text: string): string | undefined {
  if (/\s/.test(text)) return 'remove the spaces: write "1.5Gi", not "1.5 Gi"';
  if (/^[+-]?[\d.]+(?:ki|mi|gi|ti|kb|mb|gb|b)$/i.test(text)) {
    return 'suffixes are case-sensitive: binary Ki, Mi, Gi, Ti; decimal k, M, G, T; m is milli';
  }
  return 'valid suffixes: n, u, m, k, M, G, T, P, E (decimal), Ki, Mi, Gi, Ti, Pi, Ei (binary), or an exponent e3';
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}
