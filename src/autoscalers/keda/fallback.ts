/**
 * Fallback for one metric read of a ScaledObject: pkg/fallback/fallback.go GetMetricsWithFallback,
 * HasValidFallback and doFallback (the four behaviours; Value targets divided by ready pods).
 */
import { KEDA_DEFAULTS } from './config.js';
import type { FallbackBehavior, FallbackSpec } from './types.js';

export interface FallbackReadInput {
  /** spec.fallback; behavior defaults to static. */
  fallback?: Pick<FallbackSpec, 'failureThreshold' | 'replicas'> & { behavior?: FallbackBehavior };
  /** status.health[metric].numberOfFailures before this read. */
  previousNumberOfFailures: number;
  scalerError: boolean;
  /** The scaler's value when the read succeeded, plain units. */
  metricValue?: number;
  /** The External metric's target, plain units. */
  metricTarget: { type: 'AverageValue' | 'Value'; value: number };
  /** scale.spec.replicas of the target (for the non-static behaviours). */
  currentReplicas: number;
  /** status.readyReplicas of the target (divisor for Value targets). */
  readyReplicas: number;
}

export interface FallbackReadResult {
  numberOfFailures: number;
  healthStatus: 'Happy' | 'Failing';
  /**
   * False when no valid fallback is configured: upstream then skips the status patch, so the
   * stored count stays at `previousNumberOfFailures` (updateStatus returns early).
   */
  healthPersisted: boolean;
  fallbackActive: boolean;
  /** The read's error reaches the HPA (the metric is invalid there, §1.9). */
  errorReturned: boolean;
  /** Value served to the HPA, plain units; absent when an error is returned. */
  metricValue?: number;
  reason: string;
}

type Behaviour = (current: number, fallback: number) => number;

/** doFallback's replica choice per spec.fallback.behavior. */
const BEHAVIOURS: Readonly<Record<FallbackBehavior, Behaviour>> = Object.freeze({
  static: (_current, fallback) => fallback,
  currentReplicas: (current) => current,
  currentReplicasIfHigher: (current, fallback) => Math.max(current, fallback),
  currentReplicasIfLower: (current, fallback) => Math.min(current, fallback),
  // Only the composite's nil formula is served from it, with fallback.replicas.
  scalingModifiers: (_current, fallback) => fallback,
});

/** Every spec.fallback.behavior, in the CRD's order. */
export const FALLBACK_BEHAVIORS = Object.freeze(Object.keys(BEHAVIOURS) as FallbackBehavior[]);

/**
 * doFallback's metric in milli-units: int64(normalisationValue × 1000 × replicas), the target's
 * value (or scalingModifiers.target) times the behaviour's replicas, already divided by the ready
 * pods for a Value metric.
 */
export function fallbackMilli(targetValue: number, replicas: number): number {
  return Math.trunc(targetValue * 1000 * replicas);
}

/** doFallback's replica choice for `behavior` (default static) with the target at `currentReplicas`. */
export function fallbackReplicas(behavior: FallbackBehavior | undefined, currentReplicas: number, replicas: number): number {
  return BEHAVIOURS[behavior ?? KEDA_DEFAULTS.fallbackBehavior](currentReplicas, replicas);
}

/**
 * A successful read resets the failure count (Happy) and passes the value through. A failed read
 * increments it (Failing); on the (failureThreshold + 1)-th consecutive failure the value becomes
 * target × replicas (replicas per behaviour; a Value target's replicas divided by the ready pods;
 * the product truncated to the milli-unit, doFallback's int64(normalisationValue × 1000 × replicas)).
 * Below that, without a (valid) fallback, or with 0 ready pods on a Value target, the error is
 * returned.
 */
export function applyFallback(input: FallbackReadInput): FallbackReadResult {
  const fallback = input.fallback;
  const valid = fallback !== undefined && fallback.failureThreshold >= 0 && fallback.replicas >= 0;
  if (!input.scalerError) {
    const result: FallbackReadResult = { numberOfFailures: 0, healthStatus: 'Happy', healthPersisted: valid, fallbackActive: false, errorReturned: false, reason: 'read succeeded' };
    if (input.metricValue !== undefined) result.metricValue = input.metricValue;
    return result;
  }
  const numberOfFailures = input.previousNumberOfFailures + 1;
  const failing = { numberOfFailures, healthStatus: 'Failing' as const, healthPersisted: valid };
  const error = (reason: string): FallbackReadResult => ({ ...failing, fallbackActive: false, errorReturned: true, reason });
  if (fallback === undefined) return error('read failed and no fallback is configured');
  if (!valid) return error('read failed; fallback ignored: failureThreshold and replicas must be ≥ 0');
  if (numberOfFailures <= fallback.failureThreshold) return error(`read failed (${numberOfFailures} of failureThreshold ${fallback.failureThreshold})`);
  const behavior = fallback.behavior ?? KEDA_DEFAULTS.fallbackBehavior;
  let replicas = fallbackReplicas(behavior, input.currentReplicas, fallback.replicas);
  if (input.metricTarget.type === 'Value') {
    if (input.readyReplicas <= 0) return error('error performing fallback: status.readyReplicas is 0 for a Value target');
    replicas /= input.readyReplicas;
  }
  // doFallback: int64(normalisationValue × 1000 × replicas) milli-units, normalisationValue the
  // target's AsApproximateFloat64 (AverageValue or Value alike): a fractional target keeps its
  // fraction (0.5 × 10 replicas serves 5). KEDA releases before Value targets had fallback read an
  // AverageValue target as int64 first (0.5 → 0); the releases that divide by the ready pods, which
  // this follows, do not.
  const metricValue = fallbackMilli(input.metricTarget.value, replicas) / 1000;
  const reason = `${numberOfFailures} failures > failureThreshold ${fallback.failureThreshold}: ${behavior} fallback serves ${metricValue}`;
  return { ...failing, fallbackActive: true, errorReturned: false, metricValue, reason };
}
