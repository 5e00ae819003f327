/**
 * report.md's side-by-side table reads like the terminal's: the same headers with their units (not
 * comparison.csv's keys), the same figures at each column's precision, the best of each column
 * starred and the star explained under the table, the currency in the cost header (each row's own
 * beside its figure when the variants' currencies differ), figures right-aligned; and the
 * per-workload table grouped by workload as the terminal groups it. comparison.csv keeps the raw
 * figures.
 */
import { describe, expect, it } from 'vitest';
import { comparisonCsv, comparisonReportTable, formatComparisonTable } from '../../src/compare/comparison-table.js';
import type { ComparisonWorkloadRow } from '../../src/compare/workload-rows.js';
import { comparisonWorkloadsTable, formatComparisonWorkloads } from '../../src/compare/workload-rows.js';
import { formatMarkdownTable } from '../../src/report/markdown/markdown-table.js';
import { figures } from '../helpers/comparison-rows.js';

/** Two variants like QA's nginx HPA vs KEDA run: KEDA keeps fewer mean replicas, HPA scales less often. */
const rows = [
  figures({ variant: 'base', description: 'scenario scenarios/nginx-hpa-cpu', costTotal: 5.754, costCurrency: 'CNY', p50Ms: 1.56, p95Ms: 6.75, p99Ms: 10.41, scaleEvents: 2, flapsPerHour: 0.5, meanReplicas: 1.2815 }),
  figures({ variant: 'keda', description: 'scenario scenarios/nginx-keda-cpu', costTotal: 23.006, costCurrency: 'CNY', p50Ms: 1.56, p95Ms: 6.75, p99Ms: 10.4, scaleEvents: 4, flapsPerHour: 0.5, meanReplicas: 1.2023 }),
];

/** A terminal line's cells: the columns are two or more spaces apart. */
const terminalCells = (line: string): string[] => line.trim().split(/ {2,}/);

describe("report.md's side-by-side table", () => {
  const table = comparisonReportTable(rows);

  it('has the terminal headers with their units, the currency in the cost header, and no cost_currency column', () => {
    expect(table.header).toEqual([
      'variant', 'description', 'cost total (CNY)', 'served %', 'dropped %', 'p50 ms', 'p95 ms', 'p99 ms', 'under-provisioned s', 'pending pod-s',
      'cold starts', 'scale events', 'direction changes/h', 'peak replicas', 'mean replicas', 'peak nodes', 'mean nodes',
    ]);
  });

  it('rounds each figure as the terminal does and stars the best of each column', () => {
    const cell = (variant: string, header: string): string => table.rows.find((r) => r[0] === variant)![table.header.indexOf(header)]!;
    expect(cell('base', 'mean replicas')).toBe('1.28');
    expect(cell('keda', 'mean replicas')).toBe('1.20*');
    expect(cell('base', 'cost total (CNY)')).toBe('5.75*');
    expect(cell('keda', 'cost total (CNY)')).toBe('23.01');
    expect(cell('base', 'p95 ms')).toBe('6.8*');
    // 10.41 and 10.40 ms both show as 10.4: they tie, both starred, as on the terminal.
    expect([cell('base', 'p99 ms'), cell('keda', 'p99 ms')]).toEqual(['10.4*', '10.4*']);
    expect(cell('base', 'scale events')).toBe('2*');
    expect(cell('keda', 'scale events')).toBe('4');
    expect(cell('keda', 'direction changes/h')).toBe('0.50*');
    expect(cell('keda', 'description')).toBe('scenario scenarios/nginx-keda-cpu');
    expect(table.note).toBe('* best in its column');
  });

  it('holds the terminal table cell for cell, beside each variant’s description', () => {
    const terminal = formatComparisonTable(rows).split('\n');
    expect(terminalCells(terminal[0]!)).toEqual(table.header.filter((h) => h !== 'description'));
    rows.forEach((_, i) => expect(terminalCells(terminal[i + 1]!)).toEqual(table.rows[i]!.filter((_, k) => k !== 1)));
    expect(terminal.at(-1)).toBe(table.note);
  });

  it('is a Markdown table with the figures right-aligned', () => {
    const markdown = formatMarkdownTable(table.header, table.rows, table.align).split('\n');
    expect(markdown[0]).toMatch(/^\| variant \| description \| cost total \(CNY\) \| served % \|/);
    expect(markdown[1]).toBe(`| --- | --- |${' ---: |'.repeat(table.header.length - 2)}`);
    expect(markdown[2]).toBe('| base | scenario scenarios/nginx-hpa-cpu | 5.75* | 100.000* | 0.000* | 1.6* | 6.8* | 10.4* | 0* | 0* | 0* | 2* | 0.50* | 3* | 1.28 | 1* | 1.00* |');
  });

  it('leaves comparison.csv its raw figures and keys', () => {
    const csv = comparisonCsv(rows);
    expect(csv.header.slice(0, 4)).toEqual(['variant', 'description', 'cost_currency', 'cost_total']);
    expect(csv.rows[0]![csv.header.indexOf('mean_replicas')]).toBe(1.2815);
    expect(csv.rows[0]![csv.header.indexOf('cost_currency')]).toBe('CNY');
  });

  it('shows each row’s currency beside its cost when the variants’ currencies differ, unranked', () => {
    const mixed = [figures({ variant: 'eci', costTotal: 1.92, costCurrency: 'CNY', costByClass: { reserved: 1.92 } }), figures({ variant: 'aws', costTotal: 0.42, costCurrency: 'USD', costByClass: { onDemand: 0.42 } })];
    const shown = comparisonReportTable(mixed);
    expect(shown.header.slice(2, 5)).toEqual(['cost total (CNY or USD: not ranked)', 'cost reserved (CNY or USD: not ranked)', 'cost on-demand (CNY or USD: not ranked)']);
    expect(shown.rows.map((r) => r.slice(2, 5))).toEqual([['1.92 CNY', '1.92 CNY', '0.00 CNY'], ['0.42 USD', '0.00 USD', '0.42 USD']]);
    expect(terminalCells(formatComparisonTable(mixed).split('\n')[2]!).slice(1, 4)).toEqual(['0.42 USD', '0.00 USD', '0.42 USD']);
  });
});

describe("report.md's per-workload table", () => {
  const workload = (variant: string, name: string, meanReadyReplicas: number): ComparisonWorkloadRow => ({
    variant, workload: name, servedPercent: 99.98765, droppedPercent: 0.01235, p50Ms: 40.03, p95Ms: 173.03, p99Ms: null, pendingPodSeconds: 12.345, coldStarts: 1, meanReadyReplicas, peakReadyReplicas: 3,
  });
  const rows = [workload('base', 'pause', 1.9989), workload('base', 'web', 2.9983), workload('none', 'pause', 0), workload('none', 'web', 2.9983)];

  it('groups the variants of a workload together and shows the terminal figures, right-aligned', () => {
    const table = comparisonWorkloadsTable(rows);
    expect(table.rows.map((r) => r.slice(0, 2).join(' '))).toEqual(['base pause', 'none pause', 'base web', 'none web']);
    expect(table.rows[0]).toEqual(['base', 'pause', '99.988', '0.012', '40.0', '173.0', '—', '12', '1', '2.00', '3']);
    expect(table.align).toEqual(['left', 'left', ...Array<string>(9).fill('right')]);
    const terminal = formatComparisonWorkloads(rows).split('\n');
    table.rows.forEach((r, i) => expect(terminalCells(terminal[i + 1]!)).toEqual(r));
  });
});
