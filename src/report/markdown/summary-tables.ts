/**
 * The tables of report.md, from summary.json's RunSummary: service level per workload, scaling
 * activity per autoscaler, and cost per pool, capacity class and in total (its figures as
 * summary.json has them, footed; node- and pod-hours footed to 2 decimals the same way). Names
 * from the scenario (workloads, autoscalers and their targets, quotas, pools) are escaped.
 */
import { quotaUseText } from '../quota-summary-text.js';
import type { CostSummary, CostSummaryFigure, CostSummaryRow } from '../cost/cost-summary.js';
import { classPoolTree, footTree } from '../cost/foot-tree.js';
import { CAPACITY_CLASS_LABELS } from '../cost/cost-rows.js';
import { EXACT_SECONDS_PER_HOUR, exactDivide, exactFromNumber } from '../../units/exact-amount.js';
import type { RunSummary } from '../summary.js';
import { formatMarkdownTable } from './markdown-table.js';
import { escapeMarkdownText } from './markdown-text.js';

/** A response time in ms; a dash for a workload that served nothing (NaN in memory, null in summary.json). */
export const ms = (seconds: number | null): string => (seconds === null || !Number.isFinite(seconds) ? '—' : (seconds * 1000).toFixed(1));
const fixed = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');
/** A served or dropped %; a dash, as for a response time, for a workload offered no request (null). */
export const percent = (v: number | null): string => (v === null ? '—' : v.toFixed(3));

