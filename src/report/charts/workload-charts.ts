/**
 * Per workload: offered load (a wide line) vs served and dropped load in requests/s, then desired
 * replicas (wide) vs ready replicas and pending pods on the same time axis, so load and the
 * replicas that met it read together, and a line leaving the wide one shows a shortfall.
 */
import { escapeMarkdownText } from '../markdown/markdown-text.js';
import type { ChartContext } from './chart-context.js';
import { joinChartSets, type ChartSet } from './chart-set.js';
import { chartedWorkloads } from './charted-workloads.js';
import { chartName, type ChartLine } from './chart-spec.js';
import { GREEN, LIGHT_BLUE, ORANGE, RED, type SeriesColour } from './palette.js';
import { WIDE_LINE_PX } from './xychart.js';

function line(ctx: ChartContext, column: string, label: string, colour: SeriesColour, wide = false): ChartLine | undefined {
  const values = ctx.values(column);
  return values === undefined ? undefined : { label, colour, values, ...(wide ? { widthPx: WIDE_LINE_PX } : {}) };
}

const hasPeak = (l: ChartLine | undefined): l is ChartLine => l !== undefined && l.values.some((v) => v > 0);

function loadChart(ctx: ChartContext, workload: string): ChartSet {
  const queueWorker = ctx.summary.workloads.find((w) => w.name === workload)?.peakOldestMessageAgeSeconds !== undefined;
  const unit = queueWorker ? 'messages' : 'requests';
  const offered = line(ctx, `${workload}.offered_rps`, 'offered', LIGHT_BLUE, true);
  const served = line(ctx, `${workload}.served_rps`, 'served', GREEN);
  const dropped = line(ctx, `${workload}.dropped_rps`, 'dropped', RED);
  if (!hasPeak(offered) && !hasPeak(served)) return { charts: [], leftOut: [`${escapeMarkdownText(workload)}: load chart left out (no load was offered).`] };
  const lines = [offered, served, hasPeak(dropped) ? dropped : undefined].filter((l): l is ChartLine => l !== undefined);
  return {
    charts: [
      {
        name: chartName('load', workload),
        title: `${workload}: offered vs served load`,
        yAxisLabel: `${unit}/s`,
        timeAxis: ctx.timeAxis,
        timesSeconds: ctx.timesSeconds,
        lines,
        note: queueWorker
          ? `Messages per second, ${ctx.pointNote}: offered is what arrives, served what the consumers take, which runs above the arrivals while they drain a backlog; ready replicas are in the next chart.`
          : `Requests per second, ${ctx.pointNote}; ready replicas are in the next chart.`,
      },
    ],
    leftOut: [],
  };
}

function replicaChart(ctx: ChartContext, workload: string): ChartSet {
  const desired = line(ctx, `${workload}.desired_replicas`, 'desired', LIGHT_BLUE, true);
  const ready = line(ctx, `${workload}.ready_replicas`, 'ready', GREEN);
  const pending = line(ctx, `${workload}.pending_pods`, 'pending pods', ORANGE);
  const lines = [desired, ready, hasPeak(pending) ? pending : undefined].filter((l): l is ChartLine => l !== undefined);
  if (lines.length === 0) return { charts: [], leftOut: [`${escapeMarkdownText(workload)}: replica chart left out (no replica columns).`] };
  return {
    charts: [
      {
        name: chartName('replicas', workload),
        title: `${workload}: desired vs ready replicas`,
        yAxisLabel: 'replicas',
        timeAxis: ctx.timeAxis,
        timesSeconds: ctx.timesSeconds,
        lines,
        note: `Replicas, ${ctx.pointNote}.`,
      },
    ],
    leftOut: [],
  };
}

/** For each charted workload (see charted-workloads.ts), in order: its load chart, then its replica chart. */
export function buildWorkloadCharts(ctx: ChartContext): ChartSet {
  const charted = chartedWorkloads(ctx.summary.workloads, ctx.chartWorkloads);
  const sets = charted.names.flatMap((name) => [loadChart(ctx, name), replicaChart(ctx, name)]);
  return joinChartSets([...sets, { charts: [], leftOut: charted.leftOut }]);
}
