import { describe, expect, it } from 'vitest';
import { backlogWaitSeconds, intervalQuantileSeconds, saturatedSojournMeanSeconds, sojournMeanSeconds } from '../../src/load/response-time.js';

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

describe('backlogWaitSeconds: W = B̄ / μ', () => {
  it.each([
    // [name, mean backlog requests, total capacity rps, interval seconds, W seconds]
    ['Little-law wait on the backlog', 300, 30, undefined, 10],
    ['no capacity: the interval, not Infinity', 5, 0, 7, 7],
    ['no capacity and no interval given: 0', 5, 0, undefined, 0],
  ])('%s', (_name, meanBacklogRequests, totalCapacityRps, intervalSeconds, expected) => {
    expect(backlogWaitSeconds(meanBacklogRequests, totalCapacityRps, intervalSeconds)).toBe(expected);
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
