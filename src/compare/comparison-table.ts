/**
 * The comparison as a table: columns with their units and which way is better, the best value of
 * each column (ties all marked), comparison.csv rows (raw figures, snake_case keys) and the table as
 * shown — headers with units, figures at their column's precision, best values starred — whose
 * cells the terminal pads into columns and report.md puts in a Markdown table (the worst
 * workload's p95 only when it differs from the busiest workload's somewhere). A figure a variant
 * does not have (null: no response time when its busiest workload served no request, no cost
 * without prices, no served or dropped % when its workloads were offered no request) takes no part
 * in choosing its column's best, is empty in comparison.csv and shows as "—" on the terminal and in
 * report.md, as the run report shows it.
 */
import { padColumns, type ColumnAlign } from '../report/text-columns.js';
import type { Cell } from '../report/csv-line.js';
import { CAPACITY_CLASS_LABELS, CAPACITY_CLASSES } from '../report/cost/cost-rows.js';
import type { ComparisonRow } from './comparison-row.js';

/** What the star after a shown figure means, printed under the table. */
export const BEST_MARK_NOTE = '* best in its column';

interface Column {
  key: string;
  /** Header with its unit. */
  header: string;
  value: (r: ComparisonRow) => number | null;
  better: 'lower' | 'higher';
  digits: number;
  /** No best is chosen: the rows' figures are in different units (costs in several currencies). */
  unranked?: boolean;
  /** The row's own unit, shown after its figure when the header cannot name one (each row's currency when they differ). */
  unitOf?: (r: ComparisonRow) => string | null;
  /** A share of offered requests: null in a run offered none, which a spread over seeds leaves out (../sweep/replicates.ts). */
  offeredShare?: boolean;
  /** Shown on the terminal and in report.md only for rows this holds for (in the CSV files always). */
  shownFor?: (rows: readonly ComparisonRow[]) => boolean;
  /** What the terminal and report.md show for a row without the figure, when not "—". */
  missingText?: (r: ComparisonRow) => string | undefined;
}

/**
 * Whether some row's worst workload p95 differs from its busiest workload's p95 as shown (one
 * decimal): rows of several workloads, where the worst is worth a column (and a sweep's chart).
 */
export function worstP95Differs(rows: readonly ComparisonRow[]): boolean {
  const shownMs = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(1));
  return rows.some((r) => shownMs(r.worstP95Ms) !== shownMs(r.p95Ms));
}

export function comparisonColumns(rows: readonly ComparisonRow[]): Column[] {
  // Variants whose costs are in different currencies (no report currency converts them) are not
  // ranked on cost: the header names the currencies and comparison.csv's cost_currency each row's.
  const currencies = [...new Set(rows.map((r) => r.costCurrency).filter((c): c is string => c !== null))];
  const mixed = currencies.length > 1;
  const unit = currencies.length === 0 ? '' : mixed ? ` (${currencies.join(' or ')}: not ranked)` : ` (${currencies[0]})`;
  const classes = CAPACITY_CLASSES.filter((c) => rows.some((r) => r.costByClass[c] !== undefined));
  const costs = mixed ? { unranked: true, unitOf: (r: ComparisonRow) => r.costCurrency } : {};
  return [
    { key: 'cost_total', header: `cost total${unit}`, value: (r) => r.costTotal, better: 'lower', digits: 2, ...costs },
    // A class a priced run has no cost in cost it nothing; an unpriced run has no figure to show.
    ...classes.map((c): Column => ({ key: `cost_${c}`, header: `cost ${CAPACITY_CLASS_LABELS[c]}${unit}`, value: (r) => (r.costTotal === null ? null : (r.costByClass[c] ?? 0)), better: 'lower', digits: 2, ...costs })),
    { key: 'served_percent', header: 'served %', value: (r) => r.servedPercent, better: 'higher', digits: 3, offeredShare: true },
    { key: 'dropped_percent', header: 'dropped %', value: (r) => r.droppedPercent, better: 'lower', digits: 3, offeredShare: true },
    { key: 'p50_ms', header: 'p50 ms', value: (r) => r.p50Ms, better: 'lower', digits: 1 },
    { key: 'p95_ms', header: 'p95 ms', value: (r) => r.p95Ms, better: 'lower', digits: 1 },
    { key: 'p99_ms', header: 'p99 ms', value: (r) => r.p99Ms, better: 'lower', digits: 1 },
    { key: 'worst_p95_ms', header: 'worst workload p95 ms', value: (r) => r.worstP95Ms, better: 'lower', digits: 1, shownFor: worstP95Differs },
    { key: 'under_provisioned_s', header: 'under-provisioned s', value: (r) => r.underProvisionedSeconds, better: 'lower', digits: 0 },
    { key: 'pending_pod_s', header: 'pending pod-s', value: (r) => r.pendingPodSeconds, better: 'lower', digits: 0 },
    { key: 'cold_starts', header: 'cold starts', value: (r) => r.coldStarts, better: 'lower', digits: 0 },
    { key: 'scale_events', header: 'scale events', value: (r) => r.scaleEvents, better: 'lower', digits: 0 },
    { key: 'flaps_per_hour', header: 'direction changes/h', value: (r) => r.flapsPerHour, better: 'lower', digits: 2 },
    { key: 'peak_replicas', header: 'peak replicas', value: (r) => r.peakReplicas, better: 'lower', digits: 0 },
    { key: 'mean_replicas', header: 'mean replicas', value: (r) => r.meanReplicas, better: 'lower', digits: 2 },
    { key: 'peak_nodes', header: 'peak nodes', value: (r) => r.peakNodes, better: 'lower', digits: 0 },
    { key: 'mean_nodes', header: 'mean nodes', value: (r) => r.meanNodes, better: 'lower', digits: 2 },
    ...rolloutColumns(rows),
  ];
}

