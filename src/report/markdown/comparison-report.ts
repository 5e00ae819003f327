/**
 * report.md of a comparison: the variants side by side in one table (the caller's comparison rows,
 * as the terminal shows them, with the line saying what a mark means; or served %, p95, replicas
 * and cost per variant and workload), across seeds each variant's spread over them (as the
 * terminal shows it), each workload's figures per variant when there are several (up to 50), then
 * one chart per metric with a line per variant, and what was left out. Names (variants, their
 * descriptions, workloads) are escaped; the tables' figures and marks are shown as given.
 */
import { formatSpan } from '../charts/chart-context.js';
import type { Cell } from '../csv-line.js';
import { buildComparisonCharts, type ComparisonVariantInput } from '../charts/comparison-charts.js';
import { mermaidFileName, type RenderedReport } from '../formats/report-format.js';
import { formatChartSection } from './chart-section.js';
import { formatMarkdownTable, type Align } from './markdown-table.js';
import { escapeMarkdownText, fileLink } from './markdown-text.js';
import { formatCostFigure } from './summary-tables.js';

/** A response time in ms; "—" for a workload that served nothing (NaN in memory, null in summary.json), as the run report shows it. */
const ms = (seconds: number | null): string => (seconds === null || !Number.isFinite(seconds) ? '—' : (seconds * 1000).toFixed(1));

/** A table as the caller shows it (numbers, should any come in, are printed as JavaScript prints them; the caller gives "—" for a figure a variant lacks). */
export interface ComparisonTable {
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Each column's alignment (default: left). */
  align?: readonly Align[];
  /** A line of plain text under the table (what a mark in it means). */
  note?: string;
  /** How many leading columns hold names or descriptions (free text, escaped here); the other cells are shown as given (default 0). */
  nameColumns?: number;
}

export interface ComparisonReportInput {
  /** Heading, e.g. the comparison's name. */
  title: string;
  variants: readonly ComparisonVariantInput[];
  /** The comparison rows as the caller prints them; default: a table built from the summaries. */
  table?: ComparisonTable;
  /** Each variant's figures per workload (comparison-workloads.csv at the shown precision); shown under "Per workload" when there are several workloads. */
  workloadTable?: ComparisonTable;
  /** Files next to report.md to link (e.g. each variant's summary.json). */
  dataFiles?: readonly string[];
  /** One more paragraph under the introduction (how the figures were judged across seeds). */
  note?: string;
  /** Across seeds: the seeds and each variant's lowest–highest over them (../../compare/seed-spread.ts seedSpreadTable). */
  seedSpread?: { seeds: readonly number[]; table: ComparisonTable };
  /** The most workloads given their own charts (default DEFAULT_CHARTED_WORKLOADS; Infinity for all). */
  chartWorkloads?: number;
}

/** Per variant and workload: served %, p95, ready replicas mean / peak, the variant's total cost. */
export function defaultComparisonTable(variants: readonly ComparisonVariantInput[]): ComparisonTable {
  const header = ['variant', 'workload', 'served %', 'p95 ms', 'ready mean / peak', 'cost'];
  const rows = variants.flatMap((v) =>
    v.summary.workloads.map((w) => [
      v.name,
      w.name,
      w.servedPercent?.toFixed(3) ?? '—', // null: the workload was offered no request
      ms(w.responseTimeSeconds.p95),
      `${w.replicas.meanReady.toFixed(2)} / ${w.replicas.peakReady}`,
      formatCostFigure(v.summary.cost.total.cost),
    ]),
  );
  return { header, rows, nameColumns: 2 };
}


/** Workloads beyond this are left to comparison-workloads.csv rather than listed in report.md. */
const PER_WORKLOAD_MAX = 50;

function markdownRows(table: ComparisonTable): string {
  const names = table.nameColumns ?? 0;
  const shown = (c: Cell, i: number): string => {
    const text = typeof c === 'number' && !Number.isFinite(c) ? '' : String(c);
    return i < names ? escapeMarkdownText(text) : text;
  };
  const markdown = formatMarkdownTable(table.header, table.rows.map((r) => r.map(shown)), table.align);
  return table.note === undefined ? markdown : `${markdown}\n\n${escapeMarkdownText(table.note)}`;
}

export function renderComparisonReport(input: ComparisonReportInput): RenderedReport {
  const { charts, leftOut } = buildComparisonCharts(input.variants, input.chartWorkloads);
  const sections = charts.map(formatChartSection);
  const table = input.table ?? defaultComparisonTable(input.variants);
  const durations = [...new Set(input.variants.map((v) => formatSpan(v.summary.durationSeconds)))].join(' / ');
  const out: string[] = [
    `# scalesim comparison: ${escapeMarkdownText(input.title)}`,
    '',
    `${input.variants.length} variants (${input.variants.map((v) => escapeMarkdownText(v.name)).join(', ')}), ${durations} simulated.`,
    '',
  ];
  if (input.note !== undefined) out.push(escapeMarkdownText(input.note), '');
  if (input.dataFiles !== undefined && input.dataFiles.length > 0) out.push(`Data: ${input.dataFiles.map(fileLink).join(' · ')}`, '');
  out.push('## Side by side', '', markdownRows(table), '');
  if (input.seedSpread !== undefined) {
    const { seeds, table: spread } = input.seedSpread;
    out.push('## Across the seeds', '', `Each variant's figures over its ${seeds.length} seeds (${seeds.join(', ')}), lowest–highest (one figure where every seed's prints the same); comparison-seeds.csv has every run.`, '', markdownRows(spread), '');
  }
  const workloads = new Set(input.variants.flatMap((v) => v.summary.workloads.map((w) => w.name))).size;
  if (input.workloadTable !== undefined && workloads > 1 && workloads <= PER_WORKLOAD_MAX) {
    out.push('## Per workload', '', 'The side-by-side table sums pending pod-seconds and cold starts over the workloads and shows the busiest one\'s response times; here is each workload.', '', markdownRows(input.workloadTable), '');
  } else if (input.workloadTable !== undefined && workloads > PER_WORKLOAD_MAX) {
    out.push('## Per workload', '', `${workloads} workloads: see comparison-workloads.csv.`, '');
  }
  out.push('## Charts', '');
  for (const s of sections) out.push(s.markdown);
  if (leftOut.length > 0) out.push(...leftOut.map((l) => `- ${l}`), '');
  if (sections.length > 0) out.push(`Chart sources (Mermaid): ${sections.map((s) => fileLink(mermaidFileName(s.chart.name))).join(' · ')}`, '');
  return { markdown: `${out.join('\n').trimEnd()}\n`, charts: sections.map((s) => s.chart) };
}
