import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  intervalQuantileSeconds,
  saturatedSojournMeanSeconds,
  sojournMeanSeconds,
  uniformWaitResponseCdf,
  uniformWaitResponseDensity,
} from '../../src/load/response-time.js';

describe('sojournMeanSeconds: R = S / (1 − ρ)', () => {
  it.each([
    // [name, served rps per pod, capacity rps per pod, S seconds, R seconds]
    ['an idle pod answers in the service time (ρ = 0 gives S)', 0, 10, 0.1, 0.1],
    ['half utilization doubles the sojourn', 5, 10, 0.1, 0.2],
    ['saturation is capped at ρ = 0.99 (R = 100·S)', 10, 10, 0.1, 10],
    ['above capacity is still capped, not negative or infinite', 50, 10, 0.1, 10],
    ['unbounded capacity means ρ = 0', 1e6, Infinity, 0.1, 0.1],
    ['a pod without capacity counts as saturated (the cap)', 3, 0, 0.1, 10],
  ])('%s', (_name, servedRpsPerPod, capacityRpsPerPod, serviceTimeSeconds, expected) => {
    const r = sojournMeanSeconds(servedRpsPerPod, capacityRpsPerPod, serviceTimeSeconds);
    expect(r).toBeCloseTo(expected, 9);
    expect(Number.isFinite(r)).toBe(true);
  });

  it('takes another cap', () => {
    expect(sojournMeanSeconds(10, 10, 1, 0.5)).toBeCloseTo(2, 12);
  });
});

describe('saturatedSojournMeanSeconds: a pod at capacity (ρ = 1, capped)', () => {
  it('is 100·S, the most sojournMeanSeconds gives, so saturation never beats near-saturation', () => {
    expect(saturatedSojournMeanSeconds(0.05)).toBeCloseTo(5, 12);
    expect(saturatedSojournMeanSeconds(0.05)).toBe(sojournMeanSeconds(20, 20, 0.05));
    expect(saturatedSojournMeanSeconds(0.05)).toBeGreaterThanOrEqual(sojournMeanSeconds(19.99, 20, 0.05));
    expect(saturatedSojournMeanSeconds(1, 0.5)).toBeCloseTo(2, 12);
  });
});

describe('uniformWaitResponseCdf: a wait uniform on [lo, hi] plus an exponential sojourn of mean R', () => {
  const e = Math.E;
  it.each([
    // [name, x, lo, hi, R, P(T ≤ x)] computed by hand from ∫ (1 − e^(−(x − w)/R)) dw / (hi − lo)
    ['nothing before the shortest wait', 0.5, 1, 3, 1, 0],
    ['inside the range: (y − 1 + e^(−y)) / δ, y = 1, δ = 2', 1, 0, 2, 1, 1 / e / 2],
    ['at the longest wait: 1 − (1 − e^(−2)) / 2', 2, 0, 2, 1, 1 - (1 - e ** -2) / 2],
    ['past it: 1 − e^(−1)(1 − e^(−2)) / 2', 3, 0, 2, 1, 1 - (e ** -1 * (1 - e ** -2)) / 2],
    ['R = 0 is the uniform itself', 0.5, 0, 2, 0, 0.25],
    ['R = 0 past the range is 1', 2.5, 0, 2, 0, 1],
    ['a range 1e-12 wide is the one-wait law 1 − e^(−(x − W)/R)', 2, 1, 1 + 1e-12, 1, 1 - e ** -1],
    ['a sojourn far shorter than the range is the uniform', 1, 0, 2, 1e-9, 0.5],
    ['40 sojourns past the range is complete', 100, 0, 2, 1, 1],
  ])('%s', (_name, x, lo, hi, r, expected) => {
    expect(uniformWaitResponseCdf(x, lo, hi, r)).toBeCloseTo(expected, 9);
  });

  it('property: matches the convolution integrated numerically, and the density is its slope', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        fc.double({ min: 1e-3, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lo, width, r, at) => {
          const hi = lo + width;
          const x = lo + at * (width + 5 * r);
          // Midpoint rule over the wait: ∫ F_exp(x − w) dw / width.
          const steps = 4000;
          let integral = 0;
          for (let k = 0; k < steps; k++) {
            const w = lo + ((k + 0.5) / steps) * width;
            integral += x > w ? -Math.expm1(-(x - w) / r) : 0;
          }
          expect(uniformWaitResponseCdf(x, lo, hi, r)).toBeCloseTo(integral / steps, 3);
          const h = 1e-6 * (width + r);
          const slope = (uniformWaitResponseCdf(x + h, lo, hi, r) - uniformWaitResponseCdf(x - h, lo, hi, r)) / (2 * h);
          expect(Math.abs(uniformWaitResponseDensity(x, lo, hi, r) - slope)).toBeLessThanOrEqual(1e-4 / width + 1e-4 / r);
        },
      ),
    );
  });
});

describe('intervalQuantileSeconds: W + R·(−ln(1 − p))', () => {
  it.each([
    ['median of an exponential is R·ln 2', 0, 1, 0.5, Math.LN2],
    ['p99 of an exponential is R·ln 100', 0, 2, 0.99, 2 * Math.log(100)],
    ['the wait shifts every quantile', 3, 1, 0.95, 3 + Math.log(20)],
    ['p = 0 is the wait', 3, 1, 0, 3],
  ])('%s', (_name, waitSeconds, sojournSeconds, p, expected) => {
    expect(intervalQuantileSeconds(waitSeconds, sojournSeconds, p)).toBeCloseTo(expected, 12);
  });
});
