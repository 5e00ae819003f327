/**
 * loadScenario: a scenario folder (scenario.yaml, the Kubernetes manifests it lists, the trace files
 * it binds) → the resolved Scenario the simulation is built from (node pools with their billing and
 * virtual pools, workloads, ElasticWorkloads, PDBs, HPAs, KEDA objects with their trigger sources,
 * faults and job runs, cluster-autoscaler settings, currencies). Every problem found in any file is
 * collected and thrown together as one UserInputError; nothing else is thrown for bad input.
 */
import path from 'node:path';
import { HPA_DEFAULTS } from '../autoscalers/hpa/config.js';
import { STARTUP_DEFAULTS } from '../cluster/startup-defaults.js';
import { RESOURCE_QUOTA_DEFAULTS } from '../cluster/resource-quota-resync.js';
import { UserInputError } from '../errors/user-input-error.js';
import { readTextFile } from './files.js';
import { checkElasticWorkloads } from './elastic-workload-checks.js';
import { checkHpas } from './hpa-cross-checks.js';
import { readManifests } from './manifests/read-manifests.js';
import { withDaemonSetPods } from './node-pools/daemon-set-pods.js';
import { admitRuntimeClasses } from './manifests/runtime-class-admission.js';
import { checkQuotaConstraints, orderedQuotas } from './manifests/quota-constraints.js';
import { admitLimitRanges } from './manifests/limit-ranger.js';
import { resolvePodPriorities } from './manifests/pod-priority.js';
import { resolveNamespaceSelectors } from './manifests/namespace-selectors.js';
import type { ManifestSet } from './manifests/manifest-set.js';
import { warnAboutAffinityNoPoolMatches } from './node-pools/node-affinity-warnings.js';
import { warnAboutPodsThatFitNoPool, type PodSource } from './node-pools/pod-fit-warnings.js';
import { resolveNodePools } from './node-pools/resolve-node-pools.js';
import { ProblemSink } from './problem-sink.js';
import { resolveKeda } from './keda/resolve-keda.js';
import { resolveFaults } from './faults/resolve-faults.js';
import { resolveRollouts } from './resolve-rollouts.js';
import { poolsThatAddNodes, warnAboutFaultsThatNeverFire } from './faults/fault-reach.js';
import { workloadPodBounds } from './faults/workload-pod-bounds.js';
import { resolveClusterAutoscaler } from './resolve-cluster-autoscaler.js';
import { resolveCurrency } from './resolve-currency.js';
import { resolveLoadModels } from './resolve-load-models.js';
import { resolveStandaloneQueues } from './resolve-queues.js';
import { resolveSeries } from './resolve-series.js';
import { resolveStartTime } from './resolve-start-time.js';
import { resolveRunLength, checkOverrides } from './run-checks.js';
import { readScenarioSections, type ScenarioSections } from './scenario-sections.js';
import { METRICS_SERVER_DEFAULTS, SCENARIO_DEFAULTS, SCHEDULER_DEFAULTS } from './schema/scenario-defaults.js';
import { resolveTraces } from './traces/resolve-traces.js';
import type { DecisionDetail } from './schema/scenario-schema.js';
import type { Scenario } from './types.js';
import { DocRef } from './yaml/doc-ref.js';
import { poolZones } from './node-pools/pool-zones.js';
import type { DocumentPatch } from './yaml/document-patch.js';
import { parseYamlDocuments } from './yaml/yaml-file.js';

/** The scenario file inside a scenario folder. */
export const SCENARIO_FILE_NAME = 'scenario.yaml';

export interface ScenarioOverrides {
  /** Replaces spec.seed (integer ≥ 0). */
  seed?: number;
  /** Replaces spec.duration, seconds (> 0). */
  durationSeconds?: number;
  /** Replaces spec.decisions. */
  decisions?: DecisionDetail;
  /** Field changes to scenario.yaml or to manifest objects (compare variants); each must match a document. */
  patches?: DocumentPatch[];
}

/**
 * Loads and validates the scenario in `dir` (relative to the working directory, or absolute; file
 * names in problems keep that form). Resolves defaults, quantities and durations, reads the manifests
 * and traces, and cross-checks them. Throws UserInputError listing every problem found.
 */
