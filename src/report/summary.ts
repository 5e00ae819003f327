/**
 * The run summary (summary.json): pure function of what the run collected (totals, the counts held
 * between events, the cost report). Golden tests
 * compare it; it holds no wall-clock figures so that the same seed gives the same bytes.
 */
import { relative, resolve } from 'node:path';
import { ResponseTimeAccumulator } from '../load/response-time-accumulator.js';
import type { ColdStartSummary } from '../engine/cold-starts.js';
import type { CostReport } from './cost/cost-report.js';
import { summarizeCost, type CostSummary } from './cost/cost-summary.js';
import { summarizeKeda, type KedaSummary } from './keda-summary.js';
import type { BuiltSimulation } from '../engine/build-simulation.js';
import type { RolloutWindows, WindowFigures } from '../engine/rollout-windows.js';
import type { QuotaLedger } from '../cluster/quota-ledger.js';
import { DeploymentController } from '../cluster/deployment-controller.js';
import { StatefulSetController } from '../cluster/stateful-set-controller.js';
import type { WorkloadController } from '../cluster/workload-controller.js';
import { quotaQuantityText, type QuotaAmounts } from '../cluster/quota-usage.js';
import type { QuotaResource } from '../scenario/types.js';
import { percentOfOffered } from './offered-share.js';
import { roundFigure, roundRequests } from './round-figure.js';

export interface WorkloadSummary {
  name: string;
  offeredRequests: number;
  servedRequests: number;
  droppedRequests: number;
  backlogAtEndRequests: number;
  /** Shares of offeredRequests; null when none were offered over the run (./offered-share.ts). */
  servedPercent: number | null;
  droppedPercent: number | null;
  responseTimeSeconds: { mean: number; p50: number; p95: number; p99: number };
  replicas: { initial: number; peakDesired: number; peakReady: number; minReady: number; meanReady: number };
  pendingPodSeconds: number;
  underProvisionedSeconds: number;
  /** Work that arrived while no pod served (scaled to zero), until the first pod was ready. */
  coldStarts: ColdStartSummary;
  /** Container restarts of the workload's pods (Σ restartCount, pods gone included). */
  restarts: number;
  /** Queue workers: the largest age of the oldest waiting message. */
  peakOldestMessageAgeSeconds?: number;
  /** A Deployment's or StatefulSet's rollouts (spec.rollouts), oldest first; only for workloads that had one. */
  rollouts?: RolloutSummary[];
}

/**
 * One rollout: when it began, when `kubectl rollout status` would return (a Deployment: every pod
 * updated and available, no old pod left active; a StatefulSet: spec.replicas Ready and every pod
 * from the partition up updated), how long that took, and when it first exceeded
 * progressDeadlineSeconds (Deployments only) or gave way to the next rollout (null: did not).
 */
export interface RolloutSummary {
  revision: number;
  /** A Deployment's: the new ReplicaSet. */
  replicaSet?: string;
  /** A StatefulSet's: the update revision's ControllerRevision. */
  controllerRevision?: string;
  startedSeconds: number;
  completedSeconds: number | null;
  durationSeconds: number | null;
  progressDeadlineExceededSeconds: number | null;
  supersededSeconds: number | null;
  /** Ready pods when it began; the fewest ready and the most pods (surge included) while it ran. */
  pods: { readyAtStart: number; minReady: number; peak: number };
  /**
   * The requests over its stretch (start to completion, supersession or the end of the run) and
   * their response times; null for a workload without a load model.
   */
  requests: { offered: number; served: number; dropped: number; servedPercent: number | null; responseTimeSeconds: { p50: number; p95: number; p99: number } } | null;
}

export interface ResourceQuotaSummary {
  name: string;
  namespace: string;
  /** spec.hard, as quantities (2, 500m, 4Gi, 10). */
  hard: Record<string, string>;
  /** The most the quota counted of each resource at once. */
  peakUsed: Record<string, string>;
  /** Controller syncs that had pod creates refused (FailedCreate events), and the creates refused. */
  failedCreates: number;
  refusedPods: number;
}

export interface HpaSummary {
  name: string;
  target: string;
  syncs: number;
  scaleUps: number;
  scaleDowns: number;
}

