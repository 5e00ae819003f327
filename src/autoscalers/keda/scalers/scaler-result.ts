/**
 * Shared pieces of the scalers' GetMetricsAndActivity: the failed read (error, value 0, inactive)
 * and the active-when-strictly-above-activation result every scaler reports.
 */
import { hpaMetricValue } from '../metric-value.js';
import type { ScalerReading, ScalerResult } from '../types.js';

/** A failed read: KEDA returns no metric and the error (counted by fallback, §3.5). */
export function failedRead(message: string): ScalerResult {
  return { metricValue: 0, isActive: false, error: message, reason: `read failed: ${message}` };
}

/** The reading's error, or an error saying which reading kind the scaler needs. */
export function unusableReading(type: string, expected: ScalerReading['kind'], reading: ScalerReading): ScalerResult {
  if (reading.kind === 'error') return failedRead(reading.message);
  return failedRead(`${type} scaler needs a ${expected} reading, got ${reading.kind}`);
}

/**
 * `metricValue` (as the HPA will see it: NaN/Inf/negative → 0, milli precision) with activity
 * `activityValue > activation` (strict). `what` names the quantity for the reason.
 */
export function thresholdResult(what: string, value: number, activityValue: number, activation: number, note = ''): ScalerResult {
  const isActive = activityValue > activation;
  const comparison = `${activityValue} ${isActive ? '>' : '≤'} activation ${activation}`;
  return { metricValue: hpaMetricValue(value), isActive, reason: `${what} ${value}${note}; ${comparison}` };
}
