/**
 * One row of a comparison, from a variant's run summary and its scale events: cost (the report
 * currency's total, and per capacity class), SLO figures, scale events and flapping, replicas and
 * nodes. Workload figures are summed over workloads (served %, dropped %, pending pod-seconds, cold
 * starts); response times and replicas are those of the busiest workload (most offered requests).
 * `workloads` (`--workload`) narrows the workload figures to the named workloads: the pause pods
 * of overprovisioning headroom wait Pending by design, and need not count against an SLO.
 * A figure the run does not have is null, never NaN or 0: the cost of an unpriced run, the
 * response times when the busiest workload served no request (its summary holds NaN for them), and
 * the served and dropped % when the workloads judged were offered no request (../report/offered-share.ts).
 */
import { percentOfOffered } from '../report/offered-share.js';
import type { RunSummary } from '../report/summary.js';

export interface ComparisonRow {
  variant: string;
  description: string;
  /** Total cost in `costCurrency` (the report currency, else the only currency); null when unpriced or mixed without a rate. */
  costTotal: number | null;
  costCurrency: string | null;
  costByClass: Record<string, number>;
  /** Shares of the requests offered to the workloads judged (a ratio of sums); null when none were offered. */
  servedPercent: number | null;
  droppedPercent: number | null;
  /** The busiest workload's response times; null when it served no request (no response time to report). */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  underProvisionedSeconds: number;
  pendingPodSeconds: number;
  coldStarts: number;
  scaleEvents: number;
  flapsPerHour: number;
  peakReplicas: number;
  meanReplicas: number;
  peakNodes: number;
  meanNodes: number;
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;
/** A response time in ms, or null where the summary has none (NaN in memory, null in summary.json; no busiest workload). */
const ms = (seconds: number | null | undefined): number | null => (seconds === null || seconds === undefined || !Number.isFinite(seconds) ? null : round(seconds * 1000, 2));

function cost(summary: RunSummary): { total: number | null; currency: string | null; byClass: Record<string, number> } {
  const total = summary.cost.total;
  const converted = total.cost.inReportCurrency;
  const currencies = Object.keys(total.cost.byCurrency);
  const reportCurrency = summary.cost.reportCurrency;
  const currency = converted !== undefined && reportCurrency !== null ? reportCurrency : currencies.length === 1 ? currencies[0]! : null;
  const value = converted ?? (currency !== null ? (total.cost.byCurrency[currency] ?? null) : null);
  const byClass: Record<string, number> = {};
  for (const c of summary.cost.classes) {
    const v = converted !== undefined ? c.cost.inReportCurrency : currency !== null ? c.cost.byCurrency[currency] : undefined;
    if (v !== undefined) byClass[c.capacityClass] = v;
  }
  return { total: currencies.length === 0 ? null : value, currency: currencies.length === 0 ? null : currency, byClass };
}

export function comparisonRow(
  variant: string,
  description: string,
  summary: RunSummary,
  events: { scaleEvents: number; directionChanges: number },
  workloads?: readonly string[],
): ComparisonRow {
  const w = workloads === undefined ? summary.workloads : summary.workloads.filter((x) => workloads.includes(x.name));
  const offered = w.reduce((s, x) => s + x.offeredRequests, 0);
  const served = w.reduce((s, x) => s + x.servedRequests, 0);
  const dropped = w.reduce((s, x) => s + x.droppedRequests, 0);
  const busiest = [...w].sort((a, b) => b.offeredRequests - a.offeredRequests)[0];
  const hours = summary.durationSeconds / 3600;
  const c = cost(summary);
  return {
    variant,
    description,
    costTotal: c.total,
    costCurrency: c.currency,
    costByClass: c.byClass,
    servedPercent: percentOfOffered(served, offered),
    droppedPercent: percentOfOffered(dropped, offered),
    p50Ms: ms(busiest?.responseTimeSeconds.p50),
    p95Ms: ms(busiest?.responseTimeSeconds.p95),
    p99Ms: ms(busiest?.responseTimeSeconds.p99),
    underProvisionedSeconds: w.reduce((s, x) => s + x.underProvisionedSeconds, 0),
    pendingPodSeconds: round(w.reduce((s, x) => s + x.pendingPodSeconds, 0), 3),
    coldStarts: w.reduce((s, x) => s + x.coldStarts.count, 0),
    scaleEvents: events.scaleEvents,
    flapsPerHour: hours > 0 ? round(events.directionChanges / hours, 4) : 0,
    peakReplicas: busiest?.replicas.peakReady ?? 0,
    meanReplicas: busiest?.replicas.meanReady ?? 0,
    peakNodes: summary.nodeCount.peak,
    meanNodes: summary.nodeCount.mean,
  };
}
