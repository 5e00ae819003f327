/**
 * The charts of a run, from real runs of bundled scenarios: which charts exist and in what order,
 * their units and series, peaks kept, ≤ 300 points, and what is left out with a reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRunCharts } from '../../../src/report/charts/run-charts.js';
import type { ChartSet } from '../../../src/report/charts/chart-set.js';
import { runWithSeries, type RunWithSeries } from './run-fixture.js';

const chartsOf = (r: RunWithSeries): ChartSet => buildRunCharts({ summary: r.result.summary, series: r.series, billing: r.result.built.ledger });

describe('nginx-hpa-cpu (no prices, no backlog)', () => {
  let run: RunWithSeries;
  let set: ChartSet;
  beforeAll(async () => {
    run = await runWithSeries('nginx-hpa-cpu');
    set = chartsOf(run);
  });

  it('draws load and replicas for the workload, then nodes', () => {
    expect(set.charts.map((c) => c.name)).toEqual(['load-nginx', 'replicas-nginx', 'nodes']);
    expect(set.charts.map((c) => c.yAxisLabel)).toEqual(['requests/s', 'replicas', 'nodes']);
    expect(set.charts[0]!.lines.map((l) => l.label)).toEqual(['offered', 'served']);
    expect(set.charts[1]!.lines.map((l) => l.label)).toEqual(['desired', 'ready']);
  });

  it('says why cost and backlog are left out', () => {
    expect(set.leftOut).toEqual([
      'Cumulative cost: left out (no node pool or virtual pool in the scenario has a price).',
      'Backlog: left out (no request or message waited during the run).',
    ]);
  });

  it('keeps the peaks the summary reports, on a grid of one point per output interval', () => {
    const w = run.result.summary.workloads[0]!;
    const replicas = set.charts[1]!;
    expect(Math.max(...replicas.lines[0]!.values)).toBe(w.replicas.peakDesired);
    expect(Math.max(...replicas.lines[1]!.values)).toBe(w.replicas.peakReady);
    expect(replicas.timesSeconds).toHaveLength(2400 / 15);
    expect(replicas.note).toContain('one point per 15s');
    expect(replicas.timeAxis.unit).toBe('h');
  });
});

describe('active-users-eci over 4 days (reserved and virtual capacity, backlog)', () => {
  let run: RunWithSeries;
  let set: ChartSet;
  beforeAll(async () => {
    run = await runWithSeries('active-users-eci', { durationSeconds: 4 * 86_400 });
    set = chartsOf(run);
  });

  it('draws every chart kind, in days, with at most 300 points per series', () => {
    expect(set.charts.map((c) => c.name)).toEqual(['load-chat-backend', 'replicas-chat-backend', 'nodes', 'cost-cny', 'backlog']);
    for (const c of set.charts) {
      expect(c.timeAxis.label).toBe('time (d)');
      expect(c.timesSeconds.length).toBeLessThanOrEqual(300);
      for (const l of c.lines) expect(l.values).toHaveLength(c.timesSeconds.length);
    }
    expect(set.leftOut).toEqual([]);
  });

  it('labels pools with their capacity class and the cost lines with classes and the total', () => {
    const nodes = set.charts.find((c) => c.name === 'nodes')!;
    expect(nodes.lines.map((l) => l.label)).toEqual(['ecs-reserved nodes, reserved', 'eci pods, virtual']);
    expect(nodes.yAxisLabel).toBe('nodes / virtual pods');
    const cost = set.charts.find((c) => c.name === 'cost-cny')!;
    expect(cost.yAxisLabel).toBe('cost (CNY)');
    // The classes as the cost table and the node chart name them (CAPACITY_CLASS_LABELS), in their colours.
    expect(cost.lines.map((l) => l.label)).toEqual(['reserved', 'virtual', 'total']);
    expect(cost.lines.map((l) => l.colour.name)).toEqual(['blue', 'purple', 'light grey']);
  });

  it('ends the cost curve at the summary’s total', () => {
    const total = set.charts.find((c) => c.name === 'cost-cny')!.lines.at(-1)!.values.at(-1)!;
    expect(total).toBeCloseTo(run.result.summary.cost.total.cost.byCurrency['CNY']!, 1);
  });

  it('keeps the peak of a workload’s series however coarse the grid', () => {
    const ready = set.charts.find((c) => c.name === 'replicas-chat-backend')!.lines.find((l) => l.label === 'ready')!;
    expect(Math.max(...ready.values)).toBe(run.result.summary.workloads[0]!.replicas.peakReady);
  });
});

describe('bench-large for 10 minutes (1,000 workloads)', () => {
  let run: RunWithSeries;
  beforeAll(async () => {
    run = await runWithSeries('bench-large', { durationSeconds: 600 });
  });

  it('charts the twelve workloads that fared worst by default, worst first, and says how many it left out', () => {
    const set = chartsOf(run);
    const workloadCharts = set.charts.filter((c) => c.name.startsWith('load-') || c.name.startsWith('replicas-'));
    expect(workloadCharts).toHaveLength(24);
    const charted = workloadCharts.filter((c) => c.name.startsWith('load-')).map((c) => c.name.slice('load-'.length));
    // The workloads offered no request in these ten minutes (20) have no dropped % and rank after the others.
    const workloads = run.result.summary.workloads;
    expect(workloads.filter((w) => w.droppedPercent === null).length).toBeGreaterThan(0);
    const dropped = (w: { droppedPercent: number | null }): number => w.droppedPercent ?? Number.NEGATIVE_INFINITY;
    const byDropped = workloads.filter((w) => w.droppedPercent !== null).sort((a, b) => dropped(b) - dropped(a));
    // The first charted workload is the one that dropped the largest share of its requests.
    expect(charted[0]).toBe(byDropped[0]!.name);
    for (const name of charted) {
      const w = run.result.summary.workloads.find((x) => x.name === name)!;
      expect(w.droppedPercent).toBeGreaterThanOrEqual(dropped(byDropped[11]!));
    }
    expect(set.charts.map((c) => c.name)).toContain('nodes');
    expect(set.leftOut).toContainEqual(expect.stringMatching(/^Workload charts: 988 of 1000 workloads not charted \(at most 12:/));
  });

  it('charts as many as asked, and every one with Infinity', () => {
    const replicaCharts = (limit: number) =>
      buildRunCharts({ summary: run.result.summary, series: run.series, chartWorkloads: limit }).charts.filter((c) => c.name.startsWith('replicas-'));
    expect(replicaCharts(3)).toHaveLength(3);
    expect(replicaCharts(Number.POSITIVE_INFINITY)).toHaveLength(1000);
    expect(replicaCharts(0)).toHaveLength(0);
  });
});
