/**
 * A binary min-heap of events keyed by (timeSeconds, phase, sequence): FIFO within a phase at one
 * instant, like SimPy's (time, priority, counter) queue.
 */

export interface QueuedEvent {
  timeSeconds: number;
  phase: number;
  sequence: number;
  run: () => void;
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  if (a.timeSeconds !== b.timeSeconds) return a.timeSeconds < b.timeSeconds;
  if (a.phase !== b.phase) return a.phase < b.phase;
  return a.sequence < b.sequence;
}

export class EventQueue {
  private readonly heap: QueuedEvent[] = [];
  private nextSequence = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Adds an event; returns it so that the caller may cancel it. */
  push(timeSeconds: number, phase: number, run: () => void): QueuedEvent {
    return this.insert({ timeSeconds, phase, sequence: 0, run });
  }

  /**
   * Puts an event that has been popped back in at a new time, as if pushed now (a new sequence
   * number): periodic processes reuse one event object instead of allocating one per firing.
   */
  reschedule(event: QueuedEvent, timeSeconds: number): QueuedEvent {
    event.timeSeconds = timeSeconds;
    return this.insert(event);
  }

  private insert(event: QueuedEvent): QueuedEvent {
    event.sequence = this.nextSequence++;
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
    return event;
  }

  peek(): QueuedEvent | undefined {
    return this.heap[0];
  }

  pop(): QueuedEvent | undefined {
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
