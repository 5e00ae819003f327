/**
 * Everything KEDA in a scenario, checked and resolved in one pass: ScaledObjects against their
 * targets and the HPAs, authenticationRefs, trigger sources, scaler faults and job runs. Pausing is
 * modelled: a paused ScaledObject (autoscaling.keda.sh/paused) is left out and its target keeps its
 * replicas; with paused-replicas the target runs at that count, as KEDA scales it there and stops.
 */
import { KEDA_ANNOTATIONS } from '../manifests/keda-annotations.js';
import type { ElasticSources } from '../elastic-workload-checks.js';
import type { HpaEntry, ManifestSet, ScaledObjectEntry, WorkloadEntry } from '../manifests/manifest-set.js';
import type { ProblemSink } from '../problem-sink.js';
import type { StartInstant } from '../resolve-start-time.js';
import type { ScenarioSections } from '../scenario-sections.js';
import type { LoadModelSpec, Scenario, StandaloneQueueSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { checkAuthenticationRefs } from './auth-ref-checks.js';
import { indexTriggerOwners, unreadableOwnerNames, type TriggerOwner } from './keda-owners.js';
import { resolveJobRuns } from './resolve-job-runs.js';
import { resolveScalerFaults } from './resolve-scaler-faults.js';
import { resolveTriggerEnv } from './resolve-trigger-env.js';
import { resolveTriggerSources } from './resolve-trigger-sources.js';
import { checkScaledObjects } from './scaled-object-checks.js';

export interface KedaContext {
  manifests: ManifestSet;
  loads: readonly LoadModelSpec[];
  /** Queues with no consumer Deployment (spec.queues). */
  queues: readonly StandaloneQueueSpec[];
  sections: ScenarioSections;
  /** Each ElasticWorkload with its source workload. */
  elasticSources: ElasticSources;
  start: StartInstant;
  scenarioRef: DocRef;
  sink: ProblemSink;
}

export type ResolvedKeda = Pick<Scenario, 'scaledObjects' | 'scaledJobs' | 'triggerSources' | 'scalerFaults' | 'jobRuns' | 'jobTemplates'> & {
  /** HPAs a ScaledObject took over (transfer-hpa-ownership): left out of the scenario. */
  adoptedHpas: Set<HpaEntry>;
  /** Targets of ScaledObjects paused with paused-replicas, and that count. */
  pausedReplicas: Map<WorkloadEntry, number>;
};

export function resolveKeda(ctx: KedaContext): ResolvedKeda {
  const { manifests, sections, scenarioRef, sink } = ctx;
  const { targets, adoptedHpas } = checkScaledObjects({ manifests, loadModelNames: sections.workloadNames, elasticSources: ctx.elasticSources, sink });
  // Keys from the authentication or <key>FromEnv before anything reads the triggers (their queues, names and metric names).
  const outside = { authentications: manifests.triggerAuthentications, configData: manifests.configData };
  for (const so of manifests.scaledObjects) {
    const containers = targets.get(so)?.spec.template.containers;
    const envSourceContainerPath = ['spec', 'scaleTargetRef', 'envSourceContainerName'];
    resolveTriggerEnv({ triggers: so.spec.triggers, parsed: so.parsed, ref: so.ref, namespace: so.spec.namespace, envSourceContainerPath, containers, ...outside }, sink);
  }
  for (const job of manifests.scaledJobs) {
    const containers = job.template.template.containers;
    resolveTriggerEnv({ triggers: job.spec.triggers, parsed: job.parsed, ref: job.ref, namespace: job.spec.namespace, envSourceContainerPath: ['spec', 'envSourceContainerName'], containers, ...outside }, sink);
  }
  const owners = indexTriggerOwners(manifests, sink);
  checkAuthenticationRefs(manifests, sink);
  warnAboutClock(owners, ctx);
  const queueNames = [...ctx.loads.flatMap((l) => (l.queue ? [l.queue.name] : [])), ...ctx.queues.map((q) => q.name)];
  const unreadableOwners = unreadableOwnerNames(manifests);
  const unreadableQueues = [...sections.workloadQueueNames, ...sections.queueNames].filter((name) => !queueNames.includes(name));
  const triggerSources = resolveTriggerSources({ owners, unreadableOwners, unreadableQueues, entries: sections.triggerSources, keys: sections.triggerSourceKeys, seriesNames: sections.seriesNames, queueNames, scenarioRef, sink });
  const scalerFaults = resolveScalerFaults(sections.faults, { owners, unreadableOwners, start: ctx.start, scenarioRef, sink });
  const jobRuns = resolveJobRuns(sections.jobs, { scaledJobs: manifests.scaledJobs, jobNames: sections.jobNames, queueNames, triggerSources, scenarioRef, sink });
  const pausedReplicas = new Map<WorkloadEntry, number>();
  const active = manifests.scaledObjects.filter((so) => {
    if (so.paused) modelPause(so, targets.get(so), pausedReplicas, sink);
    return !so.paused;
  });
  const activeOwners = new Set([...active, ...manifests.scaledJobs].map((o) => o.spec.name));
  return {
    scaledObjects: active.map((so) => so.spec),
    scaledJobs: manifests.scaledJobs.map((j) => j.spec),
    jobTemplates: manifests.scaledJobs.map((j) => j.template),
    triggerSources: triggerSources.filter((s) => activeOwners.has(s.owner)),
    scalerFaults: scalerFaults.filter((f) => f.owner === undefined || activeOwners.has(f.owner)),
    jobRuns,
    adoptedHpas,
    pausedReplicas,
  };
}

/** Says how the pause is modelled (the ScaledObject is left out) and records paused-replicas. */
function modelPause(so: ScaledObjectEntry, target: WorkloadEntry | undefined, pausedReplicas: Map<WorkloadEntry, number>, sink: ProblemSink): void {
  const replicas = so.paused?.replicas;
  const workload = target ? `${target.spec.kind} ${target.spec.name}` : 'its target';
  if (replicas === undefined) {
    const at = target ? ` (${target.spec.replicas})` : '';
    sink.warn(so.ref.warning(['metadata', 'annotations', KEDA_ANNOTATIONS.paused], `ScaledObject ${so.spec.name} is paused: KEDA does not scale ${workload}, which keeps its spec.replicas${at}; the simulation leaves the ScaledObject out`));
  } else {
    if (target) pausedReplicas.set(target, replicas);
    sink.warn(so.ref.warning(['metadata', 'annotations', KEDA_ANNOTATIONS.pausedReplicas], `ScaledObject ${so.spec.name} is paused at ${replicas} replicas: KEDA scales ${workload} to ${replicas} and stops; the simulation runs it at ${replicas} without the ScaledObject`));
  }
}

function warnAboutClock(owners: ReadonlyMap<string, TriggerOwner>, ctx: KedaContext): void {
  if (ctx.start.known) return;
  for (const owner of owners.values()) {
    const index = owner.parsed.findIndex((p) => p?.needs.kind === 'clock');
    if (index < 0) continue;
    ctx.sink.warn(owner.ref.warning(['spec', 'triggers', index], 'this trigger reads the calendar, but no spec.startTime or trace places t = 0 on it: the run starts at 1970-01-01T00:00:00Z', 'set spec.startTime in scenario.yaml'));
    return;
  }
}
