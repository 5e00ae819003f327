/**
 * Adapters for the metric-level HPA vector kinds: `hpa.replicaCalc` (one calculator through
 * evaluateMetric, §1.3–1.7) and `hpa.groupPods` (the §1.4 classifier).
 */
import { evaluateMetric } from '../autoscalers/hpa/evaluate-metric.js';
import { classifyPod, type PodObservation } from '../autoscalers/hpa/group-pods.js';
import { HPA_DEFAULTS } from '../autoscalers/hpa/config.js';
import type { Tolerances } from '../autoscalers/hpa/types.js';
import { VECTOR_NOW_SECONDS } from './hpa-vector-fields.js';
import { proposalOutputs, readMetricObservation, readMetricSpec } from './hpa-vector-metric.js';
import { InputFields } from './input-fields.js';

/** `tolerance{scaleUp, scaleDown}`, a single number for both, or the 0.1 default. */
function readTolerances(fields: InputFields): Tolerances {
  const single = typeof fields.raw('tolerance') === 'number' ? fields.number('tolerance') : undefined;
  if (single !== undefined) return { scaleUp: single, scaleDown: single };
  const t = fields.optObject('tolerance');
  return {
    scaleUp: t?.optNumber('scaleUp') ?? HPA_DEFAULTS.tolerance,
    scaleDown: t?.optNumber('scaleDown') ?? HPA_DEFAULTS.tolerance,
  };
}

/** hpa.replicaCalc: `{desiredReplicas, reason, utilizationPercent?, rawAverageMilli?, usageMilli?}` or `{error: true, message, reason}`. */
export function adaptReplicaCalc(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const specReplicas = fields.number('specReplicas');
  const spec = readMetricSpec(fields);
  const proposal = evaluateMetric({
    spec,
    observation: readMetricObservation(fields, specReplicas),
    specReplicas,
    statusReplicas: fields.optNumber('statusReplicas') ?? specReplicas,
    tolerances: readTolerances(fields),
  });
  return proposalOutputs(proposal, spec.target?.type ?? '');
}

/** Sample defaults when the vector says only `hasMetric: true`: taken now, with a 30 s window. */
const DEFAULT_SAMPLE_AGE_SECONDS = 0;
const DEFAULT_SAMPLE_WINDOW_SECONDS = 30;

function readPodObservation(pod: InputFields, now: number): PodObservation {
  const obs: PodObservation = {
    name: pod.optString('name') ?? 'pod',
    phase: pod.choice('phase', ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const),
    deleting: pod.optBoolean('deleting') ?? false,
  };
  const startAgo = pod.optNumber('startSecondsAgo');
  if (startAgo !== undefined) obs.startTimeSeconds = now - startAgo;
  const ready = pod.optObject('readyCondition');
  if (ready !== undefined) {
    // groupPods only ever tests `status == False`, so Ready=Unknown classifies exactly like True.
    const status = ready.choice('status', ['True', 'False', 'Unknown'] as const) !== 'False';
    obs.ready = { status, lastTransitionSeconds: now - ready.number('lastTransitionSecondsAgo') };
  }
  if (pod.optBoolean('hasMetric') ?? pod.has('metricTimestampSecondsAgo')) {
    obs.sample = {
      timestampSeconds: now - (pod.optNumber('metricTimestampSecondsAgo') ?? DEFAULT_SAMPLE_AGE_SECONDS),
      windowSeconds: pod.optNumber('metricWindowSeconds') ?? DEFAULT_SAMPLE_WINDOW_SECONDS,
    };
  }
  return obs;
}

/** hpa.groupPods: `{class, reason}`. */
export function adaptGroupPods(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const now = VECTOR_NOW_SECONDS;
  const resource = fields.optString('resource');
  const { podClass, reason } = classifyPod(readPodObservation(fields.object('pod'), now), resource, now, {
    cpuInitializationPeriodSeconds: fields.optNumber('cpuInitializationPeriodSeconds') ?? HPA_DEFAULTS.cpuInitializationPeriodSeconds,
    initialReadinessDelaySeconds:
      fields.optNumber('delayOfInitialReadinessStatusSeconds') ??
      fields.optNumber('initialReadinessDelaySeconds') ??
      HPA_DEFAULTS.initialReadinessDelaySeconds,
  });
  return { class: podClass, reason };
}
