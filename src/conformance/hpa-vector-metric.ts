/**
 * One metric of a vector (hpa.replicaCalc input, or an entry of hpa.reconcile `metrics[]`) → the
 * HpaMetricSpec and MetricObservation that `evaluateMetric` takes, and a proposal → vector outputs.
 */
import type { MetricObservation, MetricProposal } from '../autoscalers/hpa/evaluate-metric.js';
import type { ClassifiedPod, HpaMetricSpec, MetricTarget, MetricTargetType, OrphanSample } from '../autoscalers/hpa/types.js';
import type { InputFields } from './input-fields.js';

const TARGET_TYPES = ['Utilization', 'AverageValue', 'Value'] as const;

function readTarget(fields: InputFields): MetricTarget {
  const type: MetricTargetType = fields.has('targetType') ? fields.choice('targetType', TARGET_TYPES) : 'Value';
  const value = fields.optNumber('target');
  if (value === undefined) return { type };
  if (type === 'Utilization') return { type, averageUtilizationPercent: value };
  if (type === 'AverageValue') return { type, averageValueMilli: value };
  return { type, valueMilli: value };
}

/**
 * The metric spec. `type` (or `metricSourceType`) is taken as written: an unknown source type such
 * as "CheddarCheese" is passed through so that evaluateMetric reports InvalidMetricSourceType.
 */
export function readMetricSpec(fields: InputFields): HpaMetricSpec {
  const type = fields.has('metricSourceType') ? fields.string('metricSourceType') : fields.string('type');
  const target = readTarget(fields);
  const resourceName = fields.optString('resourceName') ?? 'cpu';
  const metricName = fields.optString('metricName') ?? 'metric';
  if (type === 'Resource') return { type, resourceName, target };
  if (type === 'ContainerResource') return { type, resourceName, containerName: fields.optString('containerName') ?? 'container', target };
  if (type === 'Pods' || type === 'External') return { type, metricName, target };
  if (type === 'Object') return { type, metricName, describedObject: { kind: 'Object', name: metricName }, target };
  return { type, target } as unknown as HpaMetricSpec;
}

function readPod(fields: InputFields): ClassifiedPod {
  const pod: ClassifiedPod = { name: fields.string('name'), class: fields.choice('class', ['ready', 'unready', 'missing', 'ignored'] as const) };
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
