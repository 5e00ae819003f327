/**
 * report.md of a sweep (and, through the html format, report.html): what was swept, the SLO
 * answer, the Pareto frontier, one chart per parameter axis and figure showing how that axis moves
 * the p95, the cost (or mean replicas) and, when some setting drops requests, the served share —
 * a line per combination of the other axes (../../sweep/sweep-effects.ts), under a wide grey line
 * at each SLO bound on that figure — and every setting's
 * figures when there are at most EVERY_SETTING_MAX. Built from the sweep's identity and judged
 * settings alone, so merged shards write the same report as the single-process sweep.
 */
import type { ComparisonRow } from '../../compare/comparison-row.js';
import { formatAnswer, frontierHeading, settingsTableRows } from '../../sweep/format-sweep.js';
import type { GridAxis } from '../../sweep/grid.js';
import { inertAxesText } from '../../sweep/inert-axes.js';
import { acrossSeeds, parameterAxes, seedAxisIndex } from '../../sweep/replicates.js';
import type { SloAnswer } from '../../sweep/slo-answer.js';
import { axisEffect, type AxisEffect } from '../../sweep/sweep-effects.js';
import type { SweepIdentity } from '../../sweep/sweep-identity.js';
import { costMeasure, showsWorstP95, type SweepRow } from '../../sweep/sweep-row.js';
import type { CategoryChartSpec } from '../charts/category-chart.js';
import { formatSpan } from '../charts/chart-context.js';
import type { ChartLine } from '../charts/chart-spec.js';
import { LIGHT_GREY, SERIES_PALETTE } from '../charts/palette.js';
import { WIDE_LINE_PX } from '../charts/xychart.js';
import { mermaidFileName, type RenderedReport } from '../formats/report-format.js';
import { formatCategoryChartSection } from './chart-section.js';
import { formatMarkdownTable } from './markdown-table.js';
import { escapeMarkdownText, fileLink } from './markdown-text.js';

/** Settings listed one by one in report.md up to this many; past it, sweep.csv. */
export const EVERY_SETTING_MAX = 50;

export interface SweepReportInput {
  identity: SweepIdentity;
  /** The settings judged (SweepOutputs.settings) and those on the frontier. */
  settings: readonly SweepRow[];
  frontier: readonly SweepRow[];
  answer: SloAnswer | null;
  /** The axes that changed no figure (../../sweep/inert-axes.ts): said once, and given no charts of flat lines. */
  inert: readonly GridAxis[];
  /** The data files beside report.md, to link. */
  dataFiles: readonly string[];
}

interface Figure {
  key: string;
  title: string;
  /** How settings across seeds give it: ` (worst seed)`, ` (mean of seeds)`, or nothing. */
  judged: string;
  unit: string;
  /** The row field an SLO clause on this figure names. */
  field: keyof ComparisonRow;
  /** The setting's figure; null when it has none (a p95 where nothing was served). */
  of: (row: ComparisonRow) => number | null;
  /** Why a setting can lack the figure, for the note on a chart that leaves lines out. */
  lacking?: string;
}

/** Most values an axis lists in the report's first line; past it, the first three, the last two and the count. */
const LISTED_VALUES = 12;

/** An axis's values for the first line: every one up to LISTED_VALUES, else `30, 31, 32, …, 89, 90 (61 values)` (sweep.json lists them all). */
export function valuesText(texts: readonly string[]): string {
  if (texts.length <= LISTED_VALUES) return texts.join(', ');
  return `${[...texts.slice(0, 3), '…', ...texts.slice(-2)].join(', ')} (${texts.length} values)`;
}

