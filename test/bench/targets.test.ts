/** Issue 7's targets read off bench rows: bars, verdicts at and around them, cases not run. */
import { describe, expect, it } from 'vitest';
import { checkSweepTarget, checkTargets, SAME_MEMORY_TOLERANCE_MIB, type TargetRow } from '../../src/bench/targets.js';

const row = (name: string, processWallSeconds: number, runWallSeconds: number, peakRssMiB: number): TargetRow => ({
  case: name,
  processWallSeconds,
  runWallSeconds,
  peakRssMiB,
});

function verdicts(rows: TargetRow[]): Record<string, string> {
  return Object.fromEntries(checkTargets(rows).map((t) => [t.target, t.verdict]));
}

describe('checkTargets', () => {
  it('reads the figures of the 22:17 table as issue 7 judges them', () => {
    const results = checkTargets([
      row('nasa-diurnal', 1.091, 0.796, 87),
      row('nasa-1d-looped', 0.436, 0.151, 87.2),
      row('nasa-1y-looped', 8.875, 8.488, 87.4),
      row('bench-large', 90.554, 88.177, 299),
    ]);
    expect(results).toEqual([
      { target: 'nasa-diurnal, whole process', bar: '< 0.5 s', measured: '1.091 s', verdict: 'not met' },
      { target: 'nasa-diurnal, the run (simulation and its outputs)', bar: '< 0.15 s', measured: '0.796 s', verdict: 'not met' },
      { target: 'bench-large, whole process', bar: '< 10 s', measured: '90.6 s', verdict: 'not met' },
      { target: 'bench-large, peak RSS', bar: '< 1024 MiB', measured: '299 MiB', verdict: 'met' },
      {
        target: 'one-year trace, peak RSS',
        bar: "≤ one day's (nasa-1d-looped) + 2 MiB",
        measured: '87.4 MiB against 87.2 MiB (+0.2)',
        verdict: 'met',
      },
    ]);
  });

  it.each([
    ['just under each bar', 0.499, 0.149, 9.99, 1023, 'met'],
    ['at each bar (the bars are strict)', 0.5, 0.15, 10, 1024, 'not met'],
  ])('%s', (_name, nasaProcess, nasaRun, largeProcess, largeRss, verdict) => {
    const v = verdicts([row('nasa-diurnal', nasaProcess, nasaRun, 80), row('bench-large', largeProcess, largeProcess - 1, largeRss)]);
    expect([v['nasa-diurnal, whole process'], v['nasa-diurnal, the run (simulation and its outputs)'], v['bench-large, whole process'], v['bench-large, peak RSS']]).toEqual([
      verdict,
      verdict,
      verdict,
      verdict,
    ]);
  });

  it.each([
    ['lower than the day', 85, 'met', '(−2.0)'],
    ['within the tolerance', 87 + SAME_MEMORY_TOLERANCE_MIB, 'met', '(+2.0)'],
    ['past the tolerance: the young generation doubled within the year (760576e)', 116, 'not met', '(+29.0)'],
  ])('one-year peak RSS %s', (_name, yearRss, verdict, difference) => {
    const memory = checkTargets([row('nasa-1d-looped', 0.4, 0.15, 87), row('nasa-1y-looped', 9, 8.5, yearRss)]).find((t) => t.target === 'one-year trace, peak RSS')!;
    expect(memory.verdict).toBe(verdict);
    expect(memory.measured).toContain(difference);
  });

  it('says which targets it could not read when their cases did not run', () => {
    expect(verdicts([row('nasa-diurnal', 0.4, 0.1, 80), row('nasa-1y-looped', 9, 8.5, 87)])).toEqual({
      'nasa-diurnal, whole process': 'met',
      'nasa-diurnal, the run (simulation and its outputs)': 'met',
      'bench-large, whole process': 'not run',
      'bench-large, peak RSS': 'not run',
      'one-year trace, peak RSS': 'not run',
    });
  });
});

describe('checkSweepTarget', () => {
  it.each([
    ['the 22:26 sweep', 27, 4.77, 3.39, '1.41×', 'not met'],
    ['exactly the bar', 90, 5.1, 3.0, '1.70×', 'met'],
    ['past the bar', 270, 5.0, 2.5, '2.00×', 'met'],
  ])('%s', (_name, days, one, all, measured, verdict) => {
    expect(checkSweepTarget(one, all, 2, days)).toEqual({ target: `16-setting sweep of ${days} days, 2 workers against 1 (best against best)`, bar: '≥ 1.7×', measured, verdict });
  });
});
