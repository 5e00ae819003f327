/** The suite's fast-check seed (test/setup/fast-check-seed.ts): fixed unless FC_SEED says otherwise. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FC_SEED, fastCheckSeed } from '../setup/fast-check-seed.js';

describe('fastCheckSeed', () => {
  it.each([
    [undefined, DEFAULT_FC_SEED],
    ['', DEFAULT_FC_SEED],
    ['-1021527108', -1021527108],
    ['42', 42],
    ['random', undefined],
  ])('FC_SEED=%j → %s', (text, seed) => {
    expect(fastCheckSeed(text)).toBe(seed);
  });

  it.each([['abc'], ['1.5'], ['1e30']])('refuses FC_SEED=%j', (text) => {
    expect(() => fastCheckSeed(text)).toThrow(`FC_SEED: expected a whole number or "random", got "${text}"`);
  });
});

describe('the suite', () => {
  it('runs property tests with the seed FC_SEED asks for, the fixed one by default', () => {
    expect(fc.readConfigureGlobal().seed).toBe(fastCheckSeed(process.env.FC_SEED));
  });

  it('draws the same cases in two runs of one property', () => {
    const draw = (): number[] => {
      const seen: number[] = [];
      fc.assert(fc.property(fc.integer(), (n) => void seen.push(n)), { numRuns: 5 });
      return seen;
    };
    if (process.env.FC_SEED === 'random') return;
    expect(draw()).toEqual(draw());
  });
});
