/**
 * The command line of `npm run bench:components` (src/bench/components.ts), parsed without side
 * effects: which bench case or scenario folder, for how long, grouped how, how many rows.
 */
import { BENCH_CASES, findBenchCase, type BenchCase } from './cases.js';
import type { ProfileGrouping } from './component-profile.js';
import { parseBenchArgs } from './bench-args.js';
import { parseDurationArg, quickDurationSeconds } from './duration-arg.js';

export interface ComponentsOptions {
  /** A bench case, or a scenario folder (anything that is not a case name). */
  target: { kind: 'case'; case: BenchCase } | { kind: 'folder'; dir: string };
  /** Replaces the scenario's duration (simulated seconds); undefined = its own. */
  durationSeconds: number | undefined;
  by: ProfileGrouping;
  /** Rows to print; undefined = all. */
  top: number | undefined;
  json: boolean;
}

export const COMPONENTS_USAGE = `usage: npm run bench:components -- [CASE|SCENARIO-DIR] [--duration DUR] [--by kind|instance] [--top N] [--json]
  CASE          a bench case (default bench-large): ${BENCH_CASES.map((c) => c.name).join(', ')}
  SCENARIO-DIR  or a scenario folder of your own (its decisions setting applies)
  --duration    simulated time instead of the scenario's own, e.g. 1h, 6h, 3d (default: 1h for bench-large)
  --by          kind: hpa, keda, metrics-server… added up (default); instance: hpa/web, hpa/api… apart
  --top         rows to print (default: all by kind, 20 by instance)
  --json        the rows and the run's figures as JSON
  -h, --help    this text`;

/** The options that take a value. */
export const COMPONENTS_VALUED = ['duration', 'by', 'top'] as const;

/** The options, or what is wrong with the command line (one line, for exit code 2). */
export function parseComponentsArgs(argv: readonly string[]): ComponentsOptions | string {
  const args = parseBenchArgs(argv, COMPONENTS_VALUED);
  if (typeof args === 'string') return args;
  if (args.positionals.length > 1) return `one case or scenario folder only, got ${args.positionals.map((p) => `"${p}"`).join(' and ')}`;
  const name = args.positionals[0];
  const { duration: durationText, top: topText } = args.values;
  const byText = args.values.by ?? 'kind';
  const json = args.json;
  if (byText !== 'kind' && byText !== 'instance') return `--by: expected kind or instance, got "${byText}"`;
  const by: ProfileGrouping = byText;
  let top: number | undefined = by === 'instance' ? 20 : undefined;
  if (topText !== undefined) {
    top = Number(topText);
    if (!Number.isInteger(top) || top < 1) return `--top: expected a whole number >= 1, got "${topText}"`;
  }
  const benchCase = findBenchCase(name ?? 'bench-large');
  const target: ComponentsOptions['target'] = benchCase !== undefined ? { kind: 'case', case: benchCase } : { kind: 'folder', dir: name! };
  let durationSeconds = benchCase !== undefined ? (benchCase.durationSeconds ?? quickDurationSeconds(benchCase.name)) : undefined;
  if (durationText !== undefined) {
    const seconds = parseDurationArg(durationText);
    if (typeof seconds === 'string') return seconds;
    durationSeconds = seconds;
  }
  return { target, durationSeconds, by, top, json };
}
