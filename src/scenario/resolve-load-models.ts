/**
 * scenario.yaml `spec.workloads` → LoadModelSpec[]: each key must name one Deployment/StatefulSet
 * of the manifests, its trace must be a key of spec.traces, its container one of the pod's.
 */
import { suggestionHint } from './did-you-mean.js';
import { objectKey, type ManifestSet, type WorkloadEntry } from './manifests/manifest-set.js';
import type { ProblemSink } from './problem-sink.js';
import type { LoadModelInput } from './schema/load-model-schema.js';
import type { LoadModelSpec } from './types.js';
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
  for (const [name, model] of models) {
    const at = (path: (string | number)[]) => ['spec', 'workloads', name, ...path];
    const workload = findWorkload(name, ctx, at([]));
    if (!ctx.traceNames.includes(model.trace)) {
      ctx.sink.error(
        ctx.scenarioRef.problem(at(['trace']), `trace "${model.trace}" is not defined under spec.traces`, suggestionHint(model.trace, ctx.traceNames, 'traces')),
      );
    }
    if (workload && model.container !== undefined) checkContainer(workload, model.container, ctx, at(['container']));
    out.push({
      workload: name,
      trace: model.trace,
      cpuMillicoreSecondsPerRequest: model.cpuMillicoreSecondsPerRequest,
      baseCpuMillicores: model.baseCpuMillicores,
      baseMemoryBytes: model.baseMemory,
      memoryBytesPerRequestPerSecond: model.memoryPerRequestPerSecond,
      ...(model.maxRequestsPerSecondPerPod !== undefined ? { maxRequestsPerSecondPerPod: model.maxRequestsPerSecondPerPod } : {}),
      maxBacklogRequests: model.maxBacklogRequests,
      serviceTimeSeconds: model.serviceTimeSeconds ?? model.cpuMillicoreSecondsPerRequest / MILLICORES_PER_CORE,
      ...(model.container !== undefined ? { container: model.container } : {}),
    });
  }
  return out;
}

/** The one workload named `name`, reporting none or several at `path` (the workloads key). */
export function findWorkload(name: string, ctx: Omit<LoadModelContext, 'traceNames'>, path: (string | number)[]): WorkloadEntry | undefined {
  const matches = ctx.manifests.workloads.filter((w) => w.spec.name === name);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    const where = matches.map((w) => `${w.spec.kind} ${w.spec.namespace}/${w.spec.name}`).join(', ');
    ctx.sink.error(ctx.scenarioRef.problem(path, `"${name}" names several workloads (${where})`, 'give the workloads distinct names'));
    return undefined;
  }
  const broken = [...ctx.manifests.broken].some((key) => /^(Deployment|StatefulSet)\//.test(key) && key.endsWith(`/${name}`));
  if (!broken && !ctx.manifests.incomplete) {
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
