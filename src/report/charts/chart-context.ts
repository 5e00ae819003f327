/**
 * What every chart builder of a run reads: the summary, the downsampled series on one shared time
 * grid, the billing records, the time axis, and the sentence saying what one point stands for.
 */
import type { RunSummary } from '../summary.js';
import { DEFAULT_CHARTED_WORKLOADS } from './charted-workloads.js';
import type { BillingRecords } from './cost-curve.js';
import { downsampleSeries, MAX_POINTS_PER_SERIES } from './downsample.js';
import { chooseTimeAxis, type TimeAxis } from './time-axis.js';
import type { RunSeries, TimeSeries } from './time-series.js';
import { formatSpan } from '../../units/format-span.js';

export interface RunChartInput {
  summary: RunSummary;
  series: RunSeries;
  /** The billing ledger's records; without them (or when empty) the cost chart is left out. */
  billing?: BillingRecords;
  /** The most workloads given load and replica charts (default DEFAULT_CHARTED_WORKLOADS; Infinity for all). */
  chartWorkloads?: number;
}

export interface ChartContext {
  summary: RunSummary;
  billing: BillingRecords | undefined;
  timeAxis: TimeAxis;
  /** The grid every line of the run is drawn on, seconds. */
  timesSeconds: readonly number[];
  /** "one point per 15s" or "each point is the peak of 10m". */
  pointNote: string;
  /** A column's values on the grid; undefined when timeseries.csv has no such column. */
  values(column: string): readonly number[] | undefined;
  /** The most workloads given their own charts. */
  chartWorkloads: number;
}

/** "15s", "10m", "2h30m", "1d" (whole seconds): src/units/format-span.ts, kept here for the report modules that import it. */
export { formatSpan };

export function makeChartContext(input: RunChartInput): ChartContext {
  const downsampled = new Map<string, TimeSeries>();
  for (const [name, s] of input.series.columns) downsampled.set(name, downsampleSeries(s, MAX_POINTS_PER_SERIES));
  const first = downsampled.values().next().value;
  const timesSeconds = first?.timesSeconds ?? [];
  const step = timesSeconds.length > 1 ? timesSeconds[1]! - timesSeconds[0]! : input.summary.outputIntervalSeconds;
  const interval = input.summary.outputIntervalSeconds;
  const pointNote =
    step <= interval * 1.0001 ? `one point per ${formatSpan(interval)}` : `each point is the peak of ${formatSpan(step)} (${formatSpan(interval)} samples)`;
  return {
    summary: input.summary,
    billing: input.billing,
    timeAxis: chooseTimeAxis(input.summary.durationSeconds),
    timesSeconds,
    pointNote,
    values: (column) => downsampled.get(column)?.values,
    chartWorkloads: input.chartWorkloads ?? DEFAULT_CHARTED_WORKLOADS,
  };
}
