/**
 * The cost report's figures as printed, footed: money in cents, per-unit costs in micro-units,
 * hours to 3 decimals, each column rounded once at the total and split over the classes, and each
 * class's over its pools, by the largest remainder (foot-tree.ts). cost.csv and summary.json (and
 * so report.md, the terminal and compare) print these, so that the pool lines add up to their
 * class line and the class lines to the total in every column, per currency and converted alike,
 * as an invoice's lines add up to its total. The exact amounts are unchanged; only their printing is.
 */
import type { Currency } from '../../cloud/types.js';
import type { CostFigure } from './cost-figure.js';
import type { CostReport } from './cost-report.js';
import type { CostRow } from './cost-rows.js';
import type { CurrencyShare } from './currency-shares.js';
import { toUsageHours, type UsageHours, type UsageIntegrals } from './cost-usage.js';
import { classPoolTree, footTree, type FootNode } from './foot-tree.js';
import { EXACT_SECONDS_PER_HOUR, exactDivide, exactFromNumber, type ExactAmount } from '../../units/exact-amount.js';

/** Decimals printed: money in cents, per-unit costs in micro-units, hours and seconds to 3. */
export const MONEY_DECIMALS = 2;
export const PER_UNIT_DECIMALS = 6;
export const TIME_DECIMALS = 3;

/** A money figure as printed: per currency, and in the report currency when converted. */
export interface FootedFigure {
  byCurrency: ReadonlyMap<Currency, string>;
  inReportCurrency: string | undefined;
}

export type FootedUsage = Record<keyof UsageHours, string>;

/** Billed time and usage as printed. */
export interface FootedTime {
  billedNodeHours: string;
  billedPodSeconds: string;
  usage: FootedUsage | undefined;
}

export interface FootedRow extends FootedTime {
  cost: FootedFigure;
  idleCost: FootedFigure | undefined;
  costPerMillionRequests: FootedFigure | undefined;
  costPerActiveUserHour: FootedFigure | undefined;
  /** The billed time and usage of the row's items in each currency (cost.csv's billed lines). */
  shares: ReadonlyMap<Currency, FootedTime>;
}

type FigureKey = 'cost' | 'idleCost' | 'costPerMillionRequests' | 'costPerActiveUserHour';
const FIGURES: readonly [FigureKey, number][] = [
  ['cost', MONEY_DECIMALS],
  ['idleCost', MONEY_DECIMALS],
  ['costPerMillionRequests', PER_UNIT_DECIMALS],
  ['costPerActiveUserHour', PER_UNIT_DECIMALS],
];
const USAGE_KEYS: readonly (keyof UsageHours)[] = [
  'cpuRequestedCoreHours',
  'cpuUsedCoreHours',
  'cpuAllocatableCoreHours',
  'memoryRequestedGibHours',
  'memoryUsedGibHours',
  'memoryAllocatableGibHours',
];

type Timed = Pick<CurrencyShare, 'billedNodeSeconds' | 'billedPodSeconds' | 'usage'>;

/** Every row of the report (pools, classes, total) with its printed figures. */
export function footCostReport(report: CostReport): Map<CostRow, FootedRow> {
  const tree = classPoolTree(report.total, report.classes, report.pools);
  const all = [report.total, ...report.classes, ...report.pools];
  const currencies = [...new Set(all.flatMap((r) => r.cost.byCurrency.map((m) => m.currency)))].sort();
  const inCurrency = (c: Currency): FootNode<CostRow> => prune(tree, (r) => r.cost.byCurrency.some((m) => m.currency === c))!;

  const figures = new Map<FigureKey, { converted: Map<CostRow, string>; byCurrency: Map<Currency, Map<CostRow, string>> }>();
  for (const [key, decimals] of FIGURES) {
    const of = (row: CostRow): CostFigure | undefined => row[key];
    figures.set(key, {
      converted: footTree(tree, (r) => of(r)?.inReportCurrency?.amount, decimals),
      byCurrency: new Map(currencies.map((c) => [c, footTree(inCurrency(c), (r) => of(r)?.byCurrency.find((m) => m.currency === c)?.amount, decimals)])),
    });
  }
  const wholeTime = footTime(tree, (r) => r);
  const shareTime = new Map(currencies.map((c) => [c, footTime(inCurrency(c), (r) => r.shares.find((s) => s.currency === c))]));

  const footed = new Map<CostRow, FootedRow>();
  for (const row of all) {
    const figure = (key: FigureKey): FootedFigure | undefined => {
      if (row[key] === undefined) return undefined;
      const f = figures.get(key)!;
      const byCurrency = new Map(row[key]!.byCurrency.map((m) => [m.currency, f.byCurrency.get(m.currency)!.get(row)!]));
      return { byCurrency, inReportCurrency: f.converted.get(row) };
    };
    footed.set(row, {
      ...wholeTime(row),
      cost: figure('cost')!,
      idleCost: figure('idleCost'),
      costPerMillionRequests: figure('costPerMillionRequests'),
      costPerActiveUserHour: figure('costPerActiveUserHour'),
      shares: new Map(row.shares.map((s) => [s.currency, shareTime.get(s.currency)!(row)])),
    });
  }
  return footed;
}

/** The tree without the rows `keep` refuses (and their children); undefined when the root goes. */
function prune(node: FootNode<CostRow>, keep: (row: CostRow) => boolean): FootNode<CostRow> | undefined {
  if (!keep(node.row)) return undefined;
  return { row: node.row, children: node.children.flatMap((c) => prune(c, keep) ?? []) };
}

/** Billed time and usage of `part(row)` footed over the tree; a function of the row. */
function footTime(tree: FootNode<CostRow>, part: (row: CostRow) => Timed | undefined): (row: CostRow) => FootedTime {
  const nodeHours = footTree(tree, (r) => maybe(part(r), (p) => exactDivide(p.billedNodeSeconds, EXACT_SECONDS_PER_HOUR)), TIME_DECIMALS);
  const podSeconds = footTree(tree, (r) => maybe(part(r), (p) => p.billedPodSeconds), TIME_DECIMALS);
  const usage = USAGE_KEYS.map((k) => footTree(tree, (r) => maybe(part(r)?.usage, (u: UsageIntegrals) => exactFromNumber(toUsageHours(u)[k])), TIME_DECIMALS));
  return (row) => ({
    billedNodeHours: nodeHours.get(row)!,
    billedPodSeconds: podSeconds.get(row)!,
    usage: part(row)?.usage === undefined ? undefined : (Object.fromEntries(USAGE_KEYS.map((k, i) => [k, usage[i]!.get(row)!])) as FootedUsage),
  });
}

function maybe<T>(value: T | undefined, f: (v: T) => ExactAmount): ExactAmount | undefined {
  return value === undefined ? undefined : f(value);
}
