/**
 * Adapter for `keda.hpaMapping` vectors (§3.2): HPA min/max and the ScaledObject defaults, plus the
 * generated metrics and behavior when the vector gives triggers, annotations or a behavior.
 */
import { KEDA_DEFAULTS } from '../autoscalers/keda/config.js';
import { generateHpa, hpaMinMax } from '../autoscalers/keda/hpa-mapping.js';
import { findScaler } from '../autoscalers/keda/scalers/registry.js';
import type { ParsedTrigger, ScaledObjectSpec, TriggerSpec } from '../autoscalers/keda/types.js';
import { readBehavior } from './hpa-vector-fields.js';
import { parseGoInt } from '../units/go-numbers.js';
import { InputFields } from './input-fields.js';
import { describeMetricSpec, readTriggerMetadata, readTriggerMetricType, vectorScaledObject } from './keda-vector-fields.js';

function readTrigger(f: InputFields, index: number): { spec: TriggerSpec; parsed: ParsedTrigger } {
  const type = f.string('type');
  const scaler = findScaler(type);
  if (scaler === undefined) throw new Error(`${f.path}.type: unsupported trigger type "${type}"`);
  const spec: TriggerSpec = { index, type, metadata: readTriggerMetadata(f), useCachedMetrics: false, source: { file: 'fidelity-vectors.json' } };
  const metricType = readTriggerMetricType(f);
  if (metricType !== undefined) spec.metricType = metricType;
  const name = f.optString('name');
  if (name !== undefined) spec.name = name;
  const result = scaler.parse(spec);
  if (!result.ok) throw new Error(`${f.path}.metadata: ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return { spec, parsed: result.trigger };
}

/**
 * newHPAForScaledObject with the paused-replicas annotation (`pausedReplicas`, ParseInt's string or
 * a number): the HPA's min and max are both that count, 0 becoming 1. (A paused ScaledObject's HPA
 * never acts in a run: the scenario keeps the target at the count and builds no HPA for it.)
 */
function pausedHpaBounds(f: InputFields): { hpaMinReplicas: number; hpaMaxReplicas: number } | undefined {
  const raw = f.raw('pausedReplicas') ?? f.raw('pausedReplicaCount');
  if (raw === undefined || raw === null) return undefined;
  const count = typeof raw === 'number' ? raw : parseGoInt(String(raw), 32);
  if (count === undefined || !Number.isInteger(count)) throw new Error(`${f.path}.pausedReplicas: expected a whole replica count, got ${JSON.stringify(raw)}`);
  const bound = count === 0 ? 1 : count;
  return { hpaMinReplicas: bound, hpaMaxReplicas: bound };
}

/**
 * keda.hpaMapping: `{hpaMinReplicas, hpaMaxReplicas, kedaMinReplicaCount, pollingIntervalSeconds,
 * cooldownPeriodSeconds, initialCooldownPeriodSeconds, behavior, metrics}` (nulls take the defaults).
 */
export function adaptKedaHpaMapping(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  const min = f.optNumber('minReplicaCount');
  const max = f.optNumber('maxReplicaCount');
  const triggers = (f.optObjects('triggers') ?? []).map((t, i) => readTrigger(t, i));
  const overrides: Partial<ScaledObjectSpec> = {
    minReplicaCount: min ?? KEDA_DEFAULTS.minReplicaCount,
    maxReplicaCount: max ?? KEDA_DEFAULTS.maxReplicaCount,
    hpaBehavior: readBehavior(f),
    pausedScaleIn: f.optBoolean('pausedScaleIn') ?? false,
    pausedScaleOut: f.optBoolean('pausedScaleOut') ?? false,
    triggers: triggers.map((t) => t.spec),
  };
  const sm = f.optObject('scalingModifiers');
  if (sm !== undefined) {
    overrides.scalingModifiers = {
      formula: sm.optString('formula') ?? '',
      target: Number(sm.raw('target')),
      activationTarget: sm.has('activationTarget') ? Number(sm.raw('activationTarget')) : 0,
      metricType: sm.has('metricType') ? sm.choice('metricType', ['AverageValue', 'Value'] as const) : 'AverageValue',
    };
  }
  const hpa = generateHpa(vectorScaledObject(overrides), triggers.map((t) => t.parsed));
  const paused = pausedHpaBounds(f);
  return {
    ...(paused ?? hpaMinMax({ ...(min === undefined ? {} : { minReplicaCount: min }), ...(max === undefined ? {} : { maxReplicaCount: max }) })),
    kedaMinReplicaCount: min ?? KEDA_DEFAULTS.minReplicaCount,
    pollingIntervalSeconds: f.optNumber('pollingInterval') ?? KEDA_DEFAULTS.pollingIntervalSeconds,
    cooldownPeriodSeconds: f.optNumber('cooldownPeriod') ?? KEDA_DEFAULTS.cooldownPeriodSeconds,
    initialCooldownPeriodSeconds: f.optNumber('initialCooldownPeriod') ?? KEDA_DEFAULTS.initialCooldownPeriodSeconds,
    behavior: hpa.behavior,
    metrics: hpa.metrics.map(describeMetricSpec),
  };
}
