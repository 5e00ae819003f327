/**
 * A workload offered no request over the whole run has no served or dropped share: null in
 * summary.json (never "100% served" of nothing), "—" on the terminal, in report.md and in compare's
 * tables, an empty cell in comparison.csv and comparison-workloads.csv; it takes no part in the best
 * of those columns. compare's row is a ratio of sums over the workloads judged, so a workload offered
 * nothing beside one that was changes nothing, and the row lacks the share only when every workload
 * judged was offered nothing. Runs: nginx-hpa-cpu for 90 s (its load generator starts at 2 min) and
 * overprovisioning-ca for an hour (web offered the World Cup trace, the pause pods nothing).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRunSummary } from '../../src/cli/print-summary.js';
import { comparisonRow, type ComparisonRow } from '../../src/compare/comparison-row.js';
import { bestVariants, comparisonColumns, comparisonCsv, comparisonReportTable, formatComparisonTable } from '../../src/compare/comparison-table.js';
import { formatSeedSpread } from '../../src/compare/seed-spread.js';
import { comparisonWorkloadRows, comparisonWorkloadsCsv, comparisonWorkloadsTable, judgedWorkloadRows } from '../../src/compare/workload-rows.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { defaultComparisonTable } from '../../src/report/markdown/comparison-report.js';
import { formatWorkloadTable } from '../../src/report/markdown/summary-tables.js';
import { percentOfOffered } from '../../src/report/offered-share.js';
import type { RunSummary } from '../../src/report/summary.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { figures } from '../helpers/comparison-rows.js';
import { ROOT } from '../helpers/run-cli.js';

async function summaryOf(name: string, durationSeconds: number): Promise<RunSummary> {
  const scenario = await loadScenario(join(ROOT, 'scenarios', name), { durationSeconds });
  return runScenario(scenario, { tables: (_n, header) => new MemoryTableSink(header) }).summary;
}

const EVENTS = { scaleEvents: 0, directionChanges: 0 };

describe('percentOfOffered', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [0, 1000, 0],
    [1000, 1000, 100],
    [999.5, 1000, 99.95],
    [2, 3, 66.6667],
  ])('%d of %d offered: %s', (part, offered, expected) => {
    expect(percentOfOffered(part, offered)).toBe(expected);
  });
});

describe('nginx-hpa-cpu for 90 s: nothing offered before the load generator starts at 2 min', () => {
  let summary: RunSummary;
  beforeAll(async () => {
    summary = await summaryOf('nginx-hpa-cpu', 90);
  });

  it('has null served and dropped % in summary.json, not 100 and 0', () => {
    const w = summary.workloads[0]!;
    expect(w.offeredRequests).toBe(0);
    expect([w.servedPercent, w.droppedPercent]).toEqual([null, null]);
    const json = JSON.stringify(summary, null, 2);
    expect(json).toContain('"servedPercent": null,');
    expect(json).toContain('"droppedPercent": null,');
  });

  it('prints dashes on the terminal and in report.md, as for its response times', () => {
    const row = formatRunSummary(summary, []).find((l) => l.startsWith('nginx '))!;
    // served %, dropped %, p50, p95, p99
    expect(row.trim().split(/\s+/).slice(1, 6)).toEqual(['—', '—', '—', '—', '—']);
    expect(formatWorkloadTable(summary)).toMatch(/^\| nginx \| — \| — \| — \| — \| — \| 1 \/ 1\.00 \/ 1 \|/m);
    const table = defaultComparisonTable([{ name: 'base', summary, series: { durationSeconds: 90, columns: new Map() } }]);
    expect(table.rows[0]!.slice(2, 4)).toEqual(['—', '—']);
  });

  it("gives compare's row and per-workload row no share: empty in the CSVs, a dash and no star in the tables", () => {
    const row = comparisonRow('idle', '', summary, EVENTS);
    expect([row.servedPercent, row.droppedPercent]).toEqual([null, null]);
    const rows: ComparisonRow[] = [row, figures({ variant: 'busy', servedPercent: 99.5, droppedPercent: 0.5 })];
    const best = bestVariants(rows, comparisonColumns(rows));
    expect(best.served_percent).toEqual(['busy']);
    expect(best.dropped_percent).toEqual(['busy']);
    const csv = comparisonCsv(rows);
    const served = csv.header.indexOf('served_percent');
    expect(csv.rows.map((r) => r.slice(served, served + 2))).toEqual([['', ''], [99.5, 0.5]]);
    expect(comparisonReportTable(rows).rows[0]!.slice(served, served + 2)).toEqual(['—', '—']);
    const idle = formatComparisonTable(rows).split('\n').find((l) => l.startsWith('idle '))!;
    // variant, cost total, served %, dropped %
    expect(idle.trim().split(/\s+/).slice(2, 4)).toEqual(['—', '—']);
    // No variant has a share: no best for the column, rather than a 100 every variant ties on.
    expect(bestVariants([row], comparisonColumns([row])).served_percent).toBeUndefined();

    const perWorkload = comparisonWorkloadRows('idle', summary);
    expect([perWorkload[0]!.servedPercent, perWorkload[0]!.droppedPercent]).toEqual([null, null]);
    expect(comparisonWorkloadsCsv(perWorkload).rows[0]!.slice(2, 4)).toEqual(['', '']);
    expect(comparisonWorkloadsTable(perWorkload).rows[0]!.slice(2, 4)).toEqual(['—', '—']);
  });

  it('judged across seeds: the worst seed among those offered requests, null only when none was', () => {
    const offered: RunSummary = { ...summary, workloads: [{ ...summary.workloads[0]!, offeredRequests: 1000, servedRequests: 990, droppedRequests: 10, servedPercent: 99, droppedPercent: 1 }] };
    const judged = judgedWorkloadRows('v', [summary, offered])[0]!;
    expect([judged.servedPercent, judged.droppedPercent]).toEqual([99, 1]);
    const none = judgedWorkloadRows('v', [summary, summary])[0]!;
    expect([none.servedPercent, none.droppedPercent]).toEqual([null, null]);
    // The spread of served % over the seeds offered requests; a dash when none was.
    const idle = comparisonRow('idle', '', summary, EVENTS);
    const busy = comparisonRow('idle', '', offered, EVENTS);
    const spread = formatSeedSpread([1, 2, 3], [[idle, busy, { ...busy, servedPercent: 98.5 }], [{ ...idle, variant: 'none' }, { ...idle, variant: 'none' }, { ...idle, variant: 'none' }]]).split('\n');
    const header = spread.find((l) => l.startsWith('variant '))!.split(/\s{2,}/);
    const cell = (variant: string): string => spread.find((l) => l.startsWith(`${variant} `))!.split(/\s{2,}/)[header.indexOf('served %')]!.trim();
    expect(cell('idle')).toBe('98.500–99.000');
    expect(cell('none')).toBe('—');
  });
});

describe('overprovisioning-ca for an hour: web offered requests, the pause pods none', () => {
  let summary: RunSummary;
  beforeAll(async () => {
    summary = await summaryOf('overprovisioning-ca', 3600);
  });

  it('gives the pause pods no share and web its own', () => {
    const [pause, web] = [summary.workloads.find((w) => w.name === 'overprovisioning')!, summary.workloads.find((w) => w.name === 'web')!];
    expect(pause.offeredRequests).toBe(0);
    expect([pause.servedPercent, pause.droppedPercent]).toEqual([null, null]);
    expect(web.offeredRequests).toBeGreaterThan(0);
    expect(web.servedPercent).toBe(percentOfOffered(web.servedRequests, web.offeredRequests));
  });

  it("forms compare's share as a ratio of sums, to which the pause pods add nothing; judged alone they have none", () => {
    const web = summary.workloads.find((w) => w.name === 'web')!;
    const all = comparisonRow('v', '', summary, EVENTS);
    expect(all.servedPercent).toBe(web.servedPercent);
    expect(all.droppedPercent).toBe(web.droppedPercent);
    const pause = comparisonRow('v', '', summary, EVENTS, ['overprovisioning']);
    expect([pause.servedPercent, pause.droppedPercent]).toEqual([null, null]);
  });

  it("shows dashes for the pause pods' shares on the terminal and in report.md, web's figures beside them", () => {
    const lines = formatRunSummary(summary, []);
    expect(lines.find((l) => l.startsWith('overprovisioning '))!.trim().split(/\s+/).slice(1, 3)).toEqual(['—', '—']);
    expect(lines.find((l) => l.startsWith('web '))!.trim().split(/\s+/)[1]).toMatch(/^\d+\.\d{3}$/);
    expect(formatWorkloadTable(summary)).toMatch(/^\| overprovisioning \| — \| — \| — \| — \| — \|/m);
    expect(formatWorkloadTable(summary)).toMatch(/^\| web \| \d+\.\d{3} \| \d+\.\d{3} \|/m);
  });
});
