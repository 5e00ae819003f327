/**
 * Object and External metrics: one value (or the sum of the returned series) against a Value or an
 * AverageValue target. Mirrors replica_calculator.go `GetObjectMetricReplicas`,
 * `GetExternalMetricReplicas`, `getUsageRatioReplicaCount` and the `Get*PerPodMetricReplicas` pair.
 */
import { ceilToInt32, externalPerPodSum, INT32_MAX, INT64_MAX, saturatingSum } from './go-int.js';
import { directionReason, type ReplicaCalculation } from './replica-calculation.js';
import { isWithinTolerance } from './tolerance.js';
import type { Tolerances } from './types.js';

export interface ValueReplicaInput {
  /** The metric value(s) in milli-units: one for Object metrics, every series for External ones. */
  valuesMilli: readonly number[];
  /** scale.spec.replicas. */
  currentReplicas: number;
  /** target.value in milli-units. */
  targetValueMilli: number;
  /** Pods matched by the selector with phase Running and Ready=True (`getReadyPodsCount`). */
  readyPodCount: number;
  tolerances: Tolerances;
}

export interface PerPodValueReplicaInput {
  valuesMilli: readonly number[];
  /** scale.status.replicas: the divisor of the per-pod average. */
  statusReplicas: number;
  /** target.averageValue in milli-units. */
  targetAverageValueMilli: number;
  tolerances: Tolerances;
  /**
   * External metrics (GetExternalPerPodMetricReplicas): the series are summed with externalPerPodSum,
   * where a negative running sum counts as an overflow (MaxInt64). Object metrics have one value.
   */
  externalSeries?: boolean;
}

/**
 * Value target (§1.3, §1.7). The values are summed with saturation at int64 max. At
 * `currentReplicas` 0 the result is `ceil(value ÷ target)` with no tolerance check (scale from zero).
 * Otherwise the current count is kept within tolerance, else `ceil(ratio × readyPodCount)`, capped
 * at int32 max. `usageMilli` is the summed value. Fails when no value was returned.
 */
export function calculateValueReplicas(input: ValueReplicaInput): ReplicaCalculation {
  if (input.valuesMilli.length === 0) return { ok: false, message: 'no metrics returned from the metrics API' };
  const usageMilli = saturatingSum(input.valuesMilli);
  const ratio = usageMilli / input.targetValueMilli;
  if (input.currentReplicas === 0) {
    return { ok: true, desiredReplicas: ceilToInt32(ratio), reason: 'ScaleFromZero', usageMilli };
  }
  if (isWithinTolerance(ratio, input.tolerances)) {
    return { ok: true, desiredReplicas: input.currentReplicas, reason: 'WithinTolerance', usageMilli };
  }
  const raw = ratio * input.readyPodCount;
  const desiredReplicas = raw > INT32_MAX ? INT32_MAX : ceilToInt32(raw);
  return { ok: true, desiredReplicas, reason: directionReason(desiredReplicas, input.currentReplicas), usageMilli };
}

/**
 * AverageValue target (§1.3, §1.7): ratio = value ÷ (target × statusReplicas). For External series
 * a negative running sum becomes MaxInt64 (externalPerPodSum), so the result is then int32 max. Outside tolerance
 * the result is `ceil(value ÷ target)` capped at int32 max, else statusReplicas. With statusReplicas
 * 0 the ratio is +Inf (NaN for value 0), which is never within tolerance, so the result falls
 * through to `ceil(value ÷ target)`. `usageMilli` is `ceil(value ÷ statusReplicas)`; with
 * statusReplicas 0 upstream's value is undefined (Inf → int64), so the total value is reported.
 */
export function calculatePerPodValueReplicas(input: PerPodValueReplicaInput): ReplicaCalculation {
  if (input.valuesMilli.length === 0) return { ok: false, message: 'no metrics returned from the metrics API' };
  const valueMilli = input.externalSeries === true ? externalPerPodSum(input.valuesMilli) : saturatingSum(input.valuesMilli);
  const target = input.targetAverageValueMilli;
  const status = input.statusReplicas;
  const ratio = valueMilli / (target * status);
  const within = isWithinTolerance(ratio, input.tolerances);
  const desiredReplicas = within ? status : ceilToInt32(valueMilli / target);
  let usageMilli: number;
  if (valueMilli >= INT64_MAX) usageMilli = INT64_MAX;
  else if (status === 0) usageMilli = valueMilli;
  else usageMilli = Math.ceil(valueMilli / status);
  const reason = within ? 'WithinTolerance' : directionReason(desiredReplicas, status);
  return { ok: true, desiredReplicas, reason, usageMilli };
}
