/**
 * The files a finished sweep writes, from its identity and its rows alone (so a single-process
 * sweep and merged shards give the same bytes; nothing here reads a clock):
 *   sweep.csv   one line per setting in index order: index, id, one column per grid path (the
 *               values as written), cost_currency, then compare's columns (cost, served/dropped %,
 *               p50/p95/p99 ms, under-provisioned and pending pod-seconds, cold starts, scale events,
 *               direction changes per hour, replicas, nodes)
 *   pareto.csv  the same columns for the Pareto frontier (./pareto.ts), cheapest first
 *   best.json   with --slo: the cheapest setting meeting it, or the closest one (./slo-answer.ts)
 *   sweep.json  the identity (scenario, fingerprint, grid, seed, duration) and every row
 */
import { comparisonColumns } from '../compare/comparison-table.js';
import { csvLine, type Cell } from '../report/csv-line.js';
import type { ResultsFolder } from '../report/results-folder.js';
import { axisField } from './grid.js';
import { paretoFrontier } from './pareto.js';
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

export function sweepJson(identity: SweepIdentity, rows: readonly SweepRow[]): string {
  const body = {
    scenario: identity.scenario,
    scalesimVersion: identity.scalesimVersion,
    fingerprint: identity.fingerprint,
    seed: identity.seed,
    durationSeconds: identity.durationSeconds,
    ...(identity.workloads !== undefined && identity.workloads !== null ? { workloads: identity.workloads } : {}),
    grid: identity.axes.map((a) => ({ path: a.name, field: axisField(a), values: a.values.map((v) => v.text) })),
    settings: identity.settings,
    rows: rows.map((r) => ({ index: r.index, id: r.id, setting: Object.fromEntries(identity.axes.map((a, i) => [a.name, r.values[i]!])), ...rowFigures(r.row) })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export interface SweepOutputs {
  frontier: SweepRow[];
  answer: SloAnswer | null;
}

/** Writes sweep.csv, pareto.csv, sweep.json and (with an SLO) best.json into `folder`; rows must be complete. */
export function writeSweepOutputs(folder: ResultsFolder, identity: SweepIdentity, rows: readonly SweepRow[], slo: Slo | undefined): SweepOutputs {
  const sorted = [...rows].sort((a, b) => a.index - b.index);
  const frontier = paretoFrontier(sorted);
  folder.writeText('sweep.csv', sweepTable(identity, sorted, sorted));
  folder.writeText('pareto.csv', sweepTable(identity, sorted, frontier));
  folder.writeText('sweep.json', sweepJson(identity, sorted));
  const answer = slo ? answerSlo(identity.axes, sorted, slo) : null;
  if (answer) folder.writeText('best.json', `${JSON.stringify(answer, null, 2)}\n`);
  return { frontier, answer };
}
