/**
 * The event queue with lanes (src/core/event-queue.ts, event-lane.ts): events come out in
 * (time, phase, sequence) order whichever of the heap and the lanes holds them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LANES } from '../../src/core/event-lane.js';
import { EventQueue, type QueuedEvent } from '../../src/core/event-queue.js';

/** One step: queue an event (through lane `lane` of the test's four, or none), or take the next one out. */
const step = fc.oneof(
  fc.record({
    kind: fc.constant('push' as const),
    afterSeconds: fc.constantFrom(0, 0.1, 1, 5, 15, 30, 1e-9),
    phase: fc.integer({ min: 0, max: 3 }),
    lane: fc.integer({ min: -1, max: 3 }),
    /** Most events queued through a lane are of its phase (as a periodic process's are); the others must go to the heap. */
    lanePhase: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('pop' as const) }),
);

const LANE_KEYS = [
  [1, 15],
  [1, 30],
  [2, 15],
  [3, 10],
] as const;

/** The reference: every queued event in a list, the least key taken out. */
function leastIndex(events: readonly QueuedEvent[]): number {
  let best = 0;
  for (let i = 1; i < events.length; i++) {
    const a = events[i]!;
    const b = events[best]!;
    if (a.timeSeconds < b.timeSeconds || (a.timeSeconds === b.timeSeconds && (a.phase < b.phase || (a.phase === b.phase && a.sequence < b.sequence)))) best = i;
  }
  return best;
}

describe('EventQueue', () => {
  it('pops in key order, through lanes or not, as a sorted list would', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const queue = new EventQueue();
        const lanes = LANE_KEYS.map(([phase, interval]) => queue.lane(phase, interval));
        const reference: QueuedEvent[] = [];
        let nowSeconds = 0;
        const popped: number[] = [];
        const expected: number[] = [];
        for (const s of steps) {
          if (s.kind === 'push') {
            const phase = s.lane >= 0 && s.lanePhase ? LANE_KEYS[s.lane]![0] : s.phase;
            const event = queue.push(nowSeconds + s.afterSeconds, phase, () => {}, s.lane >= 0 ? lanes[s.lane] : undefined);
            reference.push(event);
            continue;
          }
          const next = queue.pop();
          if (reference.length === 0) {
            expect(next).toBeUndefined();
            continue;
          }
          const least = reference.splice(leastIndex(reference), 1)[0]!;
          popped.push(next!.sequence);
          expected.push(least.sequence);
          nowSeconds = next!.timeSeconds;
        }
        expect(popped).toEqual(expected);
        expect(queue.size).toBe(reference.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a periodic event taken out and queued again one period later stays in its lane, in order with the others', () => {
    const queue = new EventQueue();
    const lane = queue.lane(4, 15)!;
    const log: string[] = [];
    const periodic = new Set<QueuedEvent>();
    for (const [name, start] of [
      ['a', 0],
      ['b', 5],
      ['c', 5],
    ] as const) {
      const event: QueuedEvent = queue.push(start, 4, () => log.push(`${event.timeSeconds} ${name}`), lane);
      periodic.add(event);
    }
    // An event of a shared instant in the heap: its earlier phase goes first.
    queue.push(20, 3, () => log.push('20 other'));
    for (let event = queue.popBefore(31); event !== undefined; event = queue.popBefore(31)) {
      event.run();
      if (periodic.has(event)) queue.reschedule(event, event.timeSeconds + 15, lane);
    }
    expect(log).toEqual(['0 a', '5 b', '5 c', '15 a', '20 other', '20 b', '20 c', '30 a']);
    expect(queue.peek()?.timeSeconds).toBe(35);
    expect(lane.count).toBe(3);
    expect(queue.size).toBe(3);
  });

  it('an event earlier than its lane\'s last, or of another phase, goes to the heap and still comes out in order', () => {
    const queue = new EventQueue();
    const lane = queue.lane(1, 15)!;
    const late = queue.push(30, 1, () => {}, lane);
    const early = queue.push(10, 1, () => {}, lane);
    const earlierPhase = queue.push(30, 0, () => {}, lane);
    expect(lane.count).toBe(1);
    expect([queue.pop(), queue.pop(), queue.pop()]).toEqual([early, earlierPhase, late]);
  });

  it(`makes at most ${MAX_LANES} lanes; the same phase and period share one`, () => {
    const queue = new EventQueue();
    const made = Array.from({ length: MAX_LANES + 3 }, (_, i) => queue.lane(0, i + 1));
    expect(made.slice(0, MAX_LANES).every((l) => l !== undefined)).toBe(true);
    expect(made.slice(MAX_LANES)).toEqual([undefined, undefined, undefined]);
    expect(queue.lane(0, 1)).toBe(made[0]);
    // With no lane, events still queue, in the heap.
    queue.push(1, 0, () => {}, queue.lane(9, 9));
    expect(queue.size).toBe(1);
  });
});
