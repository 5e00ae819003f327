/**
 * The backlog's FIFO cohorts (src/load/cohort-queue.ts): the waits of the pieces the pods take, the
 * oldest waiting request (a queue's oldest message, as QueueAge gave it), exact continuation of a
 * stretch at the same rate, and the bounded merge past maxCohorts.
 */
import { describe, expect, it } from 'vitest';
import { CohortQueue } from '../../src/load/cohort-queue.js';

type Piece = [requests: number, waitFromSeconds: number, waitToSeconds: number];
type Arrival = [startSeconds: number, endSeconds: number, requests: number];

function dequeued(arrivals: Arrival[], requests: number, serviceStartSeconds: number, serviceRps: number): { pieces: Piece[]; taken: number; queue: CohortQueue } {
  const queue = new CohortQueue();
  for (const [start, end, count] of arrivals) queue.enqueue(start, end, count);
  const pieces: Piece[] = [];
  const taken = queue.dequeue(requests, serviceStartSeconds, serviceRps, (r, from, to) => pieces.push([r, from, to]));
  return { pieces, taken, queue };
}

describe('CohortQueue.dequeue: each piece waits linearly from s0 − a0 to s1 − a1', () => {
  it.each<[string, Arrival[], number, number, number, Piece[]]>([
    [
      // λ = 10/s for 10 s with no ready pod, then 2 pods of 20/s: drains at 30/s, empty at 13⅓ s. The
      // request admitted at a leaves at 10 + 10a/40: it waits 10 − 0.75a, 10 s for the first, 0 for
      // the last. Both stretches arrive at 10/s, so they are one cohort and one piece.
      'a backlog built with no pod ready, then served at 40/s: the first request waits 10 s',
      [[0, 10, 100], [10, 40 / 3, 100 / 3]],
      400 / 3, 10, 40,
      [[400 / 3, 10, 0]],
    ],
    [
      'the same with λ = 12/s once the pods are ready: two cohorts, the line bends at 2.5 s',
      [[0, 10, 100], [10, 10 + 100 / 28, 1200 / 28]],
      100 + 1200 / 28, 10, 40,
      // the first 100 leave over [10, 12.5]; the 12/s ones over [12.5, 10 + 100/28]
      [[100, 10, 2.5], [1200 / 28, 2.5, 0]],
    ],
    ['a full backlog (entering and leaving at μ) holds every wait equal', [[0, 10, 100]], 50, 10, 10, [[50, 10, 10]]],
    ['a part of the head: arrivals [0, 4] served over [20, 22]', [[0, 10, 100]], 40, 20, 20, [[40, 20, 18]]],
    ['unbounded capacity takes the whole backlog at one instant', [[0, 10, 100]], 100, 12, Infinity, [[100, 12, 2]]],
    ['a gap between cohorts: each keeps its own arrivals', [[0, 2, 20], [5, 6, 30]], 50, 6, 25, [[20, 6, 4.8], [30, 1.8, 2]]],
    ['asking more than waits takes what there is', [[0, 1, 5]], 50, 1, 5, [[5, 1, 1]]],
  ])('%s', (_name, arrivals, requests, serviceStartSeconds, serviceRps, expected) => {
    const { pieces, taken } = dequeued(arrivals, requests, serviceStartSeconds, serviceRps);
    expect(pieces.length).toBe(expected.length);
    pieces.forEach((piece, i) => piece.forEach((value, k) => expect(value).toBeCloseTo(expected[i]![k]!, 9)));
    expect(taken).toBeCloseTo(Math.min(requests, arrivals.reduce((sum, [, , c]) => sum + c, 0)), 9);
  });

  it('a partly taken head keeps its rate: the next piece continues where the last one stopped', () => {
    const { queue } = dequeued([[0, 10, 100]], 40, 20, 20);
    expect(queue.oldestArrivalSeconds()).toBeCloseTo(4, 12);
    const pieces: Piece[] = [];
    queue.dequeue(60, 22, 20, (r, from, to) => pieces.push([r, from, to]));
    // Arrivals [4, 10] served over [22, 25]: the same line as one dequeue of 100 over [20, 25].
    expect(pieces).toEqual([[60, expect.closeTo(18, 9), expect.closeTo(15, 9)]]);
    expect(queue.requests).toBe(0);
    expect(queue.cohortCount).toBe(0);
  });
});

