/**
 * The event queue, keyed by (timeSeconds, phase, sequence): FIFO within a phase at one instant, like
 * SimPy's (time, priority, counter) queue. A binary min-heap holds events in general; lanes hold the
 * firings of periodic processes (event-lane.ts), one lane per phase and period, each already in key
 * order, so the next event is the least of the heap's top and the lanes' first events. Which of the
 * two holds an event never changes the order events come out in: every event keeps its full key.
 *
 * Why lanes: in bench-large most events are the periodic syncs of a thousand HPAs and KEDA polls,
 * and a heap of some thousands of events spent half the kernel's time loading the keys of events
 * scattered in memory along each pop's path down the heap.
 */
import { EventLane, MAX_LANES } from './event-lane.js';

export interface QueuedEvent {
  timeSeconds: number;
  phase: number;
  sequence: number;
  run: () => void;
}

export function before(a: QueuedEvent, b: QueuedEvent): boolean {
  if (a.timeSeconds !== b.timeSeconds) return a.timeSeconds < b.timeSeconds;
  if (a.phase !== b.phase) return a.phase < b.phase;
  return a.sequence < b.sequence;
}

export class EventQueue<E extends QueuedEvent = QueuedEvent> {
  private readonly heap: E[] = [];
  private readonly lanes: EventLane<E>[] = [];
  /** phase → period → lane. */
  private readonly laneIndex = new Map<number, Map<number, EventLane<E>>>();
  private nextSequence = 0;

  get size(): number {
    let n = this.heap.length;
    for (const lane of this.lanes) n += lane.count;
    return n;
  }

  /**
   * The lane for periodic events of `phase` queued again every `intervalSeconds`, made on first ask;
   * undefined once MAX_LANES lanes exist (such events then go to the heap, in the same order).
   */
  lane(phase: number, intervalSeconds: number): EventLane<E> | undefined {
    let byInterval = this.laneIndex.get(phase);
    if (byInterval === undefined) this.laneIndex.set(phase, (byInterval = new Map()));
    let lane = byInterval.get(intervalSeconds);
    if (lane === undefined && this.lanes.length < MAX_LANES) {
      lane = new EventLane<E>(phase);
      byInterval.set(intervalSeconds, lane);
      this.lanes.push(lane);
    }
    return lane;
  }

  /** Adds an event made of a key and a handler (the bench's bare loop, tests); returns it. */
  push(this: EventQueue<QueuedEvent>, timeSeconds: number, phase: number, run: () => void, lane?: EventLane<QueuedEvent>): QueuedEvent {
    return this.add({ timeSeconds, phase, sequence: 0, run }, lane);
  }

  /** Adds an event, as the newest of its key (into `lane` when it keeps the lane in order, else into the heap); returns it. */
  add<T extends E>(event: T, lane?: EventLane<E>): T {
    this.insert(event, lane);
    return event;
  }

  /**
   * Puts an event that has been popped back in at a new time, as if pushed now (a new sequence
   * number): periodic processes reuse one event object instead of allocating one per firing.
   */
  reschedule(event: E, timeSeconds: number, lane?: EventLane<E>): void {
    event.timeSeconds = timeSeconds;
    this.insert(event, lane);
  }

  private insert(event: E, lane: EventLane<E> | undefined): void {
    event.sequence = this.nextSequence++;
    // The newest sequence number: the event goes last among equal keys, so a lane stays in order
    // when the event is of its phase and no earlier than its last one.
    if (lane !== undefined && lane.accepts(event)) {
      lane.add(event);
      return;
    }
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  /** The lane whose first event is the least of all lanes' and earlier than the heap's top, or undefined when the heap's top comes first. */
  private leastLane(): EventLane<E> | undefined {
    let least: E | undefined = this.heap[0];
    let leastLane: EventLane<E> | undefined;
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const first = lanes[i]!.first();
      if (first !== undefined && (least === undefined || before(first, least))) {
        least = first;
        leastLane = lanes[i];
      }
    }
    return leastLane;
  }

  peek(): E | undefined {
    const lane = this.leastLane();
    return lane !== undefined ? lane.first() : this.heap[0];
  }

  pop(): E | undefined {
    const lane = this.leastLane();
    return lane !== undefined ? lane.shift() : this.popHeap();
  }

  /** The next event if it is earlier than `endSeconds`, taken out of the queue; else undefined, and the queue is left as it is. */
  popBefore(endSeconds: number): E | undefined {
    const lane = this.leastLane();
    const next = lane !== undefined ? lane.first() : this.heap[0];
    if (next === undefined || next.timeSeconds >= endSeconds) return undefined;
    return lane !== undefined ? lane.shift() : this.popHeap();
  }

  private popHeap(): E | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
