/**
 * Seeds as replicates. A grid axis on `scenario.spec.seed` (what `--seeds 1,2,3` adds) is not a
 * parameter to choose: no user picks "seed 3". The runs of one setting under its seeds are
 * replicates of it, and the sweep judges the setting across them:
 *   - the SLO: a setting meets it only when its run meets it under every seed; the closest setting
 *     is the one whose worst seed misses least (./slo-answer.ts);
 *   - the Pareto frontier and the printed figures: the cost, mean replicas and mean nodes are the
 *     mean over the seeds (what the setting costs on average); every other figure is the worst
 *     seed's (the highest response times, pending and under-provisioned seconds, cold starts,
 *     scale events, peaks; the lowest served share);
 *   - settings.csv: each figure's mean, minimum and maximum over the seeds, so the spread a seed
 *     makes is on the page beside the difference a setting makes.
 * A figure a seed's run lacks makes the setting's null (a cost without prices; a response time when
 * the busiest workload served nothing: that seed is the worst), except the served and dropped
 * shares: a run offered no request has none (../report/offered-share.ts), which is no failure, so
 * such a seed is left out of them and they are judged over the seeds that were offered requests
 * (null only when none was).
 * Pure: the rows in, the settings out. Without a seed axis every row is its own setting, unchanged.
 */
import type { ComparisonRow } from '../compare/comparison-row.js';
import { scenarioSpecAxis, type GridAxis } from './grid.js';
import { settingAt } from './settings.js';
import type { SweepRow } from './sweep-row.js';

/** A setting judged across its seeds: a row whose figures are the judged ones, with its runs. */
export interface SettingAcrossSeeds extends SweepRow {
  /** The seed values as written, in grid order. */
  seeds: string[];
  /** The setting's runs, one per seed, in seed order. */
  runs: SweepRow[];
}

/** The figures taken as the mean over seeds; every other number is the worst seed's. */
const MEAN_FIELDS = new Set<keyof ComparisonRow>(['costTotal', 'meanReplicas', 'meanNodes']);
/** Numbers where higher is better: the worst seed's is the lowest. */
const HIGHER_IS_BETTER = new Set<keyof ComparisonRow>(['servedPercent']);
/** Figures a run may lack (null): the cost without prices, the response times when nothing was served. */
const NULLABLE = new Set<keyof ComparisonRow>(['costTotal', 'p50Ms', 'p95Ms', 'p99Ms', 'worstP95Ms']);
/** Shares of offered requests: null in a run offered none, a seed left out rather than one that fails. */
export const OFFERED_SHARES = new Set<keyof ComparisonRow>(['servedPercent', 'droppedPercent']);

