/**
 * The compact table printed after a run: served %, response time, replicas, scale events, files.
 * A run of many workloads (bench-large has 1,000) lists the twelve that fared worst and totals for
 * the autoscalers; summary.json and report.md hold every one.
 */
import { quotaUseText } from '../report/quota-summary-text.js';
import type { RolloutSummary, RunSummary, WorkloadSummary } from '../report/summary.js';
import { padColumns } from '../report/text-columns.js';
import { WORST_FIRST_ORDER, worstWorkloads } from '../report/worst-workloads.js';
import { plural } from '../units/plural.js';

/** Past this many, workloads and autoscalers are summarized instead of listed one by one. */
export const PRINTED_ITEMS = 12;

export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : '', s || seconds === 0 ? `${s}s` : ''].join('');
}

/** `cost 165.04 CNY (reserved 161.10, virtual 3.94)` (summary.json's footed figures: the classes add up to the total), or undefined when nothing is priced. */
function formatCost(summary: RunSummary): string | undefined {
  const total = summary.cost.total.cost.byCurrency;
  const currencies = Object.keys(total);
  if (currencies.length === 0) return undefined;
  const parts = currencies.map((c) => {
    const classes = summary.cost.classes.flatMap((k) => (k.cost.byCurrency[c] !== undefined ? [`${k.capacityClass} ${k.cost.byCurrency[c]!.toFixed(2)}`] : []));
    return `${total[c]!.toFixed(2)} ${c} (${classes.join(', ')})`;
  });
  const converted = summary.cost.total.cost.inReportCurrency;
  const note = converted !== undefined && currencies.length > 1 ? ` = ${converted.toFixed(2)} ${summary.cost.reportCurrency}` : '';
  return `cost ${parts.join(' + ')}${note}`;
}

