/**
 * The command line of `npm run bench` (src/bench/bench.ts), parsed without side effects: which
 * cases, how many runs of each, table or JSON. Its mistakes are one line each, for exit code 2.
 */
import { parseBenchArgs } from './bench-args.js';
import { BENCH_CASES, findBenchCase } from './cases.js';
import { parseRepeat } from './repeat.js';

export interface BenchOptions {
  /** The cases to run, in the order given; none named: every case not run on request only. */
  cases: string[];
  repeat: number;
  json: boolean;
}

export const BENCH_USAGE = `usage: npm run bench -- [CASE...] [--repeat N] [--json]
  CASE         bench cases to run (default: all but those run on request): ${BENCH_CASES.map((c) => c.name).join(', ')}
  --repeat     runs of each case, 1 to 20: the table shows the median run and the spread (default 1)
  --json       the rows, the baseline and the targets as JSON
  -h, --help   this text`;

/** The options that take a value. */
export const BENCH_VALUED = ['repeat'] as const;

/** The options, or what is wrong with the command line. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | string {
  const args = parseBenchArgs(argv, BENCH_VALUED);
  if (typeof args === 'string') return args;
  const repeat = args.values.repeat === undefined ? 1 : parseRepeat(args.values.repeat);
  if (typeof repeat === 'string') return repeat;
  const unknown = args.positionals.filter((n) => findBenchCase(n) === undefined);
  if (unknown.length > 0) return `unknown bench case(s): ${unknown.join(', ')}; cases: ${BENCH_CASES.map((c) => c.name).join(', ')}`;
  const cases = args.positionals.length > 0 ? args.positionals : BENCH_CASES.filter((c) => c.onRequest !== true).map((c) => c.name);
  return { cases, repeat, json: args.json };
}
