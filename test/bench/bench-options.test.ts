/**
 * The command lines of `npm run bench` and `npm run bench:sweep`, and `--help` on all five bench
 * tools: usage on stdout and exit 0; a mistake one line on stderr with the usage, and exit 2.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpWanted } from '../../src/bench/bench-args.js';
import { parseBenchOptions } from '../../src/bench/bench-options.js';
import { BENCH_CASES } from '../../src/bench/cases.js';
import { parseSweepSpeedupOptions } from '../../src/bench/sweep-speedup-options.js';
import { ROOT } from '../helpers/run-cli.js';

describe('helpWanted', () => {
  it.each([
    [['--help'], true],
    [['-h'], true],
    [['nasa-diurnal', '--repeat', '3', '--help'], true],
    [['--bogus', '-h'], true],
    [['--repeat', '-h'], false],
    [['--repeat=3'], false],
    [['help'], false],
    [[], false],
  ])('%j → %s', (argv, wanted) => {
    expect(helpWanted(argv, ['repeat'])).toBe(wanted);
  });
});

describe('parseBenchOptions', () => {
  it('runs every case but those on request, once, as a table, when none is named', () => {
    expect(parseBenchOptions([])).toEqual({ cases: BENCH_CASES.filter((c) => c.onRequest !== true).map((c) => c.name), repeat: 1, json: false });
    expect(BENCH_CASES.some((c) => c.onRequest === true)).toBe(true);
  });

  it('takes cases in the order given, --repeat and --json anywhere', () => {
    expect(parseBenchOptions(['bench-large', '--repeat', '3', 'nasa-diurnal', '--json'])).toEqual({ cases: ['bench-large', 'nasa-diurnal'], repeat: 3, json: true });
    expect(parseBenchOptions(['--repeat=2', 'kafka-lag'])).toEqual({ cases: ['kafka-lag'], repeat: 2, json: false });
  });

  it.each([
    [['nasa'], 'unknown bench case(s): nasa; cases: nasa-diurnal,'],
    [['--help-me'], 'unknown option --help-me'],
    [['--repeat'], '--repeat needs a value'],
    [['--repeat', '0'], '--repeat: expected a whole number from 1 to 20, got "0"'],
    [['--repeat', '21'], '--repeat: expected a whole number from 1 to 20, got "21"'],
    [['--json=yes'], '--json takes no value'],
  ])('%j: %s', (argv, message) => {
    const o = parseBenchOptions(argv);
    expect(typeof o).toBe('string');
    expect(o).toContain(message);
  });
});

describe('parseSweepSpeedupOptions', () => {
  it('defaults to 27 and 270 days, two runs, the cores given', () => {
    expect(parseSweepSpeedupOptions([], 4)).toEqual({ days: [27, 270], repeats: 2, cores: 4 });
  });

  it('takes lengths, runs and cores', () => {
    expect(parseSweepSpeedupOptions(['--days', '27,90', '--repeats', '3', '--cores=2'], 8)).toEqual({ days: [27, 90], repeats: 3, cores: 2 });
  });

  it.each([
    [['--days', ''], '--days: expected whole days separated by commas, e.g. 27,90,270, got ""'],
    [['--days', '27,1.5'], '--days: expected whole days'],
    [['--days', '0'], '--days: expected whole days'],
    [['--repeats', 'three'], '--repeats: expected a whole number >= 1, got "three"'],
    [['--repeats', ''], '--repeats: expected a whole number >= 1, got ""'],
    [['--cores', '0'], '--cores: expected a whole number >= 1, got "0"'],
    [['--workers', '2'], 'unknown option --workers'],
    [['--json'], 'unknown option --json'],
    [['27'], 'no arguments besides the options, got "27"'],
  ])('%j: %s', (argv, message) => {
    const o = parseSweepSpeedupOptions(argv, 2);
    expect(typeof o).toBe('string');
    expect(o).toContain(message);
  });
});

/** Runs a built bench tool (dist/bench/<script>) with `argv`. */
function runBenchTool(script: string, argv: readonly string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', script), ...argv], { encoding: 'utf8', timeout: 30_000 });
}

describe('the bench tools from dist/', () => {
  it.each([
    ['bench', 'main.js', 'usage: npm run bench -- [CASE...]'],
    ['bench:ab', 'side-by-side.js', 'usage: npm run bench:ab -- <base>'],
    ['bench:components', 'components.js', 'usage: npm run bench:components --'],
    ['bench:sweep', 'sweep-speedup.js', 'usage: npm run bench:sweep --'],
    ['bench:generate', 'generate-bench-large.js', 'usage: npm run bench:generate --'],
  ])('%s --help prints its usage and exits 0, running nothing', (_tool, script, usage) => {
    for (const flag of ['--help', '-h']) {
      const r = runBenchTool(script, [flag]);
      expect(r.status).toBe(0);
      expect(r.stdout.startsWith(usage)).toBe(true);
      expect(r.stdout).toContain('-h, --help');
      expect(r.stderr).toBe('');
    }
  });

  it.each([
    ['main.js', ['--repat', '3'], 'bench: unknown option --repat'],
    ['sweep-speedup.js', ['--repeats', 'x'], 'bench:sweep: --repeats: expected a whole number >= 1, got "x"'],
    ['generate-bench-large.js', ['--workloads', '0'], 'bench:generate: --workloads: expected a whole number of workloads from 1 to 100000, got "0"'],
  ])('%s %j: one line and the usage on stderr, exit 2, nothing run', (script, argv, message) => {
    const r = runBenchTool(script, argv);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(r.stderr).toContain('usage: npm run bench');
    expect(r.stdout).toBe('');
  });
});
