/**
 * Scaling tolerance: the dead band around ratio 1 inside which a metric keeps the current count.
 * Mirrors replica_calculator.go `Tolerances.isWithin` and horizontal.go `tolerancesForHpa` (KEP-4951).
 */
import type { HpaBehavior, HpaControllerConfig, Tolerances } from './types.js';

/**
 * The tolerance pair that applies to every metric of one HPA, in both passes of the calculator.
 *
 * Each direction starts at the `--horizontal-pod-autoscaler-tolerance` flag (`config.tolerance`).
 * When the HPAConfigurableTolerance gate is on (`config.configurableTolerance`) and the HPA sets
 * `spec.behavior.scaleUp.tolerance` or `spec.behavior.scaleDown.tolerance`, that value replaces the
 * flag for its direction only. Without the gate, or with `behavior` null, per-HPA values are ignored.
 */
export function resolveTolerances(behavior: HpaBehavior | null, config: HpaControllerConfig): Tolerances {
  const tolerances: Tolerances = { scaleUp: config.tolerance, scaleDown: config.tolerance };
  if (behavior === null || !config.configurableTolerance) return tolerances;
  const up = behavior.scaleUp?.tolerance;
  const down = behavior.scaleDown?.tolerance;
  if (up !== undefined) tolerances.scaleUp = up;
  if (down !== undefined) tolerances.scaleDown = down;
  return tolerances;
}

/**
 * True when `1 − scaleDown ≤ ratio ≤ 1 + scaleUp`. Both bounds are inclusive, so with the default
 * 0.1 a ratio of exactly 1.1 or 0.9 is inside (releases before v1.33 said 1.1 was outside).
 * NaN is never within.
 */
export function isWithinTolerance(ratio: number, tolerances: Tolerances): boolean {
  return 1 - tolerances.scaleDown <= ratio && ratio <= 1 + tolerances.scaleUp;
}
