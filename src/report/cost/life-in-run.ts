/**
 * The part of a billing record's life that falls inside the run [0, runSeconds]: a record still
 * alive at the end (endSeconds undefined) runs to runSeconds. Shared by node and virtual-pod costs.
 */
import {
  EXACT_ZERO,
  exactFromNumber,
  exactMax,
  exactMin,
  exactSubtract,
  type ExactAmount,
} from '../../units/exact-amount.js';

export interface LifeInRun {
  /** Start clipped to [0, runSeconds]. */
  startSeconds: ExactAmount;
  /** End (or runSeconds when undefined) clipped to [start, runSeconds]. */
  endSeconds: ExactAmount;
  /** endSeconds − startSeconds, ≥ 0. */
  lifeSeconds: ExactAmount;
}

/**
 * Clips [startSeconds, endSeconds ?? runSeconds] to [0, runSeconds], exactly. A record that ends
 * before it starts, or lies wholly outside the run, has a life of 0.
 */
export function calculateLifeInRun(startSeconds: number, endSeconds: number | undefined, runSeconds: number): LifeInRun {
  const run = exactMax(EXACT_ZERO, exactFromNumber(runSeconds));
  const start = exactMin(run, exactMax(EXACT_ZERO, exactFromNumber(startSeconds)));
  const end = exactMin(run, exactMax(start, exactFromNumber(endSeconds ?? runSeconds)));
  return { startSeconds: start, endSeconds: end, lifeSeconds: exactSubtract(end, start) };
}