/** The values of the seeds whose runs have the share (were offered requests). */
function offeredShares(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

/**
 * The seeds' values a spread (mean, lowest, highest) runs over: for a share of offered requests
 * (`offeredShare`) those of the seeds that have it; for any other figure all of them, or none when a
 * seed lacks it.
 */
export function spreadValues(values: readonly (number | null)[], offeredShare: boolean): number[] {
  if (offeredShare) return offeredShares(values);
  return values.some((v) => v === null) ? [] : (values as number[]);
}

/** The worst seed's share among the seeds offered requests (the lowest, or with `lowerIsWorse` false the highest); null when none was. */
export function worstShare(values: readonly (number | null)[], lowerIsWorse: boolean): number | null {
  const shares = offeredShares(values);
  if (shares.length === 0) return null;
  return lowerIsWorse ? Math.min(...shares) : Math.max(...shares);
}

/** The axis that varies the seed (`scenario.spec.seed`), or -1. */
export function seedAxisIndex(axes: readonly GridAxis[]): number {
  return scenarioSpecAxis(axes, 'seed');
}

const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
/** Rounded as comparisonRow rounds its figures, so a mean prints as a run's figure does. */
const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;

/** The mean over seeds of one figure, to the four decimals a run's figures have. */
export function seedMean(values: readonly number[]): number {
  return round4(mean(values));
}

/**
 * The judged figures of runs of one setting: means for MEAN_FIELDS, the worst seed's for the rest.
 * A figure some seed's run lacks is null for the setting: a cost missing under one seed (no prices),
 * a response time missing because one seed's run served no request (the worst seed has none). The
 * served and dropped % are the worst of the seeds offered requests (null when none was).
 */
export function judgedRow(runs: readonly ComparisonRow[]): ComparisonRow {
  const first = runs[0]!;
  const out: ComparisonRow = { ...first, costByClass: {} };
  const record = out as unknown as Record<string, unknown>;
  for (const key of Object.keys(first) as (keyof ComparisonRow)[]) {
    if (typeof first[key] !== 'number' && !NULLABLE.has(key) && !OFFERED_SHARES.has(key)) continue;
    const values = runs.map((r) => r[key]);
    if (OFFERED_SHARES.has(key)) {
      record[key] = worstShare(values as (number | null)[], HIGHER_IS_BETTER.has(key));
      continue;
    }
    if (values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      record[key] = null;
      continue;
    }
    const numbers = values as number[];
    record[key] = MEAN_FIELDS.has(key) ? seedMean(numbers) : HIGHER_IS_BETTER.has(key) ? Math.min(...numbers) : Math.max(...numbers);
  }
  // The workload of the judged worst p95: that of the seed it came from (the first such seed).
  out.worstP95Workload = out.worstP95Ms === null ? null : (runs.find((r) => r.worstP95Ms === out.worstP95Ms)?.worstP95Workload ?? null);
  const classes = [...new Set(runs.flatMap((r) => Object.keys(r.costByClass)))].sort();
  for (const c of classes) out.costByClass[c] = seedMean(runs.map((r) => r.costByClass[c] ?? 0));
  return out;
}

/**
 * The settings a sweep judges: with a seed axis, one per combination of the other axes (numbered
 * in grid order, with the id a grid without the seed axis gives it); without, the rows themselves.
 */
export function settingsAcrossSeeds(axes: readonly GridAxis[], rows: readonly SweepRow[]): SweepRow[] | SettingAcrossSeeds[] {
  const seedAxis = seedAxisIndex(axes);
  if (seedAxis < 0) return [...rows];
  const others = axes.filter((_, i) => i !== seedAxis);
  const groups = new Map<string, SweepRow[]>();
  for (const r of [...rows].sort((a, b) => a.index - b.index)) {
    const key = JSON.stringify(r.values.filter((_, i) => i !== seedAxis));
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  // Rows in index order meet each combination first under the first seed, in the order of the
  // product of the other axes, so the n-th group is that product's setting n.
  return [...groups.values()].map((runs, n): SettingAcrossSeeds => {
    const seedOrder = (r: SweepRow): number => axes[seedAxis]!.values.findIndex((v) => v.text === r.values[seedAxis]);
    const ordered = [...runs].sort((a, b) => seedOrder(a) - seedOrder(b));
    const setting = settingAt(others, n);
    return {
      index: n,
      id: setting.id,
      values: ordered[0]!.values.filter((_, i) => i !== seedAxis),
      row: { ...judgedRow(ordered.map((r) => r.row)), variant: setting.id, description: setting.label },
      seeds: ordered.map((r) => r.values[seedAxis]!),
      runs: ordered,
    };
  });
}

/** The axes that are parameters of `settings`: every axis but a seed axis the settings are judged across. */
export function parameterAxes(axes: readonly GridAxis[], settings: readonly SweepRow[]): GridAxis[] {
  const seedAxis = acrossSeeds(settings) ? seedAxisIndex(axes) : -1;
  return axes.filter((_, i) => i !== seedAxis);
}

/** Whether `rows` are settings across seeds (the grid had a seed axis). */
export function acrossSeeds(rows: readonly SweepRow[]): rows is SettingAcrossSeeds[] {
  return rows.length > 0 && 'runs' in rows[0]!;
}
