/**
 * Checks between HPAs, their targets and scenario.yaml, done at load time instead of failing at the
 * first sync as the controller would: the scaleTargetRef exists (FailedGetScale), one HPA per
 * target (AmbiguousSelector), a Utilization target has the requests it divides by
 * (GetResourceRequests: "missing request for cpu"), and they do not sum to 0 (a warning: every sync
 * then fails, FailedGetResourceMetric), Pods/Object/External metrics have a series.
 * An ElasticWorkload target resolves to its source's pod template; the source itself may not be
 * the target (the ElasticWorkload already writes its replicas).
 */
import type { HpaMetricSpec } from '../autoscalers/hpa/types.js';
import { suggestionHint } from './did-you-mean.js';
import { elasticOwnerOf, findElasticTarget, reportSourceTargeted, type ElasticSources } from './elastic-workload-checks.js';
import { objectKey, type HpaEntry, type ManifestSet, type WorkloadEntry } from './manifests/manifest-set.js';
import type { ProblemSink } from './problem-sink.js';
import { findScaleTarget } from './scale-target.js';
import type { DocRef } from './yaml/doc-ref.js';
import type { FieldPath } from './yaml/field-path.js';

export interface HpaCheckContext {
  manifests: ManifestSet;
  /** Keys of spec.series. */
  seriesNames: readonly string[];
  /** Workload names that have a load model in spec.workloads. */
  loadModelNames: readonly string[];
  /** Each ElasticWorkload with its source workload. */
  elasticSources: ElasticSources;
  scenarioRef: DocRef;
  sink: ProblemSink;
}

/** What an HPA scales: a workload, or an ElasticWorkload (key) whose pods are its source's. */
interface ResolvedTarget {
  key: string;
  label: string;
  workload: WorkloadEntry;
}

export function checkHpas(ctx: HpaCheckContext): void {
  const claimedBy = new Map<string, HpaEntry>();
  for (const hpa of ctx.manifests.hpas) {
    hpa.spec.metrics.forEach((metric, i) => checkSeries(hpa, metric, i, ctx));
    const target = resolveTarget(hpa, ctx);
    if (!target) continue;
    const first = claimedBy.get(target.key);
    if (first) {
      const at = first.ref.position();
      ctx.sink.error(
        hpa.ref.problem(['spec', 'scaleTargetRef', 'name'], `${target.label} is already the target of HorizontalPodAutoscaler ${first.spec.name} (${at.file}:${at.line}); two HPAs on one workload both stop scaling (AmbiguousSelector)`, 'keep one HorizontalPodAutoscaler per workload, with all the metrics in it'),
      );
      continue;
    }
    claimedBy.set(target.key, hpa);
    hpa.spec.metrics.forEach((metric, i) => checkRequests(hpa, metric, i, target.workload, ctx.sink));
    const workload = target.workload.spec;
    if (!ctx.loadModelNames.includes(workload.name)) {
      ctx.sink.warn(
        hpa.ref.warning(['spec', 'scaleTargetRef', 'name'], `${workload.kind} ${workload.name} has no load model in scenario.yaml spec.workloads; it receives no traffic`, `add spec.workloads.${workload.name} with a trace`),
      );
    }
  }
}

/** The HPA's target: an ElasticWorkload (with its source's pods) or a workload that no ElasticWorkload writes. */
function resolveTarget(hpa: HpaEntry, ctx: HpaCheckContext): ResolvedTarget | undefined {
  const owner = { what: 'an HPA', namespace: hpa.spec.namespace, scaleTargetRef: hpa.spec.scaleTargetRef, ref: hpa.ref };
  if (hpa.spec.scaleTargetRef.kind === 'ElasticWorkload') {
    const ew = findElasticTarget(owner, ctx.manifests, ctx.sink);
    const source = ew && ctx.elasticSources.get(ew);
    if (!ew || !source) return undefined;
    return { key: objectKey('ElasticWorkload', ew.spec.namespace, ew.spec.name), label: `ElasticWorkload ${ew.spec.name}`, workload: source };
  }
  const workload = findScaleTarget(owner, ctx.manifests, ctx.sink);
  if (!workload) return undefined;
  const ew = elasticOwnerOf(workload, ctx.elasticSources);
  if (ew) {
    reportSourceTargeted('an HPA', workload, ew, hpa.ref, ctx.sink);
    return undefined;
  }
  return { key: objectKey(workload.spec.kind, workload.spec.namespace, workload.spec.name), label: `${workload.spec.kind} ${workload.spec.name}`, workload };
}

