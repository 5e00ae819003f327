/** Adapter for `keda.fallback` vectors (§3.5): one metric read through applyFallback. */
import { applyFallback, FALLBACK_BEHAVIORS, type FallbackReadInput } from '../autoscalers/keda/fallback.js';
import { approximateFloat64OfMilli, goFixedMilli } from '../autoscalers/keda/metric-value.js';
import { InputFields } from './input-fields.js';


/**
 * keda.fallback: `{numberOfFailures, healthStatus, healthPersisted, fallbackActive, errorReturned, metricValue?, reason}`.
 * Missing replica counts default to each other (every pod ready), then to 0.
 */
export function adaptKedaFallback(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  const fb = f.optObject('fallback');
  const target = f.object('metricTarget');
  const current = f.optNumber('currentReplicas');
  const ready = f.optNumber('readyReplicas');
  const readInput: FallbackReadInput = {
    previousNumberOfFailures: f.optNumber('previousNumberOfFailures') ?? 0,
    scalerError: f.boolean('scalerError'),
    // The target as the scaler built it ("%.3f" milli-units) and doFallback reads it back (AsApproximateFloat64).
    metricTarget: { type: target.choice('type', ['AverageValue', 'Value'] as const), value: approximateFloat64OfMilli(goFixedMilli(target.number('value'))) },
    currentReplicas: current ?? ready ?? 0,
    readyReplicas: ready ?? current ?? 0,
  };
  if (fb !== undefined) {
    readInput.fallback = { failureThreshold: fb.number('failureThreshold'), replicas: fb.number('replicas') };
    if (fb.has('behavior')) readInput.fallback.behavior = fb.choice('behavior', FALLBACK_BEHAVIORS);
  }
  const value = f.optNumber('metricValue');
  if (value !== undefined) readInput.metricValue = value;
  const r = applyFallback(readInput);
  const out: Record<string, unknown> = {
    numberOfFailures: r.numberOfFailures,
    healthStatus: r.healthStatus,
    healthPersisted: r.healthPersisted,
    fallbackActive: r.fallbackActive,
    errorReturned: r.errorReturned,
    reason: r.reason,
  };
  if (r.metricValue !== undefined) out.metricValue = r.metricValue;
  return out;
}