/** Served %, dropped %, response-time percentiles, replicas, cold starts, pending pod-seconds. */
export function formatWorkloadTable(summary: RunSummary): string {
  const header = ['workload', 'served %', 'dropped %', 'p50 ms', 'p95 ms', 'p99 ms', 'ready min / mean / peak', 'peak desired', 'cold starts', 'pending pod-s'];
  const rows = summary.workloads.map((w) => [
    escapeMarkdownText(w.name),
    percent(w.servedPercent),
    percent(w.droppedPercent),
    ms(w.responseTimeSeconds.p50),
    ms(w.responseTimeSeconds.p95),
    ms(w.responseTimeSeconds.p99),
    `${w.replicas.minReady} / ${fixed(w.replicas.meanReady, 2)} / ${w.replicas.peakReady}`,
    String(w.replicas.peakDesired),
    w.coldStarts.count > 0 ? `${w.coldStarts.count} (max ${fixed(w.coldStarts.maxDelaySeconds, 1)} s)` : '0',
    fixed(w.pendingPodSeconds, 0),
  ]);
  return formatMarkdownTable(header, rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right']);
}

/** One row per HPA, ScaledObject, ScaledJob, the cluster-autoscaler, kube-scheduler's preemptions and ResourceQuota; undefined when none ran. */
export function formatScalingTable(summary: RunSummary): string | undefined {
  const rows: string[][] = [
    ...summary.hpas.map((h) => [`HPA ${escapeMarkdownText(h.name)}`, escapeMarkdownText(h.target), `${h.scaleUps} scale-ups, ${h.scaleDowns} scale-downs (${h.syncs} syncs)`]),
    ...summary.keda.scaledObjects.map((s) => [
      `ScaledObject ${escapeMarkdownText(s.name)}`,
      escapeMarkdownText(s.target),
      `${s.scaleFromZero} activations from zero, ${s.scaleToZero} scale-downs to zero (${s.polls} polls)`,
    ]),
    ...summary.keda.scaledJobs.map((j) => [
      `ScaledJob ${escapeMarkdownText(j.name)}`,
      '—',
      `${j.jobsCreated} Jobs created, ${j.jobsSucceeded} succeeded, peak ${j.peakParallelJobs} in parallel, pickup wait max ${fixed(j.maxPickupWaitSeconds, 1)} s`,
    ]),
  ];
  const ca = summary.clusterAutoscaler;
  if (ca !== undefined) rows.push(['cluster-autoscaler', 'node pools', `${ca.scaleUps} scale-ups, ${ca.nodesAdded} nodes added, ${ca.nodesRemoved} removed (${ca.scans} scans)`]);
  const scheduler = summary.scheduler;
  if (scheduler !== undefined) rows.push(['kube-scheduler (DefaultPreemption)', 'pods of lower priority', `${scheduler.preemptions} preemptions, ${scheduler.victims} pods evicted`]);
  for (const q of summary.resourceQuotas ?? []) rows.push([`ResourceQuota ${escapeMarkdownText(q.name)}`, `pods in ${escapeMarkdownText(q.namespace)}`, escapeMarkdownText(quotaUseText(q))]);
  return rows.length === 0 ? undefined : formatMarkdownTable(['autoscaler', 'target', 'scale events'], rows);
}

/** "12.34 USD", amounts per currency joined by " + ", and "= 15.00 EUR" when converted. */
export function formatCostFigure(figure: CostSummaryFigure | undefined): string {
  if (figure === undefined) return '—';
  const parts = Object.entries(figure.byCurrency).map(([currency, amount]) => `${amount.toFixed(2)} ${currency}`);
  if (parts.length === 0) return '0';
  return parts.join(' + ');
}


/** Node-hours and pod-hours to 2 decimals, footed as the money is (pools add up to their class, classes to the total). */
interface HoursText {
  nodeHours: ReadonlyMap<CostSummaryRow, string>;
  podHours: ReadonlyMap<CostSummaryRow, string>;
}

function footHours(cost: CostSummary): HoursText {
  const tree = classPoolTree(cost.total, cost.classes, cost.pools);
  return {
    nodeHours: footTree(tree, (r) => exactFromNumber(r.billedNodeHours), 2),
    podHours: footTree(tree, (r) => exactDivide(exactFromNumber(r.billedPodSeconds), EXACT_SECONDS_PER_HOUR), 2),
  };
}

function costRow(row: CostSummaryRow, reportCurrency: string | null, hours: HoursText): string[] {
  const converted = reportCurrency !== null && row.cost.inReportCurrency !== undefined ? `${row.cost.inReportCurrency.toFixed(2)} ${reportCurrency}` : '—';
  return [
    row.capacityClass === 'total' ? '**total**' : CAPACITY_CLASS_LABELS[row.capacityClass],
    row.pool !== undefined ? escapeMarkdownText(row.pool) : row.capacityClass === 'total' ? '' : 'all pools',
    String(row.nodeCount),
    hours.nodeHours.get(row) ?? '—',
    String(row.podCount),
    hours.podHours.get(row) ?? '—',
    formatCostFigure(row.cost),
    formatCostFigure(row.idleCost),
    converted,
  ];
}

/** Pool rows then their class row, per class, and the total; undefined when nothing is priced. */
export function formatCostTable(summary: RunSummary): string | undefined {
  const cost = summary.cost;
  if (cost.classes.length === 0) return undefined;
  const rows: string[][] = [];
  const hours = footHours(cost);
  for (const cls of cost.classes) {
    const pools = cost.pools.filter((p) => p.capacityClass === cls.capacityClass);
    rows.push(...pools.map((p) => costRow(p, cost.reportCurrency, hours)));
    if (pools.length !== 1) rows.push(costRow(cls, cost.reportCurrency, hours));
  }
  rows.push(costRow(cost.total, cost.reportCurrency, hours));
  const header = ['capacity class', 'pool', 'nodes', 'node-hours', 'pods', 'pod-hours', 'cost', 'idle cost', `in ${cost.reportCurrency ?? ''}`];
  // Without a report currency nothing is converted: the last column goes.
  const width = cost.reportCurrency === null ? header.length - 1 : header.length;
  const align = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const;
  return formatMarkdownTable(header.slice(0, width), rows.map((r) => r.slice(0, width)), align.slice(0, width));
}