describe('CohortQueue: the oldest waiting request (a queue\'s oldest message)', () => {
  it('is the arrival of the first request not yet taken', () => {
    const q = new CohortQueue();
    q.enqueue(0, 10, 100); // 10 msg/s for 10 s, nothing consumed yet
    q.discardOldest(40); // 40 consumed: the oldest waiting message entered at t = 4
    expect(q.oldestArrivalSeconds()).toBeCloseTo(4, 9);
    q.reconcile(0, 25); // the queue is empty
    expect(q.oldestArrivalSeconds()).toBeNaN();
  });

  it('dates a burst after the queue emptied from the burst, not from before the gap', () => {
    const q = new CohortQueue();
    q.enqueue(0, 10, 20);
    q.enqueue(10, 20, 10);
    q.discardOldest(30 - 4e-12); // consumers drain it all, a few ulps short
    q.reconcile(4e-12, 20); // the flow's backlog is a rounding error: empty, forget it
    expect(q.cohortCount).toBe(0);
    q.enqueue(200, 210, 32); // 3.2 msg/s from t = 200, scaled to zero
    q.reconcile(32 + 4e-12, 210); // a waiting count a rounding error above: still from t = 200
    expect(q.oldestArrivalSeconds()).toBeCloseTo(200, 9);
    q.discardOldest(16);
    expect(q.oldestArrivalSeconds()).toBeCloseTo(205, 9); // the 17th entered at 205
  });

  it('bends where the arrival rate changes', () => {
    const q = new CohortQueue();
    q.enqueue(100, 110, 10); // 1 msg/s
    q.enqueue(110, 115, 20); // 4 msg/s
    q.reconcile(25, 115);
    expect(q.oldestArrivalSeconds()).toBeCloseTo(105, 9); // 6th entered at 105
    q.reconcile(12, 115);
    expect(q.oldestArrivalSeconds()).toBeCloseTo(110 + 8 / 4, 9); // 19th entered at 112
  });

  it('reconcile gives a rounding shortfall to the head at its own rate', () => {
    const q = new CohortQueue();
    q.enqueue(10, 20, 100);
    q.reconcile(100.5, 20);
    expect(q.oldestArrivalSeconds()).toBeCloseTo(9.95, 9);
    expect(q.requests).toBe(100.5);
  });

  it('discardNewest drops from the tail (a lowered bound)', () => {
    const q = new CohortQueue();
    q.enqueue(0, 10, 100);
    q.enqueue(10, 12, 100);
    q.discardNewest(150);
    expect(q.requests).toBeCloseTo(50, 9);
    expect(q.cohortCount).toBe(1);
    const pieces: Piece[] = [];
    q.dequeue(50, 10, 10, (r, from, to) => pieces.push([r, from, to]));
    expect(pieces).toEqual([[50, expect.closeTo(10, 9), expect.closeTo(10, 9)]]); // arrivals [0, 5] over [10, 15]
  });
});

