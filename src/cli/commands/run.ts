/** `scalesim run <scenario-dir>`: load, simulate, write timeseries.csv, decisions.csv, summary.json, the report. */
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { scenarioDirArg } from '../scenario-dir-arg.js';
import { runScenarioYielding } from '../../engine/run-scenario.js';
import type { RunSummary } from '../../report/summary.js';
import { parseDuration } from '../../scenario/duration.js';
import { settleHeapForRun } from '../../launch/run-heap.js';
import { loadScenario, type ScenarioOverrides } from '../../scenario/load-scenario.js';
import { DECISION_DETAILS, type DecisionDetail } from '../../scenario/schema/scenario-schema.js';
import { formatProblem, UserInputError } from '../../errors/user-input-error.js';
import { ResultsFolder } from '../../report/results-folder.js';
import { DEFAULT_CHARTED_WORKLOADS } from '../../report/charts/charted-workloads.js';
import { ChartSeriesRecorder } from '../../report/charts/series-collector.js';
import { DEFAULT_REPORT_FORMATS, resolveReportFormats, writeReport } from '../../report/formats/registry.js';
import { renderRunReport } from '../../report/markdown/run-report.js';
import { withExitCodes } from '../handle-errors.js';
import { abortResultsOnStop } from '../stop-signals.js';
import { printRunSummary } from '../print-summary.js';
import { createProgress } from '../progress.js';
import { MAX_RUN_HINT, MAX_RUN_SECONDS, MAX_RUN_YEARS } from '../../scenario/run-checks.js';

interface RunFlags {
  out?: string;
  seed?: string;
  duration?: string;
  json?: boolean;
  decisions?: string;
  progress?: boolean;
  /** Comma-separated report formats, or false for --no-report. */
  report?: string | false;
  chartWorkloads?: string;
}

/** --seed: decimal digits, 0 to 2^53 − 1 (the whole numbers a JavaScript number holds exactly, as spec.seed). */
export function parseSeed(text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n)) {
    throw new UserInputError({ file: '(command line)', field: '--seed', message: `expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER} in decimal digits, got "${text}"` });
  }
  return n;
}

export function parseDurationFlag(text: string): number {
  let seconds = Number.NaN;
  try {
    seconds = parseDuration(text);
  } catch {
    // reported below
  }
  if (seconds > MAX_RUN_SECONDS) {
    throw new UserInputError({ file: '(command line)', field: '--duration', message: `"${text}" is more than ${MAX_RUN_YEARS} years of simulated time (expected at most ${MAX_RUN_SECONDS} s)`, hint: MAX_RUN_HINT });
  }
  if (seconds >= 1) return seconds;
  if (seconds > 0) {
    throw new UserInputError({
      file: '(command line)',
      field: '--duration',
      message: `"${text}" is ${seconds} s of simulated time: expected at least 1s (controllers act every 10–30 s), such as 90s, 15m, 2h or 27d`,
      hint: /^\s*\d+(\.\d+)?\s*ms\s*$/.test(text) ? `"ms" is milliseconds; minutes are "m", e.g. ${text.replace(/ms\s*$/, 'm')}` : undefined,
    });
  }
  throw new UserInputError({
    file: '(command line)',
    field: '--duration',
    message: `expected a positive duration such as 90s, 15m, 2h or 27d, got "${text}"`,
  });
}

/** --chart-workloads: the most workloads the report charts one by one; `all` for every one. */
export function parseChartWorkloadsFlag(text: string): number {
  if (text === 'all') return Number.POSITIVE_INFINITY;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw new UserInputError({ file: '(command line)', field: '--chart-workloads', message: `expected a number of workloads (a whole number >= 0) or "all", got "${text}"` });
  }
  return n;
}

