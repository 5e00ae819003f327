import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BillingKind, NodeBillingRecord } from '../../../src/cloud/types.js';
import { exactAdd, exactCompare, exactFromNumber } from '../../../src/units/exact-amount.js';
import { calculateNodeCost } from '../../../src/report/cost/node-cost.js';
import { makeBilling, makeNodeRecord } from './cost-fixtures.js';

const PER_SECOND = makeBilling({ pricePerHour: 0.36, granularitySeconds: 1, minimumSeconds: 60 });
const PER_HOUR = makeBilling({ pricePerHour: 0.36, granularitySeconds: 3600, minimumSeconds: 0 });
const SPOT_PER_HOUR = makeBilling({ kind: 'spot', pricePerHour: 0.12, granularitySeconds: 3600, minimumSeconds: 0 });
const RESERVED = makeBilling({ kind: 'reserved', pricePerHour: 0.2, granularitySeconds: 3600, minimumSeconds: 3600 });

describe('calculateNodeCost', () => {
  it.each([
    ['per second: 100 s', PER_SECOND, 0, 100, 3600, 100, 0.01, 'ExactLife'],
    ['per second: 30 s pays the 60 s minimum', PER_SECOND, 0, 30, 3600, 60, 0.006, 'MinimumBilled'],
    ['per second: a partial second is rounded up', PER_SECOND, 10, 110.2, 3600, 101, 0.0101, 'RoundedUpToGranularity'],
    ['per second: still running at the end → billed to runSeconds', PER_SECOND, 600, undefined, 3600, 3000, 0.3, 'ExactLife'],
    ['per hour: 3601 s is two started hours', PER_HOUR, 0, 3601, 7200, 7200, 0.72, 'RoundedUpToGranularity'],
    ['per hour: exactly one hour', PER_HOUR, 100, 3700, 7200, 3600, 0.36, 'ExactLife'],
    ['per hour: created and deleted at once costs nothing without a minimum', PER_HOUR, 50, 50, 7200, 0, 0, 'ExactLife'],
    ['spot per hour: 10 s is one started hour', SPOT_PER_HOUR, 0, 10, 7200, 3600, 0.12, 'RoundedUpToGranularity'],
    ['life is clipped to the run (end after run)', PER_SECOND, 3000, 9000, 3600, 600, 0.06, 'ExactLife'],
    ['life is clipped to the run (start before 0)', PER_SECOND, -100, 200, 3600, 200, 0.02, 'ExactLife'],
    ['reserved: the whole run, whatever the life', RESERVED, 0, 100, 7200, 7200, 0.4, 'ReservedUntilRunEnd'],
    ['reserved: alive to the end', RESERVED, 0, undefined, 1800, 1800, 0.1, 'ReservedUntilRunEnd'],
    ['reserved: created mid-run pays from its start to the run end, even if deleted', RESERVED, 3600, 3700, 7200, 3600, 0.2, 'ReservedUntilRunEnd'],
    ['reserved: no minimum and no granularity (prorated subscription)', RESERVED, 0, undefined, 90, 90, 0.005, 'ReservedUntilRunEnd'],
    ['reserved: created after the run ends costs nothing', RESERVED, 8000, undefined, 7200, 0, 0, 'ReservedUntilRunEnd'],
  ] as const)('%s', (_name, billing, startSeconds, endSeconds, runSeconds, billedSeconds, cost, reason) => {
    const result = calculateNodeCost(makeNodeRecord({ billing, startSeconds, endSeconds }), runSeconds);
    expect(result.billedSeconds).toEqual(exactFromNumber(billedSeconds));
    expect(result.cost).toEqual({ currency: 'USD', amount: exactFromNumber(cost) });
    expect(result.reason).toBe(reason);
  });

  it('lifeCost prices only the time the node existed', () => {
    const result = calculateNodeCost(makeNodeRecord({ billing: PER_HOUR, startSeconds: 0, endSeconds: 900 }), 7200);
    expect(result.lifeSeconds).toEqual(exactFromNumber(900));
    expect(result.lifeCost.amount).toEqual(exactFromNumber(0.09));
    expect(result.cost.amount).toEqual(exactFromNumber(0.36));
  });

  it("lifeCost starts when the node registered: its boot is billed but no capacity existed, so idle cost takes it whole", () => {
    // Requested at 0, registered after a 100 s boot, deleted at 900: billed for 900 s (hourly: 3600), existed 800 s.
    const booted = calculateNodeCost(makeNodeRecord({ billing: PER_HOUR, startSeconds: 0, joinedSeconds: 100, endSeconds: 900 }), 7200);
    expect(booted.cost.amount).toEqual(exactFromNumber(0.36));
    expect(booted.lifeCost.amount).toEqual(exactFromNumber(0.08));
    // A request that expired before the node registered: billed, never capacity.
    const expired = calculateNodeCost(makeNodeRecord({ billing: PER_HOUR, startSeconds: 0, joinedSeconds: undefined, endSeconds: 600 }), 7200);
    expect(expired.lifeCost.amount).toEqual(exactFromNumber(0));
  });
});

