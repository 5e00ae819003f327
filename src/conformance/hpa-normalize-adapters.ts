/**
 * Adapters for the normalization vector kinds (§1.10, §1.11): hpa.legacyConvert, hpa.legacyStabilize,
 * hpa.behaviorStabilize, hpa.behaviorRate and hpa.behaviorLimit.
 */
import { calculateScaleDownLimit, calculateScaleUpLimit } from '../autoscalers/hpa/behavior-limit.js';
import { convertDesiredReplicasWithBehaviorRate } from '../autoscalers/hpa/behavior-rate.js';
import { resolveScaleDownRules, resolveScaleUpRules } from '../autoscalers/hpa/behavior-rules.js';
import { stabilizeWithBehavior } from '../autoscalers/hpa/behavior-stabilize.js';
import { HPA_DEFAULTS } from '../autoscalers/hpa/config.js';
import { convertDesiredReplicasWithRules, stabilizeLegacy } from '../autoscalers/hpa/legacy-normalize.js';
import { readRecommendations, readScaleEvents, readScalingRules, VECTOR_NOW_SECONDS } from './hpa-vector-fields.js';
import { InputFields } from './input-fields.js';

/** `minReplicas`/`maxReplicas`, or the short `min`/`max` of the §8 table. */
function readBounds(fields: InputFields): { minReplicas: number; maxReplicas: number } {
  return {
    minReplicas: fields.has('minReplicas') ? fields.number('minReplicas') : fields.number('min'),
    maxReplicas: fields.has('maxReplicas') ? fields.number('maxReplicas') : fields.number('max'),
  };
}

/** hpa.legacyConvert: `{desiredReplicas, condition, scaleUpLimit}`. */
export function adaptLegacyConvert(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const result = convertDesiredReplicasWithRules({
    currentReplicas: fields.number('currentReplicas'),
    desiredReplicas: fields.number('desiredReplicas'),
    ...readBounds(fields),
    scaleUpLimitFactor: fields.optNumber('scaleUpLimitFactor') ?? HPA_DEFAULTS.scaleUpLimitFactor,
    scaleUpLimitMinimum: fields.optNumber('scaleUpLimitMinimum') ?? HPA_DEFAULTS.scaleUpLimitMinimum,
  });
  return { desiredReplicas: result.desiredReplicas, condition: result.reason, scaleUpLimit: result.scaleUpLimit };
}

/** hpa.legacyStabilize: `{stabilizedReplicas, reason}`. */
export function adaptLegacyStabilize(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const result = stabilizeLegacy({
    nowSeconds: VECTOR_NOW_SECONDS,
    desiredReplicas: fields.number('desiredReplicas'),
    windowSeconds:
      fields.optNumber('downscaleStabilizationWindowSeconds') ??
      fields.optNumber('windowSeconds') ??
      HPA_DEFAULTS.downscaleStabilizationWindowSeconds,
    recommendations: readRecommendations(fields.objects('recommendations')),
  });
  return { stabilizedReplicas: result.stabilizedReplicas, reason: result.reason };
}

/** A window given flat (`scaleUpStabilizationWindowSeconds`) or in a `scaleUp` rules object; unset is 0. */
function readWindow(fields: InputFields, direction: 'scaleUp' | 'scaleDown'): number {
  const flat = fields.optNumber(`${direction}StabilizationWindowSeconds`);
  const nested = fields.optObject(direction)?.optNumber('stabilizationWindowSeconds');
  if (flat !== undefined && nested !== undefined && flat !== nested) {
    throw new Error(`${fields.path}.${direction}.stabilizationWindowSeconds: ${nested} disagrees with ${direction}StabilizationWindowSeconds ${flat}`);
  }
  return flat ?? nested ?? 0;
}

/** hpa.behaviorStabilize: `{stabilizedReplicas, reason, upBound, downBound}`. Unset windows are 0. */
export function adaptBehaviorStabilize(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const result = stabilizeWithBehavior({
    nowSeconds: VECTOR_NOW_SECONDS,
    currentReplicas: fields.number('currentReplicas'),
    desiredReplicas: fields.has('prenormalizedDesiredReplicas') ? fields.number('prenormalizedDesiredReplicas') : fields.number('desiredReplicas'),
    scaleUpWindowSeconds: readWindow(fields, 'scaleUp'),
    scaleDownWindowSeconds: readWindow(fields, 'scaleDown'),
    recommendations: readRecommendations(fields.optObjects('recommendations') ?? []),
  });
  return { stabilizedReplicas: result.stabilizedReplicas, reason: result.reason, upBound: result.upBound, downBound: result.downBound };
}

/** hpa.behaviorRate: `{desiredReplicas, condition, scaleUpLimit?, scaleDownLimit?}`. */
export function adaptBehaviorRate(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const up = fields.optObject('scaleUp');
  const down = fields.optObject('scaleDown');
  const result = convertDesiredReplicasWithBehaviorRate({
    nowSeconds: VECTOR_NOW_SECONDS,
    currentReplicas: fields.number('currentReplicas'),
    desiredReplicas: fields.number('desiredReplicas'),
    ...readBounds(fields),
    // The vectors give fully defaulted rules; defaulting again is the identity and covers omissions.
    scaleUp: resolveScaleUpRules(up && readScalingRules(up)),
    scaleDown: resolveScaleDownRules(down && readScalingRules(down), HPA_DEFAULTS.downscaleStabilizationWindowSeconds),
    scaleUpEvents: readScaleEvents(fields.optObjects('scaleUpEvents')),
    scaleDownEvents: readScaleEvents(fields.optObjects('scaleDownEvents')),
  });
  const out: Record<string, unknown> = { desiredReplicas: result.desiredReplicas, condition: result.reason };
  if (result.scaleUpLimit !== undefined) out.scaleUpLimit = result.scaleUpLimit;
  if (result.scaleDownLimit !== undefined) out.scaleDownLimit = result.scaleDownLimit;
  return out;
}

/** hpa.behaviorLimit: `{limit}`, the selected policy bound before it is compared with current. */
export function adaptBehaviorLimit(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const direction = fields.choice('direction', ['up', 'down'] as const);
  const rulesIn = readScalingRules(fields.object('rules'));
  const limitInput = {
    currentReplicas: fields.number('currentReplicas'),
    scaleUpEvents: readScaleEvents(fields.optObjects('scaleUpEvents')),
    scaleDownEvents: readScaleEvents(fields.optObjects('scaleDownEvents')),
    nowSeconds: VECTOR_NOW_SECONDS,
  };
  const result =
    direction === 'up'
      ? calculateScaleUpLimit({ ...limitInput, rules: resolveScaleUpRules(rulesIn) })
      : calculateScaleDownLimit({ ...limitInput, rules: resolveScaleDownRules(rulesIn, HPA_DEFAULTS.downscaleStabilizationWindowSeconds) });
  return { limit: result.limit, reason: result.reason };
}
