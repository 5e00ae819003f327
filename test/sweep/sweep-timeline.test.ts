/** The sweep's timeline: phases from the marks, each worker's figures from its runs, and the printed lines. */
import { describe, expect, it } from 'vitest';
import { formatTimeline, roundTimeline, sweepTimeline } from '../../src/sweep/sweep-timeline.js';

const MARKS = { commandMs: 210, plannedMs: 450, checkedMs: 700, ranMs: 4200, writtenMs: 4230 };

describe('sweepTimeline', () => {
  it('splits the wall time into phases and gives each worker its settings, busy time, first run and later median', () => {
    const t = sweepTimeline(MARKS, [
      { worker: 1, runSeconds: 0.9 },
      { worker: 0, runSeconds: 0.8 },
      { worker: 0, runSeconds: 0.3 },
      { worker: 1, runSeconds: 0.4 },
      { worker: 0, runSeconds: 0.5 },
      { worker: 1, runSeconds: 0.2 },
      { worker: 1, runSeconds: 0.3 },
    ]);
    expect(t.startupSeconds).toBe(0.21);
    expect(t.planSeconds).toBeCloseTo(0.24, 12);
    expect(t.checkSeconds).toBe(0.25);
    expect(t.runSeconds).toBe(3.5);
    expect(t.writeSeconds).toBe(0.03);
    expect(t.workers.map((w) => [w.worker, w.settings, w.firstRunSeconds, w.laterRunMedianSeconds])).toEqual([
      [0, 3, 0.8, 0.4],
      [1, 4, 0.9, 0.3],
    ]);
    expect(t.workers[0]!.busySeconds).toBeCloseTo(1.6, 12);
    expect(t.workers[1]!.busySeconds).toBeCloseTo(1.8, 12);
  });

  it('has no later median for a worker with one run, and no workers when nothing ran (a resumed sweep)', () => {
    expect(sweepTimeline(MARKS, [{ worker: 0, runSeconds: 0.7 }]).workers).toEqual([{ worker: 0, settings: 1, busySeconds: 0.7, firstRunSeconds: 0.7, laterRunMedianSeconds: undefined }]);
    expect(sweepTimeline(MARKS, []).workers).toEqual([]);
  });

  it('prints one line of phases and one per worker', () => {
    const t = sweepTimeline(MARKS, [
      { worker: 0, runSeconds: 0.8 },
      { worker: 0, runSeconds: 0.3 },
      { worker: 1, runSeconds: 0.9 },
    ]);
    expect(formatTimeline(t).split('\n')).toEqual([
      '  time: start-up 0.21 s, planning 0.24 s, check 0.25 s, runs 3.50 s, writing 0.03 s',
      '  worker 1: 2 settings in 1.10 s, first run 0.80 s, later runs 0.30 s (median)',
      '  worker 2: 1 setting in 0.90 s, first run 0.90 s',
    ]);
  });

  it('rounds every figure to the millisecond for --json', () => {
    const t = roundTimeline(sweepTimeline({ ...MARKS, plannedMs: 450.4567 }, [{ worker: 0, runSeconds: 0.12345 }, { worker: 0, runSeconds: 0.23456 }]));
    expect(t.planSeconds).toBe(0.24);
    expect(t.checkSeconds).toBe(0.25);
    expect(t.workers[0]).toEqual({ worker: 0, settings: 2, busySeconds: 0.358, firstRunSeconds: 0.123, laterRunMedianSeconds: 0.235 });
  });
});
