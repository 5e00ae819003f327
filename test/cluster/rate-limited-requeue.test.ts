/**
 * A work-queue key after failed syncs (rate-limited-requeue.ts), on a time-stamped log: waits of
 * 5 ms doubling to the 1000 s cap (DefaultControllerRateLimiter), the Job controller's 1 s to 60 s,
 * the earlier of two waits kept, Forget clearing the count; and slowStartBatch's batches.
 */
import { describe, expect, it } from 'vitest';
import { CONTROLLER_RATE_LIMIT, JOB_RATE_LIMIT, RateLimitedRequeue, rateLimitedDelaySeconds } from '../../src/cluster/rate-limited-requeue.js';
import { slowStartBatch } from '../../src/cluster/slow-start-batch.js';
import { Phase } from '../../src/core/phases.js';
import { Simulation } from '../../src/core/simulation.js';

describe('rateLimitedDelaySeconds', () => {
  const cases: [number, number, number][] = [
    [0, 0.005, 1],
    [1, 0.01, 2],
    [10, 5.12, 60],
    [17, 655.36, 60],
    [18, 1000, 60],
    [40, 1000, 60],
  ];
  it.each(cases)('requeue %i: %f s for a ReplicaSet, %f s for a Job', (requeues, controller, job) => {
    expect(rateLimitedDelaySeconds(requeues, CONTROLLER_RATE_LIMIT)).toBeCloseTo(controller, 9);
    expect(rateLimitedDelaySeconds(requeues, JOB_RATE_LIMIT)).toBe(job);
  });
});

describe('RateLimitedRequeue', () => {
  it('a sync that keeps failing retries after 1, 2, 4, 8 s (Job limits); one that succeeds forgets', () => {
    const sim = new Simulation();
    const log: number[] = [];
    let failures = 4;
    const requeue: RateLimitedRequeue = new RateLimitedRequeue(sim, JOB_RATE_LIMIT, 'job/x', () => {
      log.push(sim.nowSeconds);
      if (failures-- > 0) requeue.failed();
      else requeue.forget();
    });
    requeue.failed();
    sim.runUntil(100);
    expect(log).toEqual([1, 3, 7, 15, 31]);
    expect(requeue.failing).toBe(false);
  });

  it('a key already waiting keeps the earlier time; a later failure does not add a second retry', () => {
    const sim = new Simulation();
    const log: number[] = [];
    const requeue = new RateLimitedRequeue(sim, JOB_RATE_LIMIT, 'job/x', () => log.push(sim.nowSeconds));
    requeue.failed(); // waits until 1
    sim.scheduleAt(0.5, Phase.CONTROL, 'test', () => requeue.failed()); // 0.5 + 2: later, ignored
    sim.runUntil(10);
    expect(log).toEqual([1]);
    expect(requeue.failing).toBe(true);
  });
});

describe('slowStartBatch', () => {
  it('batches of 1, 2, 4, …: every create of the failing batch is tried, the rest skipped', () => {
    let room = 4;
    let tries = 0;
    const created = slowStartBatch(20, () => {
      tries++;
      return room-- > 0;
    });
    // 1 + 2 succeed, then the batch of 4 has 1 success and 3 refusals; batches of 8 and 5 are skipped.
    expect({ created, tries }).toEqual({ created: 4, tries: 7 });
  });

  it('creates all when nothing fails', () => {
    expect(slowStartBatch(13, () => true)).toBe(13);
    expect(slowStartBatch(0, () => true)).toBe(0);
  });
});
