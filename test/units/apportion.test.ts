/** Largest-remainder rounding: parts that add up to their rounded whole, each within one unit of its exact value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionScaled } from '../../src/units/apportion.js';
import { exactFraction, exactFromNumber, exactRoundScaled, exactSum, type ExactAmount } from '../../src/units/exact-amount.js';

const cents = (...values: number[]): ExactAmount[] => values.map(exactFromNumber);

describe('apportionScaled', () => {
  it.each([
    // 69.0449 + 8.4830 = 77.5279 → 77.53: rounded alone they print 69.04 + 8.48 = 77.52.
    ['the cent a separate rounding loses goes to the largest remainder', 7753n, cents(69.0449, 8.483), [6905n, 848n]],
    ['equal remainders: the earlier part first', 201n, cents(1.004, 1.004), [101n, 100n]],
    ['parts that round exactly are left alone', 300n, cents(1, 2), [100n, 200n]],
    ['one part gets the whole', 1234n, cents(12.3449), [1234n]],
    ['negative parts: rounded down, then up by the largest remainders', -201n, cents(-1.004, -1.004), [-100n, -101n]],
  ])('%s', (_name, whole, parts, expected) => {
    expect(apportionScaled(whole, parts, 2)).toEqual(expected);
  });

  it('takes the decimals asked for (micro-units)', () => {
    expect(apportionScaled(6_021_972n, cents(5.3629234, 0.6590485), 6)).toEqual([5_362_923n, 659_049n]);
  });

  it('gives nothing for no parts', () => {
    expect(apportionScaled(0n, [], 2)).toEqual([]);
  });

  it('keeps the sum when the whole is not the parts’ sum, spreading the difference in whole rounds first', () => {
    expect(apportionScaled(1000n, cents(1, 2), 2)).toEqual([450n, 550n]);
    expect(apportionScaled(-7n, cents(0.011, 0.012), 2)).toEqual([-4n, -3n]);
  });

  const fraction = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n })).map(([n, d]) => exactFraction(n, d));

  it('adds up to the rounded sum of the parts, and rounds each part down or up, never further', () => {
    fc.assert(
      fc.property(fc.array(fraction, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (parts, decimals) => {
        const whole = exactRoundScaled(exactSum(parts), decimals);
        const result = apportionScaled(whole, parts, decimals);
        expect(result.reduce((a, b) => a + b, 0n)).toBe(whole);
        const scale = 10n ** BigInt(decimals);
        result.forEach((r, i) => {
          const p = parts[i]!;
          // floor(p × scale) ≤ r ≤ ceil(p × scale)
          expect(r * p.denominator <= p.numerator * scale + p.denominator - 1n).toBe(true);
          expect(r * p.denominator >= p.numerator * scale - p.denominator + 1n).toBe(true);
        });
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
