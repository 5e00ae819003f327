import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadModelSpec } from '../../src/scenario/types.js';
import {
  advanceFlow,
  capacityRpsPerPod,
  perPodCpuMillicoreSeconds,
  perPodCpuMillicores,
  type FlowParams,
  type FlowResult,
} from '../../src/load/workload-flow.js';

function params(overrides: Partial<FlowParams>): FlowParams {
  return { offeredRps: 0, readyPods: 2, capacityRpsPerPod: 10, maxBacklogRequests: 100, ...overrides };
}

type Expected = Omit<FlowResult, 'servedRequestsPerPod'>;

describe('advanceFlow', () => {
  it.each<[string, number, Partial<FlowParams>, number, Expected]>([
    [
      'underload: everything offered is served, no backlog',
      0, { offeredRps: 15 }, 10,
      { backlogRequests: 0, offeredRequests: 150, servedRequests: 150, droppedRequests: 0, saturatedSeconds: 0, fullSeconds: 0, backlogRequestSeconds: 0 },
    ],
    [
      'exactly at capacity: served, no backlog',
      0, { offeredRps: 20 }, 10,
      { backlogRequests: 0, offeredRequests: 200, servedRequests: 200, droppedRequests: 0, saturatedSeconds: 0, fullSeconds: 0, backlogRequestSeconds: 0 },
    ],
    [
      'overload: the backlog grows at λ − μ and pods serve μ',
      0, { offeredRps: 25 }, 10,
      { backlogRequests: 50, offeredRequests: 250, servedRequests: 200, droppedRequests: 0, saturatedSeconds: 10, fullSeconds: 0, backlogRequestSeconds: 250 },
    ],
    [
      'overload: the backlog hits Bmax mid-interval and the excess drops',
      20, { offeredRps: 30 }, 10,
      // fills 20→100 in 8 s (∫ = 480), then holds 100 for 2 s (∫ = 200) dropping 10/s
      { backlogRequests: 100, offeredRequests: 300, servedRequests: 200, droppedRequests: 20, saturatedSeconds: 10, fullSeconds: 2, backlogRequestSeconds: 680 },
    ],
    [
      'backlog with λ = μ holds steady',
      40, { offeredRps: 20 }, 5,
      { backlogRequests: 40, offeredRequests: 100, servedRequests: 100, droppedRequests: 0, saturatedSeconds: 5, fullSeconds: 0, backlogRequestSeconds: 200 },
    ],
    [
      'draining: the backlog shrinks at μ − λ for the whole interval',
      80, { offeredRps: 10 }, 5,
      { backlogRequests: 30, offeredRequests: 50, servedRequests: 100, droppedRequests: 0, saturatedSeconds: 5, fullSeconds: 0, backlogRequestSeconds: 275 },
    ],
    [
      'draining to 0 mid-interval: μ until empty, then λ',
      40, { offeredRps: 10 }, 10,
      // empties in 4 s serving 20/s (∫ = 80), then serves 10/s for 6 s
      { backlogRequests: 0, offeredRequests: 100, servedRequests: 140, droppedRequests: 0, saturatedSeconds: 4, fullSeconds: 0, backlogRequestSeconds: 80 },
    ],
    [
      'zero ready pods: nothing served, the backlog fills then drops',
      0, { offeredRps: 50, readyPods: 0 }, 4,
      { backlogRequests: 100, offeredRequests: 200, servedRequests: 0, droppedRequests: 100, saturatedSeconds: 4, fullSeconds: 2, backlogRequestSeconds: 300 },
    ],
    [
      'zero capacity: ready pods serve nothing, the backlog keeps its requests',
      30, { offeredRps: 0, capacityRpsPerPod: 0 }, 4,
      { backlogRequests: 30, offeredRequests: 0, servedRequests: 0, droppedRequests: 0, saturatedSeconds: 4, fullSeconds: 0, backlogRequestSeconds: 120 },
    ],
    [
      'Bmax = 0: overload is dropped at once',
      0, { offeredRps: 25, maxBacklogRequests: 0 }, 2,
      { backlogRequests: 0, offeredRequests: 50, servedRequests: 40, droppedRequests: 10, saturatedSeconds: 2, fullSeconds: 2, backlogRequestSeconds: 0 },
    ],
    [
      'unbounded capacity drains the backlog instantly',
      30, { offeredRps: 5, capacityRpsPerPod: Infinity }, 2,
      { backlogRequests: 0, offeredRequests: 10, servedRequests: 40, droppedRequests: 0, saturatedSeconds: 0, fullSeconds: 0, backlogRequestSeconds: 0 },
    ],
    [
      'a start backlog above a lowered Bmax is dropped at once',
      150, { offeredRps: 20 }, 1,
      { backlogRequests: 100, offeredRequests: 20, servedRequests: 20, droppedRequests: 50, saturatedSeconds: 1, fullSeconds: 0, backlogRequestSeconds: 100 },
    ],
    [
      'dt = 0: nothing moves',
      30, { offeredRps: 50 }, 0,
      { backlogRequests: 30, offeredRequests: 0, servedRequests: 0, droppedRequests: 0, saturatedSeconds: 0, fullSeconds: 0, backlogRequestSeconds: 0 },
    ],
  ])('%s', (_name, startBacklogRequests, overrides, dtSeconds, expected) => {
    const p = params(overrides);
    const result = advanceFlow({ backlogRequests: startBacklogRequests }, p, dtSeconds);
    for (const [key, value] of Object.entries(expected)) {
      expect(result[key as keyof Expected], key).toBeCloseTo(value, 9);
    }
    expect(result.servedRequestsPerPod).toBeCloseTo(p.readyPods > 0 ? result.servedRequests / p.readyPods : 0, 9);
  });

  it('rejects a negative interval', () => {
    expect(() => advanceFlow({ backlogRequests: 0 }, params({}), -1)).toThrow(RangeError);
  });

  it('property: conservation holds and the backlog stays within [0, Bmax]', () => {
    const nonNegative = (max: number) => fc.double({ min: 0, max, noNaN: true });
    const arbitraryCase = fc
      .record({
        offeredRps: nonNegative(1e4),
        readyPods: fc.integer({ min: 0, max: 50 }),
        capacityRpsPerPod: nonNegative(500),
        maxBacklogRequests: nonNegative(1e5),
        backlogFraction: nonNegative(1),
        dtSeconds: nonNegative(3600),
      });
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const p: FlowParams = c;
        const startBacklogRequests = c.backlogFraction * c.maxBacklogRequests;
        const r = advanceFlow({ backlogRequests: startBacklogRequests }, p, c.dtSeconds);
        const scaleRequests = r.offeredRequests + startBacklogRequests + 1;
        const imbalanceRequests = r.offeredRequests - r.servedRequests - r.droppedRequests - (r.backlogRequests - startBacklogRequests);
        expect(Math.abs(imbalanceRequests)).toBeLessThanOrEqual(1e-12 * scaleRequests);
        expect(r.backlogRequests).toBeGreaterThanOrEqual(0);
        expect(r.backlogRequests).toBeLessThanOrEqual(c.maxBacklogRequests);
        expect(r.servedRequests).toBeGreaterThanOrEqual(0);
        expect(r.droppedRequests).toBeGreaterThanOrEqual(0);
        expect(r.servedRequests).toBeLessThanOrEqual(p.readyPods * p.capacityRpsPerPod * c.dtSeconds * (1 + 1e-12) + 1e-9);
        expect(r.saturatedSeconds).toBeGreaterThanOrEqual(0);
        expect(r.saturatedSeconds).toBeLessThanOrEqual(c.dtSeconds);
        expect(r.backlogRequestSeconds).toBeLessThanOrEqual(c.maxBacklogRequests * c.dtSeconds * (1 + 1e-12));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('property: two half intervals equal one whole interval', () => {
    const arbitraryCase = fc.record({
      offeredRps: fc.double({ min: 0, max: 100, noNaN: true }),
      readyPods: fc.integer({ min: 0, max: 5 }),
      capacityRpsPerPod: fc.double({ min: 0, max: 30, noNaN: true }),
      maxBacklogRequests: fc.double({ min: 0, max: 500, noNaN: true }),
      startBacklogRequests: fc.double({ min: 0, max: 500, noNaN: true }),
      dtSeconds: fc.double({ min: 0, max: 60, noNaN: true }),
    });
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const start = { backlogRequests: Math.min(c.startBacklogRequests, c.maxBacklogRequests) };
        const whole = advanceFlow(start, c, c.dtSeconds);
        const first = advanceFlow(start, c, c.dtSeconds / 2);
        const second = advanceFlow(first, c, c.dtSeconds / 2);
        const toleranceRequests = 1e-9 * (whole.offeredRequests + start.backlogRequests + 1);
        expect(Math.abs(second.backlogRequests - whole.backlogRequests)).toBeLessThanOrEqual(toleranceRequests);
        expect(Math.abs(first.servedRequests + second.servedRequests - whole.servedRequests)).toBeLessThanOrEqual(toleranceRequests);
        const areaRequestSeconds = first.backlogRequestSeconds + second.backlogRequestSeconds;
        expect(Math.abs(areaRequestSeconds - whole.backlogRequestSeconds)).toBeLessThanOrEqual(toleranceRequests * (c.dtSeconds + 1));
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});

const SPEC: LoadModelSpec = {
  workload: 'web',
  trace: 'traffic',
  cpuMillicoreSecondsPerRequest: 20,
  baseCpuMillicores: 100,
  baseMemoryBytes: 0,
  memoryBytesPerRequestPerSecond: 0,
  maxBacklogRequests: 100,
  serviceTimeSeconds: 0.02,
};

describe('pod capacity and CPU', () => {
  it.each([
    ['derived from the CPU cap: (cap − base) / cost', SPEC, 500, 20],
    ['an explicit maxRequestsPerSecondPerPod below the CPU bound wins', { ...SPEC, maxRequestsPerSecondPerPod: 7 }, 500, 7],
    ['a throttled CPU caps an explicit maxRequestsPerSecondPerPod above the CPU bound', { ...SPEC, maxRequestsPerSecondPerPod: 70 }, 500, 20],
    ['an explicit maxRequestsPerSecondPerPod bounds free requests', { ...SPEC, cpuMillicoreSecondsPerRequest: 0, maxRequestsPerSecondPerPod: 9 }, 500, 9],
    ['a cap below the base CPU serves nothing', SPEC, 50, 0],
    ['free requests are unbounded', { ...SPEC, cpuMillicoreSecondsPerRequest: 0 }, 500, Infinity],
    ['no CPU cap is unbounded', SPEC, Infinity, Infinity],
  ])('capacityRpsPerPod: %s', (_name, spec, cpuCapMillicores, expected) => {
    expect(capacityRpsPerPod(spec, cpuCapMillicores)).toBe(expected);
  });

  it.each([
    ['idle pod uses the base CPU', 0, 1000, 100],
    ['CPU grows with cost × rate', 10, 1000, 300],
    ['CPU is capped', 100, 1000, 1000],
  ])('perPodCpuMillicores: %s', (_name, servedRpsPerPod, cpuCapMillicores, expected) => {
    expect(perPodCpuMillicores(SPEC, servedRpsPerPod, cpuCapMillicores)).toBe(expected);
  });

  it('perPodCpuMillicoreSeconds integrates the drain piece at capacity and the rest at λ / pods', () => {
    const p = params({ offeredRps: 10 });
    const flow = advanceFlow({ backlogRequests: 40 }, p, 10);
    // 4 s at 10 req/s per pod (300 m), 6 s at 5 req/s per pod (200 m)
    expect(perPodCpuMillicoreSeconds(SPEC, p, flow, 10, 1000)).toBeCloseTo(4 * 300 + 6 * 200, 9);
    // without a cap the integral is base·dt + cost·served per pod
    expect(perPodCpuMillicoreSeconds(SPEC, p, flow, 10, Infinity)).toBeCloseTo(100 * 10 + 20 * flow.servedRequestsPerPod, 9);
  });

  it('perPodCpuMillicoreSeconds clips the saturated piece at the cap', () => {
    const spec = { ...SPEC, maxRequestsPerSecondPerPod: 100 };
    const p = params({ offeredRps: 500, capacityRpsPerPod: 100 });
    const flow = advanceFlow({ backlogRequests: 0 }, p, 3);
    expect(perPodCpuMillicoreSeconds(spec, p, flow, 3, 1000)).toBe(3000);
  });
});
