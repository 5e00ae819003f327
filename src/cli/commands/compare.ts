/**
 * `scalesim compare <scenario-dir> --variant <name>=<scenario-dir-or-overrides> …`: runs every
 * variant on the same seed and writes comparison.csv, comparison-workloads.csv, comparison.json and
 * each variant's results (in a subfolder), then prints the comparison table with the best value of
 * each column starred, and, for a few workloads, each workload's figures per variant.
 */
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { scenarioDirArg } from '../scenario-dir-arg.js';
import { bestVariants, comparisonColumns, comparisonCsv, comparisonReportTable, formatComparisonTable } from '../../compare/comparison-table.js';
import { COMPARISON_CSV, COMPARISON_JSON, COMPARISON_SEEDS_CSV, COMPARISON_WORKLOADS_CSV } from '../../compare/output-names.js';
import { runComparison } from '../../compare/run-comparison.js';
import { settleHeapForRun } from '../../launch/run-heap.js';
import { formatProblem, type InputProblem } from '../../errors/user-input-error.js';
import { resolveVariants } from '../../compare/variants.js';
import {
  comparisonWorkloadRows,
  comparisonWorkloadsCsv,
  judgedWorkloadRows,
  comparisonWorkloadsTable,
  formatComparisonWorkloads,
  TERMINAL_WORKLOADS_MAX,
  type ComparisonWorkloadRow,
} from '../../compare/workload-rows.js';
import { parseWorkloadFocus } from '../../compare/workload-focus.js';
import { csvLine } from '../../report/csv-line.js';
import { DEFAULT_CHARTED_WORKLOADS } from '../../report/charts/charted-workloads.js';
import { ChartSeriesRecorder } from '../../report/charts/series-collector.js';
import { DEFAULT_REPORT_FORMATS, resolveReportFormats, writeReport } from '../../report/formats/registry.js';
import { renderComparisonReport } from '../../report/markdown/comparison-report.js';
import { ResultsFolder } from '../../report/results-folder.js';
import { withExitCodes } from '../handle-errors.js';
import { createProgress, type Progress } from '../progress.js';
import { abortResultsOnStop } from '../stop-signals.js';
import { parseChartWorkloadsFlag, parseDurationFlag, parseSeed, safeName } from './run.js';
import type { ComparisonRow } from '../../compare/comparison-row.js';
import { formatSeedSpread, JUDGED_ACROSS_SEEDS, seedRunsCsv, seedSpreadTable } from '../../compare/seed-spread.js';
import { parseSeeds, refuseSeedBesideSeeds } from '../../sweep/seeds-flag.js';

/** comparison.json's part for --seeds: the seeds, what the judged rows are, and every run. */
function acrossSeedsJson(seeds: readonly number[] | undefined, seedRows: readonly ComparisonRow[][] | undefined): object {
  if (seeds === undefined || seedRows === undefined) return {};
  return { seeds, judged: JUDGED_ACROSS_SEEDS, runs: seedRows.flatMap((runs) => runs.map((r, k) => ({ seed: seeds[k]!, ...r }))) };
}

interface CompareFlags {
  variant: string[];
  out?: string;
  seed?: string;
  seeds?: string;
  duration?: string;
  json?: boolean;
  report?: string | false;
  chartWorkloads?: string;
  workload?: string;
  progress?: boolean;
}

