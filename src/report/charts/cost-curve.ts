/**
 * Cumulative cost over a run, from the billing ledger's records: at each time t, what every node
 * and virtual pod would have cost had the run stopped at t (calculateNodeCost's and
 * calculateVirtualPodCost's rules in floating point), so the curve ends at the cost report's total.
 */
import type { Currency, NodeBillingRecord, VirtualPodBillingRecord } from '../../cloud/types.js';
import { calculateVirtualPricePerSecond } from '../../cloud/virtual-price.js';
import { CAPACITY_CLASSES, type CapacityClass } from '../cost/cost-rows.js';
import { exactToNumber } from '../../units/exact-amount.js';

/** The ledger's records (BillingLedger has this shape). */
export interface BillingRecords {
  nodes: readonly NodeBillingRecord[];
  virtualPods: readonly VirtualPodBillingRecord[];
}

/** Cumulative cost of one capacity class in one currency, one value per requested time. */
export interface CostCurve {
  currency: Currency;
  capacityClass: CapacityClass;
  values: number[];
}

interface Priced {
  capacityClass: CapacityClass;
  currency: Currency;
  startSeconds: number;
  endSeconds: number | undefined;
  pricePerSecond: number;
  granularitySeconds: number;
  minimumSeconds: number;
}

/**
 * Seconds billed for a record if the run ended at t; 0 when it starts at or after t, and for a
 * virtual pod gone no later than its image pull start (calculateVirtualPodCost's PullNotStarted).
 */
function billedSecondsAt(p: Priced, t: number): number {
  const start = Math.max(0, p.startSeconds);
  if (!(t > start)) return 0;
  if (p.capacityClass === 'reserved') return t - start;
  const life = Math.min(p.endSeconds ?? t, t) - start;
  if (!(life > 0)) return p.capacityClass === 'virtual' ? 0 : p.minimumSeconds;
  const step = p.granularitySeconds;
  return Math.max(p.minimumSeconds, step > 0 ? Math.ceil(life / step - 1e-9) * step : life);
}

function priceRecords(records: BillingRecords): Priced[] {
  const nodes = records.nodes.map((r): Priced => ({
    capacityClass: r.billing.kind,
    currency: r.billing.currency,
    startSeconds: r.startSeconds,
    endSeconds: r.endSeconds,
    pricePerSecond: r.billing.pricePerHour / 3600,
    granularitySeconds: r.billing.granularitySeconds,
    minimumSeconds: r.billing.minimumSeconds,
  }));
  const pods = records.virtualPods.map((r): Priced => ({
    capacityClass: 'virtual',
    currency: r.pricing.currency,
    startSeconds: r.startSeconds,
    endSeconds: r.endSeconds,
    pricePerSecond: exactToNumber(calculateVirtualPricePerSecond(r.size, r.pricing)),
    granularitySeconds: 1,
    minimumSeconds: r.pricing.minimumSeconds,
  }));
  return [...nodes, ...pods];
}

/**
 * One curve per (currency, capacity class) that has records, sorted by currency then in
 * CAPACITY_CLASSES order; values[i] is the cumulative cost at timesSeconds[i].
 */
export function calculateCostCurves(records: BillingRecords, timesSeconds: readonly number[]): CostCurve[] {
  const curves = new Map<string, CostCurve>();
  for (const p of priceRecords(records)) {
    const key = `${p.currency}\u0000${p.capacityClass}`;
    let curve = curves.get(key);
    if (curve === undefined) {
      curve = { currency: p.currency, capacityClass: p.capacityClass, values: timesSeconds.map(() => 0) };
      curves.set(key, curve);
    }
    const values = curve.values;
    timesSeconds.forEach((t, i) => {
      values[i]! += billedSecondsAt(p, t) * p.pricePerSecond;
    });
  }
  const classOrder = (c: CapacityClass): number => CAPACITY_CLASSES.indexOf(c);
  return [...curves.values()].sort((a, b) =>
    a.currency === b.currency ? classOrder(a.capacityClass) - classOrder(b.capacityClass) : a.currency < b.currency ? -1 : 1,
  );
}
