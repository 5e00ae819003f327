/**
 * The sweep's terminal text: the Pareto frontier as a table (grid values, cost, p95, the worst
 * workload's p95 when it differs from the busiest's somewhere, served %; past
 * FRONTIER_TERMINAL_ROWS rows, its two ends and how many lie between) and
 * the SLO answer in one sentence — the cheapest setting meeting it, or the closest one and the
 * clauses it misses. Settings judged across seeds (./replicates.ts) show the other axes, the mean
 * cost and the worst seed's p95 and served share, and say how many seeds meet the SLO. A setting
 * without a p95 (its busiest workload served no request) or a served % (its workloads were offered
 * no request) shows "—" for it.
 */
import { padColumns } from '../report/text-columns.js';
import type { GridAxis } from './grid.js';
import { inertAxesText } from './inert-axes.js';
import type { SweepOutputs } from './sweep-outputs.js';
import type { AnsweredSetting, SloAnswer } from './slo-answer.js';
import { acrossSeeds, parameterAxes } from './replicates.js';
import { costMeasure, showsWorstP95, type SweepRow } from './sweep-row.js';

/** A response time at one decimal, or "—" for a setting whose busiest workload served no request (null). */
function msText(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : v.toFixed(1);
}

/** A served share at three decimals, or "—" for a setting whose workloads were offered no request (null). */
function percentText(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : v.toFixed(3);
}

function costText(rows: readonly SweepRow[], r: SweepRow): string {
  if (costMeasure(rows).name === 'cost_total') return `${r.row.costTotal!.toFixed(2)}`;
  return r.row.meanReplicas.toFixed(2);
}

/** The judged settings' table (the frontier's, or every setting's): header, one row of texts per setting, and how many leading columns are grid values. */
export function settingsTableRows(axes: readonly GridAxis[], all: readonly SweepRow[], shown: readonly SweepRow[]): { header: string[]; rows: string[][]; gridColumns: number } {
  const cost = costMeasure(all);
  const seeds = acrossSeeds(all);
  const shownAxes = parameterAxes(axes, all);
  const ofSeeds = seeds ? ', mean of seeds' : '';
  const currency = all.find((r) => r.row.costCurrency !== null)?.row.costCurrency;
  const costHeader = cost.name === 'cost_total' ? `cost${currency ? ` (${currency})` : ''}${ofSeeds}` : `mean replicas${ofSeeds} (no prices)`;
  // The worst workload's p95 beside the busiest's, when some setting's differ (a scenario of several workloads).
  const worst = showsWorstP95(all);
  const header = [
    '#',
    ...shownAxes.map((a) => a.name),
    costHeader,
    seeds ? 'p95 ms, worst seed' : 'p95 ms',
    ...(worst ? [seeds ? 'worst workload p95 ms, worst seed' : 'worst workload p95 ms'] : []),
    seeds ? 'served %, worst seed' : 'served %',
  ];
  const rows = shown.map((r) => [String(r.index), ...r.values, costText(all, r), msText(r.row.p95Ms), ...(worst ? [msText(r.row.worstP95Ms)] : []), percentText(r.row.servedPercent)]);
  return { header, rows, gridColumns: 1 + shownAxes.length };
}

/** The frontier's heading line: what it minimizes and, across seeds, how the figures were judged. */
export function frontierHeading(all: readonly SweepRow[], frontier: readonly SweepRow[], lead = 'Pareto frontier'): string {
  const cost = costMeasure(all);
  const seeds = acrossSeeds(all) ? all[0]!.seeds.length : 0;
  const worst = showsWorstP95(all);
  const across = seeds > 0 ? `, each across ${seeds} seed${seeds === 1 ? '' : 's'} (mean ${cost.name === 'cost_total' ? 'cost' : 'replicas'}, the worst seed's p95${worst ? ', worst workload p95' : ''} and served %; settings.csv has each figure's spread)` : '';
  return `${lead} (lowest ${cost.name === 'cost_total' ? 'cost' : 'mean replicas'}, lowest p95${worst ? ', lowest worst workload p95' : ''}, highest served %): ${frontier.length} of ${all.length} settings${across}`;
}

