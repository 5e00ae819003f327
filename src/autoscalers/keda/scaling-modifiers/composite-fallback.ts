/**
 * Fallback for the composite metric of a ScaledObject with scalingModifiers (pkg/fallback/fallback.go
 * isFallbackEnabled, HasValidFallback, doFallback; pkg/scaling/modifiers HandleScalingModifiers):
 * each trigger's failures are counted under its own metric name at the HPA's reads, and once any
 * trigger has failed more than failureThreshold times in a row the HPA is served the fallback
 * instead of the formula: scalingModifiers.target × the behaviour's replicas, divided by the ready
 * pods when the composite metric is Value (as doFallback does for a Value trigger; with no ready pod
 * doFallback fails and the fallback is not served). The fallback needs scalingModifiers.target to
 * parse as a positive whole number (HasValidFallback's strconv.ParseInt); otherwise a failing
 * trigger's error reaches the HPA. (KEDA releases before Value targets had fallback also refused a
 * Value composite metric; isFallbackEnabled is only `spec.fallback != nil` since.)
 */
import { fallbackMilli, fallbackReplicas } from '../fallback.js';
import type { FallbackSpec, ScalingModifiersSpec } from '../types.js';

export interface CompositeFallbackInput {
  fallback: FallbackSpec | undefined;
  modifiers: Pick<ScalingModifiersSpec, 'target' | 'metricType'>;
  /** status.health[trigger metric].numberOfFailures of each trigger, after this read. */
  triggerFailures: readonly number[];
  /** scale.spec.replicas of the target (for the non-static behaviours). */
  currentReplicas: number;
  /** The target's ready pods (divisor for a Value composite metric). */
  readyReplicas: number;
}

export type CompositeFallback = { engaged: true; valueMilli: number; reason: string } | { engaged: false; reason: string };

/** Whether the composite metric is served from the fallback at this read, and its value. */
export function compositeFallback(input: CompositeFallbackInput): CompositeFallback {
  const { fallback, modifiers } = input;
  if (fallback === undefined) return { engaged: false, reason: 'no fallback is configured' };
  if (fallback.behavior === 'scalingModifiers') return { engaged: false, reason: 'behavior scalingModifiers: a trigger past failureThreshold reaches the formula as nil' };
  if (!Number.isInteger(modifiers.target) || modifiers.target <= 0) {
    return { engaged: false, reason: `fallback ignored: scalingModifiers.target ${modifiers.target} is not a positive whole number` };
  }
  if (fallback.failureThreshold < 0 || fallback.replicas < 0) return { engaged: false, reason: 'fallback ignored: failureThreshold and replicas must be ≥ 0' };
  const most = input.triggerFailures.reduce((a, b) => Math.max(a, b), 0);
  if (most <= fallback.failureThreshold) return { engaged: false, reason: `${most} failures of failureThreshold ${fallback.failureThreshold}` };
  const replicas = fallbackReplicas(fallback.behavior, input.currentReplicas, fallback.replicas);
  const reason = `${most} failures > failureThreshold ${fallback.failureThreshold}: ${fallback.behavior} fallback serves ${replicas} × target ${modifiers.target}`;
  if (modifiers.metricType !== 'Value') return { engaged: true, valueMilli: fallbackMilli(modifiers.target, replicas), reason };
  if (input.readyReplicas <= 0) return { engaged: false, reason: 'error performing fallback: no ready pod to divide a Value composite metric by' };
  return { engaged: true, valueMilli: fallbackMilli(modifiers.target, replicas / input.readyReplicas), reason: `${reason} ÷ ${input.readyReplicas} ready pods` };
}
