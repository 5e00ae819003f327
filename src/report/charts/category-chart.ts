/**
 * A line chart over named x values (a sweep axis's values, `40, 50, 60, 70`) rather than time, as
 * Mermaid `xychart-beta` draws it with a category x-axis: the same colours, size, legend and init
 * directive as the time charts (./xychart.ts), one `line [...]` per series. The y-axis spans the
 * values' own range, padded and rounded (d3's nice), not 0 to the peak: a sweep's differences
 * (p95 164.5 against 171.0 ms) would vanish against a 0-based axis.
 */
import { nice } from 'd3-array';
import type { ChartLine } from './chart-spec.js';
import { chartInitDirective, drawingOrder, formatChartNumber, quote } from './xychart.js';

export interface CategoryChartSpec {
  /** File-safe identifier, unique in a report: names report-<name>.mmd. */
  name: string;
  title: string;
  /** x-axis title, e.g. the grid path. */
  xAxisLabel: string;
  /** The x values in order, as written. */
  categories: readonly string[];
  /** y-axis title with its unit. */
  yAxisLabel: string;
  /** One value per category each. */
  lines: ChartLine[];
  /** The most the figure can be (100 for a percentage): the axis stops there. */
  yCeiling?: number;
  note?: string;
}

/**
 * The y range: the values' span padded by a tenth on each side (at least 1% of the level), rounded
 * by d3's nice; never below 0 for values ≥ 0, nor above `ceiling` (100 for a percentage) when no
 * value is.
 */
export function categoryYRange(lines: readonly ChartLine[], ceiling = Number.POSITIVE_INFINITY): [number, number] {
  const values = lines.flatMap((l) => [...l.values]).filter((v) => Number.isFinite(v));
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) / 10, Math.abs(high) / 100, 1e-6);
  const [from, to] = nice(low - pad, high + pad, 8);
  return [low >= 0 ? Math.max(0, from) : from, high <= ceiling ? Math.min(ceiling, to) : to];
}

export function formatCategoryChart(chart: CategoryChartSpec): string {
  const lines = drawingOrder(chart.lines);
  const [from, to] = categoryYRange(lines, chart.yCeiling);
  return [
    chartInitDirective(lines),
    'xychart-beta',
    `  title ${quote(chart.title)}`,
    `  x-axis ${quote(chart.xAxisLabel)} [${chart.categories.map(quote).join(', ')}]`,
    `  y-axis ${quote(chart.yAxisLabel)} ${formatChartNumber(from)} --> ${formatChartNumber(to)}`,
    // Six significant digits: a setting's 168.03 ms must not be drawn on an SLO line at 168.
    ...lines.map((l) => `  line [${l.values.map((v) => formatChartNumber(v, 6)).join(', ')}]`),
  ].join('\n');
}
