/**
 * A ScaledJob's replica bounds as KEDA's executor reads them: apis/keda/v1alpha1/scaledjob_types.go
 * MinReplicaCount() and MaxReplicaCount(), which scale_handler's isScaledJobActive (maxScale's cap)
 * and scale_jobs.go getScalingDecision (the strategies' maxReplicaCount) use instead of the spec's
 * fields. Since KEDA v2.8 (kedacore/keda PR #3425) MaxReplicaCount() is spec.maxReplicaCount −
 * MinReplicaCount() when both are set, so that the min Jobs and the strategy's new ones together stay
 * within the spec's maximum; a minReplicaCount above maxReplicaCount is cut to it, and then both are
 * the maximum. An unset maxReplicaCount is the default 100 whatever the minimum. Pure: the spec's
 * fields in, the two bounds out with a reason.
 */
import { KEDA_DEFAULTS } from './config.js';

export interface ScaledJobBounds {
  /** MinReplicaCount(): the Jobs kept running (the shortfall below it is created first). */
  minReplicaCount: number;
  /** MaxReplicaCount(): the cap on maxScale and the strategies' maxReplicaCount. */
  maxReplicaCount: number;
  reason: string;
}

/** MinReplicaCount() and MaxReplicaCount() for spec.minReplicaCount and spec.maxReplicaCount (undefined: unset). */
export function scaledJobBounds(specMin: number | undefined, specMax: number | undefined): ScaledJobBounds {
  if (specMax === undefined) {
    const min = specMin ?? KEDA_DEFAULTS.minReplicaCount;
    return { minReplicaCount: min, maxReplicaCount: KEDA_DEFAULTS.maxReplicaCount, reason: `maxReplicaCount unset: ${KEDA_DEFAULTS.maxReplicaCount} (the default, not reduced by minReplicaCount)` };
  }
  if (specMin !== undefined && specMin > specMax) {
    return { minReplicaCount: specMax, maxReplicaCount: specMax, reason: `minReplicaCount ${specMin} > maxReplicaCount ${specMax}: both are ${specMax}` };
  }
  const min = specMin ?? KEDA_DEFAULTS.minReplicaCount;
  return { minReplicaCount: min, maxReplicaCount: specMax - min, reason: `maxReplicaCount ${specMax} − minReplicaCount ${min} = ${specMax - min} Jobs beyond the minimum` };
}