function checkSeries(hpa: HpaEntry, metric: HpaMetricSpec, index: number, ctx: HpaCheckContext): void {
  if (metric.type !== 'Pods' && metric.type !== 'Object' && metric.type !== 'External') return;
  if (ctx.seriesNames.includes(metric.metricName)) return;
  const field = metric.type.toLowerCase();
  const close = suggestionHint(metric.metricName, ctx.seriesNames, 'series');
  ctx.sink.error(
    hpa.ref.problem(
      ['spec', 'metrics', index, field, 'metric', 'name'],
      `${metric.type} metric "${metric.metricName}" has no series in scenario.yaml spec.series`,
      close?.startsWith('did you mean') ? close : `add spec.series.${metric.metricName}: { trace: <trace name> } or { workload: <name>, quantity: servedRequestsPerSecond }`,
    ),
  );
}

/** Utilization targets divide usage by requests: every counted container must request the resource. */
function checkRequests(hpa: HpaEntry, metric: HpaMetricSpec, index: number, target: WorkloadEntry, sink: ProblemSink): void {
  if (metric.type !== 'Resource' && metric.type !== 'ContainerResource') return;
  if (metric.target.type !== 'Utilization') return;
  const resource = metric.resourceName;
  const template = target.spec.template;
  const podLevel = resource === 'cpu' ? template.podCpuRequestMillicores : template.podMemoryRequestBytes;
  const hpaName = `HorizontalPodAutoscaler ${hpa.spec.name} (${hpa.ref.file}:${hpa.ref.position(['spec', 'metrics', index]).line})`;
  if (metric.type === 'Resource' && podLevel !== undefined) {
    if (podLevel === 0) warnZeroRequest(hpa, metric, hpaName, target, [['spec', 'template', 'spec', 'resources', 'requests', resource]], 'the pod-level request (spec.template.spec.resources)', sink);
    return;
  }
  const counted = [
    ...template.containers.map((c, i) => ({ c, path: target.containerPaths[i] ?? [] })),
    ...template.sidecars.map((c, i) => ({ c, path: target.sidecarPaths[i] ?? [] })),
  ].filter(({ c }) => metric.type === 'Resource' || c.name === metric.containerName);
  if (metric.type === 'ContainerResource' && counted.length === 0) {
    const names = [...template.containers, ...template.sidecars].map((c) => c.name);
    sink.error(
      hpa.ref.problem(['spec', 'metrics', index, 'containerResource', 'container'], `${target.spec.kind} ${target.spec.name} has no container "${metric.containerName}"`, suggestionHint(metric.containerName, names, 'containers')),
    );
    return;
  }
  let total = 0;
  let missing = false;
  for (const { c, path } of counted) {
    const request = resource === 'cpu' ? c.cpuRequestMillicores : c.memoryRequestBytes;
    if (request !== undefined) {
      total += request;
      continue;
    }
    missing = true;
    sink.error(
      target.ref.problem(
        [...path, 'resources', 'requests', resource],
        `container "${c.name}" has no ${resource} request, but ${hpaName} targets ${resource} Utilization, which is a percentage of the request (the HPA would fail with "missing request for ${resource}")`,
        `set resources.requests.${resource} on every container${template.sidecars.length > 0 ? ' and sidecar' : ''}, or use an AverageValue target`,
      ),
    );
  }
  if (missing || counted.length === 0 || total > 0) return;
  const names = counted.map(({ c }) => `"${c.name}"`).join(', ');
  const what = counted.length === 1 ? `container ${names}` : `containers ${names}`;
  warnZeroRequest(hpa, metric, hpaName, target, counted.map(({ path }) => [...path, 'resources', 'requests', resource]), `the request of ${what}`, sink);
}

/**
 * Utilization is usage ÷ the pod's summed request (GetResourceUtilizationRatio): with a request of 0
 * it is undefined and every sync fails ("no metrics returned matched known pods"). Upstream accepts
 * the manifests, so this is a warning, at the first zero request (`paths`).
 */
function warnZeroRequest(hpa: HpaEntry, metric: HpaMetricSpec & { type: 'Resource' | 'ContainerResource' }, hpaName: string, target: WorkloadEntry, paths: FieldPath[], what: string, sink: ProblemSink): void {
  const resource = metric.resourceName;
  const reason = metric.type === 'Resource' ? 'FailedGetResourceMetric' : 'FailedGetContainerResourceMetric';
  sink.warn(
    target.ref.warning(
      paths[0] ?? [],
      `${what} of ${target.spec.kind} ${target.spec.name} is 0 ${resource}, but ${hpaName} targets ${resource} Utilization, a percentage of that request: the HPA can never compute ${resource} utilization and every sync fails (${reason}: "no metrics returned matched known pods"), so it never scales ${target.spec.kind} ${target.spec.name}`,
      `set resources.requests.${resource} above 0, or use an AverageValue target in HorizontalPodAutoscaler ${hpa.spec.name}`,
    ),
  );
}
