/**
 * Metric values and targets as KEDA hands them to the HPA, in milli-units: pkg/scalers/scaler.go
 * GenerateMetricInMili / GetMetricTargetMili (quantityFromFloat64: resource.MustParse of
 * fmt.Sprintf("%.3f", v)) and GetMetricTarget.
 */
import type { MetricTarget } from '../hpa/types.js';

/**
 * `v` in milli-units as Go's "%.3f" writes it: the float's exact binary value rounded to three
 * decimals, an exact tie to the even digit (strconv's decimal rounding), so 1.0005, stored as
 * 1.000499…, gives 1000 and 0.0625 gives 62, where Math.round(v × 1000) gives 1001 and 63.
 * JavaScript's toFixed rounds the exact value too but sends ties up; a tie at the third decimal
 * means v × 16 is an odd whole number, the only floats whose thousandths end in exactly 5.
 */
export function goFixedMilli(v: number): number {
  const scaled = v * 1000;
  // Away from a half-thousandth the product's rounding error (under an ulp) cannot cross it, so
  // rounding the product rounds the exact value the same way: every value but the near-ties.
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-12 * (1 + Math.abs(scaled))) return Math.round(scaled);
  const sixteenths = v * 16;
  if (Number.isInteger(sixteenths) && sixteenths % 2 !== 0) {
    const below = Math.floor(v * 1000);
    return below % 2 === 0 ? below : below + 1;
  }
  return Math.round(Number(v.toFixed(3)) * 1000);
}

/**
 * A scaler's metric value as the HPA receives it, in milli-units ("%.3f", goFixedMilli).
 * NaN, ±Inf and negative values become 0 (docs/fidelity-spec.md §3.6; current KEDA's
 * quantityFromFloat64 zeroes NaN and Inf only, see README "Known simplifications").
 */
export function hpaMetricMilli(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return goFixedMilli(value);
}

/** `hpaMetricMilli` back in plain units: the value the HPA, the formula and activity all see. */
export function hpaMetricValue(value: number): number {
  return hpaMetricMilli(value) / 1000;
}

/** An External target (AverageValue or Value) for a plain target value, in milli-units. */
export function externalMetricTarget(type: 'AverageValue' | 'Value', value: number): MetricTarget {
  const milli = goFixedMilli(value);
  return type === 'AverageValue' ? { type, averageValueMilli: milli } : { type, valueMilli: milli };
}

/**
 * Quantity.AsApproximateFloat64 of a quantity KEDA built in milli-units (int64Amount{milli, −3}):
 * `base × math.Pow(10, −3)`, so 1001m is 1.0010000000000001, where milli / 1000 gives 1.001.
 * doFallback's normalisationValue and a ScaledJob's targetAverageValue are read this way.
 */
export function approximateFloat64OfMilli(milli: number): number {
  return milli * 0.001;
}

/** The plain number of an AverageValue or Value target as KEDA reads it back (approximateFloat64OfMilli); undefined for Utilization. */
export function plainTargetValue(target: MetricTarget): number | undefined {
  const milli = target.type === 'AverageValue' ? target.averageValueMilli : target.type === 'Value' ? target.valueMilli : undefined;
  return milli === undefined ? undefined : approximateFloat64OfMilli(milli);
}
