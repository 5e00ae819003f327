/**
 * The Pareto frontier of a sweep (pareto.csv): the settings no other setting beats on every
 * objective at once. Objectives:
 *   - minimize cost: the cost total, or the mean replicas when the scenario has no prices
 *     (costMeasure in ./sweep-row.ts);
 *   - minimize the p95 response time of the busiest workload (p95Ms);
 *   - minimize the worst workload's p95 (worstP95Ms): a fleet is also judged by its slowest
 *     workload, and a setting that keeps the busiest one fast while another one queues is not
 *     better than one that keeps every workload fast. Where every setting's worst workload is its
 *     busiest one (always, with one workload), this objective is the p95's and changes nothing;
 *   - maximize the served share of requests (servedPercent).
 * A setting is dominated when another is at least as good on every objective and strictly better
 * on one; settings equal on all of them are all kept. The frontier is listed cheapest first (ties
 * by index). Settings judged across seeds (./replicates.ts) compete with their judged figures: the
 * mean cost, the worst seed's p95, worst workload p95 and served share.
 * A setting without a p95 (null: its busiest workload served no request, under some seed when judged
 * across seeds) ranks last on the p95 objective, as if its p95 were infinite: it is worse there than
 * any setting with a p95 and ties with the others without one. So it is dominated by any setting as
 * cheap that serves as much, and stays on the frontier only when no setting is as cheap (serving
 * nothing tends to cost least) — never because a missing figure compared as neither better nor worse.
 * The same holds for a setting without a worst workload p95 (no workload judged served a request).
 * A setting without a served share (null: its workloads were offered no request, under every seed
 * when judged across seeds) has nothing to serve: between it and another setting the served
 * objective is left out, and cost and the response times alone decide (it is neither 0% nor 100%
 * served).
 */
import { cheaperFirst, costMeasure, type SweepRow } from './sweep-row.js';

/** A response time on the frontier's objective: a missing one (null, or a NaN should one come in) ranks last. */
function lastWhenMissing(ms: number | null): number {
  return ms === null || Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** A setting's p95 on the frontier's objective. */
export function paretoP95(r: SweepRow): number {
  return lastWhenMissing(r.row.p95Ms);
}

/** A setting's worst workload p95 on the frontier's objective. */
export function paretoWorstP95(r: SweepRow): number {
  return lastWhenMissing(r.row.worstP95Ms);
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
    const wa = paretoWorstP95(a);
    const wb = paretoWorstP95(b);
    const served = servedOrder(a, b);
    const noWorse = ca <= cb && pa <= pb && wa <= wb && served >= 0;
    const better = ca < cb || pa < pb || wa < wb || served > 0;
    return noWorse && better;
  };
  const frontier = rows.filter((r) => !rows.some((other) => other !== r && dominates(other, r)));
  return frontier.sort(cheaperFirst(rows));
}