export interface RunSummary {
  scenario: string;
  seed: number;
  durationSeconds: number;
  outputIntervalSeconds: number;
  /** spec.decisions (or --decisions): which rows decisions.csv kept; `explain` reads it (changes: a row stays in force until the next). */
  decisions: 'all' | 'changes' | 'none';
  /** Nodes at the end of the run (virtual nodes excluded). */
  nodes: number;
  /** Most nodes and the mean node count, over the count as it was held between events. */
  nodeCount: { peak: number; mean: number };
  workloads: WorkloadSummary[];
  hpas: HpaSummary[];
  keda: KedaSummary;
  /** Cost per capacity class and pool (src/report/cost); money in each price's own currency. */
  cost: CostSummary;
  /** spec.faults firings per kind (kinds that hit something), sorted by kind. */
  faults: Record<string, number>;
  clusterAutoscaler?: { scans: number; scaleUps: number; nodesAdded: number; nodesRemoved: number };
  /** Spot nodes the cloud interrupted (deleted after the notice), per pool; only when there were any. */
  spotInterruptions?: Record<string, number>;
  /** kube-scheduler's preemptions (pod priorities; DefaultPreemption) and the pods they evicted; only when there were any. */
  scheduler?: { preemptions: number; victims: number };
  /** Each ResourceQuota (only in runs with some): its hard limits, the most it counted, and the pod creates it refused. */
  resourceQuotas?: ResourceQuotaSummary[];
  eventsProcessed: number;
  warnings: string[];
}

function quantities(amounts: QuotaAmounts): Record<string, string> {
  return Object.fromEntries((Object.entries(amounts) as [QuotaResource, number][]).map(([res, v]) => [res, quotaQuantityText(res, v)]));
}

function summarizeQuotas(ledger: QuotaLedger): ResourceQuotaSummary[] {
  return ledger.statuses().map((q) => ({ name: q.name, namespace: q.namespace, hard: quantities(q.hard), peakUsed: quantities(q.peakUsed), failedCreates: q.failedCreates, refusedPods: q.refusedPods }));
}

const r = roundFigure;

function roundColdStarts(c: ColdStartSummary): ColdStartSummary {
  return { count: c.count, meanDelaySeconds: r(c.meanDelaySeconds, 3), maxDelaySeconds: r(c.maxDelaySeconds, 3) };
}

function spotInterruptions(built: BuiltSimulation): Pick<RunSummary, 'spotInterruptions'> {
  const byPool = built.nodeGroups.filter((g) => g.interruptions > 0).map((g) => [g.spec.name, g.interruptions] as const);
  return byPool.length > 0 ? { spotInterruptions: Object.fromEntries(byPool) } : {};
}

function rolloutRequests(window: WindowFigures | undefined): RolloutSummary['requests'] {
  if (window === undefined) return null;
  const rt = window.responseTimeSeconds;
  return {
    offered: roundRequests(window.offeredRequests),
    served: roundRequests(window.servedRequests),
    dropped: roundRequests(window.droppedRequests),
    servedPercent: percentOfOffered(window.servedRequests, window.offeredRequests),
    responseTimeSeconds: { p50: r(rt.p50), p95: r(rt.p95), p99: r(rt.p99) },
  };
}

function rolloutsOf(controller: WorkloadController, windows: RolloutWindows): Pick<WorkloadSummary, 'rollouts'> {
  const deployment = controller instanceof DeploymentController;
  if (!(deployment || controller instanceof StatefulSetController) || controller.rollouts.length === 0) return {};
  const seconds = (v: number | undefined): number | null => (v === undefined ? null : r(v, 3));
  return {
    rollouts: controller.rollouts.map((o) => ({
      revision: o.revision,
      ...(deployment ? { replicaSet: o.revisionName } : { controllerRevision: o.revisionName }),
      startedSeconds: r(o.startedSeconds, 3),
      completedSeconds: seconds(o.completedSeconds),
      durationSeconds: seconds(o.completedSeconds === undefined ? undefined : o.completedSeconds - o.startedSeconds),
      progressDeadlineExceededSeconds: seconds(o.deadlineExceededSeconds),
      supersededSeconds: seconds(o.supersededSeconds),
      pods: { readyAtStart: o.readyPodsAtStart, minReady: o.minReadyPods, peak: o.peakPods },
      requests: rolloutRequests(windows.of(o)),
    })),
  };
}

