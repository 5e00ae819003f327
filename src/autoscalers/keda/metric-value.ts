/**
 * Metric values and targets as KEDA hands them to the HPA, in milli-units: pkg/scalers/scaler.go
 * GenerateMetricInMili / GetMetricTargetMili (quantityFromFloat64: "%.3f") and GetMetricTarget.
 */
import type { MetricTarget } from '../hpa/types.js';

/**
 * A scaler's metric value as the HPA receives it, in milli-units: rounded to a thousandth.
 * NaN, ±Inf and negative values become 0 (docs/fidelity-spec.md §3.6).
 */
export function hpaMetricMilli(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.round(value * 1000);
}

/** `hpaMetricMilli` back in plain units: the value the HPA, the formula and activity all see. */
export function hpaMetricValue(value: number): number {
  return hpaMetricMilli(value) / 1000;
}

/** An External target (AverageValue or Value) for a plain target value, in milli-units. */
export function externalMetricTarget(type: 'AverageValue' | 'Value', value: number): MetricTarget {
  const milli = Math.round(value * 1000);
  return type === 'AverageValue' ? { type, averageValueMilli: milli } : { type, valueMilli: milli };
}

/** The plain number of an AverageValue or Value target (milli / 1000); undefined for Utilization. */
export function plainTargetValue(target: MetricTarget): number | undefined {
  const milli = target.type === 'AverageValue' ? target.averageValueMilli : target.type === 'Value' ? target.valueMilli : undefined;
  return milli === undefined ? undefined : milli / 1000;
}
