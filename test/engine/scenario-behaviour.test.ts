/**
 * End-to-end behaviour of the HPA walk-through scenario, read from the streamed tables: the burst
 * scales nginx up to its max, the legacy 300 s window delays the scale-down, and load is conserved.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

interface Tables {
  timeseries: MemoryTableSink;
  decisions: MemoryTableSink;
}

function column(sink: MemoryTableSink, name: string): (number | string)[] {
  const i = sink.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return sink.rows.map((r) => r[i]!);
}

describe('nginx-hpa-cpu', () => {
  let result: RunResult;
  const tables = {} as Tables;

  beforeAll(async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'nginx-hpa-cpu'));
    const memory = new MemoryTables();
    result = runScenario(scenario, { tables: memory.factory });
    tables.timeseries = memory.get('timeseries.csv');
    tables.decisions = memory.get('decisions.csv');
  });

  it('scales up to maxReplicas within one sync of the burst reaching the metrics', () => {
    const times = column(tables.decisions, 'time_s') as number[];
    const finals = column(tables.decisions, 'final_replicas') as number[];
    const firstUp = finals.findIndex((r) => r > 1);
    expect(finals[firstUp]).toBe(3);
    // The burst starts at 120 s; a scrape (≤ 15 s) and a sync (≤ 15 s) later the HPA acts.
    expect(times[firstUp]).toBeGreaterThan(120);
    expect(times[firstUp]).toBeLessThanOrEqual(120 + 15 + 15 + 15);
    expect(Math.max(...finals)).toBe(3);
  });

  it('keeps 3 replicas for the 300 s legacy stabilization window after the burst ends, then scales to 1', () => {
    const rows = tables.decisions;
    const times = column(rows, 'time_s') as number[];
    const finals = column(rows, 'final_replicas') as number[];
    const proposals = column(rows, 'metric_desired_replicas') as number[];
    const lastHigh = proposals.lastIndexOf(3);
    const down = finals.findIndex((r, i) => i > lastHigh && r === 1);
    expect(down).toBeGreaterThan(lastHigh);
    const waited = times[down]! - times[lastHigh]!;
    // A recommendation exactly 300 s old still counts (inclusive legacy window): the first sync
    // after it leaves is 315 s later on a 15 s grid.
    expect(waited).toBeGreaterThan(300);
    expect(waited).toBeLessThanOrEqual(315 + 1e-6);
    expect(column(rows, 'able_to_scale')[down - 1]).toBe('ScaleDownStabilized');
  });

  it('conserves load: offered = served + dropped + backlog at the end', () => {
    const w = result.summary.workloads[0]!;
    expect(w.offeredRequests).toBeCloseTo(w.servedRequests + w.droppedRequests + w.backlogAtEndRequests, 6);
    expect(w.offeredRequests).toBe(150 * 12 * 60);
  });

  it('writes one timeseries row per output interval, the last one at the end of the run', () => {
    const times = column(tables.timeseries, 'time_s') as number[];
    expect(times.length).toBe(2400 / 15);
    expect(times[0]).toBe(15);
    expect(times.at(-1)).toBe(2400);
  });

  it('records every sync: one decision per 15 s', () => {
    expect(result.summary.hpas[0]!.syncs).toBe(tables.decisions.rows.length);
    expect(tables.decisions.rows.length).toBe(160);
  });
});