export function summarizeRun(built: BuiltSimulation, cost: CostReport): RunSummary {
  const { scenario } = built;
  // Extremes and pod-seconds over the counts as they were held between events, not the output samples.
  const end = scenario.durationSeconds;
  const nodes = built.nodeCount.extremes(end);
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    durationSeconds: scenario.durationSeconds,
    outputIntervalSeconds: scenario.outputIntervalSeconds,
    decisions: scenario.decisions,
    nodes: built.cluster.nodes.filter((n) => n.pool.virtual === undefined && n.instanceGoneSeconds === undefined).length,
    nodeCount: { peak: nodes.peak, mean: scenario.durationSeconds > 0 ? r(nodes.integral / scenario.durationSeconds, 4) : 0 },
    workloads: built.workloads.map((w, i) => {
      const t = w.totals;
      const desired = w.controller.specReplicasHeld.extremes(end);
      const ready = w.servingHeld.extremes(end);
      const rt = w.flow?.responseTimes ?? new ResponseTimeAccumulator();
      return {
        name: w.name,
        offeredRequests: roundRequests(t.offeredRequests),
        servedRequests: roundRequests(t.servedRequests),
        droppedRequests: roundRequests(t.droppedRequests),
        backlogAtEndRequests: roundRequests(w.backlogRequests),
        servedPercent: percentOfOffered(t.servedRequests, t.offeredRequests),
        droppedPercent: percentOfOffered(t.droppedRequests, t.offeredRequests),
        responseTimeSeconds: { mean: r(rt.meanSeconds()), p50: r(rt.quantileSeconds(0.5)), p95: r(rt.quantileSeconds(0.95)), p99: r(rt.quantileSeconds(0.99)) },
        replicas: {
          initial: w.controller.initialReplicas,
          peakDesired: desired.peak,
          peakReady: ready.peak,
          minReady: ready.min,
          meanReady: scenario.durationSeconds > 0 ? r(w.servingPodSeconds / scenario.durationSeconds, 4) : 0,
        },
        pendingPodSeconds: r(built.unschedulable.of(w.controller.owner.index)?.extremes(end).integral ?? 0, 3),
        underProvisionedSeconds: r(w.flow?.underProvisionedSeconds ?? 0, 3),
        coldStarts: roundColdStarts(w.coldStarts.summary()),
        restarts: built.cluster.restartsByOwner[i] ?? 0,
        ...(w.load?.queue !== undefined && w.flow ? { peakOldestMessageAgeSeconds: r(w.flow.peakOldestAgeSeconds, 3) } : {}),
        ...rolloutsOf(w.controller, built.rolloutWindows),
      };
    }),
    hpas: built.hpas.map((h) => ({
      name: h.spec.name,
      target: h.spec.scaleTargetRef.name,
      syncs: h.counts.syncs,
      scaleUps: h.counts.scaleUps,
      scaleDowns: h.counts.scaleDowns,
    })),
    keda: summarizeKeda(built),
    cost: summarizeCost(cost),
    faults: Object.fromEntries([...built.faultCounts].sort(([a], [b]) => a.localeCompare(b))),
    ...(built.clusterAutoscaler ? { clusterAutoscaler: { ...built.clusterAutoscaler.counts } } : {}),
    ...spotInterruptions(built),
    ...(built.preemptions.preemptions > 0 ? { scheduler: { ...built.preemptions } } : {}),
    ...(built.quotas !== undefined ? { resourceQuotas: summarizeQuotas(built.quotas) } : {}),
    eventsProcessed: built.sim.eventsProcessed,
    // Paths relative to the scenario folder, so the summary is the same wherever the folder lives.
    warnings: scenario.warnings.map((w) => {
      const file = relative(scenario.dir, resolve(w.file)) || w.file;
      return `${file}${w.line ? `:${w.line}` : ''}${w.field ? ` ${w.field}` : ''}: ${w.message}`;
    }),
  };
}
