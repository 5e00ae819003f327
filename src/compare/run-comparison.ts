/**
 * Runs every variant of a comparison on the same seed (the base scenario's, or --seed) and for the
 * same duration (refused when their own durations differ and --duration sets none; an override of
 * spec.seed is refused), each with its own tables, and builds one comparison row per variant.
 * Every variant is loaded and checked before the first runs. Variants run one after the other; the
 * results of each are fixed by its inputs and the seed, so the same command gives the same numbers.
 */
import type { RunResult } from '../engine/run-scenario.js';
import { runScenarioYielding } from '../engine/run-scenario.js';
import { NullTableSink, type TableSinkFactory } from '../report/table-sink.js';
import type { RunSummary } from '../report/summary.js';
import { judgedRow } from '../sweep/replicates.js';
import { formatProblem, isUserInputError, UserInputError, type InputProblem } from '../errors/user-input-error.js';
import { loadScenario } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/types.js';
import { disableYamlParseCache, enableYamlParseCache } from '../scenario/yaml/yaml-file.js';
import { comparisonRow, type ComparisonRow } from './comparison-row.js';
import { ScaleEventCounter } from './scale-event-counter.js';
import { checkWorkloadFocus } from './workload-focus.js';
import type { Variant } from './variants.js';
import type { DocumentPatch } from '../scenario/yaml/document-patch.js';
import { formatSpan } from '../units/format-span.js';

export interface ComparisonResult {
  /** One row per variant: its run's figures, or with several seeds its figures judged across them (../sweep/replicates.ts). */
  rows: ComparisonRow[];
  /** Each variant's run under the (first) seed, with its tables. */
  runs: { variant: Variant; result: RunResult }[];
  /** With several seeds: each variant's row under each seed, in seed order (the first is `runs`'). */
  seedRows?: ComparisonRow[][];
  /** With several seeds: each variant's per-workload rows under each seed. */
  seedSummaries?: RunSummary[][];
  /** The variants' load warnings, each once (most are the base scenario's, shared by every variant). */
  warnings: InputProblem[];
}

export interface ComparisonOptions {
  seed?: number;
  /**
   * --seeds: run every variant under each of these seeds as replicates. The first seed's run keeps
   * its tables (the variant's folder, the report's charts); the others keep their summaries only.
   */
  seeds?: readonly number[];
  durationSeconds?: number;
  /** --workload: the workloads whose figures each row reports (default every workload); each variant must have them. */
  workloads?: readonly string[];
  /** Tables of one variant (e.g. into its subfolder). */
  tablesFor?: (variant: Variant) => TableSinkFactory;
  /** Before each run: the variant, its place (0-based), its scenario (its duration, for a progress bar) and, with --seeds, which seed of how many. */
  onVariantStart?: (variant: Variant, index: number, scenario: Scenario, seed?: { seed: number; index: number; count: number }) => void;
  /** During a variant's run, every chunk of simulated time: the seconds done. */
  onProgress?: (variant: Variant, simulatedSeconds: number) => void;
  onVariantDone?: (variant: Variant, row: ComparisonRow) => void;
}

/** An override of scenario.yaml's spec.seed, which one comparison seed would silently replace. */
function seedOverride(variant: Variant): DocumentPatch | undefined {
  return variant.patches.find((p) => p.target === 'scenario' && p.path.length === 2 && p.path[0] === 'spec' && p.path[1] === 'seed');
}

/**
 * Variants compared side by side must run as long as each other: counts (scale events, direction
 * changes, pod-seconds, cost) over different spans would be starred against each other. Without
 * --duration, variants whose own durations differ are refused, each named with its duration.
 */
function checkSameDuration(variants: readonly Variant[], scenarios: readonly Scenario[], options: ComparisonOptions): void {
  if (options.durationSeconds !== undefined || new Set(scenarios.map((s) => s.durationSeconds)).size <= 1) return;
  const each = variants.map((v, i) => `${v.name} ${formatSpan(scenarios[i]!.durationSeconds)}`).join(', ');
  throw new UserInputError({
    file: '(command line)',
    field: '--variant',
    message: `the variants would run for different durations (${each}): their counts, pod-seconds and costs would not compare`,
    hint: 'give --duration to run every variant for the same time, e.g. --duration 1d',
  });
}

/**
 * Loads every variant before any runs, so that a mistake in the last one is reported at once, with
 * the mistakes of all the others, not after the first ones have run.
 */
