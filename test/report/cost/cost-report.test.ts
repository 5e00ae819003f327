import { describe, expect, it } from 'vitest';
import { buildCostReport, type CostReportInput } from '../../../src/report/cost/cost-report.js';
import type { PoolUsage } from '../../../src/report/cost/cost-usage.js';
import { exactFraction, exactFromNumber } from '../../../src/units/exact-amount.js';
import { GIB, makeBilling, makeNodeRecord, makeVirtualRecord } from './cost-fixtures.js';

const x = exactFromNumber;
const HOUR = 3600;
const RESERVED = makeBilling({ kind: 'reserved', pricePerHour: 1, currency: 'USD' });
const ON_DEMAND_HOURLY = makeBilling({ kind: 'onDemand', pricePerHour: 2, granularitySeconds: 3600, minimumSeconds: 0 });

function usage(pool: string, cpuRequestedCoreHours: number, cpuAllocatableCoreHours: number, memoryRequestedGibHours = 0, memoryAllocatableGibHours = 0): PoolUsage {
  return {
    pool,
    cpuRequestedMillicoreSeconds: cpuRequestedCoreHours * 1000 * HOUR,
    cpuUsedMillicoreSeconds: (cpuRequestedCoreHours / 2) * 1000 * HOUR,
    cpuAllocatableMillicoreSeconds: cpuAllocatableCoreHours * 1000 * HOUR,
    memoryRequestedByteSeconds: memoryRequestedGibHours * GIB * HOUR,
    memoryUsedByteSeconds: 0,
    memoryAllocatableByteSeconds: memoryAllocatableGibHours * GIB * HOUR,
  };
}

function input(over: Partial<CostReportInput>): CostReportInput {
  return { runSeconds: HOUR, nodes: [], virtualPods: [], usage: [], servedRequests: 0, rates: [], ...over };
}

describe('idle cost = cost − lifeCost × requested ÷ allocatable (dominant resource)', () => {
  it.each([
    ['a quarter of the cpu requested → three quarters idle', usage('base', 1, 4), 0.75],
    ['memory dominates: cpu 25 %, memory 50 % → half idle', usage('base', 1, 4, 8, 16), 0.5],
    ['fully requested → nothing idle', usage('base', 4, 4), 0],
    ['over-requested is capped at 1 → nothing idle', usage('base', 5, 4), 0],
  ])('reserved node, 1 USD/h, one hour: %s', (_name, poolUsage, idle) => {
    const report = buildCostReport(
      input({ nodes: [makeNodeRecord({ pool: 'base', billing: RESERVED })], usage: [poolUsage] }),
    );
    expect(report.pools[0]?.idleCost?.byCurrency).toEqual([{ currency: 'USD', amount: x(idle) }]);
  });

  it('time paid for but not lived (hourly step) is idle even when every lived second was requested', () => {
    const node = makeNodeRecord({ pool: 'burst', billing: ON_DEMAND_HOURLY, startSeconds: 0, endSeconds: 900 });
    const report = buildCostReport(input({ nodes: [node], usage: [usage('burst', 1, 1)] }));
    expect(report.pools[0]?.cost.byCurrency).toEqual([{ currency: 'USD', amount: x(2) }]);
    expect(report.pools[0]?.idleCost?.byCurrency).toEqual([{ currency: 'USD', amount: x(1.5) }]);
  });

  it('without usage there is no idle cost, and then none for the class or the total', () => {
    const report = buildCostReport(
      input({
        nodes: [makeNodeRecord({ node: 'r', pool: 'base', billing: RESERVED }), makeNodeRecord({ node: 'o', pool: 'burst', billing: ON_DEMAND_HOURLY })],
        usage: [usage('base', 1, 4)],
      }),
    );
    expect(report.classes.map((c) => c.idleCost === undefined)).toEqual([false, true]);
    expect(report.total.idleCost).toBeUndefined();
  });
});

