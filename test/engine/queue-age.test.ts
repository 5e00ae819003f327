import { describe, expect, it } from 'vitest';
import { ColdStarts } from '../../src/engine/cold-starts.js';
import { QueueAge } from '../../src/engine/queue-age.js';

describe('QueueAge (FIFO oldest-message age)', () => {
  it('is the time since the first unconsumed message entered', () => {
    const q = new QueueAge(0);
    q.record(10, 100); // 10 msg/s for 10 s
    q.record(20, 100); // nothing more arrives
    // 40 consumed: the oldest waiting message entered at t = 4.
    expect(q.oldestAgeSeconds(20, 40)).toBeCloseTo(16, 9);
    // 100 consumed: the queue is empty.
    expect(q.oldestAgeSeconds(25, 100)).toBe(0);
  });

  it('forgets consumed history as departures advance (memory follows the backlog)', () => {
    const q = new QueueAge(0);
    for (let t = 1; t <= 5000; t++) q.record(t, t * 10);
    expect(q.oldestAgeSeconds(5000, 49_990)).toBeCloseTo(1, 9);
    expect(q.oldestAgeSeconds(5000, 49_995)).toBeCloseTo(0.5, 9);
  });
});

describe('ColdStarts', () => {
  it('counts each wait from the first work while idle to the first ready pod', () => {
    const c = new ColdStarts();
    c.workWaiting(100);
    c.workWaiting(105); // still the same cold start
    c.servingStarted(130);
    c.servingStarted(140); // nothing open
    c.workWaiting(500);
    c.servingStarted(510);
    expect(c.summary()).toEqual({ count: 2, meanDelaySeconds: 20, maxDelaySeconds: 30 });
  });
});
