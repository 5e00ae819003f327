import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactAdd,
  exactCeil,
  exactCompare,
  exactDivide,
  exactEquals,
  exactFraction,
  exactFromNumber,
  exactMultiply,
  exactSubtract,
  exactToFixed,
  exactToNumber,
} from '../../src/units/exact-amount.js';

const frac = (n: bigint, d: bigint) => exactFraction(n, d);

describe('exactFromNumber takes the decimal the number prints as', () => {
  it.each([
    [0.1, 1n, 10n],
    [0.000049, 49n, 1_000_000n],
    [0.00012252, 3063n, 25_000_000n],
    [1e-7, 1n, 10_000_000n],
    [1e21, 10n ** 21n, 1n],
    [-2.5, -5n, 2n],
    [0, 0n, 1n],
    [3600, 3600n, 1n],
  ])('%s → %s/%s', (value, numerator, denominator) => {
    expect(exactFromNumber(value)).toEqual({ numerator, denominator });
  });

  it('rejects NaN and infinities', () => {
    expect(() => exactFromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => exactFromNumber(Infinity)).toThrow(RangeError);
  });
});

describe('arithmetic is exact', () => {
  it('0.1 + 0.2 = 0.3 (no float drift)', () => {
    expect(exactEquals(exactAdd(exactFromNumber(0.1), exactFromNumber(0.2)), exactFromNumber(0.3))).toBe(true);
  });

  it('÷ 3600 then × 3600 is the identity', () => {
    const price = exactFromNumber(0.1764);
    expect(exactEquals(exactMultiply(exactDivide(price, frac(3600n, 1n)), frac(3600n, 1n)), price)).toBe(true);
  });

  it('addition is associative and subtraction undoes it (property)', () => {
    const amount = fc.tuple(fc.bigInt(-(10n ** 12n), 10n ** 12n), fc.bigInt(1n, 10n ** 9n)).map(([n, d]) => frac(n, d));
    fc.assert(
      fc.property(amount, amount, amount, (a, b, c) => {
        expect(exactAdd(exactAdd(a, b), c)).toEqual(exactAdd(a, exactAdd(b, c)));
        expect(exactSubtract(exactAdd(a, b), b)).toEqual(a);
      }),
      { seed: 41, numRuns: 300 },
    );
  });

  it.each([
    [frac(7n, 2n), 4n],
    [frac(6n, 2n), 3n],
    [frac(-7n, 2n), -3n],
    [frac(0n, 1n), 0n],
    [frac(1n, 10n ** 9n), 1n],
  ])('ceil(%o) = %s', (a, expected) => {
    expect(exactCeil(a)).toBe(expected);
  });

  it('compare orders fractions', () => {
    expect(exactCompare(frac(1n, 3n), frac(1n, 2n))).toBe(-1);
    expect(exactCompare(frac(2n, 4n), frac(1n, 2n))).toBe(0);
    expect(exactCompare(frac(-1n, 2n), frac(-1n, 3n))).toBe(-1);
  });

  it('division by zero throws', () => {
    expect(() => exactDivide(frac(1n, 1n), frac(0n, 1n))).toThrow(RangeError);
  });
});

describe('exactToFixed rounds halves away from zero', () => {
  it.each([
    [frac(5n, 1000n), 2, '0.01'],
    [frac(-5n, 1000n), 2, '-0.01'],
    [frac(4999n, 1_000_000n), 2, '0.00'],
    [frac(1n, 3n), 3, '0.333'],
    [frac(2n, 3n), 3, '0.667'],
    [frac(1234567n, 100n), 2, '12345.67'],
    [frac(7n, 1n), 0, '7'],
    [frac(-1n, 1000n), 2, '0.00'],
  ])('%o to %d decimals → %s', (a, decimals, text) => {
    expect(exactToFixed(a, decimals)).toBe(text);
  });

  it('exactToNumber gives the nearest float', () => {
    expect(exactToNumber(frac(1n, 4n))).toBe(0.25);
    expect(exactToNumber(frac(2n, 3n), 3)).toBe(0.667);
  });
});
