/**
 * Wires a resolved scenario into a runnable simulation: nodes, workloads with their load, the
 * metrics-server, named metric series, one HPA controller per HPA, the scenario's faults, and the
 * controllers that follow a node's termination (node-teardown.ts). The initial replicas start
 * warm (Running and Ready before t = 0, with metric history), as in a cluster that was already
 * serving the trace's first load.
 */
import { Cluster } from '../cluster/cluster.js';
import type { UsageState } from '../cluster/cluster-listener.js';
import { DeploymentController } from '../cluster/deployment-controller.js';
import { scheduleRollouts } from './rollouts.js';
import type { RolloutWindows } from './rollout-windows.js';
import { StatefulSetController } from '../cluster/stateful-set-controller.js';
import type { SimPod } from '../cluster/model.js';
import { recordQuotaEvents } from './quota-records.js';
import type { QuotaLedger } from '../cluster/quota-ledger.js';
import type { ResourceQuotaResync } from '../cluster/resource-quota-resync.js';
import { recordSchedulerEvents, type PreemptionCounts } from './scheduler-records.js';
import { HpaController } from '../controllers/hpa-controller.js';
import { Phase } from '../core/phases.js';
import { Rng } from '../core/rng.js';
import { Simulation, type EventTimer } from '../core/simulation.js';
import { StepCursor } from '../load/step-series.js';
import { MetricsServer, workingSetOf } from '../metrics/metrics-server.js';
import { ObserverHub, type SimObserver } from '../observe/observer.js';
import type { Scenario } from '../scenario/types.js';
import { calculateCpuCaps } from './capacity.js';
import { NodeGroup } from '../cloud/node-group.js';
import { CloudCapacity } from '../cloud/cloud-capacity.js';
import { ElasticWorkloadController } from '../cluster/elastic-workload-controller.js';
import { BillingLedger } from './billing-ledger.js';
import { BillingObserver } from './billing-observer.js';
import type { ClusterAutoscalerController } from '../controllers/cluster-autoscaler/ca-controller.js';
import { buildClusterAutoscaler, ownerKindOf, podDisruptionBudgetsNow } from './build-cluster-autoscaler.js';
import { caPod } from '../controllers/cluster-autoscaler/snapshot.js';
import { NodeTeardown } from '../cloud/node-teardown.js';
import { buildKeda, type KedaBuild } from './build-keda.js';
import { StandaloneQueue } from './standalone-queue.js';
import { createMetricSeries, type MetricSeries } from './metric-series.js';
import { WorkloadRuntime } from './workload-runtime.js';
import { ContainerRestarter } from '../cluster/container-restarter.js';
import { scheduleFaults, type FaultCounts } from '../faults/registry.js';
import type { HeldValue } from '../core/held-value.js';
import { realNodeCount } from './node-count.js';
import { UnschedulablePods } from './unschedulable-pods.js';

/** Warm pods have been Ready this long before t = 0 (past the HPA's CPU initialization period). */
const WARM_START_AGE_SECONDS = 600;

export interface BuiltSimulation {
  scenario: Scenario;
  sim: Simulation;
  cluster: Cluster;
  workloads: WorkloadRuntime[];
  /** User HPAs and the HPAs KEDA generated. */
  hpas: HpaController[];
  keda: KedaBuild;
  /** Queues no Deployment consumes (spec.queues). */
  queues: StandaloneQueue[];
  metricsServer: MetricsServer;
  observers: ObserverHub;
  nodeGroups: NodeGroup[];
  /** What follows a node's termination: the cloud node lifecycle controller and the pod GC. */
  teardown: NodeTeardown;
  /** What every node and virtual pod cost, and each pool's capacity and use over time. */
  ledger: BillingLedger;
  billing: BillingObserver;
  clusterAutoscaler: ClusterAutoscalerController | undefined;
  /** Firings per kind of the scenario's faults (spec.faults, KEDA scaler faults aside). */
  faultCounts: FaultCounts;
  /** kube-scheduler's preemptions and the pods they evicted (0 without pod priorities). */
  preemptions: PreemptionCounts;
  /** Nodes of real pools (virtual ones excluded) over time, for the summary's peak and mean nodes. */
  nodeCount: HeldValue;
  /** Each workload's unschedulable pods over time, for the summary's pending pod-seconds. */
  unschedulable: UnschedulablePods;
  /** The ResourceQuotas' ledger (use, refusals); undefined when the scenario has none. */
  quotas: QuotaLedger | undefined;
  /** The resource quota controller's periodic resync (its grid's phase); undefined without quotas. */
  quotaResync: ResourceQuotaResync | undefined;
  /** Requests and response times over each rollout's stretch (a Deployment's or a StatefulSet's) (spec.rollouts). */
  rolloutWindows: RolloutWindows;
}

