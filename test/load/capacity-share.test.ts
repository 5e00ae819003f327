/**
 * servedLevelRps: the common level up to which ready pods of different capacities serve a rate
 * (each pod of class k serves min(capacity_k, level)), and the per-class integrals it drives
 * (CapacityClasses.advance) against the fluid queue's served total.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { servedLevelRps } from '../../src/load/capacity-share.js';
import { advanceFlow } from '../../src/load/workload-flow.js';
import { CapacityClasses } from '../../src/engine/capacity-classes.js';
import type { CpuCaps } from '../../src/engine/capacity.js';
import type { LoadModelSpec } from '../../src/scenario/types.js';

const ascending = (capacities: number[]): number[] => [...capacities.keys()].sort((a, b) => capacities[a]! - capacities[b]!);

describe('servedLevelRps', () => {
  it.each([
    ['one capacity: the even share', 300, [3], [200], 100],
    ['the small pods below their capacity: the even share', 400, [2, 2], [400, 100], 100],
    ['the small pods full: the rest over the big ones', 500, [2, 2], [400, 100], 150],
    ['exactly full: the largest capacity', 1000, [2, 2], [400, 100], 400],
    ['more than every pod can take: Infinity', 1200, [2, 2], [400, 100], Infinity],
    ['no pods: Infinity', 10, [0, 0], [400, 100], Infinity],
    ['an empty class is skipped', 500, [2, 0, 2], [400, 50, 100], 150],
  ])('%s', (_name, served, pods, capacities, level) => {
    expect(servedLevelRps(served, pods, capacities, ascending(capacities))).toBe(level);
  });

  it('splits any rate the pods can serve exactly over them, and no pod above its capacity', () => {
    const classes = fc.array(fc.record({ pods: fc.nat(6), capacity: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(classes, fc.double({ min: 0, max: 1, noNaN: true }), (cs, fill) => {
        const pods = cs.map((c) => c.pods);
        const capacities = cs.map((c) => c.capacity);
        const total = cs.reduce((sum, c) => sum + c.pods * c.capacity, 0);
        fc.pre(total > 0);
        const served = total * fill;
        const level = servedLevelRps(served, pods, capacities, ascending(capacities));
        const split = cs.reduce((sum, c) => sum + c.pods * Math.min(c.capacity, level), 0);
        expect(split).toBeCloseTo(served, 6);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('CapacityClasses.advance', () => {
  const load = { baseCpuMillicores: 0, cpuMillicoreSecondsPerRequest: 10, baseMemoryBytes: 0, memoryBytesPerRequestPerSecond: 1, maxBacklogRequests: 1000 } as unknown as LoadModelSpec;
  const caps: CpuCaps = {
    ordinary: { cpuCapMillicores: 4000, reason: 'SmallestNodePool' },
    ordinaryReachable: true,
    byVirtualPool: new Map([['eci', { cpuCapMillicores: 1000, reason: 'VirtualPodSize' }]]),
  };

  it('gives the pods of each class, together, what the fluid queue served, and CPU 10 m per request', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(5), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2000 }), (ecs, eci, offeredRps, backlog) => {
        const classes = CapacityClasses.of(load, caps).classes!;
        classes.serving[0] = ecs;
        classes.serving[1] = eci;
        const readyPods = ecs + eci;
        const params = { offeredRps, readyPods, capacityRpsPerPod: classes.meanCapacityRps(readyPods), maxBacklogRequests: 1000 };
        const step = advanceFlow({ backlogRequests: Math.min(backlog, 1000) }, params, 7);
        classes.advance({ params, step, dtSeconds: 7 }, 1);
        // Memory at 1 byte per request/s: each integral is the requests one pod of its class served.
        const served = ecs * classes.memoryIntegrals[0]! + eci * classes.memoryIntegrals[1]!;
        expect(served).toBeCloseTo(step.servedRequests, 6);
        if (readyPods > 0) expect(ecs * classes.cpuIntegrals[0]! + eci * classes.cpuIntegrals[1]!).toBeCloseTo(10 * step.servedRequests, 4);
        // No ECI pod above its 1 vCPU over the 7 s.
        expect(classes.cpuIntegrals[1]!).toBeLessThanOrEqual(1000 * 7 + 1e-9);
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
