/**
 * Age of the oldest waiting message in a FIFO queue. E(t) counts the messages that entered the queue
 * since it was last empty; with W messages waiting at `now`, FIFO consumption says the oldest one
 * entered at τ with E(τ) = E(now) − W.
 *
 * E is kept as breakpoints, linear in between: the caller records one at every settle (the offered
 * rate, the consumers and the drops only change there) and where the queue fills to its bound
 * inside an interval, so between two breakpoints messages enter at a constant rate and the lookup
 * is exact for the fluid model. The lookup goes by the waiting count the flow keeps, not by a
 * separately summed departure total: two running totals drift apart by rounding, and a departure
 * total a hair below a flat stretch of E (no arrivals) dated the oldest message to before the whole
 * idle stretch.
 *
 * An empty queue restarts the curve at that instant, so no message is older than the time since the
 * queue was last seen empty, the counts stay those of one busy period (small, hence exact to well
 * below a message), and memory follows the backlog, not the run (consumed breakpoints are dropped too).
 */

/** Fewer waiting messages than this is an empty queue (as LoadFlow.take's whole-message rounding). */
export const EMPTY_QUEUE_MESSAGES = 1e-9;

export class QueueAge {
  private readonly times: number[] = [];
  /** E at each breakpoint: messages that entered since the queue was last empty (times[0]). */
  private readonly entered: number[] = [];
  /** Breakpoints before this one are consumed: the oldest waiting message entered at or after times[head]. */
  private head = 0;

  constructor(startSeconds = 0) {
    this.restart(startSeconds);
  }

  /**
   * At `timeSeconds`, `enteredMessages` more messages have entered since the previous breakpoint (at
   * a constant rate in between) and `waitingMessages` wait in the queue.
   */
  record(timeSeconds: number, enteredMessages: number, waitingMessages: number): void {
    if (!(waitingMessages > EMPTY_QUEUE_MESSAGES)) {
      this.restart(timeSeconds);
      return;
    }
    const last = this.entered.length - 1;
    this.times.push(timeSeconds);
    this.entered.push(this.entered[last]! + enteredMessages);
  }

  /** Seconds the oldest of the `waitingMessages` waiting at `nowSeconds` has waited (0 when none wait). */
  oldestAgeSeconds(nowSeconds: number, waitingMessages: number): number {
    if (!(waitingMessages > EMPTY_QUEUE_MESSAGES)) return 0;
    const { times, entered } = this;
    const last = entered.length - 1;
    // E(τ) of the oldest waiting message: everything that entered before it has left (FIFO).
    const oldest = entered[last]! - waitingMessages;
    // Skip breakpoints whose successor is still at or below it: the oldest message entered later.
    while (this.head < last && entered[this.head + 1]! <= oldest) this.head++;
    if (this.head > 1024 && this.head * 2 > entered.length) {
      times.splice(0, this.head);
      entered.splice(0, this.head);
      this.head = 0;
    }
    const i = this.head;
    const t0 = times[i]!;
    let tau = t0;
    if (i < times.length - 1) {
      const e0 = entered[i]!;
      const e1 = entered[i + 1]!;
      // Within [t0, t1] messages entered at the constant rate (e1 − e0) / (t1 − t0); rounding may
      // put `oldest` a hair outside [e0, e1].
      if (e1 > e0 && oldest > e0) tau = t0 + (Math.min(oldest - e0, e1 - e0) / (e1 - e0)) * (times[i + 1]! - t0);
    }
    return Math.max(0, nowSeconds - tau);
  }

  /** The queue is empty at `timeSeconds`: E restarts from 0 there. */
  private restart(timeSeconds: number): void {
    this.times.length = 0;
    this.entered.length = 0;
    this.times.push(timeSeconds);
    this.entered.push(0);
    this.head = 0;
  }
}
