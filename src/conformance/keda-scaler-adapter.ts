/**
 * Adapter for `keda.scaler` vectors (§3.6): parse the trigger, read the vector's source reading, and
 * ask the HPA calculators (evaluateMetric) what the generated HPA would do with the value. Vectors
 * with `scalingModifiers` evaluate the composite metric instead.
 */
import { evaluateMetric } from '../autoscalers/hpa/evaluate-metric.js';
import { HPA_DEFAULTS } from '../autoscalers/hpa/config.js';
import type { HpaMetricSpec } from '../autoscalers/hpa/types.js';
import { combineTriggerActivity } from '../autoscalers/keda/activity.js';
import { compositeMetricSpec, generateMetricSpecs } from '../autoscalers/keda/hpa-mapping.js';
import { hpaMetricMilli } from '../autoscalers/keda/metric-value.js';
import { findScaler } from '../autoscalers/keda/scalers/registry.js';
import { compileFormula, computeCompositeMetric } from '../autoscalers/keda/scaling-modifiers.js';
import type { TriggerSpec } from '../autoscalers/keda/types.js';
import { InputFields } from './input-fields.js';
import { readScalerReading } from './keda-scaler-readings.js';
import { describeMetricSpec, readTriggerMetadata, readTriggerMetricType, VECTOR_SCALED_OBJECT_NAME, vectorScaledObject } from './keda-vector-fields.js';

/**
 * What the HPA computes for an External value: `hpaDesiredReplicas` with the default tolerance and
 * `hpaDesiredReplicasIfOutsideTolerance` with tolerance 0 (= ceil(value / target) for AverageValue),
 * taking `currentReplicas` (default 1) as spec, status and ready count.
 */
function hpaProposals(spec: HpaMetricSpec, value: number, currentReplicas: number): Record<string, unknown> {
  const ask = (tolerance: number) =>
    evaluateMetric({
      spec,
      observation: { kind: 'values', valuesMilli: [hpaMetricMilli(value)], readyPodCount: currentReplicas },
      specReplicas: currentReplicas,
      statusReplicas: currentReplicas,
      tolerances: { scaleUp: tolerance, scaleDown: tolerance },
    });
  const withTolerance = ask(HPA_DEFAULTS.tolerance);
  const outside = ask(0);
  const out: Record<string, unknown> = {};
  if (withTolerance.ok) out.hpaDesiredReplicas = withTolerance.desiredReplicas;
  if (outside.ok) out.hpaDesiredReplicasIfOutsideTolerance = outside.desiredReplicas;
  return out;
}

function adaptComposite(f: InputFields): Record<string, unknown> {
  const sm = f.object('scalingModifiers');
  const values: Record<string, number | null> = {};
  const raw = f.raw('triggerValues');
  for (const [name, v] of Object.entries(typeof raw === 'object' && raw !== null ? raw : {})) values[name] = typeof v === 'number' ? v : null;
  const compiled = compileFormula(sm.string('formula'), Object.keys(values));
  if (!compiled.ok) return { error: true, message: compiled.message, column: compiled.column };
  const modifiers = {
    target: Number(sm.raw('target')),
    activationTarget: sm.has('activationTarget') ? Number(sm.raw('activationTarget')) : 0,
    metricType: sm.has('metricType') ? sm.choice('metricType', ['AverageValue', 'Value'] as const) : ('AverageValue' as const),
  };
  const fallbackReplicas = f.optObject('fallback')?.optNumber('replicas');
  const composite = computeCompositeMetric({ formula: compiled, triggerValues: values, target: modifiers.target, ...(fallbackReplicas === undefined ? {} : { fallbackReplicas }) });
  const triggers = Object.entries(values).map(([name, v]) => ({ type: 'external', name, isActive: false, ...(v === null ? { error: 'no value' } : {}) }));
  const activity = combineTriggerActivity({ triggers, scalingModifiers: { compositeValue: composite.value, activationTarget: modifiers.activationTarget } });
  const spec = compositeMetricSpec(VECTOR_SCALED_OBJECT_NAME, modifiers);
  const out: Record<string, unknown> = { compositeMetricValue: composite.value, isActive: activity.isActive, hpaMetric: describeMetricSpec(spec), reason: composite.reason };
  return composite.value === null ? out : { ...out, ...hpaProposals(spec, composite.value, f.optNumber('currentReplicas') ?? 1) };
}

/**
 * keda.scaler: `{hpaTarget, hpaMetric}`, and when the vector gives a reading `{metricValue, isActive,
 * error, reason, hpaDesiredReplicas, hpaDesiredReplicasIfOutsideTolerance}`; a metadata problem gives
 * `{parseError: true, problems}`.
 */
export function adaptKedaScaler(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  if (f.has('scalingModifiers')) return adaptComposite(f);
  const type = f.has('trigger') ? f.string('trigger') : f.string('type');
  const scaler = findScaler(type);
  if (scaler === undefined) throw new Error(`${f.path}.trigger: unsupported trigger type "${type}"`);
  const trigger: TriggerSpec = { index: f.optNumber('triggerIndex') ?? 0, type, metadata: readTriggerMetadata(f), useCachedMetrics: false, source: { file: 'fidelity-vectors.json' } };
  const metricType = readTriggerMetricType(f);
  if (metricType !== undefined) trigger.metricType = metricType;
  const parsed = scaler.parse(trigger);
  if (!parsed.ok) return { parseError: true, problems: parsed.problems.map((p) => `${p.field}: ${p.message}`) };
  const [spec] = generateMetricSpecs(vectorScaledObject({ triggers: [trigger] }), [parsed.trigger]);
  const out: Record<string, unknown> = { hpaTarget: parsed.trigger.hpaTarget, ...(spec === undefined ? {} : { hpaMetric: describeMetricSpec(spec) }) };
  const reading = readScalerReading(f, parsed.trigger);
  if (reading === undefined) return out;
  const result = scaler.read(parsed.trigger, reading);
  Object.assign(out, { metricValue: result.metricValue, isActive: result.isActive, error: result.error !== undefined, reason: result.reason });
  if (result.error !== undefined) out.message = result.error;
  else if (spec !== undefined && spec.type === 'External') Object.assign(out, hpaProposals(spec, result.metricValue, f.optNumber('currentReplicas') ?? 1));
  return out;
}
