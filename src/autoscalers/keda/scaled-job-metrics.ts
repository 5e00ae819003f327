/**
 * The queue length and max scale of a ScaledJob from its triggers: pkg/scaling/scaledjob/metrics.go
 * CalculateQueueLengthAndMaxValue (per scaler) and IsScaledJobActive (multipleScalersCalculation).
 */
import type { ScaledJobSpec } from './types.js';

export interface ScaledJobScalerMetric {
  /** The scaler's metric value (queue length), plain units. */
  queueLength: number;
  /** The trigger's AverageValue target, plain units (0 for a Value target: it then adds no scale). */
  targetAverageValue: number;
  isActive: boolean;
  /** A failed read: the scaler is left out (and the job is in error). */
  error?: string;
}

export interface ScaledJobScale {
  isActive: boolean;
  isError: boolean;
  /** ceil of the combined queue length: the scaleTo handed to the strategy. */
  queueLength: number;
  /** ceil(min(combined maxValue, maxReplicaCount)). */
  maxScale: number;
  reason: string;
}

type Combined = { queueLength: number; maxValue: number; isActive: boolean };
type Calculation = ScaledJobSpec['scalingStrategy']['multipleScalersCalculation'];

/** Combination of the active scalers' (queueLength, maxValue) per multipleScalersCalculation. */
const CALCULATIONS: Readonly<Record<Calculation, (active: Combined[]) => Combined>> = Object.freeze({
  max: (active) => active.reduce((best, m) => (m.queueLength > best.queueLength ? m : best), { queueLength: 0, maxValue: 0, isActive: false }),
  min: (active) => active.reduce((best, m) => (best.queueLength === 0 || m.queueLength < best.queueLength ? m : best), { queueLength: 0, maxValue: 0, isActive: false }),
  sum: (active) => active.reduce((acc, m) => ({ queueLength: acc.queueLength + m.queueLength, maxValue: acc.maxValue + m.maxValue, isActive: true }), { queueLength: 0, maxValue: 0, isActive: false }),
  avg: (active) => {
    if (active.length === 0) return { queueLength: 0, maxValue: 0, isActive: false };
    const sum = CALCULATIONS.sum(active);
    return { queueLength: sum.queueLength / active.length, maxValue: sum.maxValue / active.length, isActive: true };
  },
});

/**
 * Per scaler maxValue = min(queueLength / targetAverageValue, maxReplicaCount) (0 without a target);
 * only active, error-free scalers are combined (max: largest queue, min: smallest, avg, sum). Active
 * when a combined scaler is active or minReplicaCount > 0. Both results are rounded up.
 */
export function calculateScaledJobScale(
  scalers: readonly ScaledJobScalerMetric[],
  spec: Pick<ScaledJobSpec, 'minReplicaCount' | 'maxReplicaCount'> & { multipleScalersCalculation: Calculation },
): ScaledJobScale {
  const ok = scalers.filter((s) => s.error === undefined);
  const perScaler = ok.map((s) => ({
    queueLength: s.queueLength,
    maxValue: s.targetAverageValue !== 0 ? Math.min(s.queueLength / s.targetAverageValue, spec.maxReplicaCount) : 0,
    isActive: s.isActive,
  }));
  const active = perScaler.filter((m) => m.isActive);
  const combined = CALCULATIONS[spec.multipleScalersCalculation](active);
  const isActive = combined.isActive || spec.minReplicaCount > 0;
  const queueLength = Math.ceil(combined.queueLength);
  const maxScale = Math.ceil(Math.min(combined.maxValue, spec.maxReplicaCount));
  const reason = `${spec.multipleScalersCalculation} of ${active.length} active scaler(s): queue ${combined.queueLength}, max scale ${maxScale}`;
  return { isActive, isError: ok.length < scalers.length, queueLength, maxScale, reason };
}
