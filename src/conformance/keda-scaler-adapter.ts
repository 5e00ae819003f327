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
import { KEDA_DEFAULTS } from '../autoscalers/keda/config.js';
import { compileFormula, computeCompositeMetric, type CompiledFormula } from '../autoscalers/keda/scaling-modifiers.js';
import { compositeFallback } from '../autoscalers/keda/scaling-modifiers/composite-fallback.js';
import type { CompositeMetric } from '../autoscalers/keda/scaling-modifiers/composite-metric.js';
import { FALLBACK_BEHAVIORS } from '../autoscalers/keda/fallback.js';
import type { TriggerSpec } from '../autoscalers/keda/types.js';
import { InputFields } from './input-fields.js';
import { readScalerReading } from './keda-scaler-readings.js';
import { describeMetricSpec, readTriggerMetricType, VECTOR_SCALED_OBJECT_NAME, vectorScaledObject, vectorTriggerMetadata } from './keda-vector-fields.js';

/**
 * What the HPA computes for an External value of `valueMilli`: `hpaDesiredReplicas` with the default
 * tolerance and `hpaDesiredReplicasIfOutsideTolerance` with tolerance 0 (= ceil(value / target) for
 * AverageValue), taking `currentReplicas` (default 1) as spec, status and ready count.
 */
function hpaProposals(spec: HpaMetricSpec, valueMilli: number, currentReplicas: number): Record<string, unknown> {
  const ask = (tolerance: number) =>
    evaluateMetric({
      spec,
      observation: { kind: 'values', valuesMilli: [valueMilli], readyPodCount: currentReplicas },
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
  const composite = compositeOfVector(f, compiled, values, modifiers);
  const triggers = Object.entries(values).map(([name, v]) => ({ type: 'external', name, isActive: false, ...(v === null ? { error: 'no value' } : {}) }));
  const activity = combineTriggerActivity({ triggers, scalingModifiers: { compositeValue: composite.value, activationTarget: modifiers.activationTarget } });
  const spec = compositeMetricSpec(VECTOR_SCALED_OBJECT_NAME, modifiers);
  const out: Record<string, unknown> = { compositeMetricValue: composite.value, isActive: activity.isActive, hpaMetric: describeMetricSpec(spec), reason: composite.reason };
  return composite.valueMilli === null ? out : { ...out, ...hpaProposals(spec, composite.valueMilli, f.optNumber('currentReplicas') ?? 1) };
}

/**
 * The composite metric of a vector, a null trigger value being a trigger whose read failed past the
 * fallback's failureThreshold: with no fallback the formula sees it as nil; with behavior
 * scalingModifiers too, a nil formula serving fallback.replicas × target; with any other behavior
 * doFallback serves the composite (compositeFallback: the behaviour's replicas × target, over the
 * ready pods for a Value metric) and the formula does not run.
 */
function compositeOfVector(f: InputFields, compiled: CompiledFormula, values: Record<string, number | null>, modifiers: { target: number; metricType: 'AverageValue' | 'Value' }): CompositeMetric {
  const fb = f.optObject('fallback');
  const behavior = fb?.has('behavior') === true ? fb.choice('behavior', FALLBACK_BEHAVIORS) : KEDA_DEFAULTS.fallbackBehavior;
  const failing = Object.values(values).some((v) => v === null);
  if (fb === undefined || behavior === 'scalingModifiers' || !failing) {
    const fallbackReplicas = fb?.optNumber('replicas');
    return computeCompositeMetric({ formula: compiled, triggerValues: values, target: modifiers.target, ...(fallbackReplicas === undefined ? {} : { fallbackReplicas }) });
  }
  const failureThreshold = fb.optNumber('failureThreshold') ?? 0;
  const current = f.optNumber('currentReplicas') ?? 1;
  const served = compositeFallback({
    fallback: { failureThreshold, replicas: fb.number('replicas'), behavior },
    modifiers,
    triggerFailures: Object.values(values).map((v) => (v === null ? failureThreshold + 1 : 0)),
    currentReplicas: current,
    readyReplicas: f.optNumber('readyReplicas') ?? current,
  });
  if (!served.engaged) return { value: null, valueMilli: null, formulaValue: null, fromFallback: false, reason: served.reason };
  return { value: served.valueMilli / 1000, valueMilli: served.valueMilli, formulaValue: null, fromFallback: true, reason: served.reason };
}

/**
 * keda.scaler: `{hpaTarget, hpaMetric}`, and when the vector gives a reading `{metricValue, isActive,
 * error, reason, hpaDesiredReplicas, hpaDesiredReplicasIfOutsideTolerance}`; a metadata problem gives
 * `{parseError: true, problems}`. The metadata takes `authParams` and `resolvedEnv` as ScalerConfig
 * carries them (keda-vector-fields.ts vectorTriggerMetadata), and `asMetricSource: true` is
 * ScalerConfig.AsMetricSource (a ScaledObject with scalingModifiers).
 */
export function adaptKedaScaler(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  if (f.has('scalingModifiers')) return adaptComposite(f);
  const type = f.has('trigger') ? f.string('trigger') : f.string('type');
  const scaler = findScaler(type);
  if (scaler === undefined) throw new Error(`${f.path}.trigger: unsupported trigger type "${type}"`);
  const { metadata, missing } = vectorTriggerMetadata(f, scaler);
  if (missing.length > 0) return { parseError: true, problems: missing.map((key) => `${key}: missing required parameter`) };
  const trigger: TriggerSpec = { index: f.optNumber('triggerIndex') ?? 0, type, metadata, useCachedMetrics: false, source: { file: 'fidelity-vectors.json' } };
  const metricType = readTriggerMetricType(f);
  if (metricType !== undefined) trigger.metricType = metricType;
  // ScalerConfig.AsMetricSource (the ScaledObject uses scalingModifiers).
  if (f.raw('asMetricSource') === true) trigger.asMetricSource = true;
  const parsed = scaler.parse(trigger);
  if (!parsed.ok) return { parseError: true, problems: parsed.problems.map((p) => `${p.field}: ${p.message}`) };
  const [spec] = generateMetricSpecs(vectorScaledObject({ triggers: [trigger] }), [parsed.trigger]);
  const out: Record<string, unknown> = { hpaTarget: parsed.trigger.hpaTarget, ...(spec === undefined ? {} : { hpaMetric: describeMetricSpec(spec) }) };
  const reading = readScalerReading(f, parsed.trigger);
  if (reading === undefined) return out;
  const result = scaler.read(parsed.trigger, reading);
  Object.assign(out, { metricValue: result.metricValue, isActive: result.isActive, error: result.error !== undefined, reason: result.reason });
  if (result.error !== undefined) out.message = result.error;
  else if (spec !== undefined && spec.type === 'External') Object.assign(out, hpaProposals(spec, hpaMetricMilli(result.metricValue), f.optNumber('currentReplicas') ?? 1));
  return out;
}
