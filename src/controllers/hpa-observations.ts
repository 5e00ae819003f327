/**
 * What the HPA reads for each metric at a sync, built from the simulated cluster: per-pod samples
 * from metrics-server (resource metrics, classified by groupPods), per-pod custom metrics (Pods),
 * and single values (Object, External) from named series — the inputs of evaluateMetric.
 */
import type { SimPod } from '../cluster/model.js';
import { hpaRequestMilli } from '../cluster/pod-requests.js';
import type { MetricObservation } from '../autoscalers/hpa/evaluate-metric.js';
import { classifyPod, type PodObservation } from '../autoscalers/hpa/group-pods.js';
import type { ClassifiedPod, HpaControllerConfig, HpaMetricSpec } from '../autoscalers/hpa/types.js';
import type { MetricSeries } from '../engine/metric-series.js';
import type { WorkloadRuntime } from '../engine/workload-runtime.js';
import type { MetricsServer, PodSample } from '../metrics/metrics-server.js';

/** Milli-units of a plain value, as Quantity.MilliValue rounds (up). */
export function toMilli(value: number): number {
  return Math.ceil(Math.round(value * 1e6) / 1e3);
}

export type ExternalMetricSpec = Extract<HpaMetricSpec, { type: 'External' }>;

/** Serves External metrics in place of named series (KEDA's metrics adapter does this for its HPAs). */
export type ExternalMetricProvider = (spec: ExternalMetricSpec, nowSeconds: number) => MetricObservation;

/** A per-pod observation. */
export type PodsObservation = Extract<MetricObservation, { kind: 'pods' }>;

export interface ObservationContext {
  target: WorkloadRuntime;
  metricsServer: MetricsServer;
  series: ReadonlyMap<string, MetricSeries>;
  config: HpaControllerConfig;
  nowSeconds: number;
  externalMetrics?: ExternalMetricProvider;
  /**
   * A per-pod observation the caller lets this call refill in place (its pod entries are
   * overwritten), so that a sync builds no pod objects; what it returns then is valid until the
   * next call with the same one. Absent: a new observation is built.
   */
  reuse?: PodsObservation | undefined;
}

/** `ctx.reuse` sized to `count` pods (entries to be overwritten), or a new observation. */
function podsObservation(ctx: ObservationContext, count: number): PodsObservation {
  const observation = ctx.reuse ?? { kind: 'pods', pods: [], distinctNames: true };
  const pods = observation.pods;
  while (pods.length < count) pods.push({ name: '', class: 'ready', requestMilli: undefined, usageMilli: undefined });
  if (pods.length > count) pods.length = count;
  return observation;
}

/** Overwrites a classified pod (one shape for every pod, sampled or not). */
function classify(into: ClassifiedPod, name: string, podClass: ClassifiedPod['class'], requestMilli: number | undefined, usageMilli: number | undefined): void {
  into.name = name;
  into.class = podClass;
  into.requestMilli = requestMilli;
  into.usageMilli = usageMilli;
}

// One observation, filled for each pod in turn: classifyPod reads it and keeps nothing, and the HPA
// classifies every pod at every sync.
const scratchReady = { status: false, lastTransitionSeconds: 0 };
const scratchSample = { timestampSeconds: 0, windowSeconds: 0 };
const scratch: PodObservation = { name: '', phase: 'Pending', deleting: false, startTimeSeconds: undefined, ready: undefined, sample: undefined };

/** What the HPA sees of `pod` (valid until the next call). */
function podObservation(pod: SimPod, sample: PodSample | undefined): PodObservation {
  scratch.name = pod.name;
  scratch.phase = pod.phase;
  scratch.deleting = pod.deletionSeconds !== undefined;
  scratch.startTimeSeconds = pod.startTimeSeconds;
  if (pod.readyConditionSeconds === undefined) scratch.ready = undefined;
  else {
    scratchReady.status = pod.ready;
    scratchReady.lastTransitionSeconds = pod.readyConditionSeconds;
    scratch.ready = scratchReady;
  }
  setSample(sample?.timestampSeconds, sample?.windowSeconds ?? 0);
  return scratch;
}

function setSample(timestampSeconds: number | undefined, windowSeconds: number): void {
  if (timestampSeconds === undefined) scratch.sample = undefined;
  else {
    scratchSample.timestampSeconds = timestampSeconds;
    scratchSample.windowSeconds = windowSeconds;
    scratch.sample = scratchSample;
  }
}

