/**
 * Registry: (metric source type, target type) → the replica calculator that serves it, as the
 * table of §1.3 (horizontal.go `computeReplicasForMetric` and the `computeStatusFor*Metric` family).
 */
import type { ReplicaCalculation } from './replica-calculation.js';
import { calculateAverageValueFromTotals, calculateAverageValueReplicas, type AverageValueReplicaInput } from './replica-calculator-average-value.js';
import { calculateUtilizationFromTotals, calculateUtilizationReplicas, type UtilizationReplicaInput } from './replica-calculator-utilization.js';
import { calculatePerPodValueReplicas, calculateValueReplicas } from './replica-calculator-value.js';
import type { ClassifiedPod, MetricSourceType, MetricTargetType, OrphanSample, PodClassTotals, Tolerances } from './types.js';

/** The data a calculator needs besides the target, already checked for the right observation kind. */
export type CalculatorData =
  | { kind: 'pods'; pods: ClassifiedPod[]; orphanSamples?: OrphanSample[]; distinctNames?: boolean }
  /** Per-pod data as class totals: served by the calculators that take per-pod samples. */
  | { kind: 'podTotals'; totals: PodClassTotals }
  | { kind: 'values'; valuesMilli: number[]; readyPodCount: number };

/** The observation kind a calculator takes: class totals stand for a pod list. */
export type ObservationKind = 'pods' | 'values';

export function observationKindOf(data: { kind: CalculatorData['kind'] | 'error' }): ObservationKind | 'error' {
  return data.kind === 'podTotals' ? 'pods' : data.kind;
}

export interface CalculatorContext {
  /** The target's number: percent for Utilization, milli-units otherwise. */
  target: number;
  specReplicas: number;
  statusReplicas: number;
  tolerances: Tolerances;
}

/** Which field of MetricProposal.currentValue carries the calculator's reported value. */
export type ReportedValue = 'utilization' | 'averageValue' | 'value';

export interface MetricCalculatorEntry {
  /** The upstream function this entry mirrors, for messages and `explain`. */
  upstream: string;
  observation: ObservationKind;
  reports: ReportedValue;
  calculate(data: CalculatorData, ctx: CalculatorContext): ReplicaCalculation;
}

type PodListData = Extract<CalculatorData, { kind: 'pods' }>;

/** An entry over per-pod data: the pod list, or the class totals that stand for it. */
function perPodEntry(
  upstream: string,
  reports: ReportedValue,
  fromTotals: (totals: PodClassTotals, ctx: CalculatorContext) => ReplicaCalculation,
  fromList: (data: PodListData, ctx: CalculatorContext) => ReplicaCalculation,
): MetricCalculatorEntry {
  return {
    upstream,
    observation: 'pods',
    reports,
    calculate: (data, ctx) => (data.kind === 'podTotals' ? fromTotals(data.totals, ctx) : data.kind !== 'pods' ? wrongData() : fromList(data, ctx)),
  };
}

/**
 * The pod-list calculators' input as one object of one shape; each calculator reads its own target
 * field. Not `{ ...podListInput(), target }`: with that spread a one-year run's old generation grew
 * by about 16 KB per young-generation collection until V8's first full collection doubled the young
 * generation (peak RSS 116 MiB instead of 88; see docs/performance-log.md).
 */
function podListInput(data: PodListData, ctx: CalculatorContext): UtilizationReplicaInput & AverageValueReplicaInput {
  return {
    pods: data.pods,
    orphanSamples: data.orphanSamples ?? [],
    currentReplicas: ctx.specReplicas,
    targetUtilizationPercent: ctx.target,
    targetAverageValueMilli: ctx.target,
    tolerances: ctx.tolerances,
    distinctNames: data.distinctNames === true,
  };
}

const utilization = perPodEntry(
  'GetResourceReplicas',
  'utilization',
  (totals, ctx) => calculateUtilizationFromTotals({ totals, currentReplicas: ctx.specReplicas, targetUtilizationPercent: ctx.target, tolerances: ctx.tolerances }),
  (data, ctx) => calculateUtilizationReplicas(podListInput(data, ctx)),
);

function plainAverage(upstream: string): MetricCalculatorEntry {
  return perPodEntry(
    upstream,
    'averageValue',
    (totals, ctx) => calculateAverageValueFromTotals({ totals, currentReplicas: ctx.specReplicas, targetAverageValueMilli: ctx.target, tolerances: ctx.tolerances }),
    (data, ctx) => calculateAverageValueReplicas(podListInput(data, ctx)),
  );
}

function value(upstream: string): MetricCalculatorEntry {
  return {
    upstream,
    observation: 'values',
    reports: 'value',
    calculate: (data, ctx) =>
      data.kind !== 'values'
        ? wrongData()
        : calculateValueReplicas({
            valuesMilli: data.valuesMilli,
            currentReplicas: ctx.specReplicas,
            targetValueMilli: ctx.target,
            readyPodCount: data.readyPodCount,
            tolerances: ctx.tolerances,
          }),
  };
}

function perPodValue(upstream: string, externalSeries: boolean): MetricCalculatorEntry {
  return {
    upstream,
    observation: 'values',
    reports: 'averageValue',
    calculate: (data, ctx) =>
      data.kind !== 'values'
        ? wrongData()
        : calculatePerPodValueReplicas({
            valuesMilli: data.valuesMilli,
            statusReplicas: ctx.statusReplicas,
            targetAverageValueMilli: ctx.target,
            tolerances: ctx.tolerances,
            externalSeries,
          }),
  };
}

function wrongData(): ReplicaCalculation {
  return { ok: false, message: 'observation kind does not match the calculator' };
}

type CalculatorKey = `${MetricSourceType}/${MetricTargetType}`;

/** Supported (source, target) pairs. A pair absent here is an invalid metric source for that type. */
export const METRIC_CALCULATORS: Readonly<Partial<Record<CalculatorKey, MetricCalculatorEntry>>> = Object.freeze({
  'Resource/Utilization': utilization,
  'ContainerResource/Utilization': utilization,
  'Resource/AverageValue': plainAverage('GetRawResourceReplicas'),
  'ContainerResource/AverageValue': plainAverage('GetRawResourceReplicas'),
  'Pods/AverageValue': plainAverage('GetMetricReplicas'),
  'Object/Value': value('GetObjectMetricReplicas'),
  'Object/AverageValue': perPodValue('GetObjectPerPodMetricReplicas', false),
  'External/Value': value('GetExternalMetricReplicas'),
  'External/AverageValue': perPodValue('GetExternalPerPodMetricReplicas', true),
});

/** source type → target type → entry: a lookup without building a key string at every sync. */
const CALCULATOR_INDEX: ReadonlyMap<string, ReadonlyMap<string, MetricCalculatorEntry>> = (() => {
  const index = new Map<string, Map<string, MetricCalculatorEntry>>();
  for (const [key, entry] of Object.entries(METRIC_CALCULATORS)) {
    const [source, target] = key.split('/') as [string, string];
    if (!index.has(source)) index.set(source, new Map());
    index.get(source)!.set(target, entry!);
  }
  return index;
})();

/** The calculator for a (source, target) pair, or undefined when the pair is not supported. */
export function findMetricCalculator(sourceType: string, targetType: string): MetricCalculatorEntry | undefined {
  return CALCULATOR_INDEX.get(sourceType)?.get(targetType);
}
