/**
 * A count that changes at instants of simulated time (ready pods, spec.replicas, unschedulable
 * pods, nodes), with its extremes and its integral over the time it held each value. A value held
 * for no time — set and replaced at the same instant, as when one pod stops serving and another
 * starts in the same event — is no extreme: the peak is the most the count was for some time, not
 * for an instant between two steps of one event. The summary reads these instead of samples taken
 * every output interval, so its figures do not depend on that interval.
 */
export interface HeldExtremes {
  /** Highest value held for some time (the value at `endSeconds` when nothing was held longer). */
  peak: number;
  /** Lowest value held for some time. */
  min: number;
  /** ∫ value dt from the first set to `endSeconds`, value-seconds. */
  integral: number;
}

export class HeldValue {
  private sinceSeconds: number;
  private peak = Number.NEGATIVE_INFINITY;
  private min = Number.POSITIVE_INFINITY;
  private integral = 0;

  constructor(
    private current: number,
    startSeconds = 0,
  ) {
    this.sinceSeconds = startSeconds;
  }

  get value(): number {
    return this.current;
  }

  /** The count becomes `value` at `nowSeconds` (not before the last change). */
  set(value: number, nowSeconds: number): void {
    if (value === this.current) return;
    const held = nowSeconds - this.sinceSeconds;
    if (held > 0) {
      if (this.current > this.peak) this.peak = this.current;
      if (this.current < this.min) this.min = this.current;
      this.integral += this.current * held;
      this.sinceSeconds = nowSeconds;
    }
    this.current = value;
  }

  /** The extremes and integral up to `endSeconds`, the current value held until then; changes nothing. */
  extremes(endSeconds: number): HeldExtremes {
    const held = endSeconds - this.sinceSeconds;
    const counts = held > 0 || !Number.isFinite(this.peak);
    return {
      peak: counts ? Math.max(this.peak, this.current) : this.peak,
      min: counts ? Math.min(this.min, this.current) : this.min,
      integral: this.integral + (held > 0 ? this.current * held : 0),
    };
  }
}