function figures(settings: readonly SweepRow[]): Figure[] {
  const seeds = acrossSeeds(settings);
  const cost = costMeasure(settings);
  const currency = settings.find((s) => s.row.costCurrency !== null)?.row.costCurrency ?? '';
  const worst = seeds ? ' (worst seed)' : '';
  const mean = seeds ? ' (mean of seeds)' : '';
  const out: Figure[] = [
    { key: 'p95', title: 'p95 response time', judged: worst, unit: 'ms', field: 'p95Ms', of: (r) => r.p95Ms, lacking: seeds ? 'its busiest workload served no request under some seed' : 'its busiest workload served no request' },
    cost.name === 'cost_total'
      ? { key: 'cost', title: 'cost', judged: mean, unit: currency, field: 'costTotal', of: (r) => r.costTotal }
      : { key: 'replicas', title: 'mean replicas', judged: mean, unit: '', field: 'meanReplicas', of: (r) => r.meanReplicas },
  ];
  // A fleet: the worst workload's p95, where some setting's differs from the busiest workload's.
  if (showsWorstP95(settings)) {
    out.splice(1, 0, { key: 'worst-p95', title: 'worst workload p95', judged: worst, unit: 'ms', field: 'worstP95Ms', of: (r) => r.worstP95Ms, lacking: seeds ? 'no workload served a request under some seed' : 'no workload served a request' });
  }
  if (settings.some((s) => s.row.servedPercent !== null && s.row.servedPercent < 100)) {
    out.push({ key: 'served', title: 'served share', judged: worst, unit: '%', field: 'servedPercent', of: (r) => r.servedPercent, lacking: seeds ? 'no request was offered under any seed' : 'no request was offered' });
  }
  return out;
}

/** The SLO's bounds on `figure` as wide light-grey lines under the settings' lines. */
function sloLines(figure: Figure, answer: SloAnswer | null, categories: number): ChartLine[] {
  return (answer?.clauses ?? [])
    .filter((c) => c.field === figure.field)
    .map((c) => ({ label: `SLO ${c.text}`, colour: LIGHT_GREY, widthPx: WIDE_LINE_PX, values: new Array<number>(categories).fill(c.bound) }));
}

/** The note under a chart whose lines through a setting without the figure were left out (axisEffect draws some line, so there were several). */
function leftOutNote(effect: AxisEffect, figure: Figure): string | undefined {
  if (effect.leftOut === 0) return undefined;
  const why = figure.lacking !== undefined ? ` (${figure.lacking})` : '';
  return `Left out: ${effect.leftOut} of the ${effect.combinations} combinations of the other axes, where a setting has no ${figure.title}${why}.`;
}

function effectChart(effect: AxisEffect, figure: Figure, axisIndex: number, answer: SloAnswer | null): CategoryChartSpec {
  const others = effect.combinations - effect.leftOut;
  const drawn = effect.spread
    ? `The lowest, median and highest over the ${others} combinations of the other axes at each value.`
    : others > 1
      ? 'One line per combination of the other axes.'
      : undefined;
  const notes = [drawn, leftOutNote(effect, figure)].filter((n): n is string => n !== undefined);
  const note = notes.length > 0 ? notes.join(' ') : undefined;
  return {
    name: `axis${axisIndex + 1}-${figure.key}`,
    title: `${figure.title} by ${effect.axis.name}${figure.judged}`,
    xAxisLabel: effect.axis.name,
    categories: effect.categories,
    yAxisLabel: figure.unit === '' ? figure.title : `${figure.title} (${figure.unit})`,
    ...(figure.unit === '%' ? { yCeiling: 100 } : {}),
    lines: [
      ...sloLines(figure, answer, effect.categories.length),
      ...effect.lines.map((l, i) => ({ label: l.label, colour: SERIES_PALETTE[i % SERIES_PALETTE.length]!, values: l.values })),
    ],
    ...(note !== undefined ? { note } : {}),
  };
}