describe('CohortQueue memory', () => {
  it('a stretch that continues the last cohort at its rate extends it (an output sample splits nothing)', () => {
    const q = new CohortQueue();
    for (let t = 0; t < 3600; t++) q.enqueue(t, t + 1, 7.3);
    expect(q.cohortCount).toBe(1);
    q.enqueue(3600, 3601, 2); // another rate: a new cohort
    q.enqueue(3602, 3603, 2); // after a gap: a new cohort
    expect(q.cohortCount).toBe(3);
  });

  it('forgets what the pods took (memory follows the backlog)', () => {
    const q = new CohortQueue();
    for (let t = 0; t < 5000; t++) {
      q.enqueue(t, t + 1, t % 2 === 0 ? 10 : 11);
      q.dequeue(t === 0 ? 0 : 10.5, t, 10.5, () => {});
    }
    expect(q.cohortCount).toBeLessThan(4);
  });

  it.each([
    // [maxCohorts, seconds of a backlog whose rate changes every second, largest ε expected]
    [64, 4000, 0.3],
    [4096, 86_400, 0.01], // the default: a day of per-second changes costs well under 1 % of a wait
  ])('past %s cohorts merges the oldest within ε of each wait, and reports ε (%s s)', (maxCohorts, seconds, maxEpsilon) => {
    const arrivals: Arrival[] = Array.from({ length: seconds }, (_, i): Arrival => [i, i + 1, i % 2 === 0 ? 1 : 3]);
    const exact = new CohortQueue({ maxCohorts: Infinity });
    const capped = new CohortQueue({ maxCohorts });
    let most = 0;
    for (const [start, end, count] of arrivals) {
      exact.enqueue(start, end, count);
      capped.enqueue(start, end, count);
      most = Math.max(most, capped.cohortCount);
    }
    expect(most).toBeLessThanOrEqual(maxCohorts);
    expect(exact.cohortCount).toBe(seconds);
    expect(exact.mergeRelativeError).toBe(0);
    expect(capped.mergeRelativeError).toBeGreaterThan(0);
    expect(capped.mergeRelativeError).toBeLessThan(maxEpsilon);
    // Served from 1,000 s after the last arrival at 100/s: each request's wait at 2,000 places along the backlog.
    const total = capped.requests;
    const waitAt = (queue: CohortQueue): ((u: number) => number) => {
      const pieces: { from: number; to: number; at: number; requests: number }[] = [];
      let at = 0;
      queue.dequeue(Infinity, seconds + 1000, 100, (requests, from, to) => {
        pieces.push({ from, to, at, requests });
        at += requests;
      });
      return (u) => {
        const p = pieces.find((piece) => u <= piece.at + piece.requests)!;
        return p.from + ((u - p.at) / p.requests) * (p.to - p.from);
      };
    };
    const epsilon = capped.mergeRelativeError;
    const [exactWait, cappedWait] = [waitAt(exact), waitAt(capped)];
    for (let k = 0; k < 2000; k++) {
      const u = ((k + 0.5) / 2000) * total;
      expect(Math.abs(cappedWait(u) - exactWait(u))).toBeLessThanOrEqual(epsilon * exactWait(u) + 1e-9);
    }
  });

  it('the bound is nearly reached: one early request merged with a million late ones moves their waits by the span', () => {
    // maxCohorts 2: the third cohort (at 300 s) merges the first two, spanning 2 s, 298 s before it.
    const q = new CohortQueue({ maxCohorts: 2 });
    q.enqueue(0, 0.001, 1);
    q.enqueue(1.999, 2, 1e6);
    q.enqueue(300, 301, 1);
    expect(q.cohortCount).toBe(2);
    // 2 ≤ ε × 298 first holds at ε = 1/1000 doubled three times
    expect(q.mergeRelativeError).toBe(0.008);
    const pieces: Piece[] = [];
    q.dequeue(1e6 + 1, 301, Infinity, (r, from, to) => pieces.push([r, from, to]));
    // The merged cohort's second request arrived at 1.999 (wait 299.001) and is now dated ≈ 0 (wait ≈ 301).
    const secondWait = pieces[0]![1] + (1 / pieces[0]![0]) * (pieces[0]![2] - pieces[0]![1]);
    const errorSeconds = secondWait - 299.001;
    expect(errorSeconds).toBeGreaterThan(1.99);
    expect(errorSeconds).toBeLessThanOrEqual(q.mergeRelativeError * 299.001);
  });
});
