/**
 * The command line of `npm run bench:sweep` (src/bench/sweep-speedup.ts), parsed without side
 * effects: the setting lengths, the runs of each worker count, the cores to use. Its mistakes are
 * one line each, for exit code 2 (before, an unreadable --repeats or --cores fell back to the
 * default without a word, and an unknown option was ignored).
 */
import { parseBenchArgs, parseCount } from './bench-args.js';

export interface SweepSpeedupOptions {
  /** Each setting length to time, days. */
  days: number[];
  repeats: number;
  cores: number;
}

/** The bundled scenario's own length (its trace, unlooped) and the default lengths. */
export const SCENARIO_DAYS = 27;
const DEFAULT_DAYS = [SCENARIO_DAYS, 270];

export const SWEEP_SPEEDUP_USAGE = `usage: npm run bench:sweep -- [--days D,D…] [--repeats N] [--cores N]
  --days       setting lengths, whole days separated by commas; past ${SCENARIO_DAYS} the trace loops (default ${DEFAULT_DAYS.join(',')})
  --repeats    runs of each worker count at each length (default 2)
  --cores      the worker count set against one worker (default: this machine's available parallelism)
  -h, --help   this text`;

/** The options that take a value. */
export const SWEEP_SPEEDUP_VALUED = ['days', 'repeats', 'cores'] as const;

/** The options (`availableCores` the default for --cores), or what is wrong with the command line. */
export function parseSweepSpeedupOptions(argv: readonly string[], availableCores: number): SweepSpeedupOptions | string {
  const args = parseBenchArgs(argv, SWEEP_SPEEDUP_VALUED, false);
  if (typeof args === 'string') return args;
  if (args.positionals.length > 0) return `no arguments besides the options, got ${args.positionals.map((p) => `"${p}"`).join(' ')}`;
  const daysText = args.values.days;
  const days = daysText === undefined ? DEFAULT_DAYS : daysText.split(',').map(Number);
  if (daysText === '' || days.some((d) => !Number.isInteger(d) || d < 1)) return `--days: expected whole days separated by commas, e.g. 27,90,270, got "${daysText}"`;
  const repeats = parseCount('repeats', args.values.repeats, 2);
  if (typeof repeats === 'string') return repeats;
  const cores = parseCount('cores', args.values.cores, availableCores);
  if (typeof cores === 'string') return cores;
  return { days, repeats, cores };
}