function whatWasSwept(input: SweepReportInput): string {
  const { identity, settings } = input;
  const params = parameterAxes(identity.axes, settings);
  const grid = params.map((a) => `${escapeMarkdownText(a.name)} (${valuesText(a.values.map((v) => escapeMarkdownText(v.text)))})`).join(' × ');
  const seeds = acrossSeeds(settings) ? identity.axes[seedAxisIndex(identity.axes)]!.values.map((v) => v.text) : null;
  const seedText = seeds ? `each under ${seeds.length} seed${seeds.length === 1 ? '' : 's'} (${valuesText(seeds)}), judged across ${seeds.length === 1 ? 'it' : 'them'}` : identity.seed !== null ? `seed ${identity.seed}` : 'the seed of each setting';
  const span = identity.durationSeconds !== null ? `${formatSpan(identity.durationSeconds)} simulated each` : 'the duration of each setting';
  const focus = identity.workloads ? `; figures of ${identity.workloads.map(escapeMarkdownText).join(', ')} only` : '';
  return `${settings.length} setting${settings.length === 1 ? '' : 's'}${grid !== '' ? `: ${grid}` : ''}; ${seedText}; ${span}${focus}.`;
}

export function renderSweepReport(input: SweepReportInput): RenderedReport {
  const { identity, settings, frontier, answer } = input;
  const out: string[] = [`# scalesim sweep: ${escapeMarkdownText(identity.scenario)}`, '', whatWasSwept(input), '', `Data: ${input.dataFiles.map(fileLink).join(' · ')}`, ''];
  if (answer) out.push('## Answer', '', escapeMarkdownText(formatAnswer(answer)), '');
  const table = settingsTableRows(identity.axes, settings, frontier);
  const align = table.header.map((_, i) => (i < table.gridColumns ? ('left' as const) : ('right' as const)));
  out.push('## Pareto frontier', '', `${escapeMarkdownText(frontierHeading(settings, frontier, `The settings no other setting beats on all ${showsWorstP95(settings) ? 'four' : 'three'} at once`))}.`, '', formatMarkdownTable(table.header.map(escapeMarkdownText), table.rows.map((r) => r.map(escapeMarkdownText)), align), '');
  const inert = new Set(input.inert.map((a) => a.name));
  const sections = parameterAxes(identity.axes, settings).flatMap((axis, a) =>
    inert.has(axis.name)
      ? []
      : figures(settings).flatMap((figure) => {
          const effect = axisEffect(identity.axes, settings, a, figure.of, figure.title);
          return effect ? [{ axis, section: formatCategoryChartSection(effectChart(effect, figure, a, answer)) }] : [];
        }),
  );
  const inertText = inertAxesText(input.inert);
  if (sections.length > 0 || inertText !== undefined) {
    out.push('## How each parameter moves the figures', '');
    if (inertText !== undefined) out.push(escapeMarkdownText(inertText), '');
    let axisName = '';
    for (const { axis, section } of sections) {
      if (axis.name !== axisName) out.push(`### ${escapeMarkdownText((axisName = axis.name))}`, '');
      out.push(section.markdown);
    }
    if (sections.length > 0) out.push(`Chart sources (Mermaid): ${sections.map((s) => fileLink(mermaidFileName(s.section.chart.name))).join(' · ')}`, '');
  }
  if (settings.length <= EVERY_SETTING_MAX) {
    const every = settingsTableRows(identity.axes, settings, settings);
    const onFrontier = new Set(frontier.map((s) => s.index));
    out.push('## Every setting', '', formatMarkdownTable([...every.header, 'on the frontier'].map(escapeMarkdownText), every.rows.map((r, i) => [...r.map(escapeMarkdownText), onFrontier.has(settings[i]!.index) ? 'yes' : '']), [...align, 'left']), '');
  } else out.push('## Every setting', '', `${settings.length} settings: see ${acrossSeeds(settings) ? 'settings.csv (and every run in sweep.csv)' : 'sweep.csv'}.`, '');
  return { markdown: `${out.join('\n').trimEnd()}\n`, charts: sections.map((s) => s.section.chart) };
}
