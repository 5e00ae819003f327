/**
 * The comparison as a table: columns with their units and which way is better, the best value of
 * each column (ties all marked), comparison.csv rows and the terminal table (best values starred).
 */
import { padColumns } from '../report/text-columns.js';
import type { Cell } from '../report/csv-line.js';
import type { ComparisonRow } from './comparison-row.js';

interface Column {
  key: string;
  /** Header with its unit. */
  header: string;
  value: (r: ComparisonRow) => number | null;
  better: 'lower' | 'higher';
  digits: number;
}

const CLASSES = ['reserved', 'onDemand', 'spot', 'virtual'] as const;

export function comparisonColumns(rows: readonly ComparisonRow[]): Column[] {
  const currency = rows.find((r) => r.costCurrency !== null)?.costCurrency ?? '';
  const unit = currency ? ` (${currency})` : '';
  const classes = CLASSES.filter((c) => rows.some((r) => r.costByClass[c] !== undefined));
  return [
    { key: 'cost_total', header: `cost total${unit}`, value: (r) => r.costTotal, better: 'lower', digits: 2 },
    ...classes.map((c): Column => ({ key: `cost_${c}`, header: `cost ${c}${unit}`, value: (r) => r.costByClass[c] ?? 0, better: 'lower', digits: 2 })),
    { key: 'served_percent', header: 'served %', value: (r) => r.servedPercent, better: 'higher', digits: 3 },
    { key: 'dropped_percent', header: 'dropped %', value: (r) => r.droppedPercent, better: 'lower', digits: 3 },
    { key: 'p50_ms', header: 'p50 ms', value: (r) => r.p50Ms, better: 'lower', digits: 1 },
    { key: 'p95_ms', header: 'p95 ms', value: (r) => r.p95Ms, better: 'lower', digits: 1 },
    { key: 'p99_ms', header: 'p99 ms', value: (r) => r.p99Ms, better: 'lower', digits: 1 },
    { key: 'under_provisioned_s', header: 'under-provisioned s', value: (r) => r.underProvisionedSeconds, better: 'lower', digits: 0 },
    { key: 'pending_pod_s', header: 'pending pod-s', value: (r) => r.pendingPodSeconds, better: 'lower', digits: 0 },
    { key: 'cold_starts', header: 'cold starts', value: (r) => r.coldStarts, better: 'lower', digits: 0 },
    { key: 'scale_events', header: 'scale events', value: (r) => r.scaleEvents, better: 'lower', digits: 0 },
    { key: 'flaps_per_hour', header: 'direction changes/h', value: (r) => r.flapsPerHour, better: 'lower', digits: 2 },
    { key: 'peak_replicas', header: 'peak replicas', value: (r) => r.peakReplicas, better: 'lower', digits: 0 },
    { key: 'mean_replicas', header: 'mean replicas', value: (r) => r.meanReplicas, better: 'lower', digits: 2 },
    { key: 'peak_nodes', header: 'peak nodes', value: (r) => r.peakNodes, better: 'lower', digits: 0 },
    { key: 'mean_nodes', header: 'mean nodes', value: (r) => r.meanNodes, better: 'lower', digits: 2 },
  ];
}

/** A column's value at the precision it is shown with: values that print the same tie. */
function shown(c: Column, r: ComparisonRow): number | null {
  const v = c.value(r);
  return v === null ? null : Number(v.toFixed(c.digits));
}

/** For each column key, the variants holding its best value, compared as shown (none when no row has a value). */
export function bestVariants(rows: readonly ComparisonRow[], columns: readonly Column[]): Record<string, string[]> {
  const best: Record<string, string[]> = {};
  for (const c of columns) {
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
    rows: rows.map((r) => [r.variant, r.description, r.costCurrency ?? '', ...columns.map((c) => c.value(r) ?? '')]),
  };
}

/** The terminal table: one row per variant, the best value of each column starred. */
export function formatComparisonTable(rows: readonly ComparisonRow[]): string {
  const columns = comparisonColumns(rows);
  const best = bestVariants(rows, columns);
  const header = ['variant', ...columns.map((c) => c.header)];
  const body = rows.map((r) => [
    r.variant,
    ...columns.map((c) => {
      const v = c.value(r);
      if (v === null) return '—';
      const text = v.toFixed(c.digits);
      return best[c.key]?.includes(r.variant) && rows.length > 1 ? `${text}*` : text;
    }),
  ]);
  const lines = padColumns([header, ...body], (i) => (i === 0 ? 'left' : 'right')).map((cells) => cells.join('  '));
  return [...lines, '* best in its column'].join('\n');
}
