/**
 * A compared variant without some figure — no response time when its busiest workload served no
 * request, no cost without prices — takes no part in choosing the best of that column (the others
 * still get theirs), shows "—" on the terminal and in report.md (empty in comparison.csv, null in
 * comparison.json), and, judged across seeds, lacks the figure when any seed's run does.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/compare/comparison-row.js';
import { bestVariants, comparisonColumns, comparisonCsv, comparisonReportTable, formatComparisonTable } from '../../src/compare/comparison-table.js';
import { runComparison, type ComparisonResult } from '../../src/compare/run-comparison.js';
import { formatSeedSpread, seedRunsCsv } from '../../src/compare/seed-spread.js';
import { resolveVariants } from '../../src/compare/variants.js';
import { ChartSeriesRecorder } from '../../src/report/charts/series-collector.js';
import { renderComparisonReport } from '../../src/report/markdown/comparison-report.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { judgedRow } from '../../src/sweep/replicates.js';
import { figures } from '../helpers/comparison-rows.js';
import { ROOT } from '../helpers/run-cli.js';

const NO_RESPONSE = { p50Ms: null, p95Ms: null, p99Ms: null };

/** Rows like QA's: two that served, one scaled to zero replicas that served nothing. */
const rows: ComparisonRow[] = [
  figures({ variant: 'base', p50Ms: 1.56, p95Ms: 6.75, p99Ms: 10.41, meanReplicas: 1.84 }),
  figures({ variant: 'r5', p50Ms: 1.54, p95Ms: 6.67, p99Ms: 10.25, meanReplicas: 1.97 }),
  figures({ variant: 'r0', ...NO_RESPONSE, servedPercent: 0, droppedPercent: 98.1, meanReplicas: 0 }),
];

describe('the best of a column with a variant lacking the figure', () => {
  it('is chosen among the variants that have it', () => {
    const best = bestVariants(rows, comparisonColumns(rows));
    expect(best.p50_ms).toEqual(['r5']);
    expect(best.p95_ms).toEqual(['r5']);
    expect(best.p99_ms).toEqual(['r5']);
    // The variant without response times still holds the columns it is best in.
    expect(best.mean_replicas).toEqual(['r0']);
  });

  it('is not a NaN that no value equals, should one come in', () => {
    const withNaN = [rows[0]!, rows[1]!, { ...rows[2]!, p50Ms: Number.NaN, p95Ms: Number.NaN, p99Ms: Number.NaN }];
    expect(bestVariants(withNaN, comparisonColumns(withNaN)).p95_ms).toEqual(['r5']);
    expect(formatComparisonTable(withNaN)).not.toContain('NaN');
  });

  it('is missing only when no variant has the figure', () => {
    const none = rows.map((r) => ({ ...r, ...NO_RESPONSE }));
    const best = bestVariants(none, comparisonColumns(none));
    expect(best.p95_ms).toBeUndefined();
    expect(best.served_percent).toEqual(['base', 'r5']);
  });

  it('leaves out the cost per capacity class of an unpriced variant, rather than counting it 0 and starring it', () => {
    const priced = [figures({ variant: 'a', costTotal: 10, costByClass: { spot: 4, onDemand: 6 } }), figures({ variant: 'b', costTotal: null, costCurrency: null, costByClass: {} })];
    const best = bestVariants(priced, comparisonColumns(priced));
    expect(best.cost_total).toEqual(['a']);
    expect(best.cost_spot).toEqual(['a']);
    const b = formatComparisonTable(priced).split('\n')[2]!;
    expect(b.split(/\s+/).slice(1, 4)).toEqual(['—', '—', '—']);
  });
});

describe('costs in different currencies (no report currency converts them)', () => {
  it('are shown each in its own currency and not ranked against each other', () => {
    const mixed = [figures({ variant: 'eci', costTotal: 300, costCurrency: 'CNY', costByClass: { virtual: 300 } }), figures({ variant: 'aws', costTotal: 50, costCurrency: 'USD', costByClass: { onDemand: 50 } })];
    const columns = comparisonColumns(mixed);
    expect(columns.find((c) => c.key === 'cost_total')!.header).toBe('cost total (CNY or USD: not ranked)');
    const best = bestVariants(mixed, columns);
    expect(best.cost_total).toBeUndefined();
    expect(best.cost_virtual).toBeUndefined();
    expect(best.served_percent).toEqual(['eci', 'aws']);
    expect(comparisonCsv(mixed).rows.map((r) => r.slice(2, 4))).toEqual([['CNY', 300], ['USD', 50]]);
  });
});

describe('a figure a variant lacks, shown', () => {
  it('is a dash on the terminal, unstarred, while the others keep their stars', () => {
    const lines = formatComparisonTable(rows).split('\n');
    expect(lines.join('\n')).not.toContain('NaN');
    const cells = (variant: string): string[] => lines.find((l) => l.startsWith(`${variant} `))!.trim().split(/\s+/);
    const header = lines[0]!;
    expect(header).toMatch(/p50 ms\s+p95 ms\s+p99 ms/);
    // variant, cost total, served %, dropped %, p50, p95, p99, …
    expect(cells('r0').slice(4, 7)).toEqual(['—', '—', '—']);
    expect(cells('r5').slice(4, 7)).toEqual(['1.5*', '6.7*', '10.3*']);
    expect(cells('base').slice(4, 7)).toEqual(['1.6', '6.8', '10.4']);
  });

  it('is empty in comparison.csv and a dash in report.md', () => {
    const csv = comparisonCsv(rows);
    const p95 = csv.header.indexOf('p95_ms');
    expect(csv.rows.map((r) => r[p95])).toEqual([6.75, 6.67, '']);
    const report = comparisonReportTable(rows);
    const shownP95 = report.header.indexOf('p95 ms');
    expect(report.rows.map((r) => r[shownP95])).toEqual(['6.8', '6.7*', '—']);
    expect(report.rows[2]!.slice(shownP95 - 1, shownP95 + 2)).toEqual(['—', '—', '—']);
  });
});

