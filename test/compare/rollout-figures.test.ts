/**
 * compare's rollout figures (runs with spec.rollouts): the worst p95 over any rollout's stretch,
 * the longest rollout and the rollouts that did not complete. A run without rollouts has none of
 * the fields (so its comparison.csv and sweep files are as before); a rollout that did not complete
 * counts from its start to its supersession or the end of the run (at least that long); a p95 is
 * absent when no stretch was offered a request and null when one was offered some and served none
 * (shown "none served"); the columns appear only when some row has them.
 */
import { describe, expect, it } from 'vitest';
import { comparisonRow } from '../../src/compare/comparison-row.js';
import { comparisonCsv, shownComparisonTable } from '../../src/compare/comparison-table.js';
import type { RolloutSummary, RunSummary } from '../../src/report/summary.js';

function rollout(over: Partial<RolloutSummary>): RolloutSummary {
  return {
    revision: 2,
    replicaSet: 'web-x',
    startedSeconds: 100,
    completedSeconds: 160,
    durationSeconds: 60,
    progressDeadlineExceededSeconds: null,
    supersededSeconds: null,
    pods: { readyAtStart: 4, minReady: 3, peak: 5 },
    requests: { offered: 10, served: 10, dropped: 0, servedPercent: 100, responseTimeSeconds: { p50: 0.05, p95: 0.2, p99: 0.3 } },
    ...over,
  };
}

function summaryOf(rollouts: RolloutSummary[] | undefined): RunSummary {
  const web = {
    name: 'web',
    offeredRequests: 100,
    servedRequests: 100,
    droppedRequests: 0,
    pendingPodSeconds: 0,
    underProvisionedSeconds: 0,
    coldStarts: { count: 0 },
    responseTimeSeconds: { p50: 0.05, p95: 0.1, p99: 0.2 },
    replicas: { peakReady: 3, meanReady: 2 },
    ...(rollouts === undefined ? {} : { rollouts }),
  };
  return { durationSeconds: 3600, workloads: [web], cost: { total: { cost: { byCurrency: {} } }, classes: [], reportCurrency: null }, nodeCount: { peak: 2, mean: 1.5 } } as unknown as RunSummary;
}

const events = { scaleEvents: 0, directionChanges: 0 };

describe('rollout figures of a comparison row', () => {
  it('the worst p95 over a rollout and the longest completed one', () => {
    const row = comparisonRow('v', '', summaryOf([rollout({}), rollout({ durationSeconds: 95, requests: { ...rollout({}).requests!, responseTimeSeconds: { p50: 0.1, p95: 0.45, p99: 0.9 } } })]), events);
    expect([row.rolloutP95Ms, row.longestRolloutSeconds]).toEqual([450, 95]);
  });

  it('a rollout that did not complete counts to its supersession or the end of the run, and is counted', () => {
    const stalled = comparisonRow('v', '', summaryOf([rollout({}), rollout({ startedSeconds: 1000, completedSeconds: null, durationSeconds: null })]), events);
    expect([stalled.longestRolloutSeconds, stalled.unfinishedRollouts]).toEqual([2600, 1]);
    const superseded = comparisonRow('v', '', summaryOf([rollout({ completedSeconds: null, durationSeconds: null, supersededSeconds: 190 }), rollout({ durationSeconds: 70 })]), events);
    expect([superseded.longestRolloutSeconds, superseded.unfinishedRollouts]).toEqual([90, 1]);
  });

  it('a p95 only over stretches offered a request: absent when none was, null when one served nothing', () => {
    const noLoad = comparisonRow('v', '', summaryOf([rollout({ requests: null }), rollout({ requests: { ...rollout({}).requests!, offered: 0, served: 0 } })]), events);
    expect('rolloutP95Ms' in noLoad).toBe(false);
    expect(noLoad.longestRolloutSeconds).toBe(60);
    const starved = rollout({ requests: { offered: 10, served: 0, dropped: 10, servedPercent: 0, responseTimeSeconds: { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN } } });
    expect(comparisonRow('v', '', summaryOf([rollout({}), starved]), events).rolloutP95Ms).toBeNull();
  });

  it('shows "none served" for a rollout p95 that is null, "—" where no stretch was offered a request or there were no rollouts', () => {
    const starved = rollout({ requests: { offered: 10, served: 0, dropped: 10, servedPercent: 0, responseTimeSeconds: { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN } } });
    const rows = [
      comparisonRow('served', '', summaryOf([rollout({})]), events),
      comparisonRow('outage', '', summaryOf([rollout({}), starved]), events),
      comparisonRow('unloaded', '', summaryOf([rollout({ requests: null })]), events),
      comparisonRow('plain', '', summaryOf(undefined), events),
    ];
    const table = shownComparisonTable(rows);
    const column = table.header.indexOf('rollout p95 ms');
    expect(table.rows.map((r) => [r[0], r[column]])).toEqual([
      ['served', '200.0*'],
      ['outage', 'none served'],
      ['unloaded', '—'],
      ['plain', '—'],
    ]);
    expect(comparisonCsv(rows).rows.map((r) => r[comparisonCsv(rows).header.indexOf('rollout_p95_ms')])).toEqual([200, '', '', '']);
  });

  it('a run without rollouts has none of the fields, and its CSV no rollout column', () => {
    const plain = comparisonRow('v', '', summaryOf(undefined), events);
    expect('rolloutP95Ms' in plain || 'longestRolloutSeconds' in plain).toBe(false);
    expect(comparisonCsv([plain]).header).not.toContain('rollout_p95_ms');
    const both = comparisonCsv([plain, comparisonRow('w', '', summaryOf([rollout({})]), events)]);
    expect(both.header.slice(-3)).toEqual(['rollout_p95_ms', 'longest_rollout_s', 'unfinished_rollouts']);
    expect(both.rows.map((r) => r.slice(-3))).toEqual([
      ['', '', ''],
      [200, 60, 0],
    ]);
  });
});
