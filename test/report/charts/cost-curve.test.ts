/** Cumulative cost: what the run would have cost had it stopped at t, ending at the cost report's total. */
import { describe, expect, it } from 'vitest';
import { calculateCostCurves, type BillingRecords } from '../../../src/report/charts/cost-curve.js';
import { buildCostReport } from '../../../src/report/cost/cost-report.js';
import { summarizeCost } from '../../../src/report/cost/cost-summary.js';
import { FARGATE_PRICING, makeBilling, makeNodeRecord, makeVirtualRecord } from '../cost/cost-fixtures.js';

const RUN_SECONDS = 7200;
const RECORDS: BillingRecords = {
  nodes: [
    makeNodeRecord({ node: 'r1', pool: 'base', billing: makeBilling({ kind: 'reserved', pricePerHour: 1 }) }),
    makeNodeRecord({ node: 'o1', pool: 'burst', billing: makeBilling({ pricePerHour: 2, granularitySeconds: 3600, minimumSeconds: 0 }), startSeconds: 600, endSeconds: 4000 }),
    makeNodeRecord({ node: 's1', pool: 'spot', billing: makeBilling({ kind: 'spot', pricePerHour: 0.5 }), startSeconds: 100, endSeconds: 130 }),
  ],
  virtualPods: [
    makeVirtualRecord({ pod: 'v1', startSeconds: 0, endSeconds: 1000 }),
    makeVirtualRecord({ pod: 'f1', pool: 'fargate', pricing: FARGATE_PRICING, size: { cpuMillicores: 1000, memoryBytes: 2 * 2 ** 30 }, startSeconds: 5000 }),
    // Deleted in its sandbox phase: gone at 295 s, before its image pull would have started at 300 s.
    makeVirtualRecord({ pod: 'f0', pool: 'fargate', pricing: FARGATE_PRICING, size: { cpuMillicores: 1000, memoryBytes: 2 * 2 ** 30 }, startSeconds: 300, endSeconds: 295 }),
  ],
};
const TIMES = Array.from({ length: 72 }, (_, i) => (i + 1) * 100);

describe('calculateCostCurves', () => {
  const curves = calculateCostCurves(RECORDS, TIMES);

  it('has one curve per currency and capacity class, in currency then class order', () => {
    expect(curves.map((c) => `${c.currency} ${c.capacityClass}`)).toEqual(['CNY virtual', 'USD reserved', 'USD onDemand', 'USD spot', 'USD virtual']);
  });

  it('ends at the cost report’s amount for every class', () => {
    const summary = summarizeCost(buildCostReport({ runSeconds: RUN_SECONDS, nodes: RECORDS.nodes, virtualPods: RECORDS.virtualPods, usage: [], servedRequests: 0, rates: [] }));
    for (const curve of curves) {
      const row = summary.classes.find((c) => c.capacityClass === curve.capacityClass)!;
      expect(curve.values.at(-1)).toBeCloseTo(row.cost.byCurrency[curve.currency]!, 2);
    }
  });

  it('never decreases', () => {
    for (const c of curves) expect(c.values.every((v, i) => i === 0 || v >= c.values[i - 1]! - 1e-12)).toBe(true);
  });

  it('bills a started hour at once, a minimum at the start, and nothing before a record starts', () => {
    const onDemand = curves.find((c) => c.capacityClass === 'onDemand')!.values;
    expect(onDemand[4]).toBe(0); // t = 500 s: the node starts at 600 s
    expect(onDemand[6]).toBeCloseTo(2); // t = 700 s: the first started hour, 2/h
    expect(onDemand.at(-1)).toBeCloseTo(2); // it lived 3400 s: one hour in all
    const spot = curves.find((c) => c.capacityClass === 'spot')!.values;
    expect(spot[0]).toBe(0); // t = 100 s: starts now
    expect(spot[1]).toBeCloseTo((0.5 / 3600) * 60, 10); // a 30 s life bills the 60 s minimum
    // The Fargate pod gone before its image pull started is billed nothing, not the 60 s minimum.
    const fargate = curves.find((c) => c.capacityClass === 'virtual' && c.currency === 'USD')!.values;
    expect(fargate[3]).toBe(0); // t = 400 s
    expect(fargate[48]).toBe(0); // t = 4900 s: f1 starts at 5000 s
    const reserved = curves.find((c) => c.capacityClass === 'reserved')!.values;
    expect(reserved[35]).toBeCloseTo(1); // t = 3600 s: prorated, 1/h
  });

  it('gives no curve without records', () => {
    expect(calculateCostCurves({ nodes: [], virtualPods: [] }, TIMES)).toEqual([]);
  });
});
