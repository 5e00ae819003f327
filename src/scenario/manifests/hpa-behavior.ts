/**
 * spec.behavior of an autoscaling/v2 HPA, kept exactly as written (no defaulting: the behavior
 * calculator applies apis/autoscaling/v2 defaults itself), with the validateScalingRules checks that
 * span fields: an explicit empty policy list is rejected, a tolerance must be ≥ 0.
 */
import type { HpaBehavior, HpaScalingRules } from '../../autoscalers/hpa/types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import type { HpaV2Input, ScalingRulesInput } from './hpa-schema.js';

type BehaviorInput = HpaV2Input['spec']['behavior'];

/** null when spec.behavior is absent (the legacy path); otherwise the rules as written. */
export function toBehavior(input: BehaviorInput, ref: DocRef, path: FieldPath, sink: ProblemSink): HpaBehavior | null {
  if (input == null) return null;
  const behavior: HpaBehavior = {};
  if (input.scaleUp != null) behavior.scaleUp = toRules(input.scaleUp, ref, [...path, 'scaleUp'], sink);
  if (input.scaleDown != null) behavior.scaleDown = toRules(input.scaleDown, ref, [...path, 'scaleDown'], sink);
  return behavior;
}

function toRules(input: ScalingRulesInput, ref: DocRef, path: FieldPath, sink: ProblemSink): HpaScalingRules {
  if (input.policies !== undefined && input.policies.length === 0) {
    sink.error(ref.problem([...path, 'policies'], 'must specify at least one Policy', 'remove "policies: []" to use the default policies'));
  }
  if (input.tolerance !== undefined && input.tolerance < 0) {
    sink.error(ref.problem([...path, 'tolerance'], 'must be greater than or equal to 0'));
  }
  const rules: HpaScalingRules = {};
  if (input.stabilizationWindowSeconds !== undefined) rules.stabilizationWindowSeconds = input.stabilizationWindowSeconds;
  if (input.selectPolicy !== undefined) rules.selectPolicy = input.selectPolicy;
  if (input.policies !== undefined) {
    rules.policies = input.policies.map((p) => ({ type: p.type, value: p.value, periodSeconds: p.periodSeconds }));
  }
  if (input.tolerance !== undefined) rules.tolerance = input.tolerance;
  return rules;
}
