/**
 * Readers shared by the keda.* vector adapters (docs/fidelity-spec.md §8): trigger metadata, a
 * minimal ScaledObject around vector fields, and the compact `{type, name, target}` form of an HPA metric.
 */
import { requiredAlternatives } from '../autoscalers/keda/scalers/required-params.js';
import type { HpaMetricSpec } from '../autoscalers/hpa/types.js';
import { defaultHpaName, KEDA_DEFAULTS } from '../autoscalers/keda/config.js';
import type { ScaledObjectSpec, ScalerDefinition, TriggerSpec } from '../autoscalers/keda/types.js';
import type { InputFields } from './input-fields.js';

/** The scaled object the keda.* vectors talk about. */
export const VECTOR_SCALED_OBJECT_NAME = 'vector';

/** `fields[key]` as CRD metadata strings (numbers and booleans written unquoted are stringified). */
export function readTriggerMetadata(fields: InputFields, key = 'metadata'): Record<string, string> {
  const value = fields.raw(key);
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${fields.path}.${key}: expected an object of strings`);
  const metadata: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) metadata[name] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return metadata;
}

/** `metricType` of a trigger: AverageValue, Value or Utilization; undefined when absent. */
export function readTriggerMetricType(fields: InputFields): TriggerSpec['metricType'] {
  return fields.has('metricType') ? fields.choice('metricType', ['AverageValue', 'Value', 'Utilization'] as const) : undefined;
}

/** A ScaledObject with every field at its default, overridden by `overrides`. */
export function vectorScaledObject(overrides: Partial<ScaledObjectSpec>): ScaledObjectSpec {
  return {
    name: VECTOR_SCALED_OBJECT_NAME,
    namespace: 'default',
    apiVersion: 'keda.sh/v1alpha1',
    scaleTargetRef: { kind: 'Deployment', name: VECTOR_SCALED_OBJECT_NAME },
    pollingIntervalSeconds: KEDA_DEFAULTS.pollingIntervalSeconds,
    cooldownPeriodSeconds: KEDA_DEFAULTS.cooldownPeriodSeconds,
    initialCooldownPeriodSeconds: KEDA_DEFAULTS.initialCooldownPeriodSeconds,
    minReplicaCount: KEDA_DEFAULTS.minReplicaCount,
    maxReplicaCount: KEDA_DEFAULTS.maxReplicaCount,
    hpaBehavior: null,
    hpaName: defaultHpaName(VECTOR_SCALED_OBJECT_NAME),
    pausedScaleIn: false,
    pausedScaleOut: false,
    forceActivation: false,
    triggers: [],
    source: { file: 'fidelity-vectors.json' },
    ...overrides,
  };
}

/** `{type, name, target}` (+ `containerName`): the vectors' compact form of an HPA metric spec. */
export function describeMetricSpec(spec: HpaMetricSpec): Record<string, unknown> {
  if (spec.type === 'Resource') return { type: spec.type, name: spec.resourceName, target: spec.target };
  if (spec.type === 'ContainerResource') return { type: spec.type, name: spec.resourceName, containerName: spec.containerName, target: spec.target };
  return { type: spec.type, name: spec.metricName, target: spec.target };
}

/**
 * A vector's trigger metadata with what KEDA's ScalerConfig adds outside it (typed_config.go
 * configParamValue): `authParams` (the TriggerAuthentication's parameters) fill the keys the scaler
 * may read from them, and `resolvedEnv` (the target container's env; none when absent) the
 * `<key>FromEnv` ones, looked up by the name as written; a `<key>FromEnv` it does not resolve is
 * dropped, so the key reads as missing.
 * Returns the metadata, or the keys KEDA requires that no source gave.
 */
export function vectorTriggerMetadata(fields: InputFields, scaler: ScalerDefinition): { metadata: Record<string, string>; missing: string[] } {
  const metadata = readTriggerMetadata(fields);
  const given = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';
  const authParams = fields.has('authParams') ? readTriggerMetadata(fields, 'authParams') : undefined;
  const authKeys = [...Object.keys(scaler.authParamEffects ?? {}), ...Object.keys(scaler.requiredAuthParams ?? {}).flatMap(requiredAlternatives)];
  for (const key of authKeys) if (!given(metadata[key]) && given(authParams?.[key])) metadata[key] = authParams[key];
  const env = fields.has('resolvedEnv') ? readTriggerMetadata(fields, 'resolvedEnv') : {};
  for (const key of Object.keys(scaler.fromEnvEffects ?? {})) {
    const variable = metadata[`${key}FromEnv`];
    if (given(metadata[key]) || variable === undefined) continue;
    const value = Object.hasOwn(env, variable) ? env[variable] : undefined;
    if (given(value)) metadata[key] = value.trim();
    delete metadata[`${key}FromEnv`];
  }
  const missing = Object.keys(scaler.requiredAuthParams ?? {}).filter((entry) => !requiredAlternatives(entry).some((k) => given(metadata[k])));
  return { metadata, missing };
}
