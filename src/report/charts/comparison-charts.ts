/**
 * Charts of a comparison: one chart per metric with one line per variant (same colour and width
 * for a variant in every chart; earlier variants wider, underneath), all resampled with
 * downsampleMax onto one grid over the longest run.
 */
import type { RunSummary } from '../summary.js';
import { formatSpan } from './chart-context.js';
import { limitLines, type ChartSet } from './chart-set.js';
import { chartName, type ChartLine, type ChartSpec } from './chart-spec.js';
import { chartedWorkloads, DEFAULT_CHARTED_WORKLOADS } from './charted-workloads.js';
import { worstOverVariants } from '../worst-workloads.js';
import { calculateCostCurves, type BillingRecords } from './cost-curve.js';
import { downsampleMax, gridTimesSeconds, MAX_POINTS_PER_SERIES, type BucketGrid } from './downsample.js';
import { escapeMarkdownText } from '../markdown/markdown-text.js';
import { SERIES_PALETTE } from './palette.js';
import { chooseTimeAxis } from './time-axis.js';
import { DEFAULT_LINE_PX } from './xychart.js';
import type { RunSeries } from './time-series.js';

export interface ComparisonVariantInput {
  /** The variant's name, as the comparison table shows it. */
  name: string;
  summary: RunSummary;
  series: RunSeries;
  billing?: BillingRecords;
}

interface Metric {
  name: string;
  title: string;
  yAxisLabel: string;
  /** Values of one variant on the grid, or undefined when it has none. */
  values(v: ComparisonVariantInput, grid: BucketGrid, times: readonly number[]): readonly number[] | undefined;
  /** Drawn only when some value is above 0. */
  onlyIfNonZero: boolean;
}

const columnMetric = (name: string, title: string, yAxisLabel: string, column: string, onlyIfNonZero = false): Metric => ({
  name,
  title,
  yAxisLabel,
  onlyIfNonZero,
  values: (v, grid) => {
    const s = v.series.columns.get(column);
    return s === undefined ? undefined : downsampleMax(s, grid);
  },
});

function costMetric(currency: string): Metric {
  return {
    name: chartName('cost', currency),
    title: `Cumulative cost (${currency})`,
    yAxisLabel: `cost (${currency})`,
    onlyIfNonZero: false,
    values: (v, _grid, times) => {
      const curves = v.billing === undefined ? [] : calculateCostCurves(v.billing, times).filter((c) => c.currency === currency);
      return curves.length === 0 ? undefined : times.map((_, i) => curves.reduce((sum, c) => sum + c.values[i]!, 0));
    },
  };
}

function metrics(variants: readonly ComparisonVariantInput[], workloads: readonly string[]): Metric[] {
  const currencies = [...new Set(variants.flatMap((v) => Object.keys(v.summary.cost.total.cost.byCurrency)))].sort();
  return [
    ...workloads.flatMap((w) => [
      columnMetric(chartName('served', w), `${w}: served load`, 'requests/s', `${w}.served_rps`),
      columnMetric(chartName('dropped', w), `${w}: dropped load`, 'requests/s', `${w}.dropped_rps`, true),
      columnMetric(chartName('replicas', w), `${w}: ready replicas`, 'replicas', `${w}.ready_replicas`),
      columnMetric(chartName('backlog', w), `${w}: backlog`, 'requests waiting', `${w}.backlog_requests`, true),
    ]),
    columnMetric('nodes', 'Nodes (all node pools)', 'nodes', 'nodes'),
    ...currencies.map(costMetric),
  ];
}

/**
 * Variants often share a trace, so their lines coincide: earlier variants get wider lines (drawn
 * under the later ones, e.g. 8, 5, 2 px for three) so that every variant stays visible.
 */
function variantWidth(index: number, count: number): { widthPx?: number } {
  const step = count <= 3 ? 3 : count <= 5 ? 2 : 1.5;
  const px = DEFAULT_LINE_PX + step * (count - 1 - index);
  return px === DEFAULT_LINE_PX ? {} : { widthPx: px };
}

/**
 * One chart per metric that some variant has; a line per variant, in the variants' order. Per
 * workload charts for at most `chartWorkloads` workloads (see charted-workloads.ts).
 */
export function buildComparisonCharts(variants: readonly ComparisonVariantInput[], chartWorkloads = DEFAULT_CHARTED_WORKLOADS): ChartSet {
  const durationSeconds = Math.max(0, ...variants.map((v) => Math.max(v.summary.durationSeconds, v.series.durationSeconds)));
  const longest = Math.max(0, ...variants.flatMap((v) => [...v.series.columns.values()].map((s) => s.timesSeconds.length)));
  if (durationSeconds <= 0 || longest === 0) return { charts: [], leftOut: ['Charts: left out (the variants recorded no time series).'] };
  const grid: BucketGrid = { startSeconds: 0, endSeconds: durationSeconds, bucketCount: Math.min(MAX_POINTS_PER_SERIES, longest) };
  const times = gridTimesSeconds(grid);
  const timeAxis = chooseTimeAxis(durationSeconds);
  const note = `One line per variant; each point is the peak of ${formatSpan(durationSeconds / grid.bucketCount)}.`;
  const charted = chartedWorkloads(worstOverVariants(variants.map((v) => v.summary.workloads)), chartWorkloads);
  const set: ChartSet = { charts: [], leftOut: [...charted.leftOut] };
  for (const metric of metrics(variants, charted.names)) {
    const all: ChartLine[] = variants.flatMap((v, i) => {
      const values = metric.values(v, grid, times);
      return values === undefined ? [] : [{ label: v.name, colour: SERIES_PALETTE[i % SERIES_PALETTE.length]!, values, ...variantWidth(i, variants.length) }];
    });
    if (all.length === 0) continue;
    if (metric.onlyIfNonZero && !all.some((l) => l.values.some((x) => x > 0))) {
      set.leftOut.push(`${escapeMarkdownText(metric.title)}: left out (zero in every variant).`);
      continue;
    }
    const { lines, leftOut } = limitLines(all, escapeMarkdownText(metric.title));
    const chart: ChartSpec = { name: metric.name, title: metric.title, yAxisLabel: metric.yAxisLabel, timeAxis, timesSeconds: times, lines, note };
    set.charts.push(chart);
    set.leftOut.push(...leftOut);
  }
  return set;
}
