/** The compact table printed after a run: served %, response time, replicas, scale events, files. */
import type { RunSummary } from '../report/summary.js';
import { padColumns } from '../report/text-columns.js';

export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : '', s || seconds === 0 ? `${s}s` : ''].join('');
}

/** `cost 165.03 CNY (reserved 161.10, virtual 3.94)`, or undefined when nothing is priced. */
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

export function printRunSummary(summary: RunSummary, files: string[]): void {
  const out: string[] = [];
  out.push(`scenario ${summary.scenario}: ${formatDuration(summary.durationSeconds)} simulated, seed ${summary.seed}, ${summary.nodes} nodes, ${summary.eventsProcessed} events`);
  const header = ['workload', 'served %', 'dropped %', 'p50 ms', 'p95 ms', 'p99 ms', 'replicas min/mean/peak', 'pending pod-s', 'restarts'];
  const rows = summary.workloads.map((w) => [
    w.name,
    w.servedPercent.toFixed(3),
    w.droppedPercent.toFixed(3),
    (w.responseTimeSeconds.p50 * 1000).toFixed(1),
    (w.responseTimeSeconds.p95 * 1000).toFixed(1),
    (w.responseTimeSeconds.p99 * 1000).toFixed(1),
    `${w.replicas.minReady}/${w.replicas.meanReady.toFixed(2)}/${w.replicas.peakReady}`,
    w.pendingPodSeconds.toFixed(0),
    String(w.restarts),
  ]);
  out.push(...padColumns([header, ...rows], () => 'left').map((cells) => cells.join('  ')));
  const faults = Object.entries(summary.faults);
  if (faults.length > 0) out.push(`faults fired: ${faults.map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  for (const h of summary.hpas) out.push(`hpa ${h.name} → ${h.target}: ${h.syncs} syncs, ${h.scaleUps} scale-ups, ${h.scaleDowns} scale-downs`);
  for (const so of summary.keda.scaledObjects) out.push(`keda ${so.name} → ${so.target}: ${so.polls} polls, ${so.scaleFromZero} from zero, ${so.scaleToZero} to zero`);
  for (const j of summary.keda.scaledJobs) out.push(`scaledjob ${j.name}: ${j.jobsSucceeded}/${j.jobsCreated} jobs done, peak ${j.peakParallelJobs} in parallel`);
  const ca = summary.clusterAutoscaler;
  if (ca) out.push(`cluster-autoscaler: ${ca.nodesAdded} nodes added, ${ca.nodesRemoved} removed (peak ${summary.nodeCount.peak}, mean ${summary.nodeCount.mean.toFixed(2)})`);
  const cost = formatCost(summary);
  if (cost) out.push(cost);
  for (const w of summary.warnings) out.push(`warning: ${w}`);
  out.push('wrote:', ...files.map((f) => `  ${f}`));
  process.stdout.write(`${out.join('\n')}\n`);
}
