import { describe, expect, it } from 'vitest';
import { buildCostReport } from '../../../src/report/cost/cost-report.js';
import { summarizeCost } from '../../../src/report/cost/cost-summary.js';
import { makeBilling, makeNodeRecord, makeVirtualRecord } from './cost-fixtures.js';

describe('summarizeCost (summary.json cost section)', () => {
  const report = buildCostReport({
    runSeconds: 3600,
    servedRequests: 0,
    rates: [],
    reportCurrency: 'USD',
    nodes: [makeNodeRecord({ pool: 'base', billing: makeBilling({ kind: 'reserved', pricePerHour: 0.333333 }) })],
    virtualPods: [makeVirtualRecord({ pool: 'eci', startSeconds: 0, endSeconds: 100 })],
    usage: [],
  });
  const summary = summarizeCost(report);

  it('keeps currencies apart and leaves out what cannot be converted', () => {
    expect(summary.total.cost).toEqual({ byCurrency: { CNY: 0.01, USD: 0.33 } });
    expect(summary.classes.map((c) => c.capacityClass)).toEqual(['reserved', 'virtual']);
    expect(summary.classes[0]!.cost).toEqual({ byCurrency: { USD: 0.33 }, inReportCurrency: 0.33 });
    expect(summary.reportCurrency).toBe('USD');
    expect(summary.warnings).toEqual(['no rate from CNY to USD: costs stay per currency and are not converted']);
  });

  it('omits absent figures and rounds hours', () => {
    expect(summary.total).not.toHaveProperty('idleCost');
    expect(summary.total).not.toHaveProperty('costPerMillionRequests');
    expect(summary).not.toHaveProperty('activeUserSeconds');
    expect(summary.pools[0]).toMatchObject({ capacityClass: 'reserved', pool: 'base', nodeCount: 1, billedNodeHours: 1 });
    expect(summary.pools[1]).toMatchObject({ capacityClass: 'virtual', pool: 'eci', podCount: 1, billedPodSeconds: 100 });
  });

  it('is plain JSON (no bigint) and stable', () => {
    const text = JSON.stringify(summary);
    expect(JSON.parse(text)).toEqual(summary);
    expect(JSON.stringify(summarizeCost(report))).toBe(text);
  });

  it("rounds the served requests as the workloads' counts are, and divides the cost per million requests by the exact sum", () => {
    const served = (servedRequests: number) =>
      summarizeCost(
        buildCostReport({
          runSeconds: 3600,
          servedRequests,
          rates: [],
          nodes: [makeNodeRecord({ pool: 'p', billing: makeBilling({ pricePerHour: 1 }) })],
          virtualPods: [],
          usage: [],
        }),
      );
    // nasa-diurnal's float noise (a sum of fractional requests per interval): printed to thousandths.
    expect(served(37833439.999999605).servedRequests).toBe(37833440);
    expect(JSON.stringify(served(37833439.999999605))).toContain('"servedRequests":37833440,');
    const small = served(2.0004);
    expect(small.servedRequests).toBe(2);
    // 1 USD over 2.0004 requests, not over the printed 2 (500000).
    expect(small.total.costPerMillionRequests!.byCurrency['USD']).toBeCloseTo(1e6 / 2.0004, 5);
  });

  it('reportCurrency is null when none was set', () => {
    expect(summarizeCost(buildCostReport({ runSeconds: 1, servedRequests: 0, rates: [], nodes: [], virtualPods: [], usage: [] })).reportCurrency).toBeNull();
  });
});
