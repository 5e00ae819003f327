/**
 * The worst workload's p95: the highest p95 of the workloads judged, beside the busiest workload's.
 * With a thousand workloads the busiest one's p95 says little of a small workload's; `--slo
 * "worstP95<300ms"` asks that every workload's p95 be under the bound. Rules: workloads that served
 * no request take no part (null when none served); a tie goes to the first in the summary's order;
 * the `--workload` focus narrows it; across seeds the worst seed's, with that seed's workload; the
 * CSV files always carry it, the terminal and report.md show it only where it differs from p95.
 */
import { describe, expect, it } from 'vitest';
import { comparisonRow } from '../../src/compare/comparison-row.js';
import { comparisonCsv, shownComparisonTable } from '../../src/compare/comparison-table.js';
import type { RunSummary } from '../../src/report/summary.js';
import { renderSweepReport } from '../../src/report/markdown/sweep-report.js';
import { formatAnswer, formatFrontier } from '../../src/sweep/format-sweep.js';
import { paretoFrontier } from '../../src/sweep/pareto.js';
import { judgedRow } from '../../src/sweep/replicates.js';
import { rowFiguresProblem } from '../../src/sweep/row-figures-check.js';
import { answerSlo } from '../../src/sweep/slo-answer.js';
import { meetsSlo, parseSlo } from '../../src/sweep/slo.js';
import { figures, gridAxis, sweepRows } from '../helpers/comparison-rows.js';

function workload(name: string, offered: number, p95Seconds: number) {
  return {
    name,
    offeredRequests: offered,
    servedRequests: offered,
    droppedRequests: 0,
    pendingPodSeconds: 0,
    underProvisionedSeconds: 0,
    coldStarts: { count: 0 },
    responseTimeSeconds: { p50: p95Seconds / 2, p95: p95Seconds, p99: p95Seconds * 2 },
    replicas: { peakReady: 3, meanReady: 2 },
  };
}

function summaryOf(workloads: ReturnType<typeof workload>[]): RunSummary {
  return { durationSeconds: 3600, workloads, cost: { total: { cost: { byCurrency: {} } }, classes: [], reportCurrency: null }, nodeCount: { peak: 2, mean: 1.5 } } as unknown as RunSummary;
}

const events = { scaleEvents: 0, directionChanges: 0 };
const fleet = summaryOf([workload('api', 5000, 0.05), workload('batch', 10, 0.9), workload('idle', 0, Number.NaN), workload('web', 1000, 0.2)]);

describe('comparisonRow', () => {
  it("takes the highest p95 of the workloads that served a request, and names it, beside the busiest one's", () => {
    const row = comparisonRow('v', '', fleet, events);
    expect(row.p95Ms).toBe(50);
    expect(row.worstP95Ms).toBe(900);
    expect(row.worstP95Workload).toBe('batch');
  });

  it('narrows to the --workload focus', () => {
    const row = comparisonRow('v', '', fleet, events, ['api', 'web']);
    expect([row.worstP95Ms, row.worstP95Workload]).toEqual([200, 'web']);
  });

  it('equals the p95 with one workload, is null when no workload served a request, and goes to the first on a tie', () => {
    const one = comparisonRow('v', '', summaryOf([workload('web', 100, 0.3)]), events);
    expect([one.p95Ms, one.worstP95Ms, one.worstP95Workload]).toEqual([300, 300, 'web']);
    const none = comparisonRow('v', '', summaryOf([workload('idle', 0, Number.NaN)]), events);
    expect([none.worstP95Ms, none.worstP95Workload]).toEqual([null, null]);
    const tie = comparisonRow('v', '', summaryOf([workload('b', 1, 0.4), workload('a', 2, 0.4)]), events);
    expect(tie.worstP95Workload).toBe('b');
  });

  it('is a figure merge and the resume journal check', () => {
    const row = comparisonRow('v', '', fleet, events);
    expect(rowFiguresProblem(row)).toBeUndefined();
    expect(rowFiguresProblem({ ...row, worstP95Ms: -1 })).toBe('row.worstP95Ms: expected milliseconds (0 or more), or null, got -1');
    expect(rowFiguresProblem({ ...row, worstP95Workload: 3 })).toBe('row.worstP95Workload: expected a workload name, or null, got 3');
  });
});

describe('the SLO on the worst workload', () => {
  it('parses worstP95 in ms or s and judges every workload by it', () => {
    const row = comparisonRow('v', '', fleet, events);
    expect(meetsSlo(row, parseSlo('p95<300ms'))).toBe(true);
    expect(meetsSlo(row, parseSlo('worstP95<300ms'))).toBe(false);
    expect(meetsSlo(row, parseSlo('worstP95<1s'))).toBe(true);
    expect(() => parseSlo('worstP95<3%')).toThrow(/worstP95 takes unit ms or s, got "%"/);
  });
});

