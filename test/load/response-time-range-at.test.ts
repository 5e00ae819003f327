/**
 * The quantile solver's inner loop evaluates a wait range's CDF and density together (rangeAt). It
 * must give the very bits uniformWaitResponseCdf and uniformWaitResponseDensity give, or the
 * summary's p50/p95/p99 would move: a property over ranges, sojourns (0 included: a step) and
 * points before, inside, at the ends of and after the range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPLETE_SOJOURNS, uniformWaitResponseCdf, uniformWaitResponseDensity } from '../../src/load/response-time.js';
import { rangeAt } from '../../src/load/response-time-mixture.js';

const seconds = fc.double({ min: 0, max: 1e4, noNaN: true, noDefaultInfinity: true });

describe('rangeAt', () => {
  it('gives the same bits as the CDF and density functions', () => {
    let tails = 0;
    fc.assert(
      fc.property(seconds, fc.double({ min: 1e-6, max: 1e3, noNaN: true }), fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 1e3, noNaN: true })), fc.oneof(fc.constant('lo'), fc.constant('hi'), fc.double({ min: -2, max: 60, noNaN: true })), (lo, width, sojourn, where) => {
        const hi = lo + width;
        if (!(hi > lo)) return;
        const x = where === 'lo' ? lo : where === 'hi' ? hi : lo + (where as number) * width;
        const inverse = sojourn > 0 ? 1 / sojourn : Infinity;
        const r = 1 / inverse;
        const z = (x - hi) / r;
        // The caller counts a range complete past COMPLETE_SOJOURNS without asking.
        if (z > COMPLETE_SOJOURNS) return;
        if (x >= hi && r > 0) tails++;
        const out = { cdf: Number.NaN, density: Number.NaN };
        rangeAt(x, lo, hi, r, z, out);
        expect(Object.is(out.cdf, uniformWaitResponseCdf(x, lo, hi, r))).toBe(true);
        expect(Object.is(out.density, uniformWaitResponseDensity(x, lo, hi, r))).toBe(true);
      }),
      { numRuns: 5000, seed: 20261124 },
    );
    // The tail branch (x at or past hi) was exercised, not only the inside.
    expect(tails).toBeGreaterThan(100);
  });
});
