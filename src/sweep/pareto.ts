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
 */
import { cheaperFirst, costMeasure, type SweepRow } from './sweep-row.js';

export const PARETO_OBJECTIVES = ['cost (min)', 'p95_ms (min)', 'served_percent (max)'] as const;

export function paretoFrontier<R extends SweepRow>(rows: readonly R[]): R[] {
  const cost = costMeasure(rows);
  const dominates = (a: SweepRow, b: SweepRow): boolean => {
    const ca = cost.of(a);
    const cb = cost.of(b);
    const noWorse = ca <= cb && a.row.p95Ms <= b.row.p95Ms && a.row.servedPercent >= b.row.servedPercent;
    const better = ca < cb || a.row.p95Ms < b.row.p95Ms || a.row.servedPercent > b.row.servedPercent;
    return noWorse && better;
  };
  const frontier = rows.filter((r) => !rows.some((other) => other !== r && dominates(other, r)));
  return frontier.sort(cheaperFirst(rows));
}
