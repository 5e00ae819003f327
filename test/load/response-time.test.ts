import { describe, expect, it } from 'vitest';
import { intervalQuantileSeconds, intervalResponseTime, saturatedResponseTime, type IntervalResponseTimeInput } from '../../src/load/response-time.js';

function input(overrides: Partial<IntervalResponseTimeInput>): IntervalResponseTimeInput {
  return {
    servedRpsPerPod: 0,
    capacityRpsPerPod: 10,
    serviceTimeSeconds: 0.1,
    meanBacklogRequests: 0,
    totalCapacityRps: 20,
    ...overrides,
  };
}

describe('intervalResponseTime', () => {
  it.each<[string, Partial<IntervalResponseTimeInput>, { meanSeconds: number; waitSeconds: number; sojournMeanSeconds: number; unserved: boolean }]>([
    ['an idle pod answers in the service time (ρ → 0 gives S)', {}, { meanSeconds: 0.1, waitSeconds: 0, sojournMeanSeconds: 0.1, unserved: false }],
    ['half utilization doubles the sojourn: S / (1 − ρ)', { servedRpsPerPod: 5 }, { meanSeconds: 0.2, waitSeconds: 0, sojournMeanSeconds: 0.2, unserved: false }],
    ['saturation is capped at ρ = 0.99 (R = 100·S)', { servedRpsPerPod: 10 }, { meanSeconds: 10, waitSeconds: 0, sojournMeanSeconds: 10, unserved: false }],
    [
      'a backlog adds Little-law wait B̄ / μ',
      { servedRpsPerPod: 10, meanBacklogRequests: 50 },
      { meanSeconds: 12.5, waitSeconds: 2.5, sojournMeanSeconds: 10, unserved: false },
    ],
    ['unbounded capacity means ρ = 0', { servedRpsPerPod: 1e6, capacityRpsPerPod: Infinity, totalCapacityRps: Infinity }, { meanSeconds: 0.1, waitSeconds: 0, sojournMeanSeconds: 0.1, unserved: false }],
    [
      'no capacity is unserved; queued requests wait the interval, not Infinity',
      { totalCapacityRps: 0, capacityRpsPerPod: 0, meanBacklogRequests: 10, intervalSeconds: 15 },
      { meanSeconds: 25, waitSeconds: 15, sojournMeanSeconds: 10, unserved: true },
    ],
  ])('%s', (_name, overrides, expected) => {
    const result = intervalResponseTime(input(overrides));
    expect(result.meanSeconds).toBeCloseTo(expected.meanSeconds, 9);
    expect(result.waitSeconds).toBeCloseTo(expected.waitSeconds, 9);
    expect(result.sojournMeanSeconds).toBeCloseTo(expected.sojournMeanSeconds, 9);
    expect(result.unserved).toBe(expected.unserved);
    expect(Number.isFinite(result.meanSeconds)).toBe(true);
  });

  it.each([
    ['median of an exponential is R·ln 2', 0, 1, 0.5, Math.LN2],
    ['p99 of an exponential is R·ln 100', 0, 2, 0.99, 2 * Math.log(100)],
    ['the wait shifts every quantile', 3, 1, 0.95, 3 + Math.log(20)],
    ['p = 0 is the wait', 3, 1, 0, 3],
  ])('intervalQuantileSeconds: %s', (_name, waitSeconds, sojournMeanSeconds, p, expected) => {
    expect(intervalQuantileSeconds(waitSeconds, sojournMeanSeconds, p)).toBeCloseTo(expected, 12);
  });
});

describe('saturatedResponseTime', () => {
  it('puts all the queueing in the backlog: W = B / μ, then the service time', () => {
    const rt = saturatedResponseTime({ serviceTimeSeconds: 2, meanBacklogRequests: 300, totalCapacityRps: 30 });
    expect(rt).toMatchObject({ waitSeconds: 10, sojournMeanSeconds: 2, meanSeconds: 12, unserved: false });
  });

  it('reports an interval with no capacity as unserved with the interval as its wait', () => {
    const rt = saturatedResponseTime({ serviceTimeSeconds: 2, meanBacklogRequests: 5, totalCapacityRps: 0, intervalSeconds: 7 });
    expect(rt).toMatchObject({ waitSeconds: 7, unserved: true });
  });
});