/** Most frontier rows the terminal shows: past it, the cheapest and the fastest half of them, and a line saying how many lie between (pareto.csv has every one). */
export const FRONTIER_TERMINAL_ROWS = 20;

/** `all`: the settings judged (outputs.settings), `frontier` those on the frontier (cheapest first). */
export function formatFrontier(axes: readonly GridAxis[], all: readonly SweepRow[], frontier: readonly SweepRow[]): string {
  const half = FRONTIER_TERMINAL_ROWS / 2;
  const cut = frontier.length > FRONTIER_TERMINAL_ROWS;
  const shown = cut ? [...frontier.slice(0, half), ...frontier.slice(-half)] : frontier;
  const table = settingsTableRows(axes, all, shown);
  const lines = padColumns([table.header, ...table.rows], (i) => (i < table.gridColumns ? 'left' : 'right')).map((cells) => cells.join('  ').trimEnd());
  if (cut) lines.splice(1 + half, 0, `… ${frontier.length - FRONTIER_TERMINAL_ROWS} more settings on the frontier between these (pareto.csv lists every one)`);
  return [frontierHeading(all, frontier), ...lines].join('\n');
}

function settingText(s: AnsweredSetting): string {
  const values = Object.entries(s.setting);
  // A grid over the seed alone has one setting: the scenario as it is.
  return values.length === 0 ? `#${s.index} (the scenario as it is)` : `#${s.index} ${values.map(([k, v]) => `${k}=${v}`).join(' ')}`;
}

function figures(s: AnsweredSetting): string {
  const cost = s.row.costTotal !== null ? `cost ${s.row.costTotal.toFixed(2)}${s.row.costCurrency ? ` ${s.row.costCurrency}` : ''}, ` : `mean replicas ${s.row.meanReplicas.toFixed(2)}, `;
  const p95 = s.row.p95Ms === null || !Number.isFinite(s.row.p95Ms) ? 'p95 — (no request served)' : `p95 ${msText(s.row.p95Ms)} ms`;
  const worst = msText(s.row.worstP95Ms) !== msText(s.row.p95Ms) && s.row.worstP95Ms !== null ? `, worst workload p95 ${msText(s.row.worstP95Ms)} ms (${s.row.worstP95Workload ?? '?'})` : '';
  const served = s.row.servedPercent === null ? 'served — (no request offered)' : `served ${percentText(s.row.servedPercent)}%`;
  return `${cost}${p95}${worst}, ${served}`;
}

function seedsText(s: AnsweredSetting): string {
  return s.seeds ? `; ${s.seedsMeeting} of ${s.seeds.length} seeds meet it` : '';
}

export function formatAnswer(answer: SloAnswer): string {
  const every = answer.best?.seeds ?? answer.closest?.seeds ? ' under every seed' : '';
  if (answer.best) return `cheapest setting meeting ${answer.slo}${every}: ${settingText(answer.best)} (${figures(answer.best)}); ${answer.meeting} of ${answer.settings} settings meet it${every}`;
  if (!answer.closest) return `no setting meets ${answer.slo}`;
  return `no setting meets ${answer.slo}${every}; closest: ${settingText(answer.closest)} (${figures(answer.closest)}${seedsText(answer.closest)}), missing ${answer.closest.misses.join(', ')}`;
}

/** What sweep and merge print of the outputs: the frontier, a note naming the axes that changed nothing, and the SLO answer. */
export function formatSweepResult(axes: readonly GridAxis[], outputs: SweepOutputs): string {
  const inert = inertAxesText(outputs.inert);
  return [formatFrontier(axes, outputs.settings, outputs.frontier), ...(inert !== undefined ? [`note: ${inert}`] : []), ...(outputs.answer ? [formatAnswer(outputs.answer)] : [])].join('\n');
}
