/**
 * The files a finished sweep writes, from its identity and its rows alone (so a single-process
 * sweep and merged shards give the same bytes; nothing here reads a clock):
 *   sweep.csv   one line per setting in index order: index, id, one column per grid path (the
 *               values as written), cost_currency, then compare's columns (cost, served/dropped %,
 *               p50/p95/p99 ms, under-provisioned and pending pod-seconds, cold starts, scale events,
 *               direction changes per hour, replicas, nodes)
 *   pareto.csv  the same columns for the Pareto frontier (./pareto.ts), cheapest first
 *   best.json   with --slo: the cheapest setting meeting it, or the closest one (./slo-answer.ts)
 *   sweep.json  the identity (scenario, fingerprint, grid, seed, duration), the axes that changed
 *               no figure (./inert-axes.ts) and every row
 * When the grid varies the seed (--seeds), the runs of a setting are its replicates (./replicates.ts):
 *   settings.csv  one line per setting (the other axes): its seeds, then each of compare's figures
 *                 as <key>_mean, <key>_min, <key>_max over the seeds (empty when a seed lacks the
 *                 figure; served/dropped % over the seeds offered requests, empty when none was)
 *   pareto.csv    the frontier of those settings, in settings.csv's columns
 *   best.json     judged across seeds; sweep.json adds the settings with their judged figures
 * and, in the report formats asked for, report.md / report.html (../report/markdown/sweep-report.ts).
 */
import { comparisonColumns } from '../compare/comparison-table.js';
import { csvLine, type Cell } from '../report/csv-line.js';
import type { ResultsFolder } from '../report/results-folder.js';
import { axisField, type GridAxis } from './grid.js';
import { writeReport, type WrittenReport } from '../report/formats/registry.js';
import type { ReportFormat } from '../report/formats/report-format.js';
import { renderSweepReport } from '../report/markdown/sweep-report.js';
import { inertAxes } from './inert-axes.js';
import { paretoFrontier } from './pareto.js';
import { acrossSeeds, parameterAxes, seedAxisIndex, seedMean, settingsAcrossSeeds, spreadValues, type SettingAcrossSeeds } from './replicates.js';
import { answerSlo, type SloAnswer } from './slo-answer.js';
import type { Slo } from './slo.js';
import type { SweepIdentity } from './sweep-identity.js';
import { rowFigures, type SweepRow } from './sweep-row.js';

export function sweepTable(identity: SweepIdentity, all: readonly SweepRow[], rows: readonly SweepRow[]): string {
  const columns = comparisonColumns(all.map((r) => r.row));
  const header = ['index', 'id', ...identity.axes.map((a) => a.name), 'cost_currency', ...columns.map((c) => c.key)];
  const lines: Cell[][] = rows.map((r) => [r.index, r.id, ...r.values, r.row.costCurrency ?? '', ...columns.map((c) => c.value(r.row) ?? '')]);
  return [header, ...lines].map((l) => `${csvLine(l)}\n`).join('');
}

/** settings.csv's text (and, with `shown` the frontier, pareto.csv's) for settings judged across seeds. */
export function settingsTable(identity: SweepIdentity, all: readonly SettingAcrossSeeds[], shown: readonly SettingAcrossSeeds[]): string {
  const columns = comparisonColumns(all.flatMap((s) => s.runs.map((r) => r.row)));
  const stats = ['mean', 'min', 'max'] as const;
  const header = ['setting', 'id', ...parameterAxes(identity.axes, all).map((a) => a.name), 'seeds', 'cost_currency', ...columns.flatMap((c) => stats.map((s) => `${c.key}_${s}`))];
  const lines: Cell[][] = shown.map((s) => {
    const figures = columns.flatMap((c): Cell[] => {
      const values = s.runs.map((r) => c.value(r.row));
      // A share of offered requests is over the seeds offered some; any other figure a seed lacks empties its cells.
      const numbers = spreadValues(values, c.offeredShare === true);
      if (numbers.length === 0) return ['', '', ''];
      return [seedMean(numbers), Math.min(...numbers), Math.max(...numbers)];
    });
    return [s.index, s.id, ...s.values, s.seeds.join(' '), s.row.costCurrency ?? '', ...figures];
  });
  return [header, ...lines].map((l) => `${csvLine(l)}\n`).join('');
}

function settingsJson(identity: SweepIdentity, settings: readonly SettingAcrossSeeds[]): object {
  const others = parameterAxes(identity.axes, settings);
  return {
    seedAxis: identity.axes[seedAxisIndex(identity.axes)]!.name,
    judged: 'costTotal, costByClass, meanReplicas and meanNodes: the mean over the seeds; every other figure: the worst seed\'s (servedPercent and droppedPercent: of the seeds offered a request)',
    settings: settings.map((s) => ({ index: s.index, id: s.id, setting: Object.fromEntries(others.map((a, i) => [a.name, s.values[i]!])), seeds: s.seeds, runs: s.runs.map((r) => r.index), ...rowFigures(s.row) })),
  };
}

