/**
 * The tee a rollout's measuring window puts in a load flow's path: every piece reaches both
 * mixtures in the same order, so the run's mixture is what it would be without the tee.
 */
import { describe, expect, it } from 'vitest';
import { ResponseTimeAccumulator } from '../../src/load/response-time-accumulator.js';
import { ResponseTimeTee } from '../../src/load/response-time-tee.js';

function feed(sink: Pick<ResponseTimeAccumulator, 'add' | 'addWaitRange'>): void {
  sink.add(120, 0, 0.05);
  sink.addWaitRange(30, 0.2, 1.4, 0.08);
  sink.add(80, 0.5, 0.05);
  sink.addWaitRange(10, 2, 2, 0.1);
}

describe('ResponseTimeTee', () => {
  it('feeds both mixtures what one alone receives', () => {
    const alone = new ResponseTimeAccumulator();
    feed(alone);
    const run = new ResponseTimeAccumulator();
    const stretch = new ResponseTimeAccumulator();
    feed(new ResponseTimeTee(run, stretch));
    for (const a of [run, stretch]) {
      expect(a.servedRequests).toBe(240);
      expect(a.summary()).toEqual(alone.summary());
    }
  });

  it('a stretch opened later holds only what came after it', () => {
    const run = new ResponseTimeAccumulator();
    run.add(1000, 0, 0.05);
    const stretch = new ResponseTimeAccumulator();
    new ResponseTimeTee(run, stretch).add(10, 3, 0.05);
    expect([run.servedRequests, stretch.servedRequests]).toEqual([1010, 10]);
    expect(stretch.quantileSeconds(0.5)).toBeGreaterThan(3);
    expect(run.quantileSeconds(0.5)).toBeLessThan(0.1);
  });
});