/** A figure with `digits` decimals, or "—" where there is none (no request served: no response time; none offered: no served or dropped %). */
function fixed(value: number | null, digits: number): string {
  return value !== null && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function workloadRow(w: WorkloadSummary): string[] {
  return [
    w.name,
    fixed(w.servedPercent, 3),
    fixed(w.droppedPercent, 3),
    fixed(w.responseTimeSeconds.p50 * 1000, 1),
    fixed(w.responseTimeSeconds.p95 * 1000, 1),
    fixed(w.responseTimeSeconds.p99 * 1000, 1),
    `${w.replicas.minReady}/${w.replicas.meanReady.toFixed(2)}/${w.replicas.peakReady}`,
    w.pendingPodSeconds.toFixed(0),
    String(w.restarts),
  ];
}

/** One line per item, or past PRINTED_ITEMS one line of totals. */
function listed<T>(items: readonly T[], line: (item: T) => string, totals: (items: readonly T[]) => string): string[] {
  return items.length <= PRINTED_ITEMS ? items.map(line) : [totals(items)];
}

const sum = <T>(items: readonly T[], value: (item: T) => number): number => items.reduce((acc, item) => acc + value(item), 0);

/** The files written; past 24, the chart sources (report-*.mmd) as a count. */
function fileLines(files: readonly string[]): string[] {
  if (files.length <= 2 * PRINTED_ITEMS) return files.map((f) => `  ${f}`);
  const isChart = (f: string): boolean => /report-[^/\\]*\.mmd$/.test(f);
  const charts = files.filter(isChart).length;
  const lines = files.filter((f) => !isChart(f)).map((f) => `  ${f}`);
  return charts > 0 ? [...lines, `  and ${charts} chart sources (report-*.mmd) beside them`] : lines;
}

/** Rollouts a `rollouts` line lists one by one; more are summed up instead. */
const ROLLOUTS_LISTED = 5;

/** A stretch offered requests that served none of them (compare's "none served"). */
const servedNone = (o: RolloutSummary): boolean => {
  const p95 = o.requests?.responseTimeSeconds.p95;
  return o.requests != null && o.requests.offered > 0 && (typeof p95 !== 'number' || !Number.isFinite(p95));
};

/** A stretch's p95 as `212.0 ms` ("none served" when it was offered requests and served none, "—" when offered none); undefined without a load model. */
const p95Text = (o: RolloutSummary): string | undefined => {
  const p95 = o.requests?.responseTimeSeconds.p95;
  if (p95 === undefined) return undefined;
  if (servedNone(o)) return 'none served';
  const text = fixed(p95 * 1000, 1);
  return text === '—' ? text : `${text} ms`;
};

/**
 * `rollouts web: 2; completed in 31s (ready 12, min 9; 15 pods at most; p95 212.0 ms), …`: each
 * rollout's state, its dip in ready pods, its surge and the p95 over its stretch; past five, the
 * counts by outcome, the longest, the fewest ready pods and the worst p95, "none served" when a
 * stretch was offered requests and served none (summary.json and report.md have every one).
 */
function rolloutLine(workload: string, rollouts: readonly RolloutSummary[]): string {
  if (rollouts.length > ROLLOUTS_LISTED) {
    const completed = rollouts.filter((o) => o.durationSeconds !== null);
    const superseded = rollouts.filter((o) => o.supersededSeconds !== null).length;
    const open = rollouts.length - completed.length - superseded;
    const longest = completed.length === 0 ? '' : ` (longest ${formatDuration(Math.max(...completed.map((o) => o.durationSeconds!)))})`;
    const p95s = rollouts.map((o) => o.requests?.responseTimeSeconds.p95).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const starved = rollouts.filter(servedNone).length;
    const worst =
      starved > 0 ? `; worst p95 none served (${starved} of ${rollouts.length} served none of their requests)` : p95s.length === 0 ? '' : `; worst p95 ${fixed(Math.max(...p95s) * 1000, 1)} ms`;
    const fewest = Math.min(...rollouts.map((o) => o.pods.minReady));
    const deadlines = rollouts.filter((o) => o.progressDeadlineExceededSeconds !== null).length;
    return `rollouts ${workload}: ${rollouts.length}; ${completed.length} completed${longest}, ${superseded} superseded, ${open} not complete at the end; fewest ready ${fewest}${worst}${deadlines > 0 ? `; ${deadlines} exceeded the progress deadline` : ''} (summary.json, report.md)`;
  }
  const states = rollouts.map((o) => {
    const deadline = o.progressDeadlineExceededSeconds === null ? '' : `, progress deadline exceeded at ${formatDuration(o.progressDeadlineExceededSeconds)}`;
    const p95 = p95Text(o);
    const figures = ` (ready ${o.pods.readyAtStart}, min ${o.pods.minReady}; ${o.pods.peak} pods at most${p95 === undefined ? '' : `; p95 ${p95}`}${deadline})`;
    if (o.durationSeconds !== null) return `completed in ${formatDuration(o.durationSeconds)}${figures}`;
    return `${o.supersededSeconds !== null ? 'superseded' : 'not complete at the end'}${figures}`;
  });
  return `rollouts ${workload}: ${rollouts.length}; ${states.join(', ')}`;
}

/** The lines `scalesim run` prints after a run. */
/** `warnings`: as the terminal prints them (default: the summary's, relative to the scenario folder). */
export function formatRunSummary(summary: RunSummary, files: readonly string[], warnings: readonly string[] = summary.warnings): string[] {
  const out: string[] = [];
  out.push(`scenario ${summary.scenario}: ${formatDuration(summary.durationSeconds)} simulated, seed ${summary.seed}, ${plural(summary.nodes, 'node')}, ${plural(summary.eventsProcessed, 'event')}`);
  const header = ['workload', 'served %', 'dropped %', 'p50 ms', 'p95 ms', 'p99 ms', 'replicas min/mean/peak', 'pending pod-s', 'restarts'];
  const { shown, hidden } = worstWorkloads(summary.workloads, PRINTED_ITEMS);
  out.push(...padColumns([header, ...shown.map(workloadRow)], () => 'left').map((cells) => cells.join('  ')));
  if (hidden > 0) {
    out.push(`… and ${hidden} more workloads: the ${shown.length} listed fared worst (by ${WORST_FIRST_ORDER}); summary.json and report.md have every one`);
  }
  const faults = Object.entries(summary.faults);
  if (faults.length > 0) out.push(`faults fired: ${faults.map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  const spot = Object.entries(summary.spotInterruptions ?? {});
  if (spot.length > 0) out.push(`spot interruptions: ${spot.map(([pool, n]) => `${pool} ${n}`).join(', ')}`);
  out.push(
    ...listed(
      summary.hpas,
      (h) => `hpa ${h.name} → ${h.target}: ${h.syncs} syncs, ${h.scaleUps} scale-ups, ${h.scaleDowns} scale-downs`,
      (hs) => `hpa: ${hs.length} HPAs, ${sum(hs, (h) => h.syncs)} syncs, ${sum(hs, (h) => h.scaleUps)} scale-ups, ${sum(hs, (h) => h.scaleDowns)} scale-downs in all`,
    ),
    ...listed(
      summary.keda.scaledObjects,
      (so) => `keda ${so.name} → ${so.target}: ${so.polls} polls, ${so.scaleFromZero} from zero, ${so.scaleToZero} to zero`,
      (sos) => `keda: ${sos.length} ScaledObjects, ${sum(sos, (so) => so.polls)} polls, ${sum(sos, (so) => so.scaleFromZero)} from zero, ${sum(sos, (so) => so.scaleToZero)} to zero in all`,
    ),
    ...listed(
      summary.keda.scaledJobs,
      (j) => `scaledjob ${j.name}: ${j.jobsSucceeded}/${j.jobsCreated} jobs done, peak ${j.peakParallelJobs} in parallel`,
      (js) => `scaledjob: ${js.length} ScaledJobs, ${sum(js, (j) => j.jobsSucceeded)}/${sum(js, (j) => j.jobsCreated)} jobs done in all`,
    ),
  );
  for (const w of summary.workloads) if (w.rollouts !== undefined) out.push(rolloutLine(w.name, w.rollouts));
  const ca = summary.clusterAutoscaler;
  if (ca) out.push(`cluster-autoscaler: ${plural(ca.nodesAdded, 'node')} added, ${ca.nodesRemoved} removed (peak ${summary.nodeCount.peak}, mean ${summary.nodeCount.mean.toFixed(2)})`);
  for (const q of summary.resourceQuotas ?? []) out.push(`ResourceQuota ${q.namespace}/${q.name}: ${quotaUseText(q)}${q.failedCreates > 0 ? ' (FailedCreate rows in decisions.csv)' : ''}`);
  if (summary.scheduler) out.push(`kube-scheduler: ${summary.scheduler.preemptions} preemptions evicted ${summary.scheduler.victims} pods of lower priority (decisions.csv, scalesim explain --autoscaler kube-scheduler)`);
  const cost = formatCost(summary);
  if (cost) out.push(cost);
  for (const w of warnings) out.push(`warning: ${w}`);
  out.push('wrote:', ...fileLines(files));
  return out;
}

export function printRunSummary(summary: RunSummary, files: readonly string[], warnings?: readonly string[]): void {
  process.stdout.write(`${formatRunSummary(summary, files, warnings).join('\n')}\n`);
}
