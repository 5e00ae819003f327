/**
 * The simulation kernel: a virtual clock in seconds and an event queue. Periodic processes fire at
 * start + k·interval (no accumulated float drift). A handler that throws stops the run with the
 * simulation time and the component name (SimPy's loud failures). No wall clock is read here: a
 * caller that wants to know where wall time goes (npm run bench:components) passes an EventTimer,
 * whose clock is its own; the timer only receives figures and never changes what runs.
 */
import { EventQueue } from './event-queue.js';
import type { PhaseValue } from './phases.js';
import { SimEvent, type Cancellable, type EventHome } from './sim-event.js';

export type { Cancellable } from './sim-event.js';

/** Raised when an event handler throws: names the component and the simulated instant. */
export class SimulationError extends Error {
  constructor(
    readonly component: string,
    readonly timeSeconds: number,
    readonly causeError: unknown,
  ) {
    const inner = causeError instanceof Error ? causeError.message : String(causeError);
    super(`${component} failed at t=${timeSeconds}s: ${inner}`, { cause: causeError });
    this.name = 'SimulationError';
  }
}

/**
 * Times the events of a simulation by component (`hpa/web`, `cluster-autoscaler`…), for profiling.
 * `tally` is asked once per scheduled event or periodic process, when it is scheduled; each firing
 * then adds its wall milliseconds (by the timer's clock) and one event to what it returned.
 */
export interface EventTimer {
  nowMs(): number;
  tally(component: string): EventTally;
}

export interface EventTally {
  wallMs: number;
  events: number;
}

export class Simulation implements EventHome {
  /** The queue, for the events themselves to go back into (sim-event.ts); schedule through the methods below. */
  readonly queue = new EventQueue<SimEvent>();
  /** Cancelled events still in the queue: skipped when popped. */
  readonly cancelled = new Set<SimEvent>();
  private now = 0;
  /** Number of events run so far (benchmarks report it). */
  eventsProcessed = 0;

  /** @param timer times each event by component (profiling only; absent in normal runs). */
  constructor(private readonly timer?: EventTimer) {}

  get nowSeconds(): number {
    return this.now;
  }

  /** Schedules `run` at absolute time `timeSeconds` (not before now). */
  scheduleAt(timeSeconds: number, phase: PhaseValue, component: string, run: () => void): Cancellable {
    if (!(timeSeconds >= this.now)) {
      throw new Error(`${component}: cannot schedule at t=${timeSeconds}s, now is ${this.now}s`);
    }
    return new SimEvent(timeSeconds, phase, component, this.timed(component, run), this).enqueue();
  }

  scheduleAfter(delaySeconds: number, phase: PhaseValue, component: string, run: () => void): Cancellable {
    return this.scheduleAt(this.now + delaySeconds, phase, component, run);
  }

  /**
   * Runs `run(k)` at startSeconds + k·intervalSeconds for k = 0, 1, … while that time is below
   * `untilSeconds` (default: forever, bounded by runUntil).
   */
  every(
    startSeconds: number,
    intervalSeconds: number,
    phase: PhaseValue,
    component: string,
    run: (k: number) => void,
    untilSeconds = Infinity,
  ): Cancellable {
    if (!(intervalSeconds > 0)) throw new Error(`${component}: interval must be > 0 s, got ${intervalSeconds}`);
    if (!(startSeconds >= this.now)) throw new Error(`${component}: cannot schedule at t=${startSeconds}s, now is ${this.now}s`);
    // One event object for the whole process (sim-event.ts): a firing allocates nothing, so long
    // runs do not fill the old generation with spent events. The next firing is queued after this
    // one's handler ran, exactly as scheduling it from the handler would.
    const process = new SimEvent(startSeconds, phase, component, this.timed(component, run), this, intervalSeconds, untilSeconds, this.queue.lane(phase, intervalSeconds));
    if (startSeconds < untilSeconds) process.enqueue();
    return process;
  }

  /** Runs events with time < endSeconds, then sets the clock to endSeconds. */
  runUntil(endSeconds: number): void {
    const queue = this.queue;
    for (;;) {
      const next = queue.popBefore(endSeconds);
      if (next === undefined) break;
      if (this.cancelled.size > 0 && this.cancelled.delete(next)) continue;
      this.now = next.timeSeconds;
      this.eventsProcessed++;
      try {
        next.run();
      } catch (error) {
        // SimPy's loud failure: which component, at what simulated instant.
        if (error instanceof SimulationError) throw error;
        throw new SimulationError(next.component, this.now, error);
      }
    }
    this.now = endSeconds;
  }

  /** The handler itself, or with a timer (profiling) the handler timed into its component's tally, a failing firing's time too. */
  private timed<A extends unknown[]>(component: string, run: (...args: A) => void): (...args: A) => void {
    const timer = this.timer;
    if (timer === undefined) return run;
    const tally = timer.tally(component);
    return (...args: A) => {
      const startMs = timer.nowMs();
      try {
        run(...args);
      } finally {
        tally.wallMs += timer.nowMs() - startMs;
        tally.events++;
      }
    };
  }
}
