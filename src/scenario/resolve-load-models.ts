/**
 * scenario.yaml `spec.workloads` → LoadModelSpec[]: each key must name one Deployment/StatefulSet
 * of the manifests, its trace must be a key of spec.traces, its container one of the pod's. A queue
 * worker's queue sets maxBacklogRequests (maxMessages) and maxRequestsPerSecondPerPod
 * (messagesPerSecondPerPod), so the flow model applies unchanged; queue names are unique.
 */
import { suggestionHint } from './did-you-mean.js';
import { objectKey, type ManifestSet, type WorkloadEntry } from './manifests/manifest-set.js';
import { severalWorkloadsMessage, workloadMayHaveFailedToLoad, workloadsNamed } from './manifests/workload-index.js';
import type { ProblemSink } from './problem-sink.js';
import type { LoadModelInput } from './schema/load-model-schema.js';
import { QUEUE_DEFAULTS } from './schema/scenario-defaults.js';
import type { LoadModelSpec, QueueSpec } from './types.js';
import type { DocRef } from './yaml/doc-ref.js';

/** Millicores of one core: the default service time is the CPU cost run on one core. */
const MILLICORES_PER_CORE = 1000;

export interface LoadModelContext {
  manifests: ManifestSet;
  /** Every key of spec.traces, including bindings that had problems. */
  traceNames: readonly string[];
  scenarioRef: DocRef;
  sink: ProblemSink;
}

export function resolveLoadModels(models: ReadonlyMap<string, LoadModelInput>, ctx: LoadModelContext): LoadModelSpec[] {
  const out: LoadModelSpec[] = [];
  const queueOwners = new Map<string, string>();
  for (const [name, model] of models) {
    const at = (path: (string | number)[]) => ['spec', 'workloads', name, ...path];
    const workload = findWorkload(name, ctx, at([]));
    if (!ctx.traceNames.includes(model.trace)) {
      ctx.sink.error(
        ctx.scenarioRef.problem(at(['trace']), `trace "${model.trace}" is not defined under spec.traces`, suggestionHint(model.trace, ctx.traceNames, 'traces')),
      );
    }
    if (workload && model.container !== undefined) checkContainer(workload, model.container, ctx, at(['container']));
    const queue = model.queue ? toQueue(name, model.queue, queueOwners, ctx) : undefined;
    out.push({
      workload: name,
      trace: model.trace,
      cpuMillicoreSecondsPerRequest: model.cpuMillicoreSecondsPerRequest,
      baseCpuMillicores: model.baseCpuMillicores,
      baseMemoryBytes: model.baseMemory,
      memoryBytesPerRequestPerSecond: model.memoryPerRequestPerSecond,
      ...(queue ? { maxRequestsPerSecondPerPod: queue.messagesPerSecondPerPod } : {}),
      ...(!queue && model.maxRequestsPerSecondPerPod !== undefined ? { maxRequestsPerSecondPerPod: model.maxRequestsPerSecondPerPod } : {}),
      maxBacklogRequests: queue ? queue.maxMessages : model.maxBacklogRequests,
      serviceTimeSeconds: model.serviceTimeSeconds ?? model.cpuMillicoreSecondsPerRequest / MILLICORES_PER_CORE,
      ...(model.container !== undefined ? { container: model.container } : {}),
      ...(queue ? { queue } : {}),
    });
  }
  return out;
}

/** The queue of workload `name`; the flow-model fields it replaces must not be set beside it. */
function toQueue(name: string, input: NonNullable<LoadModelInput['queue']>, owners: Map<string, string>, ctx: LoadModelContext): QueueSpec {
  const at = (...path: string[]) => ['spec', 'workloads', name, ...path];
  const replaced = { maxBacklogRequests: 'queue.maxMessages', maxRequestsPerSecondPerPod: 'queue.messagesPerSecondPerPod' } as const;
  for (const [field, by] of Object.entries(replaced)) {
    if (ctx.scenarioRef.valueAt(at(field)) === undefined) continue;
    ctx.sink.error(ctx.scenarioRef.problem(at(field), `${field} is ambiguous beside queue: a queue worker's ${field} is its ${by}`, `remove ${field} and set ${by}`, { key: true }));
  }
  const queueName = input.name ?? name;
  const owner = owners.get(queueName);
  if (owner !== undefined) {
    ctx.sink.error(ctx.scenarioRef.problem(at('queue', ...(input.name ? ['name'] : [])), `queue "${queueName}" is already the queue of workload ${owner}`, 'give each queue worker its own queue name (queue.name)'));
  } else owners.set(queueName, name);
  const queue: QueueSpec = { name: queueName, messagesPerSecondPerPod: input.messagesPerSecondPerPod, maxMessages: input.maxMessages ?? QUEUE_DEFAULTS.maxMessages };
  if (input.partitions !== undefined) queue.partitions = input.partitions;
  return queue;
}

/** The one workload named `name`, reporting none or several at `path` (the workloads key). */
export function findWorkload(name: string, ctx: Omit<LoadModelContext, 'traceNames'>, path: (string | number)[]): WorkloadEntry | undefined {
  const matches = workloadsNamed(ctx.manifests, name);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    ctx.sink.error(ctx.scenarioRef.problem(path, severalWorkloadsMessage(name, matches), 'give the workloads distinct names'));
    return undefined;
  }
  if (!workloadMayHaveFailedToLoad(ctx.manifests, name)) {
    const names = ctx.manifests.workloads.map((w) => w.spec.name);
    const hint = suggestionHint(name, names, 'workloads') ?? 'add a Deployment or StatefulSet with this metadata.name to the manifests';
    ctx.sink.error(ctx.scenarioRef.problem(path, `no Deployment or StatefulSet named "${name}" in the manifests`, hint, { key: true }));
  }
  return undefined;
}

function checkContainer(workload: WorkloadEntry, container: string, ctx: LoadModelContext, path: (string | number)[]): void {
  const names = [...workload.spec.template.containers, ...workload.spec.template.sidecars].map((c) => c.name);
  if (names.includes(container)) return;
  const key = objectKey(workload.spec.kind, workload.spec.namespace, workload.spec.name);
  ctx.sink.error(ctx.scenarioRef.problem(path, `${key.replace(/\//g, ' ')} has no container "${container}"`, suggestionHint(container, names, 'containers')));
}
