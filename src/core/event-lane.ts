/**
 * A lane of the event queue (event-queue.ts): the queued firings of the periodic processes of one
 * phase and one period, first in, first out. A process fires at start + k·interval and is queued
 * again one period later, after the firings of that instant already queued; so, while every process
 * of a lane has the same period, each one it takes is no earlier than the last one it holds, and the
 * lane is in key order without being sorted. The queue checks that before adding an event (a start
 * that is not on the lane's grid, a rounding of start + k·interval) and puts an event that would break
 * the order into its heap instead.
 */
import type { QueuedEvent } from './event-queue.js';

/** Lanes a queue makes at most: the next event is looked for among every lane's first at each pop. */
export const MAX_LANES = 16;

export class EventLane<E extends QueuedEvent = QueuedEvent> {
  /** A ring: `count` events from `head`, wrapping around. */
  private ring: (E | undefined)[] = new Array<E | undefined>(16);
  private head = 0;
  count = 0;

  constructor(readonly phase: number) {}

  first(): E | undefined {
    return this.count > 0 ? this.ring[this.head] : undefined;
  }

  /** Whether `event`, with a sequence number above every queued event's, keeps the lane in key order at its end. */
  accepts(event: QueuedEvent): boolean {
    if (event.phase !== this.phase) return false;
    if (this.count === 0) return true;
    const last = this.ring[(this.head + this.count - 1) % this.ring.length]!;
    return event.timeSeconds >= last.timeSeconds;
  }

  add(event: E): void {
    if (this.count === this.ring.length) this.grow();
    this.ring[(this.head + this.count) % this.ring.length] = event;
    this.count++;
  }

  shift(): E | undefined {
    if (this.count === 0) return undefined;
    const event = this.ring[this.head];
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.ring.length;
    this.count--;
    return event;
  }

  private grow(): void {
    const ring = new Array<E | undefined>(this.ring.length * 2);
    for (let i = 0; i < this.count; i++) ring[i] = this.ring[(this.head + i) % this.ring.length];
    this.ring = ring;
    this.head = 0;
  }
}