export function buildSimulation(scenario: Scenario, observers: SimObserver[] = [], timer?: EventTimer): BuiltSimulation {
  const sim = new Simulation(timer);
  const rng = new Rng(scenario.seed);
  const hub = new ObserverHub(observers);
  const cluster = new Cluster(sim, rng, scenario.config.startup, scenario.config.scheduler.scoringStrategy);
  const ledger = new BillingLedger();

  const loads = new Map(scenario.loads.map((l) => [l.workload, l]));
  const elasticBySource = new Map(scenario.elasticWorkloads.map((e) => [e.sourceTarget.name, e]));
  const workloads = scenario.workloads.map((spec, index) => {
    const owner = { name: spec.name, namespace: spec.namespace, index, kind: spec.kind };
    const elastic = elasticBySource.get(spec.name);
    const controller =
      elastic !== undefined
        ? new ElasticWorkloadController(elastic, spec, owner, cluster, sim)
        : spec.kind === 'StatefulSet'
          ? new StatefulSetController(spec, owner, cluster, sim)
          : new DeploymentController(spec, owner, cluster, sim);
    const load = loads.get(spec.name);
    const caps = load === undefined ? undefined : calculateCpuCaps(spec, load, scenario.nodePools, elastic);
    return new WorkloadRuntime(sim, controller, load, caps);
  });
  if (scenario.podDisruptionBudgets.length > 0) cluster.scheduler.preemptionPdbs = () => podDisruptionBudgetsNow(scenario, workloads);
  const teardown = new NodeTeardown(sim, cluster, rng);
  const ownerKind = ownerKindOf(workloads);
  const evictions = { pdbs: () => podDisruptionBudgetsNow(scenario, workloads), view: (pod: SimPod) => caPod(pod, ownerKind) };
  const capacity = new CloudCapacity();
  const nodeGroups = scenario.nodePools.map((pool) => new NodeGroup(pool, cluster, sim, rng.stream(`cloud/${pool.name}`), ledger, { teardown, evictions, capacity }));
  const metricsServer = new MetricsServer(scenario.config.metricsServer.resolutionSeconds);
  // The billing observer hears a pod's end before the workload's CPU ledger forgets the pod.
  const billing = new BillingObserver(sim, ledger, (pod, t) => {
    const w = workloads[pod.owner.index];
    return { cpuMillicoreSeconds: w?.cpuLifetimeMilliSeconds(pod, t) ?? 0, memoryByteSeconds: w?.memoryCumulativeByteSeconds(pod, t) ?? 0 };
  });
  cluster.addListener(billing);
  const nodeCount = realNodeCount(cluster, sim);
  const unschedulable = new UnschedulablePods(cluster, sim);
  // Pods of workloads have owner indexes 0 … n−1; ScaledJob pods come after them.
  let keda: KedaBuild | undefined;
  cluster.addListener({
    usageStateChanging: (pod: SimPod, from: UsageState, to: UsageState) => {
      const workload = workloads[pod.owner.index];
      // metrics-server first: a shared pod takes its last point from the account it followed.
      if (workload !== undefined) metricsServer.usageChanging(pod, workload);
      workload?.usageStateChanging(pod, from, to);
      // A container that stops (gone, finished, crashed, its node down) keeps its last sample until
      // the next scrape, which finds it not running and drops it (MetricsServer.scrape).
    },
    unreachableEndpointChanging: (pod: SimPod, unreachable: boolean) => workloads[pod.owner.index]?.unreachableEndpointChanging(pod, unreachable),
    podChanged: (pod: SimPod) => {
      const workload = workloads[pod.owner.index];
      if (workload !== undefined) workload.controller.podChanged(pod);
      else keda?.scaledJobs[pod.owner.index - workloads.length]?.podChanged(pod);
    },
  });

  const preemptions = recordSchedulerEvents(scenario, sim, cluster, hub);
  const quotaRecords = recordQuotaEvents(scenario, sim, rng, cluster, hub);
  const rolloutWindows = scheduleRollouts(scenario, workloads, sim, hub);

  const queues = scenario.queues.map((q) => new StandaloneQueue(q));
  for (const group of nodeGroups) group.startInitial();
  startLoad(scenario, sim, [
    ...workloads.flatMap((w) =>
      w.load === undefined
        ? []
        : [{ name: w.name, trace: w.load.trace, prime: (rps: number) => w.primeOfferedRps(rps), setOfferedRps: (rps: number, t: number) => w.setOfferedRps(rps, t) }],
    ),
    ...queues.map((q) => ({ name: q.name, trace: q.spec.trace, prime: (rps: number) => (q.flow.offeredRps = rps), setOfferedRps: (rps: number, t: number) => q.setOfferedRps(rps, t) })),
  ]);
  startWarm(sim, workloads, metricsServer, rng);
  const faultCounts = scheduleFaults(scenario.faults, {
    sim,
    cluster,
    capacity,
    restarter: new ContainerRestarter(cluster, sim),
    tainter: teardown.tainter,
    metricsServer,
    workloads: new Map(workloads.map((w) => [w.name, w.controller])),
    rng,
  });

  const traces = new Map(scenario.traces.map((t) => [t.name, t]));
  const byName = new Map(workloads.map((w) => [w.name, w]));
  const series = new Map<string, MetricSeries>(
    scenario.series.map((s) => [s.name, createMetricSeries(s, traces, byName, sim, scenario.config.metricsServer.resolutionSeconds)]),
  );
  const elasticByName = new Map(scenario.elasticWorkloads.map((e) => [e.name, e]));
  const userHpas = scenario.hpas.map((spec) => {
    // An HPA on an ElasticWorkload scales its total through the scale subresource.
    const ref = spec.scaleTargetRef;
    const targetName = ref.kind === 'ElasticWorkload' ? (elasticByName.get(ref.name)?.sourceTarget.name ?? ref.name) : ref.name;
    const target = byName.get(targetName);
    if (target === undefined) throw new Error(`HPA ${spec.name}: no workload ${spec.scaleTargetRef.name}`);
    const controller = new HpaController(spec, target, metricsServer, series, scenario.config.hpa, hub);
    controller.start(sim, rng.stream(`hpa/${spec.name}`).next() * scenario.config.hpa.syncPeriodSeconds);
    return controller;
  });
  keda = buildKeda({
    scenario, sim, rng, cluster, workloads, queues, metricsServer, series, observer: hub, firstJobOwnerIndex: workloads.length,
    scalerFaultFired: () => faultCounts.set('scalerUnavailable', (faultCounts.get('scalerUnavailable') ?? 0) + 1),
  });
  const hpas = [...userHpas, ...keda.generatedHpas];
  const clusterAutoscaler = buildClusterAutoscaler({ scenario, sim, rng, cluster, groups: nodeGroups, workloads, observer: hub });
  return { scenario, sim, cluster, workloads, hpas, keda, queues, metricsServer, observers: hub, nodeGroups, teardown, ledger, billing, clusterAutoscaler, faultCounts, preemptions, quotas: quotaRecords?.ledger, quotaResync: quotaRecords?.resync, nodeCount, unschedulable, rolloutWindows };
}

