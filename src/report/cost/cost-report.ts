/**
 * The cost report of a run: every node and virtual pod priced exactly, grouped into rows per
 * (capacity class, pool), per class, and a total, with idle cost, usage and per-unit costs. Pure:
 * billing records, usage integrals and the user's rates in, a CostReport out.
 */
import type { Currency, NodeBillingRecord, VirtualPodBillingRecord } from '../../cloud/types.js';
import { sumUsage, type PoolUsage, type UsageIntegrals } from './cost-usage.js';
import { buildPoolRow, CAPACITY_CLASSES, combineRows, type CapacityClass, type CostItem, type CostRow, type RowContext } from './cost-rows.js';
import { findRate, type ExchangeRate } from './money.js';
import { calculateNodeCost, type NodeCost } from './node-cost.js';
import { calculateVirtualPodCost, type VirtualPodCost } from './virtual-cost.js';

export interface CostReportInput {
  runSeconds: number;
  nodes: readonly NodeBillingRecord[];
  virtualPods: readonly VirtualPodBillingRecord[];
  /** Resource integrals per pool (several entries for one pool are added). */
  usage: readonly PoolUsage[];
  servedRequests: number;
  /** Σ over time of active users × seconds, when the load model knows users. */
  activeUserSeconds?: number;
  /** The only rates conversion may use; none are looked up or guessed. */
  rates: readonly ExchangeRate[];
  /** Currency of the converted figures; without it nothing is converted. */
  reportCurrency?: Currency;
}

export interface CostReport {
  runSeconds: number;
  reportCurrency: Currency | undefined;
  servedRequests: number;
  activeUserSeconds: number | undefined;
  /** One row per (class, pool), in CAPACITY_CLASSES order, then by pool name. */
  pools: CostRow[];
  /** One row per class that has billed items, in CAPACITY_CLASSES order; each = Σ its pool rows. */
  classes: CostRow[];
  /** Σ classes, per currency (and converted when every currency has a rate). */
  total: CostRow;
  /** Every node's cost, sorted by pool then node. */
  nodes: NodeCost[];
  /** Every virtual pod's cost, sorted by pool then pod. */
  virtualPods: VirtualPodCost[];
  /**
   * Pools with usage but no billing record (no price in the scenario), sorted by name: their usage, in no
   * cost row (cost.csv gives each a line of basis "unpriced", money cells empty).
   */
  unpriced: { pool: string; usage: UsageIntegrals }[];
  /** Things the report could not attribute or convert, sorted. */
  warnings: string[];
}

/**
 * Prices every record over [0, runSeconds] (calculateNodeCost, calculateVirtualPodCost) and builds
 * the rows. Usage is attributed to a pool's row only when all of the pool's records are of one
 * class; otherwise it stays out (a warning says so) because it cannot be split between classes.
 * Invariants: Σ class rows = total and Σ pool rows of a class = class row, exactly per currency;
 * amounts in different currencies are only added through a given rate, in `inReportCurrency`.
 */
export function buildCostReport(input: CostReportInput): CostReport {
  const context: RowContext = {
    reportCurrency: input.reportCurrency,
    rates: input.rates,
    servedRequests: input.servedRequests,
    activeUserSeconds: input.activeUserSeconds,
  };
  const nodes = input.nodes.map((r) => calculateNodeCost(r, input.runSeconds)).sort(byPoolThen((c) => c.node));
  const virtualPods = input.virtualPods.map((r) => calculateVirtualPodCost(r, input.runSeconds)).sort(byPoolThen((c) => c.pod));
  const items: CostItem[] = [
    ...nodes.map((c) => ({ capacityClass: c.kind, pool: c.pool, cost: c.cost, lifeCost: c.lifeCost, billedSeconds: c.billedSeconds })),
    ...virtualPods.map((c) => ({ capacityClass: 'virtual' as const, pool: c.pool, cost: c.cost, lifeCost: c.lifeCost, billedSeconds: c.billedSeconds })),
  ];
  const warnings: string[] = [];
  const unpriced: CostReport['unpriced'] = [];
  const usageByPool = attributableUsage(items, input.usage, warnings, unpriced);
  const pools: CostRow[] = [];
  const classes: CostRow[] = [];
  for (const capacityClass of CAPACITY_CLASSES) {
    const ofClass = items.filter((i) => i.capacityClass === capacityClass);
    if (ofClass.length === 0) continue;
    const poolNames = [...new Set(ofClass.map((i) => i.pool))].sort();
    const rows = poolNames.map((pool) =>
      buildPoolRow(capacityClass, pool, ofClass.filter((i) => i.pool === pool), usageByPool.get(pool), context),
    );
    pools.push(...rows);
    classes.push(combineRows(capacityClass, rows, context));
  }
  const total = combineRows(undefined, classes, context);
  warnings.push(...conversionWarnings(total, input.reportCurrency, input.rates));
  return {
    runSeconds: input.runSeconds,
    reportCurrency: input.reportCurrency,
    servedRequests: input.servedRequests,
    activeUserSeconds: input.activeUserSeconds,
    pools,
    classes,
    total,
    nodes,
    virtualPods,
    unpriced: unpriced.sort((a, b) => compareText(a.pool, b.pool)),
    warnings: warnings.sort(),
  };
}

/** Usage per pool, for pools billed as exactly one class; warns about the rest. */
function attributableUsage(items: readonly CostItem[], usage: readonly PoolUsage[], warnings: string[], unpriced: CostReport['unpriced']): Map<string, UsageIntegrals> {
  const classesByPool = new Map<string, Set<CapacityClass>>();
  for (const item of items) {
    const set = classesByPool.get(item.pool) ?? new Set<CapacityClass>();
    set.add(item.capacityClass);
    classesByPool.set(item.pool, set);
  }
  const result = new Map<string, UsageIntegrals>();
  for (const pool of [...new Set(usage.map((u) => u.pool))]) {
    const classes = classesByPool.get(pool);
    if (classes === undefined) {
      warnings.push(`usage of pool ${pool} has no billing records (no price): it is in no cost row, only in cost.csv's unpriced line`);
      unpriced.push({ pool, usage: sumUsage(usage.filter((u) => u.pool === pool)) });
    } else if (classes.size > 1) {
      warnings.push(`pool ${pool} is billed as ${[...classes].sort().join(' and ')}: its usage cannot be split between them, so its rows have no usage or idle cost`);
    } else {
      result.set(pool, sumUsage(usage.filter((u) => u.pool === pool)));
    }
  }
  return result;
}

function conversionWarnings(total: CostRow, reportCurrency: Currency | undefined, rates: readonly ExchangeRate[]): string[] {
  if (reportCurrency === undefined) return [];
  return total.cost.byCurrency
    .filter((m) => findRate(m.currency, reportCurrency, rates) === undefined)
    .map((m) => `no rate from ${m.currency} to ${reportCurrency}: costs stay per currency and are not converted`);
}

/** Sort by pool, then by name; Array.prototype.sort is stable, so equal keys keep input order. */
function byPoolThen<T extends { pool: string }>(key: (item: T) => string) {
  return (a: T, b: T): number => compareText(a.pool, b.pool) || compareText(key(a), key(b));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
