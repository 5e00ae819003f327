/**
 * Go integer semantics the HPA arithmetic relies on: int32/int64 bounds, truncating division and
 * the float→int32 conversions of replica_calculator.go (math.Ceil then int32, capped at MaxInt32).
 */

/** math.MaxInt32. */
export const INT32_MAX = 2_147_483_647;
/** math.MinInt32. */
export const INT32_MIN = -2_147_483_648;
/**
 * math.MaxInt64 as a JS number. 2^63 − 1 is not representable; the nearest double is 2^63, which is
 * also what Go's float64(math.MaxInt64) yields, so ratios computed from it match upstream exactly.
 */
export const INT64_MAX = 2 ** 63;

/** Go integer division: truncates toward zero. `b` must be non-zero. */
export function truncDiv(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** int32(math.Ceil(x)) with the upstream overflow cap: values above MaxInt32 become MaxInt32. */
export function ceilToInt32(x: number): number {
  const c = Math.ceil(x);
  if (c > INT32_MAX) return INT32_MAX;
  if (c < INT32_MIN) return INT32_MIN;
  return c;
}

/** Adds `values` in int64 with saturation at MaxInt64 on positive overflow (GetExternalMetricReplicas). */
export function saturatingSum(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) {
    if (v > 0 && sum > INT64_MAX - v) return INT64_MAX;
    sum += v;
  }
  return Math.min(sum, INT64_MAX);
}

/**
 * GetExternalPerPodMetricReplicas's sum: values added in order, and as soon as the running sum is
 * negative (upstream's test for an int64 overflow) the result is MaxInt64. A negative series value
 * that makes the running sum negative therefore also gives MaxInt64: a quirk of the newest
 * replica_calculator.go, kept as upstream has it (GetExternalMetricReplicas uses saturatingSum).
 */
export function externalPerPodSum(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) {
    sum += v;
    if (sum < 0) return INT64_MAX;
  }
  return Math.min(sum, INT64_MAX);
}
