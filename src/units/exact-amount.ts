/**
 * Exact rational numbers on BigInt for money and billed time: a price like 0.000049 CNY per
 * vCPU-second is taken as the decimal it prints as, so sums, prorations (÷ 3600) and GiB (÷ 2^30)
 * never lose a digit. Rounding happens only at presentation (toFixed, micro-units).
 */

/** numerator ÷ denominator, reduced, denominator > 0. Treat as immutable. */
export interface ExactAmount {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export const EXACT_ZERO: ExactAmount = Object.freeze({ numerator: 0n, denominator: 1n });
export const EXACT_ONE: ExactAmount = Object.freeze({ numerator: 1n, denominator: 1n });

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds a reduced fraction; throws on a zero denominator (a bug, never user input). */
export function exactFraction(numerator: bigint, denominator: bigint): ExactAmount {
  if (denominator === 0n) throw new RangeError('exactFraction: zero denominator');
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

/** 3600: seconds to hours and hourly prices to per-second ones, exactly. */
export const EXACT_SECONDS_PER_HOUR: ExactAmount = exactFraction(3600n, 1n);

/**
 * A finite JavaScript number as the shortest decimal that prints it (String(0.1) = "0.1" → 1/10),
 * which is what the user wrote in the price table or scenario. Throws RangeError for NaN/±Infinity.
 */
export function exactFromNumber(value: number): ExactAmount {
  if (!Number.isFinite(value)) throw new RangeError(`exactFromNumber: not a finite number: ${value}`);
  const match = NUMBER_TEXT.exec(String(value));
  if (!match) throw new RangeError(`exactFromNumber: unexpected number text ${String(value)}`);
  const [, sign, intPart, fracPart = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fracPart.length;
  let numerator = BigInt(`${intPart}${fracPart}`);
  if (sign === '-') numerator = -numerator;
  return exponent >= 0
    ? exactFraction(numerator * 10n ** BigInt(exponent), 1n)
    : exactFraction(numerator, 10n ** BigInt(-exponent));
}

export function exactAdd(a: ExactAmount, b: ExactAmount): ExactAmount {
  if (a.denominator === b.denominator) return exactFraction(a.numerator + b.numerator, a.denominator);
  return exactFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

export function exactSubtract(a: ExactAmount, b: ExactAmount): ExactAmount {
  return exactAdd(a, { numerator: -b.numerator, denominator: b.denominator });
}

export function exactMultiply(a: ExactAmount, b: ExactAmount): ExactAmount {
  return exactFraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** a ÷ b; throws RangeError when b is zero (callers check for zero divisors first). */
export function exactDivide(a: ExactAmount, b: ExactAmount): ExactAmount {
  if (b.numerator === 0n) throw new RangeError('exactDivide: division by zero');
  return exactFraction(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** Sum of a list; EXACT_ZERO for an empty list. */
export function exactSum(values: Iterable<ExactAmount>): ExactAmount {
  let total = EXACT_ZERO;
  for (const v of values) total = exactAdd(total, v);
  return total;
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function exactCompare(a: ExactAmount, b: ExactAmount): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function exactEquals(a: ExactAmount, b: ExactAmount): boolean {
  return a.numerator === b.numerator && a.denominator === b.denominator;
}

export function exactMax(a: ExactAmount, b: ExactAmount): ExactAmount {
  return exactCompare(a, b) >= 0 ? a : b;
}

export function exactMin(a: ExactAmount, b: ExactAmount): ExactAmount {
  return exactCompare(a, b) <= 0 ? a : b;
}

/** Smallest integer ≥ a. */
export function exactCeil(a: ExactAmount): bigint {
  const quotient = a.numerator / a.denominator; // truncates toward zero
  return a.numerator > 0n && quotient * a.denominator !== a.numerator ? quotient + 1n : quotient;
}

/** a rounded to an integer multiple of 10^-decimals, halves away from zero, as a scaled integer. */
export function exactRoundScaled(a: ExactAmount, decimals: number): bigint {
  const scaled = a.numerator * 10n ** BigInt(decimals);
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const rounded = (2n * magnitude + a.denominator) / (2n * a.denominator);
  return negative ? -rounded : rounded;
}

/** Decimal text with exactly `decimals` digits after the point, halves away from zero ("12.35"). */
export function exactToFixed(a: ExactAmount, decimals: number): string {
  const scaled = exactRoundScaled(a, decimals);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** The nearest float (for ratios and hours shown to people; never fed back into sums). */
export function exactToNumber(a: ExactAmount, decimals?: number): number {
  if (decimals !== undefined) return Number(exactToFixed(a, decimals));
  const numerator = Number(a.numerator);
  const denominator = Number(a.denominator);
  return Number.isFinite(numerator) && Number.isFinite(denominator)
    ? numerator / denominator
    : Number(exactToFixed(a, 18));
}
