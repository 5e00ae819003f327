/**
 * One finished setting of a sweep: its index, id and grid values, and the comparison row of its run
 * (src/compare/comparison-row.ts: cost, SLO figures, scale events, replicas, nodes). What workers
 * send back, what the resume journal and shard parts store, what every output is built from.
 * Also the cost ordering the Pareto frontier and the SLO answer share.
 */
import type { ComparisonRow } from '../compare/comparison-row.js';
import { worstP95Differs } from '../compare/comparison-table.js';

export interface SweepRow {
  index: number;
  id: string;
  /** One value text per grid axis, in axis order. */
  values: string[];
  row: ComparisonRow;
}

/** The row's figures without compare's variant name and description (a sweep has its id and grid values instead). */
export function rowFigures(row: ComparisonRow): Omit<ComparisonRow, 'variant' | 'description'> {
  const { variant: _variant, description: _description, ...figures } = row;
  return figures;
}

/**
 * What "cost" means for a set of rows: the cost total when every row has one, else (a scenario
 * without prices) the mean replicas of the busiest workload, the resource the setting holds.
 */
export function costMeasure(rows: readonly SweepRow[]): { name: 'cost_total' | 'mean_replicas'; of: (r: SweepRow) => number } {
  if (rows.length > 0 && rows.every((r) => r.row.costTotal !== null)) return { name: 'cost_total', of: (r) => r.row.costTotal! };
  return { name: 'mean_replicas', of: (r) => r.row.meanReplicas };
}

/** Cheaper first: the cost measure, then mean replicas, mean nodes, and the setting index. */
export function cheaperFirst(rows: readonly SweepRow[]): (a: SweepRow, b: SweepRow) => number {
  const cost = costMeasure(rows);
  return (a, b) => cost.of(a) - cost.of(b) || a.row.meanReplicas - b.row.meanReplicas || a.row.meanNodes - b.row.meanNodes || a.index - b.index;
}

/** Whether some setting's worst workload p95 differs from its busiest workload's as shown (compare's worstP95Differs). */
export function showsWorstP95(rows: readonly SweepRow[]): boolean {
  return worstP95Differs(rows.map((r) => r.row));
}
