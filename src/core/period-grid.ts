/**
 * The instants of a periodic controller that started before the scenario: firstSeconds + k · period
 * (k ≥ 0), its phase drawn from a seeded stream, uniform over one period, as each HPA's first sync
 * is. Instants are always computed from their index by that one expression, so a caller that
 * counts periods gets the same float as one that looks an instant up (rounding never moves a sweep).
 */
import type { RandomStream } from './rng.js';

/** The index of the first grid instant strictly after `afterSeconds` (the grid must have a period > 0). */
export function gridIndexAfter(firstSeconds: number, periodSeconds: number, afterSeconds: number): number {
  let k = afterSeconds < firstSeconds ? 0 : Math.floor((afterSeconds - firstSeconds) / periodSeconds) + 1;
  // The same expression the grid's instants are computed by; guard against rounding at a boundary.
  while (firstSeconds + k * periodSeconds <= afterSeconds) k++;
  while (k > 0 && firstSeconds + (k - 1) * periodSeconds > afterSeconds) k--;
  return k;
}

export class PeriodGrid {
  /** The grid's first instant, in [0, period). */
  readonly firstSeconds: number;

  constructor(
    readonly periodSeconds: number,
    phase: RandomStream,
  ) {
    this.firstSeconds = phase.next() * periodSeconds;
  }

  /** The k-th instant. */
  at(k: number): number {
    return this.firstSeconds + k * this.periodSeconds;
  }

  /** The index of the first instant strictly after `afterSeconds`. */
  indexAfter(afterSeconds: number): number {
    return gridIndexAfter(this.firstSeconds, this.periodSeconds, afterSeconds);
  }
}