async function loadVariants(variants: readonly Variant[], options: ComparisonOptions): Promise<Scenario[]> {
  // Every variant uses one seed: the first variant's scenario seed unless --seed (or --seeds' first) says otherwise.
  let seed = options.seeds?.[0] ?? options.seed;
  const scenarios: Scenario[] = [];
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  for (const variant of variants) {
    const seedPatch = seedOverride(variant);
    if (seedPatch !== undefined) {
      problems.push({
        file: '(command line)',
        field: `--variant ${variant.name}`,
        message: `${seedPatch.text} sets the seed, but a comparison runs every variant with one seed (the same randomness, so the variants differ only in what they change)`,
        hint: 'give --seed to choose that seed for every variant, or compare seeds with scalesim sweep --seeds',
      });
      continue;
    }
    try {
      const scenario = await loadScenario(variant.dir, {
        ...(seed !== undefined ? { seed } : {}),
        ...(options.durationSeconds !== undefined ? { durationSeconds: options.durationSeconds } : {}),
        patches: variant.patches,
      });
      seed ??= scenario.seed;
      if (options.workloads !== undefined) checkWorkloadFocus(options.workloads, scenario, `variant ${variant.name}`);
      scenarios.push(scenario);
    } catch (error) {
      if (!isUserInputError(error)) throw error;
      problems.push(...error.problems);
      warnings.push(...error.warnings);
    }
  }
  if (problems.length > 0) throw new UserInputError(problems, distinctWarnings(warnings));
  checkSameDuration(variants, scenarios, options);
  return scenarios;
}

/** The variants' warnings, each once (most are the base scenario's, shared by every variant), in order. */
function distinctWarnings(warnings: readonly InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const text = formatProblem(w);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** One run of `scenario` as a comparison row (and its summary), its tables as `tables` says. */
async function runOnce(variant: Variant, scenario: Scenario, options: ComparisonOptions, tables: TableSinkFactory | undefined): Promise<{ row: ComparisonRow; result: RunResult }> {
  const counter = new ScaleEventCounter();
  const onProgress = options.onProgress;
  const result = await runScenarioYielding(scenario, { observers: [counter], ...(tables ? { tables } : {}), ...(onProgress ? { onProgress: (t: number) => onProgress(variant, t) } : {}) });
  return { row: comparisonRow(variant.name, variant.description, result.summary, counter, options.workloads), result };
}

export async function runComparison(variants: readonly Variant[], options: ComparisonOptions = {}): Promise<ComparisonResult> {
  // The variants load the same files: parse them once, and let the parses go before the runs.
  enableYamlParseCache();
  let scenarios;
  try {
    scenarios = await loadVariants(variants, options);
  } finally {
    disableYamlParseCache();
  }
  const seeds = options.seeds !== undefined && options.seeds.length > 1 ? options.seeds : undefined;
  const rows: ComparisonRow[] = [];
  const runs: ComparisonResult['runs'] = [];
  const seedRows: ComparisonRow[][] = [];
  const seedSummaries: RunSummary[][] = [];
  for (const [i, variant] of variants.entries()) {
    const scenario = scenarios[i]!;
    const seedOf = (k: number) => (seeds ? { seed: seeds[k]!, index: k, count: seeds.length } : undefined);
    options.onVariantStart?.(variant, i, scenario, seedOf(0));
    const first = await runOnce(variant, scenario, options, options.tablesFor?.(variant));
    runs.push({ variant, result: first.result });
    if (seeds === undefined) {
      rows.push(first.row);
      options.onVariantDone?.(variant, first.row);
      continue;
    }
    const each = [first.row];
    const summaries = [first.result.summary];
    for (let k = 1; k < seeds.length; k++) {
      const seeded: Scenario = { ...scenario, seed: seeds[k]! };
      options.onVariantStart?.(variant, i, seeded, seedOf(k));
      const next = await runOnce(variant, seeded, options, (_name, header) => new NullTableSink(header));
      each.push(next.row);
      summaries.push(next.result.summary);
    }
    const row = { ...judgedRow(each), variant: variant.name, description: variant.description };
    rows.push(row);
    seedRows.push(each);
    seedSummaries.push(summaries);
    options.onVariantDone?.(variant, row);
  }
  return { rows, runs, ...(seeds ? { seedRows, seedSummaries } : {}), warnings: distinctWarnings(scenarios.flatMap((s) => s.warnings)) };
}
