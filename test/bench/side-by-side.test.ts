/** `npm run bench:ab`: its command line, the summary it reads off the rounds, and a real round of two builds. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { median, parseSideBySideArgs, summarizeRounds, type SideBySideRound } from '../../src/bench/side-by-side-options.js';
import { ROOT } from '../helpers/run-cli.js';

describe('parseSideBySideArgs', () => {
  it('defaults to bench-large for one simulated hour, three rounds', () => {
    const o = parseSideBySideArgs(['012a39a']);
    expect(typeof o === 'string' ? o : { base: o.base, case: o.case.name, durationSeconds: o.durationSeconds, rounds: o.rounds, json: o.json }).toEqual({
      base: '012a39a',
      case: 'bench-large',
      durationSeconds: 3600,
      rounds: 3,
      json: false,
    });
  });

  it('takes a case (its own duration unless given), a duration, rounds and --json in any order', () => {
    const own = parseSideBySideArgs(['--case', 'nasa-diurnal', 'HEAD~2']);
    expect(typeof own !== 'string' && [own.case.name, own.durationSeconds]).toEqual(['nasa-diurnal', undefined]);
    const o = parseSideBySideArgs(['--json', '--rounds', '5', '../other', '--duration', '6h']);
    expect(typeof o !== 'string' && [o.base, o.durationSeconds, o.rounds, o.json]).toEqual(['../other', 21_600, 5, true]);
  });

  it.each([
    ['no base', [], 'name the build to compare with'],
    ['two bases', ['a', 'b'], 'one base only'],
    ['an unknown option', ['a', '--fast'], 'unknown option --fast'],
    ['a flag without its value', ['a', '--rounds'], '--rounds needs a value'],
    ['a flag followed by another flag', ['a', '--case', '--json'], '--case needs a value'],
    ['no rounds', ['a', '--rounds', '0'], '--rounds: expected a whole number >= 1, got "0"'],
    ['fractional rounds', ['a', '--rounds', '1.5'], '--rounds: expected a whole number >= 1'],
    ['an unknown case', ['a', '--case', 'nasa'], '--case: unknown bench case "nasa"'],
    ['a negative duration', ['a', '--duration=-5m'], '--duration: expected a positive duration'],
    ['a value that looks like a flag', ['a', '--duration', '-5m'], '--duration needs a value (one that starts with "-" goes as --duration=-…)'],
    ['a value given to --json', ['a', '--json=yes'], '--json takes no value'],
    ['a duration without unit or number', ['a', '--duration', 'soon'], 'got "soon"'],
  ])('refuses %s', (_name, argv, message) => {
    const o = parseSideBySideArgs(argv);
    expect(typeof o).toBe('string');
    expect(o).toContain(message);
  });
});

const run = (runSeconds: number, events = 100, peakRssMiB = 80): { runSeconds: number; cpuSeconds: number; events: number; peakRssMiB: number } => ({ runSeconds, cpuSeconds: runSeconds, events, peakRssMiB });

describe('summarizeRounds', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('compares the medians, lists each round ratio lowest first, and checks the events agree', () => {
    const rounds: SideBySideRound[] = [
      { first: 'base', base: run(10), this: run(8) },
      { first: 'this', base: run(12), this: run(9) },
      { first: 'base', base: run(8), this: run(10) },
    ];
    const s = summarizeRounds(rounds);
    expect(s).toMatchObject({ rounds: 3, baseMedianRunSeconds: 10, thisMedianRunSeconds: 9, ratio: 0.9, sameEvents: true });
    expect(s.roundRatios).toEqual([0.75, 0.8, 1.25]);
    expect(summarizeRounds([{ first: 'base', base: run(1, 100), this: run(1, 101) }]).sameEvents).toBe(false);
  });

  it('gives the median peak RSS of each side (a memory change shows even when the outputs are the same)', () => {
    const s = summarizeRounds([
      { first: 'base', base: run(1, 100, 87), this: run(1, 100, 116) },
      { first: 'this', base: run(1, 100, 86), this: run(1, 100, 114) },
      { first: 'base', base: run(1, 100, 88), this: run(1, 100, 115) },
    ]);
    expect([s.baseMedianPeakRssMiB, s.thisMedianPeakRssMiB]).toEqual([87, 115]);
  });
});

describe('npm run bench:ab', () => {
  const SCRIPT = join(ROOT, 'dist', 'bench', 'side-by-side.js');

  it('runs this build against a folder holding a build, side by side, and reports both runs', () => {
    const r = spawnSync(process.execPath, [SCRIPT, ROOT, '--case', 'nasa-1d-looped', '--rounds', '1', '--json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rounds: SideBySideRound[]; summary: { sameEvents: boolean; ratio: number } };
    expect(out.rounds).toHaveLength(1);
    // The same build on both sides: the same simulation, event for event.
    expect(out.rounds[0]!.base.events).toBe(13_787);
    expect(out.rounds[0]!.this.events).toBe(13_787);
    expect(out.summary.sameEvents).toBe(true);
    expect(out.summary.ratio).toBeGreaterThan(0);
    for (const side of [out.rounds[0]!.base, out.rounds[0]!.this]) {
      expect(side.runSeconds).toBeGreaterThan(0);
      // A Node process running a day of one workload: tens of MiB, not bytes or GiB.
      expect(side.peakRssMiB).toBeGreaterThan(20);
      expect(side.peakRssMiB).toBeLessThan(1024);
    }
  });

  it('exits 2 with the reason for a folder without a build and for a bad flag', () => {
    const empty = mkdtempSync(join(tmpdir(), 'scalesim-ab-test-'));
    try {
      const r = spawnSync(process.execPath, [SCRIPT, empty], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('holds no build (no dist/engine/run-scenario.js)');
      expect(r.stdout).toBe('');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    const bad = spawnSync(process.execPath, [SCRIPT, ROOT, '--rounds', 'two'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--rounds: expected a whole number >= 1, got "two"');
  });

  it('exits 1 naming the missing module when the other build cannot run the case, with no stack trace', () => {
    const other = mkdtempSync(join(tmpdir(), 'scalesim-ab-test-'));
    try {
      mkdirSync(join(other, 'dist', 'engine'), { recursive: true });
      writeFileSync(join(other, 'dist', 'engine', 'run-scenario.js'), 'export const runScenario = undefined;\n');
      const r = spawnSync(process.execPath, [SCRIPT, other, '--case', 'nasa-1d-looped', '--rounds', '1', '--json'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`the build in ${join(other, 'dist')} has no usable scenario/load-scenario.js`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