describe('rows, currencies and warnings', () => {
  const mixed = input({
    runSeconds: 2 * HOUR,
    nodes: [
      makeNodeRecord({ node: 'r1', pool: 'base', billing: RESERVED }),
      makeNodeRecord({ node: 'o1', pool: 'burst', billing: ON_DEMAND_HOURLY, startSeconds: 600, endSeconds: 4000 }),
    ],
    virtualPods: [makeVirtualRecord({ pod: 'v1', pool: 'eci', startSeconds: 0, endSeconds: 1000 })],
    servedRequests: 2_000_000,
    activeUserSeconds: 4 * HOUR,
  });

  it('one row per class and pool; the total keeps USD and CNY apart without a rate', () => {
    const report = buildCostReport({ ...mixed, reportCurrency: 'USD' });
    expect(report.pools.map((r) => [r.capacityClass, r.pool])).toEqual([
      ['reserved', 'base'],
      ['onDemand', 'burst'],
      ['virtual', 'eci'],
    ]);
    expect(report.total.cost.byCurrency).toEqual([
      { currency: 'CNY', amount: x(0.12252) },
      { currency: 'USD', amount: x(4) },
    ]);
    expect(report.total.cost.inReportCurrency).toBeUndefined();
    expect(report.warnings).toEqual(['no rate from CNY to USD: costs stay per currency and are not converted']);
    expect(report.total.billedNodeSeconds).toEqual(x(7200 + 3600));
    expect(report.total.billedPodSeconds).toEqual(x(1000));
  });

  it('with a rate the total is also given in the report currency', () => {
    const report = buildCostReport({ ...mixed, reportCurrency: 'USD', rates: [{ from: 'USD', to: 'CNY', rate: 7 }] });
    expect(report.total.cost.inReportCurrency).toEqual({ currency: 'USD', amount: exactFraction(4n * 7n * 100000n + 12252n, 700000n) });
    expect(report.warnings).toEqual([]);
  });

  it('per-unit costs: per million served requests and per active-user hour', () => {
    const { total } = buildCostReport(mixed);
    expect(total.costPerMillionRequests?.byCurrency).toEqual([
      { currency: 'CNY', amount: x(0.06126) },
      { currency: 'USD', amount: x(2) },
    ]);
    expect(total.costPerActiveUserHour?.byCurrency).toEqual([
      { currency: 'CNY', amount: x(0.03063) },
      { currency: 'USD', amount: x(1) },
    ]);
  });

  it('warns about usage it cannot attribute: an unknown pool, and a pool billed as two classes', () => {
    const report = buildCostReport(
      input({
        nodes: [
          makeNodeRecord({ node: 'a', pool: 'mixed', billing: ON_DEMAND_HOURLY }),
          makeNodeRecord({ node: 'b', pool: 'mixed', billing: makeBilling({ kind: 'spot' }) }),
        ],
        usage: [usage('mixed', 1, 2), usage('ghost', 1, 2)],
      }),
    );
    expect(report.warnings).toEqual([
      'pool mixed is billed as onDemand and spot: its usage cannot be split between them, so its rows have no usage or idle cost',
      "usage of pool ghost has no billing records (no price): it is in no cost row, only in cost.csv's unpriced line",
    ]);
    expect(report.pools.every((r) => r.usage === undefined)).toBe(true);
  });

  it('several usage entries for one pool are added', () => {
    const report = buildCostReport(
      input({ nodes: [makeNodeRecord({ pool: 'base', billing: RESERVED })], usage: [usage('base', 1, 2), usage('base', 1, 2)] }),
    );
    expect(report.pools[0]?.usage?.cpuAllocatableMillicoreSeconds).toBe(4 * 1000 * HOUR);
  });

  it('an empty run has a zero total and no class rows', () => {
    const report = buildCostReport(input({ reportCurrency: 'EUR' }));
    expect(report.classes).toEqual([]);
    expect(report.total.cost).toEqual({ byCurrency: [], inReportCurrency: { currency: 'EUR', amount: x(0) } });
  });

  it('nodes and pods are listed in a stable order whatever the input order', () => {
    const a = buildCostReport(mixed);
    const b = buildCostReport({ ...mixed, nodes: [...mixed.nodes].reverse() });
    expect(b).toEqual(a);
  });
});