export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description('run variants of a scenario on the same trace and seed, and compare cost, SLO figures and scaling behaviour')
    .argument('<scenario-dir>', 'the base scenario (run as variant "base")', scenarioDirArg)
    .requiredOption('--variant <name=spec>', 'a variant: <name>=<scenario-dir> or <name>=<target>:<field.path>=<value>[;…] (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--out <dir>', 'output folder (default: results/<scenario-name>-compare)')
    .option('--seed <n>', 'the seed every variant uses (default: the base scenario seed)')
    .option('--seeds <list>', 'run every variant under each of these seeds, e.g. 1,2,3, 1..5 or 1..5,9, and compare them across the seeds: mean cost, worst-seed p95 and served %, and each figure\'s spread (the first seed\'s run gives the variant folders and the charts)')
    .option('--duration <d>', 'simulated duration for every variant (e.g. 2h, 3d)')
    .option('--json', 'print the comparison as JSON instead of a table')
    .option('--workload <names>', 'the per-variant row reports these workloads only, comma-separated (default: every workload; the per-workload table lists each anyway)')
    .option('--report <formats>', `report formats to write (${DEFAULT_REPORT_FORMATS.join(',')} by default)`)
    .option('--no-report', 'write no report.md / report.html')
    .option('--no-progress', 'no progress bar (one is shown per variant on a terminal)')
    .option('--chart-workloads <n>', `chart at most n workloads one by one in the report, those that fared worst in some variant, or "all" (default ${DEFAULT_CHARTED_WORKLOADS})`)
    .addHelpText(
      'after',
      `
Examples:
  $ scalesim compare scenarios/nginx-hpa-cpu --variant keda=scenarios/nginx-keda-cpu
  $ scalesim compare scenarios/nginx-hpa-cpu --variant keda=scenarios/nginx-keda-cpu --seeds 1..5
  $ scalesim compare scenarios/nginx-hpa-cpu \\
      --variant t50="HorizontalPodAutoscaler/nginx:spec.metrics[0].resource.target.averageUtilization=50" \\
      --variant max5="HorizontalPodAutoscaler/nginx:spec.maxReplicas=5"
  $ scalesim compare scenarios/active-users-eci --variant peak=scenarios/active-users-reserved-peak --variant ca=scenarios/active-users-ca --duration 3d
  $ scalesim compare scenarios/overprovisioning-ca --variant none="Deployment/overprovisioning:spec.replicas=0" --workload web

Overrides set one field of scenario.yaml (target "scenario") or of one manifest object
(target <Kind>/<metadata.name>); the value is YAML. Separate several with ";".
A variant named "base" replaces the unchanged base scenario as the first row. Every
variant is loaded and checked before the first one runs. Every variant runs with one seed (--seed)
and for one duration: variants whose own durations differ need --duration.
Each variant's results go in a folder of its name, so names must differ in more than letter case
and must not be those of the files compare writes beside them (comparison.json, report.md, …).`,
    )
    .action((dir: string, flags: CompareFlags) =>
      withExitCodes(async () => {
        const variants = resolveVariants(dir, flags.variant);
        refuseSeedBesideSeeds(flags.seed, flags.seeds);
        const seed = flags.seed !== undefined ? parseSeed(flags.seed) : undefined;
        const seeds = flags.seeds !== undefined ? parseSeeds(flags.seeds) : undefined;
        const durationSeconds = flags.duration !== undefined ? parseDurationFlag(flags.duration) : undefined;
        const outDir = flags.out ?? join('results', `${safeName(basename(resolve(dir)))}-compare`);
        const formats = flags.report === false ? [] : resolveReportFormats(flags.report ?? DEFAULT_REPORT_FORMATS.join(','));
        const chartWorkloads = flags.chartWorkloads === undefined ? DEFAULT_CHARTED_WORKLOADS : parseChartWorkloadsFlag(flags.chartWorkloads);
        const focus = flags.workload !== undefined ? parseWorkloadFocus(flags.workload) : undefined;
        const folder = new ResultsFolder(outDir);
        let bar: Progress = { update: () => {}, stop: () => {} };
        const removeStopHandler = abortResultsOnStop(folder, { stop: () => bar.stop() });
        const charts = new Map<string, ChartSeriesRecorder>();
        let files: string[];
        let rows;
        let workloadRows: ComparisonWorkloadRow[] = [];
        let notices: string[] = [];
        let seedRows: ComparisonRow[][] | undefined;
        let warnings: InputProblem[] = [];
        try {
          const result = await runComparison(variants, {
            ...(seed !== undefined ? { seed } : {}),
            ...(seeds !== undefined ? { seeds } : {}),
            ...(focus !== undefined ? { workloads: focus } : {}),
            ...(durationSeconds !== undefined ? { durationSeconds } : {}),
            tablesFor: (v) => {
              const recorder = new ChartSeriesRecorder();
              charts.set(v.name, recorder);
              return recorder.tables((name, header) => folder.table(name, header, v.name));
            },
            onVariantStart: (v, i, scenario, s) => {
              // Every variant is loaded by now: the runs' memory stays flat however long they are (run-heap.ts).
              settleHeapForRun();
              bar.stop();
              const ofSeeds = s !== undefined ? `, seed ${s.seed} (${s.index + 1}/${s.count})` : '';
              bar = createProgress(flags.progress !== false && !flags.json, scenario.durationSeconds, `simulating ${v.name} (${i + 1}/${variants.length})${ofSeeds}`);
            },
            onProgress: (_v, t) => bar.update(t),
            onVariantDone: (v, row) => {
              bar.stop();
              if (!flags.json) process.stderr.write(`  ran ${v.name}: served ${row.servedPercent === null ? '— (no request offered)' : `${row.servedPercent}%`}, cost ${row.costTotal === null ? '—' : `${row.costTotal}${row.costCurrency === null ? '' : ` ${row.costCurrency}`}`}\n`);
            },
          });
          rows = result.rows;
          warnings = result.warnings;
          for (const run of result.runs) folder.writeText('summary.json', `${JSON.stringify(run.result.summary, null, 2)}\n`, run.variant.name);
          const table = comparisonCsv(rows);
          folder.writeText(COMPARISON_CSV, [table.header, ...table.rows].map((r) => `${csvLine(r)}\n`).join(''));
          const seedSummaries = result.seedSummaries;
          workloadRows = seedSummaries !== undefined ? result.runs.flatMap((run, i) => judgedWorkloadRows(run.variant.name, seedSummaries[i]!)) : result.runs.flatMap((run) => comparisonWorkloadRows(run.variant.name, run.result.summary));
          if (result.seedRows !== undefined && seeds !== undefined) {
            seedRows = result.seedRows;
            const perSeed = seedRunsCsv(seeds, seedRows);
            folder.writeText(COMPARISON_SEEDS_CSV, [perSeed.header, ...perSeed.rows].map((r) => `${csvLine(r)}\n`).join(''));
          }
          const perWorkload = comparisonWorkloadsCsv(workloadRows);
          folder.writeText(COMPARISON_WORKLOADS_CSV, [perWorkload.header, ...perWorkload.rows].map((r) => `${csvLine(r)}\n`).join(''));
          const best = bestVariants(rows, comparisonColumns(rows));
          folder.writeText(COMPARISON_JSON, `${JSON.stringify({ variants: rows, best, ...(focus !== undefined ? { workloadFocus: focus } : {}), workloads: workloadRows, ...acrossSeedsJson(seeds, seedRows) }, null, 2)}\n`);
          if (formats.length > 0) {
            const report = renderComparisonReport({
              title: `${basename(resolve(dir))}: ${rows.map((r) => r.variant).join(' vs ')}`,
              variants: result.runs.map(({ variant, result: run }) => ({ name: variant.name, summary: run.summary, series: charts.get(variant.name)!.series(), billing: run.built.ledger })),
              table: comparisonReportTable(rows),
              workloadTable: comparisonWorkloadsTable(workloadRows),
              dataFiles: [COMPARISON_CSV, COMPARISON_WORKLOADS_CSV, ...(seedRows !== undefined ? [COMPARISON_SEEDS_CSV] : []), COMPARISON_JSON],
              ...(seeds !== undefined && seedRows !== undefined
                ? {
                    note: `Each variant ran under ${seeds.length} seeds (${seeds.join(', ')}); the tables judge it across them (${JUDGED_ACROSS_SEEDS}); the charts and each variant's folder are of seed ${seeds[0]}.`,
                    seedSpread: { seeds, table: seedSpreadTable(seedRows) },
                  }
                : {}),
              chartWorkloads,
            });
            notices = (await writeReport(report, formats, folder)).notices;
          }
          files = folder.commit();
        } catch (error) {
          folder.abort();
          throw error;
        } finally {
          bar.stop();
          removeStopHandler();
        }
        for (const notice of notices) process.stderr.write(`${notice}\n`);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ variants: rows, best: bestVariants(rows, comparisonColumns(rows)), workloads: workloadRows, ...acrossSeedsJson(seeds, seedRows), out: resolve(outDir), warnings: warnings.map(formatProblem) }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${formatComparisonTable(rows)}\n`);
        if (seeds !== undefined && seedRows !== undefined) process.stdout.write(`${formatSeedSpread(seeds, seedRows)}\n`);
        const workloads = new Set(workloadRows.map((r) => r.workload)).size;
        const about = focus !== undefined ? `the row above reports ${focus.join(', ')} only (--workload)` : "the row above sums pending pod-s and cold starts over them, and shows the busiest one's response times";
        if (workloads > 1 && workloads <= TERMINAL_WORKLOADS_MAX) process.stdout.write(`\nper workload (${about}):\n${formatComparisonWorkloads(workloadRows)}\n`);
        else if (workloads > TERMINAL_WORKLOADS_MAX) process.stdout.write(`per workload: comparison-workloads.csv (${workloads} workloads)\n`);
        const pages = files.map((f) => basename(f)).filter((f) => f === 'report.md' || f === 'report.html');
        const named = [COMPARISON_CSV, COMPARISON_WORKLOADS_CSV, ...(seedRows !== undefined ? [COMPARISON_SEEDS_CSV] : []), COMPARISON_JSON, ...pages, 'one folder per variant'];
        process.stdout.write(`wrote ${files.length} files under ${resolve(outDir)} (${named.join(', ')})\n`);
        // The variants' warnings, as run prints them (each variant's summary.json keeps its own).
        for (const w of warnings) process.stdout.write(`warning: ${formatProblem(w)}\n`);
      }, { json: flags.json }),
    );
}