/**
 * With rollouts in some run: the worst p95 over a rollout's stretch ("none served" when one served
 * none of the requests offered over it), the longest rollout
 * (one that did not complete counted to its supersession or the end of the run) and the rollouts
 * that did not complete (shown where some variant has one).
 */
function rolloutColumns(rows: readonly ComparisonRow[]): Column[] {
  if (!rows.some((r) => r.longestRolloutSeconds !== undefined)) return [];
  return [
    // null: some rollout's stretch was offered requests and served none (a one-pod StatefulSet's outage).
    { key: 'rollout_p95_ms', header: 'rollout p95 ms', value: (r) => r.rolloutP95Ms ?? null, better: 'lower', digits: 1, missingText: (r) => (r.rolloutP95Ms === null ? 'none served' : undefined) },
    { key: 'longest_rollout_s', header: 'longest rollout s', value: (r) => r.longestRolloutSeconds ?? null, better: 'lower', digits: 0 },
    {
      key: 'unfinished_rollouts',
      header: 'rollouts not completed',
      value: (r) => r.unfinishedRollouts ?? null,
      better: 'lower',
      digits: 0,
      shownFor: (shown) => shown.some((r) => (r.unfinishedRollouts ?? 0) > 0),
    },
  ];
}

/** A column's figure for `r`, null when the row has none (a NaN, should one come in, is none too). */
function figure(c: Column, r: ComparisonRow): number | null {
  const v = c.value(r);
  return v === null || !Number.isFinite(v) ? null : v;
}

/** A column's value at the precision it is shown with: values that print the same tie. */
function shown(c: Column, r: ComparisonRow): number | null {
  const v = figure(c, r);
  return v === null ? null : Number(v.toFixed(c.digits));
}

/** How the terminal and report.md print a figure: at the column's precision, then the row's own unit if any; "—" when there is none. */
function text(c: Column, r: ComparisonRow): string {
  const v = figure(c, r);
  if (v === null) return c.missingText?.(r) ?? '—';
  const unit = c.unitOf?.(r);
  return unit === null || unit === undefined ? v.toFixed(c.digits) : `${v.toFixed(c.digits)} ${unit}`;
}

/**
 * For each column key, the variants holding its best value, compared as shown. A variant without
 * the figure (null) takes no part: the others' best is still chosen. A column no row has a figure
 * in has no entry.
 */
export function bestVariants(rows: readonly ComparisonRow[], columns: readonly Column[]): Record<string, string[]> {
  const best: Record<string, string[]> = {};
  for (const c of columns) {
    if (c.unranked === true) continue;
    const values = rows.map((r) => shown(c, r)).filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    const target = c.better === 'lower' ? Math.min(...values) : Math.max(...values);
    best[c.key] = rows.filter((r) => shown(c, r) === target).map((r) => r.variant);
  }
  return best;
}

export function comparisonCsv(rows: readonly ComparisonRow[]): { header: string[]; rows: Cell[][] } {
  const columns = comparisonColumns(rows);
  return {
    header: ['variant', 'description', 'cost_currency', ...columns.map((c) => c.key)],
    rows: rows.map((r) => [r.variant, r.description, r.costCurrency ?? '', ...columns.map((c) => figure(c, r) ?? '')]),
  };
}

/**
 * The table as the terminal and report.md show it, before any padding: 'variant' and each column's
 * header with its unit, then one row per variant with its figures as text(), each column's best
 * starred when there is more than one variant to choose from. Same length rows: `rows[i]` is
 * `comparison[i]`'s.
 */
export function shownComparisonTable(comparison: readonly ComparisonRow[]): { header: string[]; rows: string[][] } {
  const columns = comparisonColumns(comparison).filter((c) => c.shownFor === undefined || c.shownFor(comparison));
  const best = bestVariants(comparison, columns);
  const starred = (c: Column, r: ComparisonRow): boolean => figure(c, r) !== null && comparison.length > 1 && best[c.key]?.includes(r.variant) === true;
  return {
    header: ['variant', ...columns.map((c) => c.header)],
    rows: comparison.map((r) => [r.variant, ...columns.map((c) => (starred(c, r) ? `${text(c, r)}*` : text(c, r)))]),
  };
}

/** The terminal table: shownComparisonTable padded into columns (figures right-aligned), then what the star means. */
export function formatComparisonTable(rows: readonly ComparisonRow[]): string {
  const table = shownComparisonTable(rows);
  const lines = padColumns([table.header, ...table.rows], (i) => (i === 0 ? 'left' : 'right')).map((cells) => cells.join('  '));
  return [...lines, BEST_MARK_NOTE].join('\n');
}

/**
 * report.md's side-by-side table: the terminal's (shownComparisonTable) with each variant's
 * description beside its name (the two name columns, free text that report.md escapes), figures
 * right-aligned, and what the star means as the line under it.
 */
export function comparisonReportTable(rows: readonly ComparisonRow[]): { header: string[]; rows: string[][]; align: ColumnAlign[]; note: string; nameColumns: number } {
  const table = shownComparisonTable(rows);
  const [variant, ...figures] = table.header;
  return {
    header: [variant!, 'description', ...figures],
    rows: table.rows.map(([name, ...cells], i) => [name!, rows[i]!.description, ...cells]),
    align: ['left', 'left', ...figures.map((): ColumnAlign => 'right')],
    note: BEST_MARK_NOTE,
    nameColumns: 2,
  };
}
