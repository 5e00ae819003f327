/**
 * The Pareto frontier of a sweep (pareto.csv): the settings no other setting beats on every
 * objective at once. Objectives:
 *   - minimize cost: the cost total, or the mean replicas when the scenario has no prices
 *     (costMeasure in ./sweep-row.ts);
 *   - minimize the p95 response time (p95Ms);
 *   - maximize the served share of requests (servedPercent).
 * A setting is dominated when another is at least as good on all three and strictly better on one;
 * settings equal on all three are all kept. The frontier is listed cheapest first (ties by index).
 * Settings judged across seeds (./replicates.ts) compete with their judged figures: the mean cost,
 * the worst seed's p95 and served share.
 * A setting without a p95 (null: its busiest workload served no request, under some seed when judged
 * across seeds) ranks last on the p95 objective, as if its p95 were infinite: it is worse there than
 * any setting with a p95 and ties with the others without one. So it is dominated by any setting as
 * cheap that serves as much, and stays on the frontier only when no setting is as cheap (serving
 * nothing tends to cost least) — never because a missing figure compared as neither better nor worse.
 * A setting without a served share (null: its workloads were offered no request, under every seed
 * when judged across seeds) has nothing to serve: between it and another setting the served
 * objective is left out, and cost and p95 alone decide (it is neither 0% nor 100% served).
 */
import { cheaperFirst, costMeasure, type SweepRow } from './sweep-row.js';

export const PARETO_OBJECTIVES = ['cost (min)', 'p95_ms (min)', 'served_percent (max)'] as const;

/** A setting's p95 on the frontier's objective: a missing one (null, or a NaN should one come in) ranks last. */
export function paretoP95(r: SweepRow): number {
  const p95 = r.row.p95Ms;
  return p95 === null || Number.isNaN(p95) ? Number.POSITIVE_INFINITY : p95;
}

/** How `a`'s served share compares with `b`'s (positive: `a` serves more), or 0 when either has none (offered no request). */
function servedOrder(a: SweepRow, b: SweepRow): number {
  const sa = a.row.servedPercent;
  const sb = b.row.servedPercent;
  return sa === null || sb === null || !Number.isFinite(sa) || !Number.isFinite(sb) ? 0 : sa - sb;
}

export function paretoFrontier<R extends SweepRow>(rows: readonly R[]): R[] {
  const cost = costMeasure(rows);
  const dominates = (a: SweepRow, b: SweepRow): boolean => {
    const ca = cost.of(a);
    const cb = cost.of(b);
    const pa = paretoP95(a);
    const pb = paretoP95(b);
    const served = servedOrder(a, b);
    const noWorse = ca <= cb && pa <= pb && served >= 0;
    const better = ca < cb || pa < pb || served > 0;
    return noWorse && better;
  };
  const frontier = rows.filter((r) => !rows.some((other) => other !== r && dominates(other, r)));
  return frontier.sort(cheaperFirst(rows));
}
