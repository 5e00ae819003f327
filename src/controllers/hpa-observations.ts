/**
 * What the HPA reads for each metric at a sync, built from the simulated cluster: per-pod samples
 * from metrics-server (resource metrics, classified by groupPods), per-pod custom metrics (Pods),
 * and single values (Object, External) from named series — the inputs of evaluateMetric.
 */
import { hpaRequestMilli } from '../cluster/pod-requests.js';
import type { MetricObservation } from '../autoscalers/hpa/evaluate-metric.js';
import { classifyPod } from '../autoscalers/hpa/group-pods.js';
import type { ClassifiedPod, HpaControllerConfig, HpaMetricSpec } from '../autoscalers/hpa/types.js';
import type { MetricSeries } from '../engine/metric-series.js';
import type { WorkloadRuntime } from '../engine/workload-runtime.js';
import type { MetricsServer } from '../metrics/metrics-server.js';
import { HpaPodTotals } from './hpa-pod-totals.js';
import { podObservation, resourceUsageMilli, setSample } from './hpa-pod-view.js';

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
  /**
   * Whether a cpu or memory metric may be served from the class counts of an earlier sync while
   * they hold (hpa-pod-totals.ts) instead of a walk over the pods; the two give the same proposal.
   */
  podTotals: boolean;
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

/**
 * What a Resource or ContainerResource metric needs from the target's pod template, which does not
 * change during a run: the request the HPA divides by, and whether the metric's container carries
 * the traffic (only the serving container does; a named sidecar container idles at 0).
 */
interface ResourceMetricPlan {
  resource: string;
  containerName: string | undefined;
  /** undefined: a counted container sets no request. */
  requestMilli: number | undefined;
  counted: boolean;
  /** For cpu or memory with a request: the pods' class counts, kept between syncs while they hold. */
  totals: HpaPodTotals | undefined;
  /** The observation served from those counts, refilled at each sync that uses them. */
  totalsObservation: Extract<MetricObservation, { kind: 'podTotals' }>;
}

function resourceMetricPlan(resource: string, containerName: string | undefined, target: WorkloadRuntime): ResourceMetricPlan {
  const template = target.controller.spec.template;
  const servingContainer = target.load?.container ?? template.containers[0]?.name;
  const requestMilli = hpaRequestMilli(template, resource, containerName);
  return {
    resource,
    containerName,
    requestMilli,
    counted: containerName === undefined || containerName === servingContainer,
    totals: (resource === 'cpu' || resource === 'memory') && requestMilli !== undefined ? new HpaPodTotals(resource) : undefined,
    totalsObservation: { kind: 'podTotals', totals: { ready: 0, unready: 0, missing: 0, ignored: 0, requestMilli: requestMilli ?? 0, readyUsageMilli: 0 } },
  };
}

/**
 * A Resource or ContainerResource metric's per-pod observation. Upstream's Resource value is the sum
 * of each container's usage rounded up to whole millicores (metrics client getPodMetrics); the
 * serving container uses all of the pod's CPU and the others none, so that sum is the pod's sample.
 */
