/**
 * Samples the run every output interval into timeseries rows: per workload the offered, served and
 * dropped load (averaged over the interval), backlog, replicas, pending pods and container restarts; per HPA the metric
 * values it last saw; the node count; per ResourceQuota what it counts of each resource it limits.
 * It only reads the simulation. The summary's extremes and pod-seconds are not taken from these
 * samples (they would move with the interval): they come from the counts held between events
 * (src/core/held-value.ts) and the load flows.
 */
import { isActive } from '../cluster/model.js';
import { metricDisplayName } from '../autoscalers/hpa/evaluate-metric.js';
import { Phase } from '../core/phases.js';
import type { Cell } from '../report/csv-line.js';
import type { TableSink, TableSinkFactory } from '../report/table-sink.js';
import type { QuotaResource } from '../scenario/types.js';
import type { BuiltSimulation } from './build-simulation.js';
import type { FlowTotals } from './load-flow.js';

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** A quota resource's used column, its unit in the name: requests.cpu_used_millicores, pods_used. */
function quotaColumn(resource: QuotaResource): string {
  if (resource.endsWith('cpu')) return `${resource}_used_millicores`;
  if (resource.endsWith('memory')) return `${resource}_used_bytes`;
  return `${resource}_used`;
}

export class TimeseriesRecorder {
  readonly sink: TableSink;
  private previous: FlowTotals[];
  private previousTimeSeconds = 0;

  constructor(
    private readonly built: BuiltSimulation,
    tables: TableSinkFactory,
  ) {
    const header = ['time_s', 'time_h', 'nodes'];
    // Per pool: its nodes (a virtual pool: the pods on its virtual node) and nodes still booting.
    for (const g of built.nodeGroups) {
      if (g.spec.virtual !== undefined) header.push(`${g.name}.virtual_pods`);
      else header.push(`${g.name}.nodes`, `${g.name}.nodes_booting`);
    }
    for (const w of built.workloads) {
      const p = w.name;
      header.push(
        `${p}.offered_rps`,
        `${p}.served_rps`,
        `${p}.dropped_rps`,
        `${p}.backlog_requests`,
        `${p}.desired_replicas`,
        `${p}.ready_replicas`,
        `${p}.pods`,
        `${p}.pending_pods`,
        `${p}.unschedulable_pods`,
        `${p}.restarts`,
      );
      if (w.load?.queue !== undefined) header.push(`${p}.queue_messages`, `${p}.oldest_message_age_s`, `${p}.wait_s`);
    }
    for (const q of built.queues) header.push(`${q.name}.arrivals_per_s`, `${q.name}.queue_messages`, `${q.name}.oldest_message_age_s`);
    for (const j of built.keda.scaledJobs) header.push(`${j.spec.name}.jobs_unfinished`, `${j.spec.name}.jobs_running`);
    for (const h of built.hpas) {
      h.spec.metrics.forEach((m, i) => header.push(`${h.spec.name}.metric${i + 1}.${metricDisplayName(m)}`));
    }
    for (const q of built.quotas?.statuses() ?? []) {
      for (const resource of Object.keys(q.hard) as QuotaResource[]) header.push(`${q.namespace}/${q.name}.${quotaColumn(resource)}`);
    }
    this.sink = tables('timeseries.csv', header);
    this.previous = built.workloads.map((w) => ({ ...w.totals }));
  }

  /** Samples at every multiple of the output interval before the end; the caller samples the end. */
  start(): void {
    const { sim, scenario } = this.built;
    const interval = scenario.outputIntervalSeconds;
    sim.every(interval, interval, Phase.OBSERVE, 'recorder', () => this.sample(sim.nowSeconds), scenario.durationSeconds);
  }

  /** Records one row for the interval that ends at `nowSeconds`. */
  sample(nowSeconds: number): void {
    const dt = nowSeconds - this.previousTimeSeconds;
    if (!(dt > 0)) return;
    const nodeCount = this.built.nodeCount.value;
    const row: Cell[] = [round(nowSeconds, 3), round(nowSeconds / 3600, 4), nodeCount];
    for (const g of this.built.nodeGroups) {
      const nodes = g.nodes;
      if (g.spec.virtual !== undefined) row.push(nodes.reduce((n, node) => n + node.pods.length, 0));
      else row.push(nodes.length, g.upcoming.length);
    }
    this.built.workloads.forEach((w, i) => {
      w.settle(nowSeconds);
      const before = this.previous[i]!;
      const now = w.totals;
      const offered = (now.offeredRequests - before.offeredRequests) / dt;
      const served = (now.servedRequests - before.servedRequests) / dt;
      const dropped = (now.droppedRequests - before.droppedRequests) / dt;
      const pods = w.controller.pods;
      let pending = 0;
      let unschedulable = 0;
      for (const p of pods) {
        if (p.phase === 'Pending' && isActive(p)) pending++;
        if (p.unschedulable) unschedulable++;
      }
      const desired = w.controller.specReplicas;
      const ready = w.servingPods;
      const restarts = this.built.cluster.restartsByOwner[i] ?? 0;
      row.push(round(offered, 4), round(served, 4), round(dropped, 4), round(w.backlogRequests, 2), desired, ready, pods.length, pending, unschedulable, restarts);
      this.previous[i] = { ...now };
      if (w.flow !== undefined && w.load?.queue !== undefined) {
        // Mean wait of a message now (Little's law on the current backlog and service rate).
        const servedNow = w.servedRpsPerPod() * w.servingPods;
        const wait = servedNow > 0 ? w.backlogRequests / servedNow : w.backlogRequests > 0 ? w.flow.oldestMessageAgeSeconds(nowSeconds) : 0;
        row.push(round(w.backlogRequests, 2), round(w.flow.oldestMessageAgeSeconds(nowSeconds), 3), round(wait, 3));
      }
    });
    for (const q of this.built.queues) {
      q.settle(nowSeconds);
      row.push(round(q.flow.offeredRps, 4), round(q.flow.backlogRequests, 2), round(q.flow.oldestMessageAgeSeconds(nowSeconds), 3));
    }
    for (const j of this.built.keda.scaledJobs) row.push(j.unfinishedCount, j.runningCount);
    for (const h of this.built.hpas) {
      h.spec.metrics.forEach((_, i) => row.push(h.lastMetricValues[i] ?? ''));
    }
    for (const q of this.built.quotas?.statuses() ?? []) {
      for (const resource of Object.keys(q.hard) as QuotaResource[]) row.push(q.used[resource] ?? 0);
    }
    this.sink.row(row);
    this.previousTimeSeconds = nowSeconds;
  }
}

