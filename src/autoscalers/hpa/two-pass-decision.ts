/**
 * The replica decisions shared by the per-pod calculators: the fast path and the guarded second
 * pass of replica_calculator.go `GetResourceReplicas` and `calcPlainMetricReplicas`.
 */
import { ceilToInt32 } from './go-int.js';
import { directionReason, type ReplicaCalcReason } from './replica-calculation.js';
import { isWithinTolerance } from './tolerance.js';
import type { Tolerances } from './types.js';

export interface ReplicaDecision {
  desiredReplicas: number;
  reason: ReplicaCalcReason;
}

/**
 * Fast path (no missing pods, and not a scale-up with unready pods): current replicas when `ratio`
 * is within tolerance, else `ceil(ratio × readyPodCount)`.
 */
export function decideFastPath(ratio: number, readyPodCount: number, currentReplicas: number, tolerances: Tolerances): ReplicaDecision {
  if (isWithinTolerance(ratio, tolerances)) return { desiredReplicas: currentReplicas, reason: 'WithinTolerance' };
  const desiredReplicas = ceilToInt32(ratio * readyPodCount);
  return { desiredReplicas, reason: directionReason(desiredReplicas, currentReplicas) };
}

/**
 * Second pass, after missing and unready pods were filled in: current replicas when `newRatio` is
 * within tolerance, when the direction flipped between `ratio` and `newRatio`, or when
 * `ceil(newRatio × sampleCount)` would move against `newRatio`; otherwise that count.
 */
export function decideSecondPass(
  ratio: number,
  newRatio: number,
  sampleCount: number,
  currentReplicas: number,
  tolerances: Tolerances,
): ReplicaDecision {
  if (isWithinTolerance(newRatio, tolerances)) {
    return { desiredReplicas: currentReplicas, reason: 'WithinToleranceAfterImputation' };
  }
  if ((ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) {
    return { desiredReplicas: currentReplicas, reason: 'DirectionFlipGuard' };
  }
  const newReplicas = ceilToInt32(newRatio * sampleCount);
  if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas)) {
    return { desiredReplicas: currentReplicas, reason: 'ReplicaCountGuard' };
  }
  return { desiredReplicas: newReplicas, reason: directionReason(newReplicas, currentReplicas) };
}
