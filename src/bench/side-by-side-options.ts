/**
 * The command line of `npm run bench:ab` (src/bench/side-by-side.ts), parsed without side effects:
 * which build to compare this checkout's with, which bench case, how long, how many rounds.
 */
import { median as d3Median } from 'd3-array';
import { BENCH_CASES, findBenchCase, type BenchCase } from './cases.js';
import { parseBenchArgs, parseCount } from './bench-args.js';
import { parseDurationArg, quickDurationSeconds } from './duration-arg.js';

export interface SideBySideOptions {
  /** A git revision of this repository, or a folder holding another build's dist/. */
  base: string;
  case: BenchCase;
  /** Replaces the case's duration (simulated seconds). */
  durationSeconds: number | undefined;
  rounds: number;
  json: boolean;
}

export const SIDE_BY_SIDE_USAGE = `usage: npm run bench:ab -- <base> [--case NAME] [--duration DUR] [--rounds N] [--json]
  <base>       a git revision of this repository (built in a temporary worktree), or a folder
               whose dist/ holds another build
  --case       a bench case (default bench-large): ${BENCH_CASES.map((c) => c.name).join(', ')}
  --duration   simulated time instead of the case's own, e.g. 1h, 6h, 3d (default: 1h for bench-large)
  --rounds     rounds of the two builds at once, one per core (default 3)
  --json       the rounds and the summary as JSON
  -h, --help   this text`;

/** The options that take a value. */
export const SIDE_BY_SIDE_VALUED = ['case', 'duration', 'rounds'] as const;

/** The options, or what is wrong with the command line (one line, for exit code 2). */
export function parseSideBySideArgs(argv: readonly string[]): SideBySideOptions | string {
  const args = parseBenchArgs(argv, SIDE_BY_SIDE_VALUED);
  if (typeof args === 'string') return args;
  if (args.positionals.length > 1) return `one base only, got ${args.positionals.map((p) => `"${p}"`).join(' and ')}`;
  const base = args.positionals[0];
  const caseName = args.values.case ?? 'bench-large';
  const durationText = args.values.duration;
  const json = args.json;
  if (base === undefined) return 'name the build to compare with: a git revision or a folder holding dist/';
  const benchCase = findBenchCase(caseName);
  if (benchCase === undefined) return `--case: unknown bench case "${caseName}"; cases: ${BENCH_CASES.map((c) => c.name).join(', ')}`;
  const rounds = parseCount('rounds', args.values.rounds, 3);
  if (typeof rounds === 'string') return rounds;
  let durationSeconds = quickDurationSeconds(caseName);
  if (durationText !== undefined) {
    const seconds = parseDurationArg(durationText);
    if (typeof seconds === 'string') return seconds;
    durationSeconds = seconds;
  }
  return { base, case: benchCase, durationSeconds, rounds, json };
}

/** One build's run in one round. */
export interface BuildRun {
  runSeconds: number;
  cpuSeconds: number;
  events: number;
  /** The run's process at its peak (the scenario load included). */
  peakRssMiB: number;
}

export interface SideBySideRound {
  /** Which build's process was started first (alternates). */
  first: 'base' | 'this';
  base: BuildRun;
  this: BuildRun;
}

export interface SideBySideSummary {
  rounds: number;
  baseMedianRunSeconds: number;
  thisMedianRunSeconds: number;
  /** this / base of the medians: below 1, this checkout is faster. */
  ratio: number;
  /** Each round's this / base, lowest first. */
  roundRatios: number[];
  /** The two builds processed the same number of events in every round. */
  sameEvents: boolean;
  baseMedianPeakRssMiB: number;
  thisMedianPeakRssMiB: number;
}

/** d3-array's median (the mean of the two middle values for an even count); at least one value. */
export function median(values: readonly number[]): number {
  const m = d3Median(values);
  if (m === undefined) throw new Error('median of no values');
  return m;
}

/** The figures read off the rounds: medians, their ratio, each round's ratio, whether the events agree. */
export function summarizeRounds(rounds: readonly SideBySideRound[]): SideBySideSummary {
  const baseMedianRunSeconds = median(rounds.map((r) => r.base.runSeconds));
  const thisMedianRunSeconds = median(rounds.map((r) => r.this.runSeconds));
  return {
    rounds: rounds.length,
    baseMedianRunSeconds,
    thisMedianRunSeconds,
    ratio: thisMedianRunSeconds / baseMedianRunSeconds,
    roundRatios: rounds.map((r) => r.this.runSeconds / r.base.runSeconds).sort((a, b) => a - b),
    sameEvents: rounds.every((r) => r.base.events === r.this.events),
    baseMedianPeakRssMiB: median(rounds.map((r) => r.base.peakRssMiB)),
    thisMedianPeakRssMiB: median(rounds.map((r) => r.this.peakRssMiB)),
  };
}
