/**
 * One metric of an HPA → one replica proposal, through the calculator registry. Mirrors
 * horizontal.go `computeReplicasForMetric`: the per-metric step of `computeReplicasForMetrics`.
 */
import { findMetricCalculator, observationKindOf, type CalculatorContext, type MetricCalculatorEntry, type ReportedValue } from './metric-calculators.js';
import type { ReplicaCalcSuccess } from './replica-calculation.js';
import type {
  ClassifiedPod,
  HpaMetricSpec,
  MetricSourceType,
  MetricTarget,
  OrphanSample,
  PodClassTotals,
  ScalingActiveReason,
  Tolerances,
} from './types.js';

/** What the metrics APIs returned for one metric at this sync. */
export type MetricObservation =
  /** `distinctNames`: no two pods share a name (the calculators may then skip their name maps). */
  | { kind: 'pods'; pods: ClassifiedPod[]; orphanSamples?: OrphanSample[]; distinctNames?: boolean }
  /** The pods as class counts (distinct names, no orphans, one request for all): stands for a pod list. */
  | { kind: 'podTotals'; totals: PodClassTotals }
  /** `note`: where a value came from when not from the metric itself (KEDA's fallback), for the decision record. */
  | { kind: 'values'; valuesMilli: number[]; readyPodCount: number; note?: string }
  /** The metrics API failed. */
  | { kind: 'error'; message: string };

export interface MetricEvaluationInput {
  spec: HpaMetricSpec;
  observation: MetricObservation;
  /** scale.spec.replicas (currentReplicas). */
  specReplicas: number;
  /** scale.status.replicas: the divisor of Object/External AverageValue targets. */
  statusReplicas: number;
  /** From `resolveTolerances`; the same pair for every metric of the HPA. */
  tolerances: Tolerances;
  /**
   * `resolveMetricSpec(spec)`, made once by a caller that evaluates the same spec at every sync (the
   * HPA controller): what a sync would otherwise look up in the spec and the registries each time.
   */
  resolved?: ResolvedMetricSpec;
}

/** What evaluating a metric takes from its spec alone: its name, its failure reason, its calculator and target number. */
export interface ResolvedMetricSpec {
  metricName: string;
  sourceType: string;
  /** undefined: an unknown source type (InvalidMetricSourceType). */
  failureReason: ScalingActiveReason | undefined;
  /** undefined: the (source, target) pair is not supported. */
  entry: MetricCalculatorEntry | undefined;
  /** The number the target type selects; undefined when unset. */
  target: number | undefined;
}

export type MetricProposal =
  | {
      ok: true;
      metricName: string;
      desiredReplicas: number;
      currentValue: { utilizationPercent?: number; averageValueMilli?: number; valueMilli?: number };
      reason: string;
    }
  | { ok: false; metricName: string; reason: ScalingActiveReason | typeof NOT_COMPUTED; message: string };

/**
 * The reason of a metric the sync did not read: horizontal.go reconcileAutoscaler computes metrics
 * only when spec.replicas is non-zero (or minReplicas is 0) and within [minReplicas, maxReplicas].
 */
export const NOT_COMPUTED = 'NotComputed';

/** A proposal for a metric the sync did not read, on a path of `why` (e.g. "spec.replicas 0: scaling disabled"). */
export function notComputed(spec: HpaMetricSpec, why: string): MetricProposal {
  return { ok: false, metricName: metricDisplayName(spec), reason: NOT_COMPUTED, message: `not read: ${why}` };
}

/** Per source type: the ScalingActive reason of a failure and the display name of the metric. */
type SourceTable = {
  [K in MetricSourceType]: { failureReason: ScalingActiveReason; displayName: (spec: Extract<HpaMetricSpec, { type: K }>) => string };
};

const METRIC_SOURCES: Readonly<SourceTable> = Object.freeze({
  Resource: { failureReason: 'FailedGetResourceMetric', displayName: (spec) => spec.resourceName },
  ContainerResource: {
    failureReason: 'FailedGetContainerResourceMetric',
    displayName: (spec) => `${spec.containerName}/${spec.resourceName}`,
  },
  Pods: { failureReason: 'FailedGetPodsMetric', displayName: (spec) => spec.metricName },
  Object: { failureReason: 'FailedGetObjectMetric', displayName: (spec) => spec.metricName },
  External: { failureReason: 'FailedGetExternalMetric', displayName: (spec) => spec.metricName },
} satisfies SourceTable);

