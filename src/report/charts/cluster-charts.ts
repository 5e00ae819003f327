/**
 * Cluster-wide charts of a run: nodes per pool labelled with the pool's capacity class (virtual
 * pools count their pods), and the backlog of every workload and standalone queue.
 */
import { CAPACITY_CLASS_LABELS } from '../cost/cost-rows.js';
import type { ChartContext } from './chart-context.js';
import { limitLines, type ChartSet } from './chart-set.js';
import type { ChartLine } from './chart-spec.js';
import { SERIES_PALETTE } from './palette.js';


/** Pool columns in timeseries.csv order: `<pool>.nodes` and `<pool>.virtual_pods`. */
function poolColumns(columns: readonly string[]): { pool: string; column: string; virtual: boolean }[] {
  const out: { pool: string; column: string; virtual: boolean }[] = [];
  for (const column of columns) {
    if (column.endsWith('.virtual_pods')) out.push({ pool: column.slice(0, -'.virtual_pods'.length), column, virtual: true });
    else if (column.endsWith('.nodes')) out.push({ pool: column.slice(0, -'.nodes'.length), column, virtual: false });
  }
  return out;
}

function colourLines(entries: { label: string; values: readonly number[] }[]): ChartLine[] {
  return entries.map((e, i) => ({ ...e, colour: SERIES_PALETTE[i % SERIES_PALETTE.length]! }));
}

/** Nodes per pool over time; `columns` are the run's timeseries column names. */
export function buildNodeChart(ctx: ChartContext, columns: readonly string[]): ChartSet {
  const classOf = new Map(ctx.summary.cost.pools.map((p) => [p.pool, p.capacityClass]));
  const entries = poolColumns(columns).flatMap(({ pool, column, virtual }) => {
    const values = ctx.values(column);
    const cls = classOf.get(pool);
    const kind = cls !== undefined && cls !== 'total' ? CAPACITY_CLASS_LABELS[cls] : virtual ? 'virtual' : 'unpriced';
    return values === undefined ? [] : [{ label: `${pool} ${virtual ? 'pods' : 'nodes'}, ${kind}`, values }];
  });
  if (entries.length === 0) return { charts: [], leftOut: ['Nodes per pool: left out (the scenario has no node pool).'] };
  const anyVirtual = poolColumns(columns).some((p) => p.virtual);
  const { lines, leftOut } = limitLines(colourLines(entries), 'Nodes per pool');
  return {
    charts: [
      {
        name: 'nodes',
        title: 'Nodes per pool and capacity class',
        yAxisLabel: anyVirtual ? 'nodes / virtual pods' : 'nodes',
        timeAxis: ctx.timeAxis,
        timesSeconds: ctx.timesSeconds,
        lines,
        note: `Nodes in each pool (a virtual pool: the pods on its virtual node), ${ctx.pointNote}.`,
      },
    ],
    leftOut,
  };
}

/** Requests waiting per workload and messages waiting per standalone queue, when any waited. */
export function buildBacklogChart(ctx: ChartContext): ChartSet {
  const candidates = [
    // A queue worker's backlog is messages (its summary has their oldest age), another workload's requests.
    ...ctx.summary.workloads.map((w) => ({ label: `${w.name} (${w.peakOldestMessageAgeSeconds !== undefined ? 'messages' : 'requests'})`, values: ctx.values(`${w.name}.backlog_requests`) })),
    ...ctx.summary.keda.queues.map((q) => ({ label: `${q.name} (messages)`, values: ctx.values(`${q.name}.queue_messages`) })),
  ];
  const entries = candidates.filter((c): c is { label: string; values: readonly number[] } => c.values?.some((v) => v > 0) === true);
  if (entries.length === 0) return { charts: [], leftOut: ['Backlog: left out (no request or message waited during the run).'] };
  const { lines, leftOut } = limitLines(colourLines(entries), 'Backlog');
  return {
    charts: [
      {
        name: 'backlog',
        title: 'Backlog: requests and messages waiting',
        yAxisLabel: 'requests or messages waiting',
        timeAxis: ctx.timeAxis,
        timesSeconds: ctx.timesSeconds,
        lines,
        note: `Work waiting for a pod, ${ctx.pointNote}.`,
      },
    ],
    leftOut,
  };
}