function resourceObservation(plan: ResourceMetricPlan, ctx: ObservationContext): MetricObservation {
  const { resource, containerName, requestMilli, counted } = plan;
  if (requestMilli === undefined) {
    return { kind: 'error', message: `missing request for ${resource}${containerName ? ` in container ${containerName}` : ''}` };
  }
  if (!ctx.metricsServer.available) {
    // metrics_client.go GetResourceMetric: the PodMetricses list call fails.
    return { kind: 'error', message: `unable to get metrics for resource ${resource}: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)` };
  }
  const totals = ctx.podTotals ? plan.totals : undefined;
  const target = ctx.target;
  const metricsServer = ctx.metricsServer;
  const served = totals?.serve(target, metricsServer, ctx.nowSeconds, ctx.config, plan.totalsObservation.totals);
  if (served !== undefined) {
    // A ready pod's usage is its sample, or 0 in a container that serves nothing.
    if (!counted) served.readyUsageMilli = 0;
    return plan.totalsObservation;
  }
  const all = target.controller.pods;
  const group = totals === undefined ? undefined : metricsServer.sharedSamples(target);
  totals?.begin();
  // Pod names are unique in the simulated cluster (distinctNames).
  const observation = podsObservation(ctx, all.length);
  for (let i = 0; i < all.length; i++) {
    const pod = all[i]!;
    const sample = metricsServer.sample(pod);
    const { podClass } = classifyPod(podObservation(pod, sample), resource, ctx.nowSeconds, ctx.config);
    const usageMilli = sample === undefined ? undefined : !counted ? 0 : resourceUsageMilli(sample, resource);
    classify(observation.pods[i]!, pod.name, podClass, requestMilli, usageMilli);
    totals?.add(pod, podClass, sample, group, ctx.nowSeconds, ctx.config);
  }
  totals?.end(target, metricsServer, group);
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

/**
 * An Object or External metric's single value. A Value target divides by the Running pods with
 * Ready=True, terminating ones included (getReadyPodsCount does not look at the deletionTimestamp),
 * not by the pods serving traffic.
 */
function valueObservation(seriesName: string, ctx: ObservationContext): MetricObservation {
  const series = ctx.series.get(seriesName);
  if (series === undefined) return { kind: 'error', message: `no series named ${seriesName}` };
  return { kind: 'values', valuesMilli: [toMilli(series.valueAt(ctx.nowSeconds))], readyPodCount: ctx.target.controller.runningReadyPods };
}

/** How many pods of a per-pod observation fell in each §1.4 class (decisions.csv's pods column). */
export interface PodClassTally {
  ready: number;
  unready: number;
  missing: number;
  ignored: number;
}

/** Counts `observation`'s pods by class into `into` (reset first); undefined for an observation that is not per pod. */
export function tallyPodClasses(observation: MetricObservation, into: PodClassTally): PodClassTally | undefined {
  if (observation.kind === 'podTotals') {
    const totals = observation.totals;
    into.ready = totals.ready;
    into.unready = totals.unready;
    into.missing = totals.missing;
    into.ignored = totals.ignored;
    return into;
  }
  if (observation.kind !== 'pods') return undefined;
  into.ready = 0;
  into.unready = 0;
  into.missing = 0;
  into.ignored = 0;
  for (const pod of observation.pods) into[pod.class]++;
  return into;
}

/** Observes one metric of an HPA's spec at `ctx.nowSeconds`. */
export type MetricObserver = (ctx: ObservationContext) => MetricObservation;

type ObserverTable = {
  [K in HpaMetricSpec['type']]: (spec: Extract<HpaMetricSpec, { type: K }>, target: WorkloadRuntime) => MetricObserver;
};

const OBSERVERS: ObserverTable = {
  Resource: (spec, target) => {
    const plan = resourceMetricPlan(spec.resourceName, undefined, target);
    return (ctx) => resourceObservation(plan, ctx);
  },
  ContainerResource: (spec, target) => {
    const plan = resourceMetricPlan(spec.resourceName, spec.containerName, target);
    return (ctx) => resourceObservation(plan, ctx);
  },
  Pods: (spec) => (ctx) => podsMetricObservation(spec.metricName, ctx),
  Object: (spec) => (ctx) => valueObservation(spec.metricName, ctx),
  External: (spec) => (ctx) => (ctx.externalMetrics ? ctx.externalMetrics(spec, ctx.nowSeconds) : valueObservation(spec.metricName, ctx)),
};

/**
 * The observer of one metric of an HPA's spec against `target`, made once per HPA: what it needs of
 * the target's pod template is read here, not at every sync.
 */
export function metricObserver(spec: HpaMetricSpec, target: WorkloadRuntime): MetricObserver {
  const make = OBSERVERS[spec.type] as (spec: HpaMetricSpec, target: WorkloadRuntime) => MetricObserver;
  return make(spec, target);
}