export async function loadScenario(dir: string, overrides: ScenarioOverrides = {}): Promise<Scenario> {
  const sink = new ProblemSink();
  const scenarioFile = path.join(dir, SCENARIO_FILE_NAME);
  const text = await readTextFile(scenarioFile);
  if (!text.ok) {
    // A file that is there but unreadable as text has its own hint; a missing one, where scenario.yaml goes.
    const hint = text.kind === 'content' ? text.hint : 'pass the folder that holds scenario.yaml';
    throw new UserInputError({ file: scenarioFile, message: text.message, ...(hint ? { hint } : {}) });
  }
  const patches = overrides.patches ?? [];
  const applied = new Set<DocumentPatch>();
  const { documents, problems } = parseYamlDocuments(text.value, scenarioFile, patches, applied);
  sink.errors(problems);
  sink.throwIfAny();
  const [document, extra] = documents;
  if (!document || extra) {
    const message = document ? 'scenario.yaml must hold one document; found several (---)' : 'scenario.yaml is empty';
    throw new UserInputError({ file: scenarioFile, line: extra ? extra.lineCounter.linePos(extra.doc.range[0]).line : 1, message });
  }
  const ref = new DocRef(document);
  const sections = readScenarioSections(ref, sink);
  checkOverrides(overrides, sink);
  const manifests = await readManifests(dir, sections.manifests, ref, sink, patches, applied);
  admitLimitRanges(manifests, sink);
  resolvePodPriorities(manifests, sink);
  resolveNamespaceSelectors(manifests, sink);
  admitRuntimeClasses(manifests, sink);
  checkQuotaConstraints(manifests, sink);
  for (const p of patches) {
    if (!applied.has(p)) {
      sink.error({ file: '(variant)', field: p.target, message: `override "${p.text}" matches no document: expected "scenario" or <Kind>/<name> of a manifest object` });
    }
  }
  const traces = await resolveTraces(dir, sections.traces, sections.uncheckedTraceFiles, ref, sink, overrides.durationSeconds ?? sections.durationSeconds);
  const nodePools = withDaemonSetPods(resolveNodePools(sections.nodePools, ref, sink), manifests.daemonSets, sink);
  const elasticSources = checkElasticWorkloads(manifests, sink);
  const context = { manifests, traceNames: sections.traceNames, scenarioRef: ref, sink };
  const loads = resolveLoadModels(sections.workloads, context);
  const series = resolveSeries(sections.series, context);
  checkHpas({ ...context, seriesNames: sections.seriesNames, loadModelNames: sections.workloadNames, elasticSources });
  const queues = resolveStandaloneQueues(sections.queues, { traceNames: sections.traceNames, loads, scenarioRef: ref, sink });
  const start = resolveStartTime(sections.startTime, loads, traces.origins);
  const { adoptedHpas, pausedReplicas, ...keda } = resolveKeda({ manifests, loads, queues, sections, elasticSources, start, scenarioRef: ref, sink });
  const zonesByPool = poolZones(nodePools);
  const faults = resolveFaults(sections.faults, {
    workloads: manifests.workloads.map((w) => w.spec.name),
    pools: new Map(nodePools.map((p) => [p.name, p.count])),
    virtualPools: new Set(nodePools.filter((p) => p.virtual !== undefined).map((p) => p.name)),
    poolZones: zonesByPool,
    start,
    scenarioRef: ref,
    sink,
  });
  const currency = resolveCurrency(sections.currency, nodePools, ref, sink);
  const clusterAutoscaler = resolveClusterAutoscaler(sections.clusterAutoscaler, nodePools, currency.currencyRates, ref, sink);
  warnAboutPodsThatFitNoPool(podSources(manifests), nodePools, sink);
  warnAboutAffinityNoPoolMatches(podSources(manifests), nodePools, sink);
  const durationSeconds = resolveRunLength(overrides.durationSeconds ?? sections.durationSeconds, traces.bindings, [...loads.map((l) => l.trace), ...queues.map((q) => q.trace)], series, ref, sink);
  const rollouts = resolveRollouts(sections.rollouts, { manifests, elasticSources, start, durationSeconds, scenarioRef: ref, sink });
  warnAboutFaultsThatNeverFire(sections.faults, {
    durationSeconds,
    durationSource: overrides.durationSeconds !== undefined ? '--duration' : sections.durationSeconds !== undefined ? 'spec.duration' : 'the end of the longest trace',
    start,
    podBounds: workloadPodBounds({ manifests, adoptedHpas, scaledObjects: keda.scaledObjects, pausedReplicas, elasticSources }),
    withoutLivenessProbe: new Set(manifests.workloads.filter((w) => w.spec.template.containers[0]?.livenessProbe === undefined).map((w) => w.spec.name)),
    poolsThatAddNodes: poolsThatAddNodes(nodePools, clusterAutoscaler.enabled),
    poolZones: zonesByPool,
    scenarioRef: ref,
    sink,
  });
  sink.throwIfAny();
  return assemble(dir, sections, overrides, durationSeconds, {
    nodePools,
    elasticWorkloads: [...elasticSources.keys()].map((e) => e.spec),
    podDisruptionBudgets: manifests.podDisruptionBudgets.map((p) => p.spec),
    resourceQuotas: orderedQuotas(manifests).map((q) => q.spec),
    daemonSets: manifests.daemonSets.map((d) => d.spec),
    clusterAutoscaler,
    ...currency,
    workloads: manifests.workloads.map((w) => {
      const replicas = pausedReplicas.get(w);
      return replicas === undefined ? w.spec : { ...w.spec, replicas };
    }),
    hpas: manifests.hpas.filter((h) => !adoptedHpas.has(h)).map((h) => h.spec),
    traces: [...traces.bindings.values()],
    loads,
    queues,
    series,
    ...keda,
    faults,
    rollouts,
    startEpochSeconds: start.epochSeconds,
    warnings: sink.warnings,
  });
}

