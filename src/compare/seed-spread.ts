/**
 * A comparison across seeds (`scalesim compare --seeds`): every run's row (comparison-seeds.csv)
 * and, on the terminal and in report.md, how far each variant's main figures move from one seed to
 * another, the lowest to the highest, so that a difference between variants can be told from a
 * seed's. The judged rows themselves (mean cost, replicas and nodes; the worst seed's other
 * figures) come from ../sweep/replicates.ts. Pure: rows in, text out.
 */
import type { Cell } from '../report/csv-line.js';
import { padColumns, type ColumnAlign } from '../report/text-columns.js';
import { spreadValues } from '../sweep/replicates.js';
import type { ComparisonRow } from './comparison-row.js';
import { comparisonColumns } from './comparison-table.js';

/** What a judged row is, for the files and the terminal. */
export const JUDGED_ACROSS_SEEDS = "cost, mean replicas and mean nodes: the mean over the seeds; every other figure: the worst seed's (served and dropped %: of the seeds offered a request)";

/** comparison-seeds.csv: one line per variant and seed, in the variants' order, then the seeds'. */
export function seedRunsCsv(seeds: readonly number[], seedRows: readonly (readonly ComparisonRow[])[]): { header: string[]; rows: Cell[][] } {
  const columns = comparisonColumns(seedRows.flat());
  return {
    header: ['variant', 'seed', 'cost_currency', ...columns.map((c) => c.key)],
    rows: seedRows.flatMap((runs) => runs.map((r, k) => [r.variant, seeds[k]!, r.costCurrency ?? '', ...columns.map((c) => c.value(r) ?? '')])),
  };
}

interface SpreadColumn {
  header: string;
  value: (r: ComparisonRow) => number | null;
  digits: number;
  /** A share of offered requests: the spread is over the seeds offered some. */
  offeredShare?: boolean;
}

function spreadColumns(rows: readonly ComparisonRow[]): SpreadColumn[] {
  const priced = rows.every((r) => r.costTotal !== null);
  const currency = rows.find((r) => r.costCurrency !== null)?.costCurrency;
  return [
    { header: 'p95 ms', value: (r) => r.p95Ms, digits: 1 },
    priced ? { header: `cost${currency ? ` (${currency})` : ''}`, value: (r) => r.costTotal, digits: 2 } : { header: 'mean replicas', value: (r) => r.meanReplicas, digits: 2 },
    { header: 'served %', value: (r) => r.servedPercent, digits: 3, offeredShare: true },
    { header: 'pending pod-s', value: (r) => r.pendingPodSeconds, digits: 0 },
  ];
}

/**
 * The lowest–highest of `values` at `digits` (one figure when they print the same), or — when a seed
 * lacks the figure; a share of offered requests (`offeredShare`) over the seeds that have it, — when none has.
 */
function range(values: readonly (number | null)[], digits: number, offeredShare = false): string {
  const numbers = spreadValues(values, offeredShare);
  if (numbers.length === 0) return '—';
  const low = Math.min(...numbers).toFixed(digits);
  const high = Math.max(...numbers).toFixed(digits);
  return low === high ? low : `${low}–${high}`;
}

/**
 * Each variant's spread over the seeds as the terminal and report.md show it, before any padding:
 * 'variant' and the figures' headers, then a row per variant (in `seedRows`' order) with each
 * figure's lowest–highest; the variant's name is the first cell (nameColumns), the figures right-aligned.
 */
export function seedSpreadTable(seedRows: readonly (readonly ComparisonRow[])[]): { header: string[]; rows: string[][]; align: ColumnAlign[]; nameColumns: number } {
  const columns = spreadColumns(seedRows.flat());
  const header = ['variant', ...columns.map((c) => c.header)];
  const rows = seedRows.map((runs) => [runs[0]!.variant, ...columns.map((c) => range(runs.map(c.value), c.digits, c.offeredShare))]);
  return { header, rows, align: header.map((_, i): ColumnAlign => (i === 0 ? 'left' : 'right')), nameColumns: 1 };
}

/** The terminal's lines under the comparison table: what the judged rows are, and each variant's spread over the seeds. */
export function formatSeedSpread(seeds: readonly number[], seedRows: readonly (readonly ComparisonRow[])[]): string {
  const spread = seedSpreadTable(seedRows);
  const table = padColumns([spread.header, ...spread.rows], (i) => spread.align[i]!).map((cells) => cells.join('  ').trimEnd());
  return [
    `each variant across ${seeds.length} seeds (${seeds.join(', ')}): ${JUDGED_ACROSS_SEEDS}; comparison-seeds.csv has every run`,
    'across the seeds, lowest–highest:',
    ...table,
  ].join('\n');
}