/** --decisions: which rows decisions.csv keeps (replaces spec.decisions). */
export function parseDecisionsFlag(text: string): DecisionDetail {
  const found = DECISION_DETAILS.find((d) => d === text);
  if (found === undefined) {
    throw new UserInputError({ file: '(command line)', field: '--decisions', message: `expected one of ${DECISION_DETAILS.join(', ')}, got "${text}"` });
  }
  return found;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a scenario folder and write timeseries.csv, decisions.csv, cost.csv, summary.json and the report (report.md, report.html)')
    .argument('<scenario-dir>', 'folder with scenario.yaml and the Kubernetes manifests', scenarioDirArg)
    .option('--out <dir>', 'output folder (default: results/<scenario-name>)')
    .option('--seed <n>', 'override the scenario seed')
    .option('--duration <d>', 'override the simulated duration (e.g. 2h, 3d, 5400s)')
    .option('--json', 'print the summary as JSON instead of a table')
    .option('--decisions <detail>', 'rows decisions.csv keeps: all (every sync), changes (rows that change something) or none; replaces spec.decisions')
    .option('--no-progress', 'do not show a progress bar')
    .option('--report <formats>', 'report formats to write (md: report.md and .mmd charts; html: report.html)', DEFAULT_REPORT_FORMATS.join(','))
    .option('--no-report', 'write no report.md or report.html')
    .option('--chart-workloads <n>', `chart at most n workloads one by one in the report, those that fared worst, or "all" (default ${DEFAULT_CHARTED_WORKLOADS})`)
    .addHelpText(
      'after',
      `
Examples:
  $ scalesim run scenarios/nasa-diurnal
  $ scalesim run scenarios/nginx-hpa-cpu --seed 7 --out /tmp/nginx
  $ scalesim run scenarios/nasa-diurnal --duration 2d --json
  $ scalesim run scenarios/nasa-diurnal --decisions changes
  $ scalesim run scenarios/bench-large --duration 2h --chart-workloads 30`,
    )
    .action((dir: string, flags: RunFlags) =>
      withExitCodes(async () => {
        const overrides: ScenarioOverrides = {};
        if (flags.decisions !== undefined) overrides.decisions = parseDecisionsFlag(flags.decisions);
        if (flags.seed !== undefined) overrides.seed = parseSeed(flags.seed);
        if (flags.duration !== undefined) overrides.durationSeconds = parseDurationFlag(flags.duration);
        const scenario = await loadScenario(dir, overrides);
        // The run's memory then stays flat however long it is (run-heap.ts).
        settleHeapForRun();
        const formats = flags.report === false ? [] : resolveReportFormats(flags.report ?? DEFAULT_REPORT_FORMATS.join(','));
        const chartWorkloads = flags.chartWorkloads === undefined ? DEFAULT_CHARTED_WORKLOADS : parseChartWorkloadsFlag(flags.chartWorkloads);
        const outDir = flags.out ?? join('results', safeName(scenario.name || basename(resolve(dir))));
        const progress = createProgress(flags.progress !== false && !flags.json, scenario.durationSeconds);
        const folder = new ResultsFolder(outDir);
        let summary: RunSummary;
        let files: string[];
        let notices: string[] = [];
        const charts = new ChartSeriesRecorder();
        const removeStopHandler = abortResultsOnStop(folder, progress);
        try {
          const tables = charts.tables((name, header) => folder.table(name, header));
          const result = await runScenarioYielding(scenario, { tables, onProgress: (t) => progress.update(t) });
          folder.writeText('summary.json', `${JSON.stringify(result.summary, null, 2)}\n`);
          progress.stop();
          if (formats.length > 0) {
            const report = renderRunReport({ summary: result.summary, series: charts.series(), billing: result.built.ledger, chartWorkloads });
            notices = (await writeReport(report, formats, folder)).notices;
          }
          files = folder.commit();
          summary = result.summary;
        } catch (error) {
          folder.abort();
          throw error;
        } finally {
          progress.stop();
          removeStopHandler();
        }
        for (const notice of notices) process.stderr.write(`${notice}\n`);
        if (flags.json) process.stdout.write(`${JSON.stringify({ summary, files }, null, 2)}\n`);
        // The warnings as validate prints them (file:line:column from here); summary.json keeps them relative to the scenario.
        else printRunSummary(summary, files, scenario.warnings.map(formatProblem));
      }, { json: flags.json }),
    );
}

/** A file-system-safe folder name from a scenario name. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return cleaned.length > 0 ? cleaned.slice(0, 100) : 'scenario';
}
