/**
 * Readers for the HPA parts shared by several vector kinds (§8): controller config, behavior as
 * the user wrote it, recommendations and scale events given by age.
 */
import { HPA_DEFAULTS } from '../autoscalers/hpa/config.js';
import type {
  HpaBehavior,
  HpaControllerConfig,
  HpaScalingPolicy,
  HpaScalingRules,
  TimestampedRecommendation,
  TimestampedScaleEvent,
} from '../autoscalers/hpa/types.js';
import { InputFields } from './input-fields.js';

/**
 * The simulation time at which single-sync vectors are evaluated. Ages become timestamps
 * `now − age`; with now = 0 that is exactly `−age`, so `now − timestamp` gives the age back without
 * floating-point error even for fractional ages.
 */
export const VECTOR_NOW_SECONDS = 0;

/** `controllerConfig` merged over HPA_DEFAULTS (keys the vector leaves out take the defaults). */
export function readControllerConfig(fields: InputFields | undefined): HpaControllerConfig {
  const config: HpaControllerConfig = { ...HPA_DEFAULTS };
  if (fields === undefined) return config;
  const numericKeys = [
    'syncPeriodSeconds',
    'tolerance',
    'downscaleStabilizationWindowSeconds',
    'cpuInitializationPeriodSeconds',
    'initialReadinessDelaySeconds',
    'scaleUpLimitFactor',
    'scaleUpLimitMinimum',
  ] as const;
  for (const key of numericKeys) config[key] = fields.optNumber(key) ?? config[key];
  config.configurableTolerance = fields.optBoolean('configurableTolerance') ?? config.configurableTolerance;
  return config;
}

function readPolicy(fields: InputFields): HpaScalingPolicy {
  return { type: fields.choice('type', ['Pods', 'Percent'] as const), value: fields.number('value'), periodSeconds: fields.number('periodSeconds') };
}

/** One side of behavior as written; absent fields stay undefined. */
export function readScalingRules(fields: InputFields): HpaScalingRules {
  const rules: HpaScalingRules = {};
  const window = fields.optNumber('stabilizationWindowSeconds');
  if (window !== undefined) rules.stabilizationWindowSeconds = window;
  if (fields.has('selectPolicy')) rules.selectPolicy = fields.choice('selectPolicy', ['Max', 'Min', 'Disabled'] as const);
  const policies = fields.optObjects('policies');
  if (policies !== undefined) rules.policies = policies.map(readPolicy);
  const tolerance = fields.optNumber('tolerance');
  if (tolerance !== undefined) rules.tolerance = tolerance;
  return rules;
}

/** `behavior`: null or absent selects the legacy path. */
export function readBehavior(fields: InputFields, key = 'behavior'): HpaBehavior | null {
  const b = fields.optObject(key);
  if (b === undefined) return null;
  const behavior: HpaBehavior = {};
  const up = b.optObject('scaleUp');
  const down = b.optObject('scaleDown');
  if (up !== undefined) behavior.scaleUp = readScalingRules(up);
  if (down !== undefined) behavior.scaleDown = readScalingRules(down);
  return behavior;
}

/** `[{replicas, ageSeconds}]` → records at `now − age`. */
export function readRecommendations(list: InputFields[], nowSeconds = VECTOR_NOW_SECONDS): TimestampedRecommendation[] {
  return list.map((r) => ({ replicas: r.number('replicas'), timestampSeconds: nowSeconds - r.number('ageSeconds') }));
}

/** `[{replicaChange, ageSeconds, outdated?}]` → events at `now − age`. */
export function readScaleEvents(list: InputFields[] | undefined, nowSeconds = VECTOR_NOW_SECONDS): TimestampedScaleEvent[] {
  return (list ?? []).map((e) => ({
    replicaChange: e.number('replicaChange'),
    timestampSeconds: nowSeconds - e.number('ageSeconds'),
    outdated: e.optBoolean('outdated') ?? false,
  }));
}