export function sweepJson(identity: SweepIdentity, rows: readonly SweepRow[], settings: readonly SweepRow[] = rows, inert: readonly GridAxis[] = inertAxes(identity.axes, rows)): string {
  const body = {
    scenario: identity.scenario,
    scalesimVersion: identity.scalesimVersion,
    fingerprint: identity.fingerprint,
    seed: identity.seed,
    durationSeconds: identity.durationSeconds,
    ...(identity.workloads !== undefined && identity.workloads !== null ? { workloads: identity.workloads } : {}),
    grid: identity.axes.map((a) => ({ path: a.name, field: axisField(a), values: a.values.map((v) => v.text) })),
    settings: identity.settings,
    inertAxes: inert.map((a) => a.name),
    rows: rows.map((r) => ({ index: r.index, id: r.id, setting: Object.fromEntries(identity.axes.map((a, i) => [a.name, r.values[i]!])), ...rowFigures(r.row) })),
    ...(acrossSeeds(settings) ? { acrossSeeds: settingsJson(identity, settings) } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export interface SweepOutputs {
  /** The settings judged: the rows, or the settings across seeds when the grid varies the seed. */
  settings: SweepRow[];
  frontier: SweepRow[];
  answer: SloAnswer | null;
  /** The grid axes that changed no figure of any run (./inert-axes.ts). */
  inert: GridAxis[];
}

/** Writes sweep.csv, pareto.csv, sweep.json, (seeds varied) settings.csv and (with an SLO) best.json into `folder`; rows must be complete. */
export function writeSweepOutputs(folder: ResultsFolder, identity: SweepIdentity, rows: readonly SweepRow[], slo: Slo | undefined): SweepOutputs {
  const sorted = [...rows].sort((a, b) => a.index - b.index);
  const settings = settingsAcrossSeeds(identity.axes, sorted);
  folder.writeText('sweep.csv', sweepTable(identity, sorted, sorted));
  let frontier: SweepRow[];
  if (acrossSeeds(settings)) {
    const judged = paretoFrontier(settings);
    frontier = judged;
    folder.writeText('settings.csv', settingsTable(identity, settings, settings));
    folder.writeText('pareto.csv', settingsTable(identity, settings, judged));
  } else {
    frontier = paretoFrontier(settings);
    folder.writeText('pareto.csv', sweepTable(identity, sorted, frontier));
  }
  const inert = inertAxes(identity.axes, sorted);
  folder.writeText('sweep.json', sweepJson(identity, sorted, settings, inert));
  const answer = slo ? answerSlo(identity.axes, settings, slo) : null;
  if (answer) folder.writeText('best.json', `${JSON.stringify(answer, null, 2)}\n`);
  return { settings, frontier, answer, inert };
}

/** The data files writeSweepOutputs wrote, in the order the closing line and the report name them. */
export function dataFiles(outputs: SweepOutputs): string[] {
  return ['sweep.csv', ...(acrossSeeds(outputs.settings) ? ['settings.csv'] : []), 'pareto.csv', 'sweep.json', ...(outputs.answer ? ['best.json'] : [])];
}

/** Writes the sweep's report in each format into `folder` (after writeSweepOutputs, before the folder is committed). */
export function writeSweepReport(folder: ResultsFolder, identity: SweepIdentity, outputs: SweepOutputs, formats: readonly ReportFormat[]): Promise<WrittenReport> {
  const report = renderSweepReport({ identity, settings: outputs.settings, frontier: outputs.frontier, answer: outputs.answer, inert: outputs.inert, dataFiles: dataFiles(outputs) });
  return writeReport(report, formats, folder);
}

/** The closing line's list: the data files, then report.md and report.html when written (their .mmd sources left out). */
export function writtenFiles(outputs: SweepOutputs, report?: WrittenReport): string {
  const pages = (report?.files ?? []).filter((f) => f === 'report.md' || f === 'report.html');
  return [...dataFiles(outputs), ...pages].join(', ');
}

/** The frontier as --json prints it: settings across seeds name their runs by index. */
export function frontierJson(outputs: SweepOutputs): unknown[] {
  return outputs.frontier.map((r) => ('runs' in r ? { ...r, runs: (r as SettingAcrossSeeds).runs.map((run) => run.index) } : r));
}

/** The outputs as sweep's and merge's --json print them: the frontier, the SLO answer and the axes that changed nothing. */
export function outputsJson(outputs: SweepOutputs): { frontier: unknown[]; best: SloAnswer | null; inertAxes: string[] } {
  return { frontier: frontierJson(outputs), best: outputs.answer, inertAxes: outputs.inert.map((a) => a.name) };
}