function resourceObservation(resource: string, containerName: string | undefined, ctx: ObservationContext): MetricObservation {
  const template = ctx.target.controller.spec.template;
  const requestMilli = hpaRequestMilli(template, resource, containerName);
  if (requestMilli === undefined) {
    return { kind: 'error', message: `missing request for ${resource}${containerName ? ` in container ${containerName}` : ''}` };
  }
  if (!ctx.metricsServer.available) {
    // metrics_client.go GetResourceMetric: the PodMetricses list call fails.
    return { kind: 'error', message: `unable to get metrics for resource ${resource}: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)` };
  }
  // Only the serving container carries traffic; a named sidecar container idles at 0.
  const servingContainer = ctx.target.load?.container ?? template.containers[0]?.name;
  const counted = containerName === undefined || containerName === servingContainer;
  const all = ctx.target.controller.pods;
  // Pod names are unique in the simulated cluster (distinctNames).
  const observation = podsObservation(ctx, all.length);
  for (let i = 0; i < all.length; i++) {
    const pod = all[i]!;
    const sample = ctx.metricsServer.sample(pod);
    const { podClass } = classifyPod(podObservation(pod, sample), resource, ctx.nowSeconds, ctx.config);
    const usageMilli = sample === undefined ? undefined : !counted ? 0 : resource === 'cpu' ? sample.cpuMilli : resource === 'memory' ? sample.memoryBytes * 1000 : 0;
    classify(observation.pods[i]!, pod.name, podClass, requestMilli, usageMilli);
  }
  return observation;
}

function podsMetricObservation(seriesName: string, ctx: ObservationContext): MetricObservation {
  const series = ctx.series.get(seriesName);
  if (series === undefined) return { kind: 'error', message: `no series named ${seriesName}` };
  const value = series.valueAt(ctx.nowSeconds);
  const target = ctx.target;
  const perPod = series.spec.perPod === 'perPod';
  const perServingPod = perPod ? value : target.servingPods > 0 ? value / target.servingPods : 0;
  const all = target.controller.pods;
  const observation = podsObservation(ctx, all.length);
  for (let i = 0; i < all.length; i++) {
    const pod = all[i]!;
    // The adapter has a value for every pod whose containers run; pods outside the endpoints serve
    // nothing, so a traffic total gives them 0.
    const hasSample = pod.phase === 'Running' && pod.containerStartSeconds !== undefined;
    const obs = podObservation(pod, undefined);
    setSample(hasSample ? ctx.nowSeconds : undefined, 0);
    const { podClass } = classifyPod(obs, undefined, ctx.nowSeconds, ctx.config);
    const serving = pod.ready && pod.deletionSeconds === undefined;
    classify(observation.pods[i]!, pod.name, podClass, undefined, hasSample ? toMilli(perPod || serving ? perServingPod : 0) : undefined);
  }
  return observation;
}

function valueObservation(seriesName: string, ctx: ObservationContext): MetricObservation {
  const series = ctx.series.get(seriesName);
  if (series === undefined) return { kind: 'error', message: `no series named ${seriesName}` };
  return { kind: 'values', valuesMilli: [toMilli(series.valueAt(ctx.nowSeconds))], readyPodCount: ctx.target.servingPods };
}

type ObserverTable = {
  [K in HpaMetricSpec['type']]: (spec: Extract<HpaMetricSpec, { type: K }>, ctx: ObservationContext) => MetricObservation;
};

const OBSERVERS: ObserverTable = {
  Resource: (spec, ctx) => resourceObservation(spec.resourceName, undefined, ctx),
  ContainerResource: (spec, ctx) => resourceObservation(spec.resourceName, spec.containerName, ctx),
  Pods: (spec, ctx) => podsMetricObservation(spec.metricName, ctx),
  Object: (spec, ctx) => valueObservation(spec.metricName, ctx),
  External: (spec, ctx) => (ctx.externalMetrics ? ctx.externalMetrics(spec, ctx.nowSeconds) : valueObservation(spec.metricName, ctx)),
};

/** The observation for one metric of the HPA's spec at `ctx.nowSeconds`. */
export function observeMetric(spec: HpaMetricSpec, ctx: ObservationContext): MetricObservation {
  const observer = OBSERVERS[spec.type] as (spec: HpaMetricSpec, ctx: ObservationContext) => MetricObservation;
  return observer(spec, ctx);
}
