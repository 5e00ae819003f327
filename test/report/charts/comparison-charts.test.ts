/** Comparison charts: one chart per metric, one line per variant on a shared grid, peaks kept. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildComparisonCharts, type ComparisonVariantInput } from '../../../src/report/charts/comparison-charts.js';
import type { ChartSet } from '../../../src/report/charts/chart-set.js';
import { SERIES_PALETTE } from '../../../src/report/charts/palette.js';
import { runWithSeries } from './run-fixture.js';

describe('buildComparisonCharts', () => {
  let variants: ComparisonVariantInput[];
  let set: ChartSet;
  beforeAll(async () => {
    const a = await runWithSeries('nginx-hpa-cpu', { seed: 1 });
    const b = await runWithSeries('nginx-hpa-cpu', { seed: 1, durationSeconds: 1800 });
    variants = [
      { name: 'full', summary: a.result.summary, series: a.series, billing: a.result.built.ledger },
      { name: 'short', summary: b.result.summary, series: b.series, billing: b.result.built.ledger },
    ];
    set = buildComparisonCharts(variants);
  });

  it('draws one chart per metric with data, one line per variant in the variants’ order and colours', () => {
    expect(set.charts.map((c) => c.name)).toEqual(['served-nginx', 'replicas-nginx', 'nodes']);
    for (const c of set.charts) {
      expect(c.lines.map((l) => l.label)).toEqual(['full', 'short']);
      expect(c.lines.map((l) => l.colour)).toEqual([SERIES_PALETTE[0], SERIES_PALETTE[1]]);
      // Identical lines stay visible: the first variant is wider and drawn underneath.
      expect(c.lines.map((l) => l.widthPx)).toEqual([5, undefined]);
    }
    expect(set.leftOut).toEqual(['nginx: dropped load: left out (zero in every variant).', 'nginx: backlog: left out (zero in every variant).']);
  });

  it('charts no workload with a limit of 0, and says how many it left out', () => {
    const none = buildComparisonCharts(variants, 0);
    expect(none.charts.map((c) => c.name)).toEqual(['nodes']);
    expect(none.leftOut).toEqual([expect.stringMatching(/^Workload charts: 1 of 1 workloads not charted \(at most 0:/)]);
  });

  it('spans the longest run and keeps each variant’s peak', () => {
    const replicas = set.charts.find((c) => c.name === 'replicas-nginx')!;
    expect(replicas.timesSeconds.at(-1)).toBeCloseTo(2400);
    expect(replicas.timesSeconds.length).toBeLessThanOrEqual(300);
    variants.forEach((v, i) => expect(Math.max(...replicas.lines[i]!.values)).toBe(v.summary.workloads[0]!.replicas.peakReady));
  });

  it('draws nothing for variants without series, and says so', () => {
    const empty = { ...variants[0]!, series: { durationSeconds: 0, columns: new Map() } };
    expect(buildComparisonCharts([empty])).toEqual({ charts: [], leftOut: ['Charts: left out (the variants recorded no time series).'] });
  });
});
