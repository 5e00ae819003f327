/**
 * The charts of one run, in report order: per workload load and replicas, nodes per pool,
 * cumulative cost, backlog. Each builder says what it left out; no timeseries means no charts.
 */
import { makeChartContext, type RunChartInput } from './chart-context.js';
import { joinChartSets, type ChartSet } from './chart-set.js';
import { buildBacklogChart, buildNodeChart } from './cluster-charts.js';
import { buildCostCharts } from './cost-charts.js';
import { buildWorkloadCharts } from './workload-charts.js';

export function buildRunCharts(input: RunChartInput): ChartSet {
  const ctx = makeChartContext(input);
  if (ctx.timesSeconds.length === 0) return { charts: [], leftOut: ['Charts: left out (the run recorded no time series).'] };
  const columns = [...input.series.columns.keys()];
  return joinChartSets([buildWorkloadCharts(ctx), buildNodeChart(ctx, columns), buildCostCharts(ctx), buildBacklogChart(ctx)]);
}
