/**
 * Builds the KEDA side of a simulation: one ScaledObjectController per ScaledObject (with its
 * generated HPA) and one ScaledJobController per ScaledJob, reading triggers from the workloads'
 * queues, the named series and the clock. Loop phases are offset at random from the `keda/<name>`
 * streams, as independent controllers are in a real cluster.
 */
import type { Cluster } from '../cluster/cluster.js';
import type { HpaController } from '../controllers/hpa-controller.js';
import { ScaledJobController } from '../controllers/keda/scaled-job-controller.js';
import { ScaledObjectController } from '../controllers/keda/scaled-object-controller.js';
import type { QueueSource, TriggerReadContext } from '../controllers/keda/trigger-reader.js';
import type { Rng } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import type { MetricsServer } from '../metrics/metrics-server.js';
import type { SimObserver } from '../observe/observer.js';
import type { ScalerFaultSpec, Scenario } from '../scenario/types.js';
import type { LoadFlow } from './load-flow.js';
import type { MetricSeries } from './metric-series.js';
import type { StandaloneQueue } from './standalone-queue.js';
import type { WorkloadRuntime } from './workload-runtime.js';

export interface KedaBuild {
  scaledObjects: ScaledObjectController[];
  scaledJobs: ScaledJobController[];
  /** The HPAs KEDA generated (they run like user HPAs and are reported with them). */
  generatedHpas: HpaController[];
}

export interface KedaBuildInput {
  scenario: Scenario;
  sim: Simulation;
  rng: Rng;
  cluster: Cluster;
  workloads: readonly WorkloadRuntime[];
  queues: readonly StandaloneQueue[];
  metricsServer: MetricsServer;
  series: ReadonlyMap<string, MetricSeries>;
  observer: SimObserver;
  /** Owner index of the first ScaledJob's pods (workloads take 0 … n−1). */
  firstJobOwnerIndex: number;
  /** A scalerUnavailable fault failed its first read (the summary's `faults` counts it). */
  scalerFaultFired?: () => void;
}

export function buildKeda(input: KedaBuildInput): KedaBuild {
  const { scenario, sim, rng, workloads } = input;
  const byName = new Map(workloads.map((w) => [w.name, w]));
  const flows = new Map<string, LoadFlow>();
  const queues = new Map<string, QueueSource>();
  for (const w of workloads) {
    const queue = w.load?.queue;
    if (queue === undefined || w.flow === undefined) continue;
    queues.set(queue.name, w);
    flows.set(queue.name, w.flow);
  }
  for (const q of input.queues) {
    queues.set(q.name, q);
    flows.set(q.name, q.flow);
  }
  const firedFaults = new Set<ScalerFaultSpec>();
  const reads: TriggerReadContext = {
    queues,
    series: input.series,
    sources: scenario.triggerSources,
    faults: scenario.scalerFaults,
    faultHit: (fault) => {
      if (firedFaults.has(fault)) return;
      firedFaults.add(fault);
      input.scalerFaultFired?.();
    },
    startEpochSeconds: scenario.startEpochSeconds,
  };
  const scaledObjects = scenario.scaledObjects.map((so) => {
    const target = byName.get(so.scaleTargetRef.name);
    if (target === undefined) throw new Error(`ScaledObject ${so.name}: no workload ${so.scaleTargetRef.name}`);
    const controller = new ScaledObjectController(so, {
      sim,
      target,
      metricsServer: input.metricsServer,
      series: input.series,
      hpaConfig: scenario.config.hpa,
      observer: input.observer,
      reads,
    });
    const stream = rng.stream(`keda/${so.name}`);
    // scale_handler.go startScaleLoop checks the scalers at once when the object is reconciled (t = 0
    // here, the time initialCooldownPeriod counts from), then every pollingInterval. The draw that
    // once placed the first poll is still made, so the generated HPA keeps its phase.
    stream.next();
    controller.start(0, stream.next() * scenario.config.hpa.syncPeriodSeconds);
    return controller;
  });
  const scaledJobs = scenario.scaledJobs.map((sj, j) => {
    const run = scenario.jobRuns.find((r) => r.scaledJob === sj.name);
    const template = scenario.jobTemplates.find((t) => t.name === sj.name);
    const queue = run === undefined ? undefined : flows.get(run.queue);
    const source = run === undefined ? undefined : queues.get(run.queue);
    if (run === undefined || template === undefined || queue === undefined || source === undefined) throw new Error(`ScaledJob ${sj.name}: no job run, template or queue`);
    const controller = new ScaledJobController(sj, {
      sim,
      cluster: input.cluster,
      owner: { name: sj.name, namespace: sj.namespace, index: input.firstJobOwnerIndex + j },
      template: template.template,
      run,
      queue,
      settleQueue: (nowSeconds) => source.settle(nowSeconds),
      observer: input.observer,
      reads,
    });
    // As a ScaledObject's: the first check when the object is reconciled (t = 0), then every pollingInterval.
    controller.start(0);
    return controller;
  });
  return { scaledObjects, scaledJobs, generatedHpas: scaledObjects.map((c) => c.hpa) };
}