describe('tables', () => {
  const alone = figures({ variant: 'a', p95Ms: 100 });
  const differs = figures({ variant: 'b', p95Ms: 100, worstP95Ms: 450, worstP95Workload: 'batch' });

  it('keeps worst_p95_ms in the CSV always, and shows it only where it differs from p95', () => {
    expect(comparisonCsv([alone]).header).toContain('worst_p95_ms');
    expect(shownComparisonTable([alone]).header).not.toContain('worst workload p95 ms');
    const table = shownComparisonTable([alone, differs]);
    const column = table.header.indexOf('worst workload p95 ms');
    expect(column).toBe(table.header.indexOf('p99 ms') + 1);
    expect(table.rows.map((r) => r[column])).toEqual(['100.0*', '450.0']);
  });

  it("puts it in the sweep's frontier and answer when some setting's differs", () => {
    const axis = gridAxis('hpa[*].targetCPU', 'HorizontalPodAutoscaler/api', ['spec', 'x'], [50, 70]);
    const rows = sweepRows([axis], ([cpu]) => (cpu === '50' ? { costTotal: 20, p95Ms: 40, worstP95Ms: 250, worstP95Workload: 'batch' } : { costTotal: 10, p95Ms: 60, worstP95Ms: 480, worstP95Workload: 'batch' }));
    const text = formatFrontier([axis], rows, paretoFrontier(rows));
    expect(text.split('\n')[1]).toBe('#  hpa[*].targetCPU  cost (USD)  p95 ms  worst workload p95 ms  served %');
    expect(text).toContain('0  50                     20.00    40.0                  250.0   100.000');
    const answer = formatAnswer(answerSlo([axis], rows, parseSlo('worstP95<300ms')));
    expect(answer).toBe('cheapest setting meeting worstP95<300ms: #0 hpa[*].targetCPU=50 (cost 20.00 USD, p95 40.0 ms, worst workload p95 250.0 ms (batch), served 100.000%); 1 of 2 settings meet it');
  });
});

describe('across seeds', () => {
  it("takes the worst seed's worst p95, with that seed's workload", () => {
    const runs = [figures({ p95Ms: 50, worstP95Ms: 300, worstP95Workload: 'web' }), figures({ p95Ms: 60, worstP95Ms: 700, worstP95Workload: 'batch' }), figures({ p95Ms: 55, worstP95Ms: 400, worstP95Workload: 'web' })];
    const judged = judgedRow(runs);
    expect([judged.p95Ms, judged.worstP95Ms, judged.worstP95Workload]).toEqual([60, 700, 'batch']);
    expect(judgedRow([runs[0]!, figures({ p95Ms: null, worstP95Ms: null, worstP95Workload: null })]).worstP95Ms).toBeNull();
  });
});

describe('sums over workloads', () => {
  it('are rounded as each workload figure is, with no binary fraction left over', () => {
    const a = { ...workload('a', 10, 0.1), underProvisionedSeconds: 0.1, pendingPodSeconds: 0.1 };
    const b = { ...workload('b', 10, 0.1), underProvisionedSeconds: 0.2, pendingPodSeconds: 0.2 };
    expect(0.1 + 0.2).not.toBe(0.3);
    const row = comparisonRow('v', '', summaryOf([a, b] as never), events);
    expect(row.underProvisionedSeconds).toBe(0.3);
    expect(row.pendingPodSeconds).toBe(0.3);
  });
});

describe('the sweep report', () => {
  it("charts the worst workload's p95 over an axis, with the SLO's bound, only when it differs from p95", () => {
    const axis = gridAxis('hpa[*].targetCPU', 'HorizontalPodAutoscaler/api', ['spec', 'x'], [50, 70]);
    const fleetRows = sweepRows([axis], ([cpu]) => (cpu === '50' ? { p95Ms: 40, worstP95Ms: 250, worstP95Workload: 'batch' } : { p95Ms: 60, worstP95Ms: 480, worstP95Workload: 'batch' }));
    const identity = { scenario: 'fleet', scalesimVersion: '0', fingerprint: 'f', seed: 1, durationSeconds: 3600, axes: [axis], settings: 2 };
    const slo = parseSlo('worstP95<300ms');
    const report = renderSweepReport({ identity, settings: fleetRows, frontier: paretoFrontier(fleetRows), answer: answerSlo([axis], fleetRows, slo), inert: [], dataFiles: [] });
    expect(report.charts.map((c) => c.name)).toEqual(['axis1-p95', 'axis1-worst-p95', 'axis1-cost']);
    const chart = report.charts[1]!.mermaid;
    expect(chart).toContain('title "worst workload p95 by hpa[*].targetCPU"');
    expect(chart).toContain('  line [300, 300]');
    expect(chart).toContain('  line [250, 480]');
    const single = sweepRows([axis], ([cpu]) => ({ p95Ms: cpu === '50' ? 40 : 60 }));
    const plain = renderSweepReport({ identity, settings: single, frontier: paretoFrontier(single), answer: null, inert: [], dataFiles: [] });
    expect(plain.charts.map((c) => c.name)).toEqual(['axis1-p95', 'axis1-cost']);
  });
});
