/**
 * The retry cycles that only report a failure (kube-scheduler's FailedScheduling for a pod a new node
 * could have taken, had the pods before it not filled that node) run only when decisions.csv keeps
 * kube-scheduler's rows. They bind nothing: a run that keeps every decision and one that keeps none
 * write the same timeseries.csv and summary (but for the summary's `decisions`), in scenarios where
 * pods wait for nodes the cluster-autoscaler adds.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { RunSummary } from '../../src/report/summary.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

async function run(name: string, durationSeconds: number, decisions: 'all' | 'none'): Promise<{ timeseries: string; summary: Omit<RunSummary, 'decisions'>; failedScheduling: number }> {
  const scenario = await loadScenario(join(ROOT, 'scenarios', name), { durationSeconds, decisions });
  const sinks = new Map<string, MemoryTableSink>();
  const { summary } = runScenario(scenario, {
    tables: (table, header) => {
      const sink = new MemoryTableSink(header);
      sinks.set(table, sink);
      return sink;
    },
  });
  const { decisions: _kept, ...rest } = summary;
  const failedScheduling = decisions === 'all' ? sinks.get('decisions.csv')!.text().split('\n').filter((l) => l.includes(',FailedScheduling,')).length : 0;
  return { timeseries: sinks.get('timeseries.csv')!.text(), summary: rest, failedScheduling };
}

describe('FailedScheduling-only retry cycles', () => {
  it.each<[string, number]>([
    ['zone-spread-ca', 3 * 86_400],
    ['overprovisioning-ca', 3 * 86_400],
  ])('%s: the same run with and without the kube-scheduler rows', async (name, seconds) => {
    const all = await run(name, seconds, 'all');
    const none = await run(name, seconds, 'none');
    expect(all.failedScheduling).toBeGreaterThan(0);
    expect(none.timeseries).toBe(all.timeseries);
    expect(none.summary).toEqual(all.summary);
  });
});
