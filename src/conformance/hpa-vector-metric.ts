/**
 * One metric of a vector (hpa.replicaCalc input, or an entry of hpa.reconcile `metrics[]`) → the
 * HpaMetricSpec and MetricObservation that `evaluateMetric` takes, and a proposal → vector outputs.
 */
import type { MetricObservation, MetricProposal } from '../autoscalers/hpa/evaluate-metric.js';
import { findMetricCalculator } from '../autoscalers/hpa/metric-calculators.js';
import type { ClassifiedPod, HpaMetricSpec, MetricTarget, MetricTargetType, OrphanSample } from '../autoscalers/hpa/types.js';
import type { InputFields } from './input-fields.js';

const TARGET_TYPES = ['Utilization', 'AverageValue', 'Value'] as const;

/**
 * The replica_calculator.go function each (source, target) pair goes through (§8's `calculator`):
 * a vector may name it instead of, or besides, the source and target types.
 */
const CALCULATOR_PAIRS: Readonly<Record<string, { source: string; target: MetricTargetType }>> = Object.freeze({
  GetResourceReplicas: { source: 'Resource', target: 'Utilization' },
  GetRawResourceReplicas: { source: 'Resource', target: 'AverageValue' },
  GetMetricReplicas: { source: 'Pods', target: 'AverageValue' },
  GetObjectMetricReplicas: { source: 'Object', target: 'Value' },
  GetObjectPerPodMetricReplicas: { source: 'Object', target: 'AverageValue' },
  GetExternalMetricReplicas: { source: 'External', target: 'Value' },
  GetExternalPerPodMetricReplicas: { source: 'External', target: 'AverageValue' },
});

/** `calculator` when the vector names one (checked against the known names). */
function readCalculator(fields: InputFields): string | undefined {
  if (!fields.has('calculator')) return undefined;
  return fields.choice('calculator', Object.keys(CALCULATOR_PAIRS));
}

function readTarget(fields: InputFields, calculator: string | undefined): MetricTarget {
  const implied = calculator === undefined ? undefined : CALCULATOR_PAIRS[calculator]?.target;
  const type: MetricTargetType = fields.has('targetType') ? fields.choice('targetType', TARGET_TYPES) : (implied ?? 'Value');
  const value = fields.optNumber('target');
  if (value === undefined) return { type };
  if (type === 'Utilization') return { type, averageUtilizationPercent: value };
  if (type === 'AverageValue') return { type, averageValueMilli: value };
  return { type, valueMilli: value };
}

/**
 * A named calculator must be the one evaluateMetric selects for the source and target types (so
 * that a vector meaning GetObjectPerPodMetricReplicas is never silently run as another calculator).
 */
function checkCalculator(fields: InputFields, calculator: string, type: string, target: MetricTargetType): void {
  const selected = findMetricCalculator(type, target)?.upstream;
  if (selected === calculator) return;
  const actual = selected === undefined ? `no calculator handles a ${type} metric with a ${target} target` : `a ${type} metric with a ${target} target goes through ${selected}`;
  throw new Error(`${fields.path}.calculator: "${calculator}" does not match the metric: ${actual}`);
}

/**
 * The metric spec. `type` (or `metricSourceType`) is taken as written: an unknown source type such
 * as "CheddarCheese" is passed through so that evaluateMetric reports InvalidMetricSourceType. A
 * vector that names only its `calculator` gets that calculator's source and target types.
 */
export function readMetricSpec(fields: InputFields): HpaMetricSpec {
  const calculator = readCalculator(fields);
  const implied = calculator === undefined ? undefined : CALCULATOR_PAIRS[calculator]?.source;
  const written = fields.has('metricSourceType') ? fields.string('metricSourceType') : fields.optString('type');
  const type = written ?? implied;
  if (type === undefined) throw new Error(`${fields.path}: expected metricSourceType (or type, or calculator)`);
  const target = readTarget(fields, calculator);
  if (calculator !== undefined && fields.optBoolean('invalid') !== true) checkCalculator(fields, calculator, type, target.type);
  const resourceName = fields.optString('resourceName') ?? 'cpu';
  const metricName = fields.optString('metricName') ?? 'metric';
  if (type === 'Resource') return { type, resourceName, target };
  if (type === 'ContainerResource') return { type, resourceName, containerName: fields.optString('containerName') ?? 'container', target };
  if (type === 'Pods' || type === 'External') return { type, metricName, target };
  if (type === 'Object') return { type, metricName, describedObject: { kind: 'Object', name: metricName }, target };
  return { type, target } as unknown as HpaMetricSpec;
}

