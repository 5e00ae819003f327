/**
 * The checks KEDA's admission webhook makes on a ScaledObject's own fields (scaledobject_types.go
 * CheckReplicaCountBoundsAreValid and CheckFallbackValid, scaledobject_webhook.go
 * ValidateAndCompileScalingModifiers), with the resolved fallback and scalingModifiers.
 */
import { KEDA_DEFAULTS } from '../../autoscalers/keda/config.js';
import { compileFormula } from '../../autoscalers/keda/scaling-modifiers.js';
import type { FallbackSpec, ScalingModifiersSpec, TriggerSpec } from '../../autoscalers/keda/types.js';
import { isResourceTriggerType } from '../../autoscalers/keda/scalers/registry.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { ScaledObjectInput } from './keda-schema.js';

type Spec = ScaledObjectInput['spec'];

/**
 * min ≤ max and idle < min, where min is GetHPAMinReplicas (minReplicaCount, raised to 1) when
 * minReplicaCount is written and 0 when it is not: so idleReplicaCount needs a minReplicaCount.
 */
export function checkReplicaBounds(spec: { minReplicaCount?: number | undefined; maxReplicaCount?: number | undefined; idleReplicaCount?: number | undefined }, ref: DocRef, sink: ProblemSink): void {
  const written = spec.minReplicaCount;
  const min = written === undefined ? 0 : Math.max(1, written);
  const max = spec.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount;
  if (max < 1) sink.error(ref.problem(['spec', 'maxReplicaCount'], `${max}: must be at least 1 (it becomes the HPA's maxReplicas)`));
  else if (min > max) {
    const note = written === 0 ? ' (minReplicaCount 0 gives the HPA minReplicas 1)' : '';
    sink.error(ref.problem(['spec', 'minReplicaCount'], `MinReplicaCount=${min} must be less than MaxReplicaCount=${max}${note}`, 'make minReplicaCount ≤ maxReplicaCount'));
  }
  const idle = spec.idleReplicaCount;
  if (idle === undefined) return;
  if (idle >= min) {
    const hint = written === undefined ? 'set minReplicaCount ≥ 1: idleReplicaCount must be below it (minReplicaCount defaults to 0)' : 'make idleReplicaCount smaller than minReplicaCount';
    sink.error(ref.problem(['spec', 'idleReplicaCount'], `IdleReplicaCount=${idle} must be less than MinReplicaCount=${min}`, hint));
  } else if (written === 0) {
    sink.warn(ref.warning(['spec', 'idleReplicaCount'], 'idleReplicaCount 0 with minReplicaCount 0 has no effect (KEDA scales to 0 anyway)', 'set minReplicaCount ≥ 1 to scale between idle and min'));
  }
}

/** The resolved fallback; it needs a non-cpu/memory AverageValue trigger (or AverageValue scalingModifiers). */
export function toFallback(spec: Spec, triggers: readonly TriggerSpec[], ref: DocRef, sink: ProblemSink): FallbackSpec | undefined {
  const input = spec.fallback;
  if (!input) return undefined;
  const modifiers = spec.advanced?.scalingModifiers;
  if (modifiers && isUsingModifiers(modifiers)) {
    if (modifiers.metricType === 'Value') {
      sink.error(ref.problem(['spec', 'fallback'], 'with scalingModifiers, fallback needs scalingModifiers.metricType AverageValue', 'remove metricType: Value from advanced.scalingModifiers, or remove fallback'));
    }
  } else if (input.behavior === 'scalingModifiers') {
    // The webhook refuses it without a formula ("scalingModifiers fallback without formula").
    sink.error(ref.problem(['spec', 'fallback', 'behavior'], 'fallback behavior scalingModifiers needs advanced.scalingModifiers with a formula', 'add the formula, or choose static, currentReplicas, currentReplicasIfHigher or currentReplicasIfLower'));
  } else if (!triggers.some((t) => !isResourceTriggerType(t.type) && (t.metricType ?? KEDA_DEFAULTS.triggerMetricType) === 'AverageValue')) {
    sink.error(
      ref.problem(
        ['spec', 'fallback'],
        'at least one trigger (that is not cpu or memory) has to have the AverageValue metricType for the fallback to be enabled',
        'fallback replaces failing External metrics; add such a trigger or remove fallback',
      ),
    );
  }
  return { failureThreshold: input.failureThreshold, replicas: input.replicas, behavior: input.behavior ?? KEDA_DEFAULTS.fallbackBehavior };
}

/** IsUsingModifiers: any field of advanced.scalingModifiers set. */
/**
 * ScaledObject.IsUsingModifiers: scalingModifiers differs from its zero value in one of its four
 * fields (unknown keys are pruned by the API server). Also KEDA's AsMetricSource (keda-triggers.ts).
 */
export function isUsingModifiers(m: { formula?: unknown; target?: unknown; activationTarget?: unknown; metricType?: unknown }): boolean {
  return Boolean(m.formula) || m.target !== undefined || m.activationTarget !== undefined || Boolean(m.metricType);
}

/** The resolved scalingModifiers: a formula over the names of the non-cpu/memory triggers, and a target > 0. */
export function toScalingModifiers(spec: Spec, triggers: readonly TriggerSpec[], ref: DocRef, sink: ProblemSink): ScalingModifiersSpec | undefined {
  const input = spec.advanced?.scalingModifiers;
  if (!input || !isUsingModifiers(input)) return undefined;
  const at = (field: string) => ['spec', 'advanced', 'scalingModifiers', field];
  if (!input.formula) {
    sink.error(ref.problem(at('formula'), 'scalingModifiers.formula is mandatory when scalingModifiers is set', 'write a formula over trigger names, e.g. "(a + b) / 2"'));
    return undefined;
  }
  if (input.target === undefined) sink.error(ref.problem(at('target'), 'formula is given but target is empty', 'set target, e.g. target: "10"'));
  else if (input.target <= 0) sink.error(ref.problem(at('target'), `${input.target}: the composite target must be greater than 0`));
  const names = triggers.flatMap((t) => (t.name !== undefined && !isResourceTriggerType(t.type) ? [t.name] : []));
  const compiled = compileFormula(input.formula, names);
  if (!compiled.ok) {
    const where = compiled.column !== undefined ? ref.positionInScalar(at('formula'), compiled.column - 1) : ref.position(at('formula'));
    const known = names.length > 0 ? `the formula can use the names of the non-cpu/memory triggers: ${names.join(', ')}` : 'give the triggers names (triggers[].name) and use them in the formula; cpu and memory triggers cannot be used';
    sink.error({ ...where, field: 'spec.advanced.scalingModifiers.formula', message: `${compiled.message}${compiled.column !== undefined ? ` (column ${compiled.column} of the formula)` : ''}`, hint: known });
  }
  if (input.target === undefined || input.target <= 0 || !compiled.ok) return undefined;
  return {
    formula: input.formula,
    target: input.target,
    activationTarget: input.activationTarget ?? KEDA_DEFAULTS.scalingModifiersActivationTarget,
    metricType: input.metricType ? input.metricType : 'AverageValue',
  };
}