function assemble(
  dir: string,
  sections: ScenarioSections,
  overrides: ScenarioOverrides,
  durationSeconds: number,
  parts: Omit<Scenario, 'name' | 'dir' | 'seed' | 'durationSeconds' | 'outputIntervalSeconds' | 'decisions' | 'config'>,
): Scenario {
  const hpa = sections.controllers?.hpa;
  const startup = sections.startup;
  return {
    name: sections.name ?? path.basename(path.resolve(dir)),
    dir,
    seed: overrides.seed ?? sections.seed ?? SCENARIO_DEFAULTS.seed,
    durationSeconds,
    outputIntervalSeconds: sections.outputIntervalSeconds ?? SCENARIO_DEFAULTS.outputIntervalSeconds,
    decisions: overrides.decisions ?? sections.decisions ?? SCENARIO_DEFAULTS.decisions,
    ...parts,
    config: {
      hpa: {
        ...HPA_DEFAULTS,
        ...(hpa && {
          syncPeriodSeconds: hpa.syncPeriod,
          tolerance: hpa.tolerance,
          downscaleStabilizationWindowSeconds: hpa.downscaleStabilization,
          cpuInitializationPeriodSeconds: hpa.cpuInitializationPeriod,
          initialReadinessDelaySeconds: hpa.initialReadinessDelay,
          configurableTolerance: hpa.configurableTolerance,
        }),
      },
      metricsServer: { resolutionSeconds: sections.controllers?.metricsServer.metricResolution ?? METRICS_SERVER_DEFAULTS.resolutionSeconds },
      scheduler: { scoringStrategy: sections.controllers?.scheduler.scoringStrategy ?? SCHEDULER_DEFAULTS.scoringStrategy },
      resourceQuota: { syncPeriodSeconds: sections.controllers?.resourceQuota.syncPeriod ?? RESOURCE_QUOTA_DEFAULTS.syncPeriodSeconds },
      startup: startup
        ? {
            schedulingSeconds: startup.scheduling,
            imagePullSeconds: startup.imagePull,
            containerStartSeconds: startup.containerStart,
            terminationSeconds: startup.termination,
            jitterRatio: startup.jitterRatio,
          }
        : { ...STARTUP_DEFAULTS },
    },
  };
}

/** Every pod template the run may create pods from, for the "fits no node pool" warning. */
function podSources(manifests: ManifestSet): PodSource[] {
  return [
    ...manifests.workloads.map((w) => ({ label: `${w.spec.kind} ${w.spec.name}`, template: w.spec.template, ref: w.ref, path: ['spec', 'template'] })),
    ...manifests.scaledJobs.map((j) => ({ label: `ScaledJob ${j.spec.name}`, template: j.template.template, ref: j.ref, path: ['spec', 'jobTargetRef', 'template'] })),
  ];
}
