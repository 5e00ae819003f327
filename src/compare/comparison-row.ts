/**
 * One row of a comparison, from a variant's run summary and its scale events: cost (the report
 * currency's total, and per capacity class), SLO figures, scale events and flapping, replicas and
 * nodes. Workload figures are summed over workloads (served %, dropped %, pending pod-seconds, cold
 * starts); response times and replicas are those of the busiest workload (most offered requests),
 * and the worst workload's p95 is the highest p95 of any workload judged (a fleet's SLO: every
 * workload's p95 under a bound, where the busiest one's may hide a small workload's).
 * `workloads` (`--workload`) narrows the workload figures to the named workloads: the pause pods
 * of overprovisioning headroom wait Pending by design, and need not count against an SLO.
 * A figure the run does not have is null, never NaN or 0: the cost of an unpriced run, the
 * response times when the busiest workload served no request (its summary holds NaN for them), and
 * the served and dropped % when the workloads judged were offered no request (../report/offered-share.ts).
 * A run with rollouts (of Deployments or StatefulSets) adds the worst p95 over a rollout's stretch, the longest rollout
 * and how many did not complete.
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
  /** The highest p95 of the workloads judged that served a request; null when none did. Equals p95Ms with one workload. */
  worstP95Ms: number | null;
  /** The workload with that p95 (the first in the summary's order on a tie); null with worstP95Ms. */
  worstP95Workload: string | null;
  underProvisionedSeconds: number;
  pendingPodSeconds: number;
  coldStarts: number;
  scaleEvents: number;
  flapsPerHour: number;
  peakReplicas: number;
  meanReplicas: number;
  peakNodes: number;
  meanNodes: number;
  /**
   * Runs with rollouts only (absent otherwise). The highest p95 over any rollout's
   * stretch of the workloads judged: absent too when no stretch was offered a request (a
   * workload without a load model), null when one was offered requests and served none. The
   * longest a rollout took, one that did not complete counting to when the next rollout superseded
   * it or to the end of the run (at least that long); and how many did not complete (superseded, or
   * running at the end).
   */
  rolloutP95Ms?: number | null;
  longestRolloutSeconds?: number;
  unfinishedRollouts?: number;
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

/** The workload with the highest p95 among those that have one (served a request); the first on a tie. */
function worstP95(workloads: RunSummary['workloads']): RunSummary['workloads'][number] | undefined {
  let worst: RunSummary['workloads'][number] | undefined;
  for (const x of workloads) {
    const p95 = x.responseTimeSeconds.p95;
    // NaN in memory, null in a summary.json read back: that workload served no request.
    if (typeof p95 !== 'number' || !Number.isFinite(p95)) continue;
    if (worst === undefined || p95 > worst.responseTimeSeconds.p95) worst = x;
  }
  return worst;
}

/** The rollout figures of the workloads judged; none when no workload had a rollout. */
function rolloutFigures(workloads: RunSummary['workloads'], endSeconds: number): Pick<ComparisonRow, 'rolloutP95Ms' | 'longestRolloutSeconds' | 'unfinishedRollouts'> {
  const rollouts = workloads.flatMap((x) => x.rollouts ?? []);
  if (rollouts.length === 0) return {};
  const offered = rollouts.filter((o) => o.requests !== null && o.requests.offered > 0);
  const p95s = offered.map((o) => ms(o.requests!.responseTimeSeconds.p95));
  const p95 = offered.length === 0 ? {} : { rolloutP95Ms: p95s.some((v) => v === null) ? null : Math.max(...(p95s as number[])) };
  const unfinished = rollouts.filter((o) => o.durationSeconds === null);
  const lengthsSeconds = rollouts.map((o) => o.durationSeconds ?? round((o.supersededSeconds ?? endSeconds) - o.startedSeconds, 3));
  return { ...p95, longestRolloutSeconds: Math.max(...lengthsSeconds), unfinishedRollouts: unfinished.length };
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
  const worst = worstP95(w);
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
    worstP95Ms: worst === undefined ? null : ms(worst.responseTimeSeconds.p95),
    worstP95Workload: worst?.name ?? null,
    // Summed over workloads and rounded as each workload's is (25260.314, not 25260.31399999999).
    underProvisionedSeconds: round(w.reduce((s, x) => s + x.underProvisionedSeconds, 0), 3),
    pendingPodSeconds: round(w.reduce((s, x) => s + x.pendingPodSeconds, 0), 3),
    coldStarts: w.reduce((s, x) => s + x.coldStarts.count, 0),
    scaleEvents: events.scaleEvents,
    flapsPerHour: hours > 0 ? round(events.directionChanges / hours, 4) : 0,
    peakReplicas: busiest?.replicas.peakReady ?? 0,
    meanReplicas: busiest?.replicas.meanReady ?? 0,
    peakNodes: summary.nodeCount.peak,
    meanNodes: summary.nodeCount.mean,
    ...rolloutFigures(w, summary.durationSeconds),
  };
}
