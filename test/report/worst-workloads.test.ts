/** Which workloads the views that cannot show them all show: all up to the limit, else those that fared worst. */
import { describe, expect, it } from 'vitest';
import { chartedWorkloads } from '../../src/report/charts/charted-workloads.js';
import type { WorkloadSummary } from '../../src/report/summary.js';
import { worstOverVariants, worstWorkloads } from '../../src/report/worst-workloads.js';

function workload(name: string, figures: { dropped?: number; p95?: number; pending?: number; peak?: number } = {}): WorkloadSummary {
  return {
    name,
    offeredRequests: 1000,
    servedRequests: 1000,
    droppedRequests: 0,
    backlogAtEndRequests: 0,
    servedPercent: 100 - (figures.dropped ?? 0),
    droppedPercent: figures.dropped ?? 0,
    responseTimeSeconds: { mean: 0.05, p50: 0.04, p95: figures.p95 ?? 0.1, p99: 0.2 },
    replicas: { initial: 2, peakDesired: figures.peak ?? 3, peakReady: figures.peak ?? 3, minReady: 2, meanReady: 2.5 },
    pendingPodSeconds: figures.pending ?? 0,
    underProvisionedSeconds: 0,
    coldStarts: { count: 0, meanDelaySeconds: 0, maxDelaySeconds: 0 },
    restarts: 0,
  };
}

const names = (ws: readonly WorkloadSummary[]): string[] => ws.map((w) => w.name);

describe('worstWorkloads', () => {
  it('shows every workload, in the summary order, when they fit', () => {
    const all = [workload('b', { dropped: 5 }), workload('a'), workload('c')];
    expect(names(worstWorkloads(all, 3).shown)).toEqual(['b', 'a', 'c']);
    expect(worstWorkloads(all, Number.POSITIVE_INFINITY)).toEqual({ shown: all, hidden: 0 });
  });

  it.each<[string, WorkloadSummary[], string[]]>([
    ['most dropped first', [workload('a', { dropped: 0.1 }), workload('b', { dropped: 3 }), workload('c', { dropped: 1 })], ['b', 'c']],
    ['then highest p95', [workload('a', { p95: 0.2 }), workload('b', { p95: 0.9 }), workload('c', { p95: 0.5 })], ['b', 'c']],
    ['then most pending pod-seconds', [workload('a', { pending: 10 }), workload('b'), workload('c', { pending: 90 })], ['c', 'a']],
    ['then highest peak', [workload('a', { peak: 4 }), workload('b', { peak: 9 }), workload('c', { peak: 2 })], ['b', 'a']],
    ['then by name', [workload('c'), workload('a'), workload('b')], ['a', 'b']],
    ['dropped outranks p95', [workload('a', { p95: 9 }), workload('b', { dropped: 0.01 }), workload('c', { p95: 1 })], ['b', 'a']],
  ])('past the limit keeps those that fared worst: %s', (_what, all, expected) => {
    const worst = worstWorkloads(all, 2);
    expect(names(worst.shown)).toEqual(expected);
    expect(worst.hidden).toBe(1);
  });

  it('ranks a workload offered no request (no dropped %) after every workload with one, not as 0% dropped', () => {
    // Offered nothing: no share, no response time; else as plain as the others.
    const idle = (name: string): WorkloadSummary => ({
      ...workload(name),
      offeredRequests: 0,
      servedRequests: 0,
      servedPercent: null,
      droppedPercent: null,
      responseTimeSeconds: { mean: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN },
    });
    expect(names(worstWorkloads([idle('a'), workload('b'), workload('c', { dropped: 2 })], 2).shown)).toEqual(['c', 'b']);
    // Among themselves, the next keys decide.
    expect(names(worstWorkloads([idle('a'), { ...idle('b'), pendingPodSeconds: 50 }, idle('c')], 2).shown)).toEqual(['b', 'a']);
    expect(names(worstOverVariants([[idle('a')], [workload('a', { dropped: 0 })]]))).toEqual(['a']);
    expect(worstOverVariants([[idle('a')], [workload('a', { dropped: 0 })]])[0]!.droppedPercent).toBe(0);
  });
});

describe('chartedWorkloads', () => {
  it('charts every workload when they fit, and says nothing', () => {
    expect(chartedWorkloads([workload('b'), workload('a')], 2)).toEqual({ names: ['b', 'a'], leftOut: [] });
  });

  it('says how many it left out, how it chose, and how to draw more', () => {
    const charted = chartedWorkloads([workload('a'), workload('b', { dropped: 1 }), workload('c')], 2);
    expect(charted.names).toEqual(['b', 'a']);
    expect(charted.leftOut).toEqual([
      'Workload charts: 1 of 3 workloads not charted (at most 2: those that fared worst are drawn, ordered by dropped %, then p95 response time, ' +
        'pending pod-seconds and peak ready replicas). Every workload is in the summary tables and timeseries.csv; `--chart-workloads N` draws more.',
    ]);
  });

  it('charts none with a limit of 0, and says so', () => {
    const charted = chartedWorkloads([workload('a'), workload('b')], 0);
    expect(charted.names).toEqual([]);
    expect(charted.leftOut[0]).toContain('2 of 2 workloads not charted');
  });
});

describe('worstOverVariants', () => {
  it('takes each workload once, as it fared in its worst variant, in first-seen order', () => {
    const base = [workload('a', { p95: 0.1 }), workload('b', { dropped: 2 })];
    const variant = [workload('b'), workload('a', { dropped: 1 }), workload('c')];
    const worst = worstOverVariants([base, variant]);
    expect(names(worst)).toEqual(['a', 'b', 'c']);
    expect(worst.map((w) => w.droppedPercent)).toEqual([1, 2, 0]);
    expect(names(worstWorkloads(worst, 2).shown)).toEqual(['b', 'a']);
  });
});
