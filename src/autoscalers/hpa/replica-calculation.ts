/**
 * The result shape shared by the replica calculators (replica_calculator.go `Get*Replicas`): a
 * replica count with the reported metric value and a reason, or a failure message (never a throw).
 */

/**
 * Why a calculator returned its count.
 * - `WithinTolerance`: the ratio is inside the tolerance band; current replicas are kept.
 * - `ScaleUp` / `ScaleDown` / `NoChange`: the proportional result, compared with current replicas.
 * - `WithinToleranceAfterImputation`: the second pass (missing/unready pods filled in) is inside tolerance.
 * - `DirectionFlipGuard`: filling in missing/unready pods flipped the direction; current is kept.
 * - `ReplicaCountGuard`: the second-pass count would move against the second-pass ratio; current is kept.
 * - `ScaleFromZero`: Value target at currentReplicas 0, `ceil(value/target)` with no tolerance check.
 */
export type ReplicaCalcReason =
  | 'WithinTolerance'
  | 'ScaleUp'
  | 'ScaleDown'
  | 'NoChange'
  | 'WithinToleranceAfterImputation'
  | 'DirectionFlipGuard'
  | 'ReplicaCountGuard'
  | 'ScaleFromZero';

export interface ReplicaCalcSuccess {
  ok: true;
  desiredReplicas: number;
  reason: ReplicaCalcReason;
  /** Utilization targets: integer percent of the summed requests (ready pods, first pass). */
  utilizationPercent?: number;
  /** Utilization targets: integer Σusage ÷ n over ready pods with a known request, milli-units. */
  rawAverageMilli?: number;
  /** AverageValue targets: the reported average; Value targets: the (summed) value; milli-units. */
  usageMilli?: number;
}

export interface ReplicaCalcFailure {
  ok: false;
  message: string;
}

export type ReplicaCalculation = ReplicaCalcSuccess | ReplicaCalcFailure;

/** The proportional-result reason: ScaleUp, ScaleDown or NoChange relative to `currentReplicas`. */
export function directionReason(desiredReplicas: number, currentReplicas: number): ReplicaCalcReason {
  if (desiredReplicas > currentReplicas) return 'ScaleUp';
  if (desiredReplicas < currentReplicas) return 'ScaleDown';
  return 'NoChange';
}
