/**
 * The `composite-metric` value served to the HPA when scalingModifiers are set (pkg/scaling/modifiers
 * calculateScalingModifiersFormula, and the nil → fallback rule of docs/fidelity-spec.md §3.5).
 */
import type { CompiledFormula } from './compile-formula.js';

export interface CompositeMetricInput {
  formula: CompiledFormula;
  /** Trigger name → its metric value (plain units); null for a failing trigger. */
  triggerValues: Record<string, number | null>;
  /** scalingModifiers.target, plain units. */
  target: number;
  /** fallback.replicas when a fallback is configured: a nil formula result then serves replicas × target. */
  fallbackReplicas?: number;
}

export interface CompositeMetric {
  /** Plain value the HPA sees (valueMilli / 1000); null when the formula gave nil and no fallback applies. */
  value: number | null;
  valueMilli: number | null;
  /** The formula's own result (before milli conversion). */
  formulaValue: number | null;
  fromFallback: boolean;
  reason: string;
}

/**
 * SetMilli(int64(out × 1000)): truncated to a thousandth, a negative value kept (upstream has no
 * clamp here, unlike GenerateMetricInMili for a trigger's own value); NaN and ±Inf, whose int64
 * conversion Go leaves to the platform, become 0.
 */
function compositeMilli(value: number): number {
  const milli = Math.trunc(value * 1000);
  return Number.isFinite(milli) ? milli + 0 : 0;
}

/**
 * Evaluates the formula. A nil result serves `fallbackReplicas × target` when a fallback is set,
 * else no value (the HPA then sees the composite metric fail).
 */
export function computeCompositeMetric(input: CompositeMetricInput): CompositeMetric {
  const formulaValue = input.formula.evaluate(input.triggerValues);
  if (formulaValue !== null) {
    const valueMilli = compositeMilli(formulaValue);
    return { value: valueMilli / 1000, valueMilli, formulaValue, fromFallback: false, reason: `formula = ${formulaValue}` };
  }
  if (input.fallbackReplicas === undefined) {
    return { value: null, valueMilli: null, formulaValue, fromFallback: false, reason: 'formula returned nil and no fallback is configured' };
  }
  const valueMilli = compositeMilli(input.fallbackReplicas * input.target);
  const reason = `formula returned nil: fallback ${input.fallbackReplicas} replicas × target ${input.target}`;
  return { value: valueMilli / 1000, valueMilli, formulaValue, fromFallback: true, reason };
}