function sourceEntry(spec: HpaMetricSpec): { failureReason: ScalingActiveReason; displayName: (spec: HpaMetricSpec) => string } | undefined {
  const type = String(spec.type);
  if (!Object.hasOwn(METRIC_SOURCES, type)) return undefined;
  return METRIC_SOURCES[spec.type] as { failureReason: ScalingActiveReason; displayName: (spec: HpaMetricSpec) => string };
}

/**
 * Display name: `cpu`, `memory`, `<container>/cpu` for ContainerResource, else the metric name.
 * An unknown source type (only possible in unvalidated data) is named by its type.
 */
export function metricDisplayName(spec: HpaMetricSpec): string {
  return sourceEntry(spec)?.displayName(spec) ?? String(spec.type);
}

/** The number the target type selects: percent for Utilization, milli-units otherwise. */
function targetNumber(target: MetricTarget): number | undefined {
  if (target.type === 'Utilization') return target.averageUtilizationPercent;
  if (target.type === 'AverageValue') return target.averageValueMilli;
  return target.valueMilli;
}

function reportedValue(reports: ReportedValue, calc: ReplicaCalcSuccess): Extract<MetricProposal, { ok: true }>['currentValue'] {
  const value: Extract<MetricProposal, { ok: true }>['currentValue'] = {};
  if (reports === 'utilization') {
    if (calc.utilizationPercent !== undefined) value.utilizationPercent = calc.utilizationPercent;
    if (calc.rawAverageMilli !== undefined) value.averageValueMilli = calc.rawAverageMilli;
  } else if (calc.usageMilli !== undefined) {
    if (reports === 'averageValue') value.averageValueMilli = calc.usageMilli;
    else value.valueMilli = calc.usageMilli;
  }
  return value;
}

function failure(metricName: string, reason: ScalingActiveReason, message: string): MetricProposal {
  return { ok: false, metricName, reason, message };
}

/** What evaluateMetric takes from the spec alone (pure; the same spec gives the same answer). */
export function resolveMetricSpec(spec: HpaMetricSpec): ResolvedMetricSpec {
  const sourceType = String(spec.type);
  return {
    metricName: metricDisplayName(spec),
    sourceType,
    failureReason: sourceEntry(spec)?.failureReason,
    entry: findMetricCalculator(sourceType, spec.target.type),
    target: targetNumber(spec.target),
  };
}

const CALCULATOR_CONTEXT: CalculatorContext = { target: 0, specReplicas: 0, statusReplicas: 0, tolerances: { scaleUp: 0, scaleDown: 0 } };

/**
 * Evaluates one metric. Never throws: a failure is a proposal with `ok: false` whose reason is the
 * ScalingActive reason upstream sets — `InvalidMetricSourceType` for an unknown source type,
 * `FailedGet<Source>Metric` when the metrics API failed, the target type is not supported for the
 * source, the target value is unset, or the calculator found no usable samples.
 */
export function evaluateMetric(input: MetricEvaluationInput): MetricProposal {
  const { spec, observation } = input;
  const { metricName, sourceType, failureReason, entry, target } = input.resolved ?? resolveMetricSpec(spec);
  if (failureReason === undefined) {
    return { ok: false, metricName, reason: 'InvalidMetricSourceType', message: `unknown metric source type "${sourceType}"` };
  }
  if (observation.kind === 'error') return failure(metricName, failureReason, observation.message);

  if (entry === undefined) return failure(metricName, failureReason, `invalid ${sourceType} metric source: target type ${spec.target.type} is not supported`);
  if (target === undefined) return failure(metricName, failureReason, `invalid ${sourceType} metric source: the ${spec.target.type} target value is not set`);
  if (observationKindOf(observation) !== entry.observation) {
    return failure(metricName, failureReason, `${entry.upstream} needs ${entry.observation === 'pods' ? 'per-pod samples' : 'metric values'}, got ${observation.kind}`);
  }

  // One context for every call: calculators read it and keep nothing (none calls back in here).
  const context = CALCULATOR_CONTEXT;
  context.target = target;
  context.specReplicas = input.specReplicas;
  context.statusReplicas = input.statusReplicas;
  context.tolerances = input.tolerances;
  const calc = entry.calculate(observation, context);
  if (!calc.ok) return failure(metricName, failureReason, `${entry.upstream}: ${calc.message}`);
  return { ok: true, metricName, desiredReplicas: calc.desiredReplicas, currentValue: reportedValue(entry.reports, calc), reason: calc.reason };
}
