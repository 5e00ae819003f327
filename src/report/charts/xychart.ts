/**
 * Mermaid `xychart-beta` text for a chart spec, in the syntax GitHub's Mermaid renders: an init
 * directive for the line colours, size and line widths, a quoted title, a numeric time axis
 * (points are spread evenly over it), a y-axis from 0 to a nice maximum, one `line [...]` per series.
 */
import { nice } from 'd3-array';
import { escapeMarkdownText } from '../markdown/markdown-text.js';
import type { ChartSpec } from './chart-spec.js';

/** Drawing size of every chart, px. */
export const CHART_WIDTH_PX = 900;
export const CHART_HEIGHT_PX = 420;

/** Mermaid's line width; wider lines are set through themeCSS, which GitHub's Mermaid reads too. */
export const DEFAULT_LINE_PX = 2;
/** A reference line under the others ("wide" in the legend). */
export const WIDE_LINE_PX = 7;

const widthOf = (l: ChartSpec['lines'][number]): number => l.widthPx ?? DEFAULT_LINE_PX;

/** Widest first, so that narrower lines are drawn over them (stable); colours follow this order. */
export function drawingOrder(lines: ChartSpec['lines']): ChartSpec['lines'] {
  return [...lines].sort((a, b) => widthOf(b) - widthOf(a));
}

/** A number as Mermaid's grammar reads it: plain decimals (no exponent), 4 significant digits unless told. */
export function formatChartNumber(value: number, significantDigits = 4): string {
  if (!Number.isFinite(value) || Math.abs(value) < 1e-6) return '0';
  const rounded = Number(value.toPrecision(significantDigits));
  const text = String(rounded);
  return text.includes('e') ? BigInt(Math.round(rounded)).toString() : text;
}

/**
 * The y-axis range: 0 to a nice round value above the peak (1 when everything is 0); for counts
 * (every value whole) the top is a whole number too.
 */
export function yAxisRange(lines: ChartSpec['lines']): [number, number] {
  let peak = 0;
  let whole = true;
  for (const l of lines) {
    for (const v of l.values) {
      if (v > peak) peak = v;
      if (!Number.isInteger(v)) whole = false;
    }
  }
  if (!(peak > 0)) return [0, 1];
  const [, top] = nice(0, peak * (whole ? 1.1 : 1.05), 10);
  return [0, whole ? Math.ceil(top) : top];
}

/** A title or label as Mermaid's grammar takes it: double-quoted, on one line. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/\s*[\r\n]+\s*/g, ' ')}"`;
}

/** The init directive: the lines' colours in drawing order, the wide ones' widths, the chart's size. */
export function chartInitDirective(lines: ChartSpec['lines']): string {
  const wide = lines.flatMap((l, i) => (widthOf(l) !== DEFAULT_LINE_PX ? [`.line-plot-${i} path{stroke-width:${widthOf(l)}px}`] : []));
  const init = {
    theme: 'default',
    ...(wide.length > 0 ? { themeCSS: wide.join(' ') } : {}),
    themeVariables: { xyChart: { plotColorPalette: lines.map((l) => l.colour.hex).join(', ') } },
    xyChart: { width: CHART_WIDTH_PX, height: CHART_HEIGHT_PX },
  };
  return `%%{init: ${JSON.stringify(init)}}%%`;
}

/**
 * Mermaid spreads a line's points evenly over the x range, so the axis runs from the first point's
 * time to the last's and every point sits at its own time. No point is made up at 0 when the first
 * sample closes the first interval: the run's state at 0 is not the first sample's (a cumulative
 * cost is 0 there, the replicas are the initial count), so the axis starts at the first sample.
 * A lone point (Mermaid needs two) is drawn flat over its interval, from 0 to its time.
 */
function xRange(times: readonly number[]): [number, number] {
  const first = times[0] ?? 0;
  if (times.length >= 2) return [first, times[times.length - 1]!];
  return first > 0 ? [0, first] : [first, first + 1];
}

/** The Mermaid definition of the chart. */
export function formatXyChart(chart: ChartSpec): string {
  const spec = { ...chart, lines: drawingOrder(chart.lines) };
  const { timeAxis } = spec;
  const [first, last] = xRange(spec.timesSeconds.map((t) => t / timeAxis.secondsPerUnit));
  const single = spec.timesSeconds.length < 2;
  const [, yMax] = yAxisRange(spec.lines);
  return [
    chartInitDirective(spec.lines),
    'xychart-beta',
    `  title ${quote(spec.title)}`,
    `  x-axis ${quote(timeAxis.label)} ${formatChartNumber(first)} --> ${formatChartNumber(last)}`,
    `  y-axis ${quote(spec.yAxisLabel)} 0 --> ${formatChartNumber(yMax)}`,
    ...spec.lines.map(({ values }) => `  line [${(single ? [values[0] ?? 0, values[0] ?? 0] : values).map((v) => formatChartNumber(v)).join(', ')}]`),
  ].join('\n');
}

function widthNote(l: ChartSpec['lines'][number]): string {
  const px = widthOf(l);
  return px === DEFAULT_LINE_PX ? '' : px === WIDE_LINE_PX ? ', wide' : `, ${px} px`;
}

/**
 * The legend as one Markdown caption line, in drawing order: "🟦 offered (light blue, wide) · 🟩 served (green)".
 * A line's label can be a name (a pool, a workload, a variant, a sweep setting): it is escaped.
 */
export function formatLegend(spec: Pick<ChartSpec, 'lines'>): string {
  return drawingOrder(spec.lines)
    .map((l) => `${l.colour.swatch} ${escapeMarkdownText(l.label)} (${l.colour.name}${widthNote(l)})`)
    .join(' · ');
}
