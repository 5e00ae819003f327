/**
 * Rows of the cost report: one per (capacity class, pool) built from billed items, and rows that
 * combine others (a class from its pools, the total from its classes). Every combined amount is an
 * exact per-currency sum of its parts, so Σ classes = total holds exactly.
 */
import type { BillingKind } from '../../cloud/types.js';
import { makeCostFigure, scaleCostFigure, type ConversionSettings, type CostFigure } from './cost-figure.js';
import { calculateRequestedRatio, sumUsage, type UsageIntegrals } from './cost-usage.js';
import {
  EXACT_ZERO,
  EXACT_SECONDS_PER_HOUR,
  exactFraction,
  exactFromNumber,
  exactDivide,
  exactMultiply,
  exactSubtract,
  exactSum,
  type ExactAmount,
} from '../../units/exact-amount.js';
import type { Money } from './money.js';
import { calculatePoolShares, combineShares, type CurrencyShare } from './currency-shares.js';

/** Reserved, on-demand and spot nodes, and per-pod billed virtual capacity. */
export type CapacityClass = BillingKind | 'virtual';

/** Report order of the classes. */
export const CAPACITY_CLASSES: readonly CapacityClass[] = Object.freeze(['reserved', 'onDemand', 'spot', 'virtual']);

/** How tables, charts and the terminal name a class (the data files keep its key, `onDemand`). */
export const CAPACITY_CLASS_LABELS: Readonly<Record<CapacityClass, string>> = Object.freeze({ reserved: 'reserved', onDemand: 'on-demand', spot: 'spot', virtual: 'virtual' });

/** One billed node or virtual pod, as rows see it (from NodeCost / VirtualPodCost). */
export interface CostItem {
  capacityClass: CapacityClass;
  pool: string;
  cost: Money;
  /** The cost of the seconds the item existed (≤ cost; the rest is rounding, minimum, or a reserved node after deletion). */
  lifeCost: Money;
  billedSeconds: ExactAmount;
}

export interface CostRow {
  /** undefined for the total. */
  capacityClass: CapacityClass | undefined;
  /** undefined for class rows and the total. */
  pool: string | undefined;
  nodeCount: number;
  podCount: number;
  /** Billed node-seconds (node classes) and billed pod-seconds (virtual), exact. */
  billedNodeSeconds: ExactAmount;
  billedPodSeconds: ExactAmount;
  /** Σ price × billed time of the row's items. */
  cost: CostFigure;
  /** Paid-for capacity that no pod requested; undefined when the usage to judge it is missing. */
  idleCost: CostFigure | undefined;
  usage: UsageIntegrals | undefined;
  /** cost × 10^6 ÷ served requests; undefined when nothing was served. */
  costPerMillionRequests: CostFigure | undefined;
  /** cost × 3600 ÷ active-user seconds; undefined when not given or zero. */
  costPerActiveUserHour: CostFigure | undefined;
  /** The counts, billed time and usage of the items in each currency (cost.csv's per-currency lines). */
  shares: CurrencyShare[];
}

/** Conversion plus the run's denominators for per-unit costs. */
export interface RowContext extends ConversionSettings {
  servedRequests: number;
  activeUserSeconds: number | undefined;
}

/**
 * The row of one pool within one class. Idle cost = Σ items (cost − lifeCost × requestedRatio),
 * requestedRatio from calculateRequestedRatio(usage): the share of the capacity's life that pods
 * did not request (dominant resource), plus all billed time the capacity did not exist. Without
 * usage (or without allocatable in it) idle cost is undefined.
 */
export function buildPoolRow(
  capacityClass: CapacityClass,
  pool: string,
  items: readonly CostItem[],
  usage: UsageIntegrals | undefined,
  context: RowContext,
): CostRow {
  const virtual = capacityClass === 'virtual';
  const billedSeconds = exactSum(items.map((i) => i.billedSeconds));
  const ratio = usage === undefined ? undefined : calculateRequestedRatio(usage);
  const idle =
    ratio === undefined
      ? undefined
      : items.map((i) => ({
          currency: i.cost.currency,
          amount: exactSubtract(i.cost.amount, exactMultiply(i.lifeCost.amount, ratio)),
        }));
  return withPerUnitCosts(
    {
      capacityClass,
      pool,
      nodeCount: virtual ? 0 : items.length,
      podCount: virtual ? items.length : 0,
      billedNodeSeconds: virtual ? EXACT_ZERO : billedSeconds,
      billedPodSeconds: virtual ? billedSeconds : EXACT_ZERO,
      cost: makeCostFigure(items.map((i) => i.cost), context),
      idleCost: idle === undefined ? undefined : makeCostFigure(idle, context),
      usage,
      shares: calculatePoolShares(items, virtual, usage),
    },
    context,
  );
}

/**
 * A row that adds up `rows` (a class from its pool rows, the total from the class rows): counts,
 * billed seconds and costs are summed exactly per currency; idle cost and usage only when every
 * part has them (a partial sum would understate them).
 */
export function combineRows(
  capacityClass: CapacityClass | undefined,
  rows: readonly CostRow[],
  context: RowContext,
): CostRow {
  const idleParts = rows.map((r) => r.idleCost);
  const usageParts = rows.map((r) => r.usage);
  return withPerUnitCosts(
    {
      capacityClass,
      pool: undefined,
      nodeCount: rows.reduce((n, r) => n + r.nodeCount, 0),
      podCount: rows.reduce((n, r) => n + r.podCount, 0),
      billedNodeSeconds: exactSum(rows.map((r) => r.billedNodeSeconds)),
      billedPodSeconds: exactSum(rows.map((r) => r.billedPodSeconds)),
      cost: makeCostFigure(rows.flatMap((r) => r.cost.byCurrency), context),
      idleCost: allDefined(idleParts) ? makeCostFigure(idleParts.flatMap((f) => f.byCurrency), context) : undefined,
      usage: allDefined(usageParts) ? sumUsage(usageParts) : undefined,
      shares: combineShares(rows.map((r) => r.shares)),
    },
    context,
  );
}

type RowWithoutPerUnit = Omit<CostRow, 'costPerMillionRequests' | 'costPerActiveUserHour'>;

function withPerUnitCosts(row: RowWithoutPerUnit, context: RowContext): CostRow {
  const { servedRequests, activeUserSeconds } = context;
  return {
    ...row,
    costPerMillionRequests:
      servedRequests > 0
        ? scaleCostFigure(row.cost, exactDivide(exactFraction(1_000_000n, 1n), exactFromNumber(servedRequests)))
        : undefined,
    costPerActiveUserHour:
      activeUserSeconds !== undefined && activeUserSeconds > 0
        ? scaleCostFigure(row.cost, exactDivide(EXACT_SECONDS_PER_HOUR, exactFromNumber(activeUserSeconds)))
        : undefined,
  };
}

function allDefined<T>(values: readonly (T | undefined)[]): values is T[] {
  return values.every((v) => v !== undefined);
}