/** Something whose offered rate follows a trace: a workload's load or a standalone queue. */
interface LoadTarget {
  name: string;
  trace: string;
  prime(rps: number): void;
  setOfferedRps(rps: number, nowSeconds: number): void;
}

/** Sets each target's offered rate at t = 0 and schedules an event at every trace breakpoint. */
function startLoad(scenario: Scenario, sim: Simulation, targets: LoadTarget[]): void {
  const traces = new Map(scenario.traces.map((t) => [t.name, t]));
  for (const target of targets) {
    const trace = traces.get(target.trace);
    if (trace === undefined) throw new Error(`${target.name}: no trace named ${target.trace}`);
    const cursor = new StepCursor(trace.rate, trace.loop);
    target.prime(cursor.valueAt(0));
    const scheduleNext = (after: number): void => {
      const next = cursor.nextChangeAfter(after);
      if (next >= scenario.durationSeconds) return;
      sim.scheduleAt(next, Phase.LOAD, `load/${target.name}`, () => {
        target.setOfferedRps(cursor.valueAt(next), next);
        scheduleNext(next);
      });
    };
    scheduleNext(0);
  }
}

/**
 * Warm start of the initial replicas and of metrics-server's history, then the scrape loop. The
 * workloads' pods are placed in kube-scheduler's queue order (PrioritySort: higher pod priority
 * first, then creation order, here the manifests' order), so that which pods hold the nodes at t = 0
 * does not depend on the order of the files: a steady cluster has no pod pending that could preempt
 * a running one of lower priority.
 */
function startWarm(sim: Simulation, workloads: WorkloadRuntime[], metricsServer: MetricsServer, rng: Rng): void {
  const resolution = metricsServer.resolutionSeconds;
  const firstScrapeSeconds = rng.stream('metrics-server').next() * resolution;
  const primeSeconds = firstScrapeSeconds - resolution;
  const running = new Map<WorkloadRuntime, SimPod[]>();
  for (const w of schedulingOrder(workloads)) running.set(w, w.controller.warmStart(-WARM_START_AGE_SECONDS));
  for (const w of workloads) {
    const pods = running.get(w)!;
    for (const pod of pods) w.seedPod(pod, 'serving');
    // As if the pods had used their t = 0 CPU since before the previous scrape (each its class's, when their caps differ).
    const memory = w.workingSetBytes(0);
    for (const pod of pods) metricsServer.prime(pod, w.load === undefined ? 0 : w.servingCpuMillicores(pod), workingSetOf(pod, memory), primeSeconds);
    w.startIdleCheck(0);
  }
  sim.every(firstScrapeSeconds, resolution, Phase.METRICS, 'metrics-server', () => {
    for (const w of workloads) metricsServer.scrape(w.controller.pods, sim.nowSeconds, w);
  });
}

/** PrioritySort's order for the warm start: higher spec.priority first, ties in the given order (a stable sort). */
function schedulingOrder(workloads: readonly WorkloadRuntime[]): WorkloadRuntime[] {
  return [...workloads].sort((a, b) => (b.controller.spec.template.priority ?? 0) - (a.controller.spec.template.priority ?? 0));
}

