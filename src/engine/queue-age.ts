/**
 * Age of the oldest waiting message in a FIFO queue, from the cumulative count of messages that
 * entered the queue E(t) and that left it D(t): the oldest one entered at τ with E(τ) = D(t).
 * E is kept as breakpoints at every settle (linear in between), dropped once fully consumed, so
 * memory follows the backlog, not the run.
 */
export class QueueAge {
  private readonly times: number[] = [];
  private readonly entered: number[] = [];
  private head = 0;

  constructor(startSeconds = 0) {
    this.times.push(startSeconds);
    this.entered.push(0);
  }

  /** Records E(t) (cumulative messages that entered the queue by `timeSeconds`). */
  record(timeSeconds: number, enteredTotal: number): void {
    this.times.push(timeSeconds);
    this.entered.push(enteredTotal);
  }

  /** Seconds the oldest message has waited at `nowSeconds`, given D(now) = `departedTotal`. */
  oldestAgeSeconds(nowSeconds: number, departedTotal: number): number {
    const { times, entered } = this;
    // Drop breakpoints whose successor is still at or below D: the oldest message entered later.
    while (this.head + 1 < entered.length && entered[this.head + 1]! <= departedTotal) this.head++;
    if (this.head > 1024 && this.head * 2 > entered.length) {
      times.splice(0, this.head);
      entered.splice(0, this.head);
      this.head = 0;
    }
    const i = this.head;
    if (i + 1 >= entered.length) return 0;
    const e0 = entered[i]!;
    const e1 = entered[i + 1]!;
    const t0 = times[i]!;
    const t1 = times[i + 1]!;
    const tau = e1 > e0 ? t0 + ((departedTotal - e0) / (e1 - e0)) * (t1 - t0) : t0;
    return Math.max(0, nowSeconds - tau);
  }
}