/**
 * The class groupPods gives a pod of this phase or deletion state whatever else holds (§1.4 rules 1
 * and 2), or undefined when the phase leaves it open.
 */
function classImpliedBy(fields: InputFields): ClassifiedPod['class'] | undefined {
  if (fields.optBoolean('deleting') === true) return 'ignored';
  const phase = fields.has('phase') ? fields.choice('phase', ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const) : undefined;
  if (phase === 'Failed') return 'ignored';
  if (phase === 'Pending') return 'unready';
  return undefined;
}

function readPod(fields: InputFields): ClassifiedPod {
  const pod: ClassifiedPod = { name: fields.string('name'), class: fields.choice('class', ['ready', 'unready', 'missing', 'ignored'] as const) };
  // `phase` and `deleting` only explain the class (§8); one that contradicts it is a broken vector.
  const implied = classImpliedBy(fields);
  if (implied !== undefined && implied !== pod.class) {
    throw new Error(`${fields.path}.class: expected "${implied}" for a pod that is ${fields.optBoolean('deleting') === true ? 'being deleted' : `in phase ${fields.string('phase')}`} (§1.4), got "${pod.class}"`);
  }
  const request = fields.optNumber('requestMilli');
  const usage = fields.optNumber('usageMilli');
  if (request !== undefined) pod.requestMilli = request;
  if (usage !== undefined) pod.usageMilli = usage;
  return pod;
}

/**
 * The observation: `invalid: true` → the metrics API failed; `pods[]` (+ `metricsForNonexistentPods[]`)
 * → per-pod samples; `metricValuesMilli[]` or `metricValueMilli` (+ `readyPodCount`) → values.
 */
export function readMetricObservation(fields: InputFields, specReplicas: number): MetricObservation {
  if (fields.optBoolean('invalid') === true) return { kind: 'error', message: fields.optString('reason') ?? 'the metrics API failed' };
  if (fields.has('pods')) {
    const orphanSamples: OrphanSample[] = (fields.optObjects('metricsForNonexistentPods') ?? []).map((s) => ({
      name: s.string('name'),
      usageMilli: s.number('usageMilli'),
    }));
    return { kind: 'pods', pods: fields.objects('pods').map(readPod), orphanSamples };
  }
  const values = fields.has('metricValuesMilli') ? fields.numbers('metricValuesMilli') : fields.has('metricValueMilli') ? [fields.number('metricValueMilli')] : undefined;
  if (values !== undefined) {
    // Without readyPodCount every pod is taken to be Running and Ready (statusReplicas, else specReplicas).
    const readyPodCount = fields.optNumber('readyPodCount') ?? fields.optNumber('statusReplicas') ?? specReplicas;
    return { kind: 'values', valuesMilli: values, readyPodCount };
  }
  throw new Error(`${fields.path}: expected pods[], metricValuesMilli[] or invalid: true`);
}

/**
 * Vector outputs of one proposal: `desiredReplicas` and `reason`, plus `utilizationPercent` and
 * `rawAverageMilli` for Utilization targets or `usageMilli` otherwise; a failure gives
 * `{error: true, message, reason}`.
 */
export function proposalOutputs(proposal: MetricProposal, targetType: string): Record<string, unknown> {
  if (!proposal.ok) return { error: true, message: proposal.message, reason: proposal.reason };
  const out: Record<string, unknown> = { desiredReplicas: proposal.desiredReplicas, reason: proposal.reason };
  const v = proposal.currentValue;
  if (targetType === 'Utilization') {
    if (v.utilizationPercent !== undefined) out.utilizationPercent = v.utilizationPercent;
    if (v.averageValueMilli !== undefined) out.rawAverageMilli = v.averageValueMilli;
  } else {
    const usage = v.averageValueMilli ?? v.valueMilli;
    if (usage !== undefined) out.usageMilli = usage;
  }
  return out;
}