describe('a variant judged across seeds', () => {
  it('lacks a response time when some seed served nothing, and takes no part in its best', () => {
    const judged = judgedRow([figures({ variant: 'r0', p95Ms: 40 }), figures({ variant: 'r0', ...NO_RESPONSE })]);
    expect(judged.p95Ms).toBeNull();
    expect(judged.p50Ms).toBeNull();
    // Every seed's run without one: still none.
    expect(judgedRow([figures(NO_RESPONSE), figures(NO_RESPONSE)]).p95Ms).toBeNull();
    // A NaN, should one come in, is none too.
    expect(judgedRow([figures({ p95Ms: 40 }), figures({ p95Ms: Number.NaN })]).p95Ms).toBeNull();
    const judgedRows = [figures({ variant: 'a', p95Ms: 50 }), figures({ variant: 'b', p95Ms: 30 }), { ...judged, variant: 'r0' }];
    expect(bestVariants(judgedRows, comparisonColumns(judgedRows)).p95_ms).toEqual(['b']);
    expect(formatComparisonTable(judgedRows)).not.toContain('NaN');
  });

  it('shows a dash for its spread and leaves comparison-seeds.csv empty', () => {
    const seedRows = [
      [figures({ variant: 'a', p95Ms: 50 }), figures({ variant: 'a', p95Ms: 60 })],
      [figures({ variant: 'r0', p95Ms: 40 }), figures({ variant: 'r0', ...NO_RESPONSE })],
    ];
    const spread = formatSeedSpread([1, 2], seedRows).split('\n');
    expect(spread.find((l) => l.startsWith('a '))).toMatch(/^a\s+50\.0–60\.0/);
    expect(spread.find((l) => l.startsWith('r0 '))).toMatch(/^r0\s+—/);
    const csv = seedRunsCsv([1, 2], seedRows);
    const p95 = csv.header.indexOf('p95_ms');
    expect(csv.rows.map((r) => r[p95])).toEqual([50, 60, 40, '']);
  });
});

describe('a comparison with a variant that serves no request (QA: --variant r0="Deployment/nginx:spec.replicas=0")', () => {
  let result: ComparisonResult | undefined;
  const charts = new Map<string, ChartSeriesRecorder>();
  const run = async (): Promise<ComparisonResult> =>
    (result ??= await runComparison(resolveVariants(join(ROOT, 'scenarios', 'nginx-hpa-cpu'), ['r5=Deployment/nginx:spec.replicas=5', 'r0=Deployment/nginx:spec.replicas=0']), {
      durationSeconds: 600,
      tablesFor: (v) => {
        const recorder = new ChartSeriesRecorder();
        charts.set(v.name, recorder);
        return recorder.tables((_name, header) => new MemoryTableSink(header));
      },
    }));
  const reportVariants = (runs: ComparisonResult['runs']) => runs.map(({ variant, result: r }) => ({ name: variant.name, summary: r.summary, series: charts.get(variant.name)!.series(), billing: r.built.ledger }));

  it('gives that variant null response times, and the others their best', async () => {
    const { rows: ran } = await run();
    const r0 = ran.find((r) => r.variant === 'r0')!;
    expect(r0.servedPercent).toBe(0);
    expect([r0.p50Ms, r0.p95Ms, r0.p99Ms]).toEqual([null, null, null]);
    for (const r of ran.filter((x) => x.variant !== 'r0')) expect(r.p95Ms).toBeGreaterThan(0);
    const best = bestVariants(ran, comparisonColumns(ran));
    for (const key of ['p50_ms', 'p95_ms', 'p99_ms']) {
      expect(best[key]!.length).toBeGreaterThan(0);
      expect(best[key]).not.toContain('r0');
    }
    // comparison.json writes the figures as they are: null, not a number.
    const json = JSON.parse(JSON.stringify({ variants: ran, best })) as { variants: ComparisonRow[]; best: Record<string, string[]> };
    expect(json.variants[2]!.p95Ms).toBeNull();
    expect(json.best.p95_ms).toEqual(best.p95_ms);
    expect(formatComparisonTable(ran)).not.toContain('NaN');
  });

  it('writes report.md with a dash, not NaN nor an empty cell, for the missing response times', async () => {
    const { rows: ran, runs } = await run();
    const report = renderComparisonReport({
      title: 't',
      variants: reportVariants(runs),
      table: comparisonReportTable(ran),
    });
    const line = report.markdown.split('\n').find((l) => l.startsWith('| r0 |'))!;
    expect(line).toContain('| — | — | — |');
    expect(report.markdown).not.toContain('NaN');
    // The default table (per workload) shows a dash too.
    const fallback = renderComparisonReport({ title: 't', variants: reportVariants(runs) });
    expect(fallback.markdown).toMatch(/^\| r0 \| nginx \| 0\.000 \| — \|/m);
    expect(fallback.markdown).not.toContain('NaN');
  });
});