const tenths = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10);
const meteredBilling = fc.record({
  kind: fc.constantFrom<BillingKind>('onDemand', 'spot'),
  pricePerHour: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000),
  granularitySeconds: fc.constantFrom(1, 60, 3600),
  minimumSeconds: fc.constantFrom(0, 60, 600),
});

describe('properties', () => {
  it('metered cost is monotone in the life', () => {
    fc.assert(
      fc.property(meteredBilling, tenths(5000), tenths(5000), tenths(5000), (b, start, lifeA, lifeB) => {
        const [short, long] = lifeA <= lifeB ? [lifeA, lifeB] : [lifeB, lifeA];
        const record = (life: number): NodeBillingRecord =>
          makeNodeRecord({ billing: makeBilling(b), startSeconds: start, endSeconds: start + life });
        const a = calculateNodeCost(record(short), 20_000);
        const c = calculateNodeCost(record(long), 20_000);
        expect(exactCompare(a.cost.amount, c.cost.amount)).toBeLessThanOrEqual(0);
        expect(exactCompare(a.billedSeconds, a.lifeSeconds)).toBeGreaterThanOrEqual(0);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('splitting a run never changes a reserved node’s cost', () => {
    const scenario = fc
      .tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }))
      .map(([run, a, b]) => ({ runTenths: run, startTenths: a % (run + 1), splitTenths: b % (run + 1) }));
    const endTenths = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined });
    fc.assert(
      fc.property(scenario, endTenths, fc.integer({ min: 1, max: 10_000 }), ({ runTenths, startTenths, splitTenths }, endRaw, priceMilli) => {
        const billing = makeBilling({ kind: 'reserved', pricePerHour: priceMilli / 1000, granularitySeconds: 3600, minimumSeconds: 3600 });
        const end = endRaw === undefined ? undefined : Math.max(startTenths, endRaw);
        const record = (start: number, e: number | undefined) =>
          makeNodeRecord({ billing, startSeconds: start / 10, endSeconds: e === undefined ? undefined : e / 10 });
        const whole = calculateNodeCost(record(startTenths, end), runTenths / 10);
        const parts = [
          startTenths < splitTenths ? calculateNodeCost(record(startTenths, end), splitTenths / 10).cost.amount : exactFromNumber(0),
          calculateNodeCost(
            record(Math.max(0, startTenths - splitTenths), end === undefined ? undefined : Math.max(0, end - splitTenths)),
            (runTenths - splitTenths) / 10,
          ).cost.amount,
        ];
        expect(exactAdd(parts[0]!, parts[1]!)).toEqual(whole.cost.amount);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('a reserved node’s cost does not depend on when it is deleted', () => {
    fc.assert(
      fc.property(tenths(3600), fc.option(tenths(7200), { nil: undefined }), (start, end) => {
        const billing = makeBilling({ kind: 'reserved', pricePerHour: 0.2 });
        const a = calculateNodeCost(makeNodeRecord({ billing, startSeconds: start, endSeconds: end }), 7200);
        const b = calculateNodeCost(makeNodeRecord({ billing, startSeconds: start, endSeconds: undefined }), 7200);
        expect(a.cost).toEqual(b.cost);
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
