/**
 * The sweep's terminal text: the Pareto frontier as a table (grid values, cost, p95, served %) and
 * the SLO answer in one sentence — the cheapest setting meeting it, or the closest one and the
 * clauses it misses.
 */
import { padColumns } from '../report/text-columns.js';
import type { GridAxis } from './grid.js';
import type { AnsweredSetting, SloAnswer } from './slo-answer.js';
import { costMeasure, type SweepRow } from './sweep-row.js';

function costText(rows: readonly SweepRow[], r: SweepRow): string {
  if (costMeasure(rows).name === 'cost_total') return `${r.row.costTotal!.toFixed(2)}`;
  return r.row.meanReplicas.toFixed(2);
}

export function formatFrontier(axes: readonly GridAxis[], all: readonly SweepRow[], frontier: readonly SweepRow[]): string {
  const cost = costMeasure(all);
  const currency = all.find((r) => r.row.costCurrency !== null)?.row.costCurrency;
  const costHeader = cost.name === 'cost_total' ? `cost${currency ? ` (${currency})` : ''}` : 'mean replicas (no prices)';
  const header = ['#', ...axes.map((a) => a.name), costHeader, 'p95 ms', 'served %'];
  const body = frontier.map((r) => [String(r.index), ...r.values, costText(all, r), r.row.p95Ms.toFixed(1), r.row.servedPercent.toFixed(3)]);
  const lines = padColumns([header, ...body], (i) => (i <= axes.length ? 'left' : 'right')).map((cells) => cells.join('  ').trimEnd());
  return [`Pareto frontier (lowest ${cost.name === 'cost_total' ? 'cost' : 'mean replicas'}, lowest p95, highest served %): ${frontier.length} of ${all.length} settings`, ...lines].join('\n');
}

function settingText(s: AnsweredSetting): string {
  return `#${s.index} ${Object.entries(s.setting).map(([k, v]) => `${k}=${v}`).join(' ')}`;
}

function figures(s: AnsweredSetting): string {
  const cost = s.row.costTotal !== null ? `cost ${s.row.costTotal.toFixed(2)}${s.row.costCurrency ? ` ${s.row.costCurrency}` : ''}, ` : `mean replicas ${s.row.meanReplicas.toFixed(2)}, `;
  return `${cost}p95 ${s.row.p95Ms.toFixed(1)} ms, served ${s.row.servedPercent.toFixed(3)}%`;
}

export function formatAnswer(answer: SloAnswer): string {
  if (answer.best) return `cheapest setting meeting ${answer.slo}: ${settingText(answer.best)} (${figures(answer.best)}); ${answer.meeting} of ${answer.settings} settings meet it`;
  if (!answer.closest) return `no setting meets ${answer.slo}`;
  return `no setting meets ${answer.slo}; closest: ${settingText(answer.closest)} (${figures(answer.closest)}), missing ${answer.closest.misses.join(', ')}`;
}
