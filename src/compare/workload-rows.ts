/**
 * A comparison per workload: each variant's figures for each of its workloads (served and dropped %,
 * p50/p95/p99, pending pod-seconds, cold starts, ready replicas), beside the one row per variant of
 * comparison-row.ts, which sums pending pod-seconds and cold starts over workloads and takes the
 * busiest workload's response times. With several workloads the sum hides which one waited: pause
 * pods that hold overprovisioning headroom wait Pending by design, the web pods that preempt them
 * should not. Written as comparison-workloads.csv, under `workloads` in comparison.json, in report.md
 * and, for a few workloads, on the terminal; with --seeds, judged across the seeds.
 */
import type { Cell } from '../report/csv-line.js';
import type { RunSummary } from '../report/summary.js';
import { padColumns, type ColumnAlign } from '../report/text-columns.js';
import { seedMean, worstShare } from '../sweep/replicates.js';

export interface ComparisonWorkloadRow {
  variant: string;
  workload: string;
  /** null for a workload offered no request (../report/offered-share.ts). */
  servedPercent: number | null;
  droppedPercent: number | null;
  /** null for a workload that served no request (pause pods, say): no response time. */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  pendingPodSeconds: number;
  coldStarts: number;
  meanReadyReplicas: number;
  peakReadyReplicas: number;
}

/** At most this many workloads are printed on the terminal (every one is in the CSV and JSON). */
export const TERMINAL_WORKLOADS_MAX = 10;

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;
/** A response time in ms, or null where the summary has none (NaN in memory, null in summary.json). */
const ms = (seconds: number | null): number | null => (seconds === null || !Number.isFinite(seconds) ? null : round(seconds * 1000, 2));

export function comparisonWorkloadRows(variant: string, summary: RunSummary): ComparisonWorkloadRow[] {
  return summary.workloads.map((w) => ({
    variant,
    workload: w.name,
    servedPercent: w.servedPercent === null ? null : round(w.servedPercent, 4),
    droppedPercent: w.droppedPercent === null ? null : round(w.droppedPercent, 4),
    p50Ms: ms(w.responseTimeSeconds.p50),
    p95Ms: ms(w.responseTimeSeconds.p95),
    p99Ms: ms(w.responseTimeSeconds.p99),
    pendingPodSeconds: round(w.pendingPodSeconds, 3),
    coldStarts: w.coldStarts.count,
    meanReadyReplicas: w.replicas.meanReady,
    peakReadyReplicas: w.replicas.peakReady,
  }));
}

/**
 * A variant's per-workload rows judged across seeds, as its comparison row is
 * (../sweep/replicates.ts): the mean of mean ready; the lowest served share and the highest dropped
 * share of the seeds it was offered requests under (null when none); the highest of every other
 * figure, the worst seed's (null where some seed has none).
 */
export function judgedWorkloadRows(variant: string, summaries: readonly RunSummary[]): ComparisonWorkloadRow[] {
  const perSeed = summaries.map((s) => comparisonWorkloadRows(variant, s));
  const worst = (values: readonly (number | null)[]): number | null => (values.some((v) => v === null) ? null : Math.max(...(values as number[])));
  return perSeed[0]!.map((first, w) => {
    const runs = perSeed.map((rows) => rows[w]!);
    const of = <K extends keyof ComparisonWorkloadRow>(key: K): ComparisonWorkloadRow[K][] => runs.map((r) => r[key]);
    return {
      variant,
      workload: first.workload,
      servedPercent: worstShare(of('servedPercent'), true),
      droppedPercent: worstShare(of('droppedPercent'), false),
      p50Ms: worst(of('p50Ms')),
      p95Ms: worst(of('p95Ms')),
      p99Ms: worst(of('p99Ms')),
      pendingPodSeconds: worst(of('pendingPodSeconds'))!,
      coldStarts: worst(of('coldStarts'))!,
      meanReadyReplicas: seedMean(of('meanReadyReplicas')),
      peakReadyReplicas: worst(of('peakReadyReplicas'))!,
    };
  });
}

const COLUMNS: readonly { key: string; header: string; value: (r: ComparisonWorkloadRow) => number | null; digits: number }[] = [
  { key: 'served_percent', header: 'served %', value: (r) => r.servedPercent, digits: 3 },
  { key: 'dropped_percent', header: 'dropped %', value: (r) => r.droppedPercent, digits: 3 },
  { key: 'p50_ms', header: 'p50 ms', value: (r) => r.p50Ms, digits: 1 },
  { key: 'p95_ms', header: 'p95 ms', value: (r) => r.p95Ms, digits: 1 },
  { key: 'p99_ms', header: 'p99 ms', value: (r) => r.p99Ms, digits: 1 },
  { key: 'pending_pod_s', header: 'pending pod-s', value: (r) => r.pendingPodSeconds, digits: 0 },
  { key: 'cold_starts', header: 'cold starts', value: (r) => r.coldStarts, digits: 0 },
  { key: 'mean_ready', header: 'mean ready', value: (r) => r.meanReadyReplicas, digits: 2 },
  { key: 'peak_ready', header: 'peak ready', value: (r) => r.peakReadyReplicas, digits: 0 },
];

/** comparison-workloads.csv: one row per variant and workload, in the variants' order. */
export function comparisonWorkloadsCsv(rows: readonly ComparisonWorkloadRow[]): { header: string[]; rows: Cell[][] } {
  return { header: ['variant', 'workload', ...COLUMNS.map((c) => c.key)], rows: rows.map((r) => [r.variant, r.workload, ...COLUMNS.map((c) => c.value(r) ?? '')]) };
}

/** Variant and workload left-aligned, figures right-aligned, on the terminal and in report.md. */
const align = (column: number): ColumnAlign => (column < 2 ? 'left' : 'right');

/**
 * The rows as report.md and the terminal show them: grouped by workload so a workload's variants
 * sit together, the figures at the precision they are shown with, "—" where there is none. The
 * variant and the workload are the name columns (free text, which report.md escapes).
 */
export function comparisonWorkloadsTable(rows: readonly ComparisonWorkloadRow[]): { header: string[]; rows: string[][]; align: ColumnAlign[]; nameColumns: number } {
  const workloads = [...new Set(rows.map((r) => r.workload))];
  const byWorkload = workloads.flatMap((w) => rows.filter((r) => r.workload === w));
  const header = ['variant', 'workload', ...COLUMNS.map((c) => c.header)];
  return { header, rows: byWorkload.map((r) => [r.variant, r.workload, ...COLUMNS.map((c) => c.value(r)?.toFixed(c.digits) ?? '—')]), align: header.map((_, i) => align(i)), nameColumns: 2 };
}

/** The terminal's per-workload table: comparisonWorkloadsTable padded into columns. */
export function formatComparisonWorkloads(rows: readonly ComparisonWorkloadRow[]): string {
  const table = comparisonWorkloadsTable(rows);
  return padColumns([table.header, ...table.rows], align)
    .map((cells) => cells.join('  '))
    .join('\n');
}
