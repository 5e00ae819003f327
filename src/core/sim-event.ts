/**
 * One scheduled event of the simulation, or one periodic process (SimPy's Timeout and a process that
 * loops on one): the queue's key, the component it belongs to (named when its handler throws), and
 * for a periodic process the grid it fires on. A periodic process is one object for its whole life:
 * each firing runs the handler and queues the same object again at start + (k+1)·interval, after
 * whatever the handler queued at that instant, so a firing allocates nothing. Before, each process
 * was a chain of three closures (the kernel's error guard, the re-queueing, the caller's handler)
 * whose contexts every firing read.
 */
import type { EventLane } from './event-lane.js';
import type { EventQueue, QueuedEvent } from './event-queue.js';

/** A handle to cancel a scheduled event or a periodic process. */
export interface Cancellable {
  cancel(): void;
}

/** What an event needs of its simulation: the queue to go back into, the set cancelled events wait in until popped. */
export interface EventHome {
  readonly queue: EventQueue<SimEvent>;
  readonly cancelled: Set<SimEvent>;
}

export class SimEvent implements QueuedEvent, Cancellable {
  sequence = 0;
  /** Firings so far (a periodic process's k). */
  private firings = 0;
  /** In the queue now (a periodic process is out of it while its handler runs, and after its last firing). */
  private queued = false;
  private stopped = false;
  /** Where a periodic process's grid starts: each firing is at startSeconds + k·intervalSeconds, without accumulated drift. */
  private readonly startSeconds: number;

  /**
   * @param intervalSeconds 0 for a one-off event; else the period of a process that fires at
   *   startSeconds + k·intervalSeconds while that is below `untilSeconds`.
   */
  constructor(
    public timeSeconds: number,
    readonly phase: number,
    readonly component: string,
    /** A periodic process's handler gets k; a one-off event's is called with no argument. */
    private readonly handler: (k: number) => void,
    private readonly home: EventHome,
    private readonly intervalSeconds = 0,
    private readonly untilSeconds = Infinity,
    private readonly lane?: EventLane<SimEvent>,
  ) {
    this.startSeconds = timeSeconds;
  }

  /** Puts the event (a periodic process's first firing) into the queue. */
  enqueue(): this {
    this.queued = true;
    return this.home.queue.add(this, this.lane);
  }

  run(): void {
    if (this.intervalSeconds === 0) {
      // A one-off event's handler takes no argument (scheduleAt's contract): none is given.
      (this.handler as () => void)();
      return;
    }
    this.queued = false;
    this.handler(this.firings);
    this.firings++;
    const t = this.startSeconds + this.firings * this.intervalSeconds;
    if (this.stopped || t >= this.untilSeconds) return;
    this.home.queue.reschedule(this, t, this.lane);
    this.queued = true;
  }

  /**
   * A one-off event is skipped when its turn comes. A periodic process fires no more; cancelled from
   * its own handler or after its last firing, it costs no event.
   */
  cancel(): void {
    if (this.intervalSeconds === 0) {
      this.home.cancelled.add(this);
      return;
    }
    if (!this.stopped && this.queued) this.home.cancelled.add(this);
    this.stopped = true;
  }
}
