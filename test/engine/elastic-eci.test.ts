/**
 * active-users-eci: ECI virtual pods appear only above the ElasticWorkload's source max (4) and leave
 * first — while any virtual pod runs, the source Deployment is full — and each is billed per pod on
 * ECI's per-second rates.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

describe('active-users-eci', () => {
  let result: RunResult;
  let series: MemoryTableSink;
  const col = (name: string) => series.header.indexOf(name);

  beforeAll(async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'active-users-eci'), { durationSeconds: 3 * 86400 });
    const tables = new MemoryTables();
    result = runScenario(scenario, { tables: tables.factory });
    series = tables.get('timeseries.csv');
  });

  it('runs virtual pods only when more than 4 replicas are wanted, and only with a full source', () => {
    let sawVirtual = false;
    for (const row of series.rows) {
      const virtual = row[col('eci.virtual_pods')] as number;
      const desired = row[col('chat-backend.desired_replicas')] as number;
      const pods = row[col('chat-backend.pods')] as number;
      if (virtual === 0) continue;
      sawVirtual = true;
      expect(desired).toBeGreaterThan(4);
      expect(pods - virtual).toBeGreaterThanOrEqual(4);
    }
    expect(sawVirtual).toBe(true);
  });

  it('keeps the source at its max while scaling in (the virtual pods go first)', () => {
    for (let i = 1; i < series.rows.length; i++) {
      const prev = series.rows[i - 1]!;
      const row = series.rows[i]!;
      const virtualBefore = prev[col('eci.virtual_pods')] as number;
      const virtualNow = row[col('eci.virtual_pods')] as number;
      const sourceNow = (row[col('chat-backend.pods')] as number) - virtualNow;
      // A scale-in that leaves virtual pods running has not touched the source.
      if (virtualNow > 0 && virtualNow < virtualBefore) expect(sourceNow).toBeGreaterThanOrEqual(4);
    }
  });

  it('bills ECI per pod-second at the published rate for a 1 vCPU / 2 GiB pod', () => {
    const eci = result.summary.cost.classes.find((c) => c.capacityClass === 'virtual')!;
    const perSecond = 1 * 0.000049 + 2 * 0.00000613;
    expect(eci.billedPodSeconds).toBeGreaterThan(0);
    expect(eci.cost.byCurrency.CNY).toBeCloseTo(eci.billedPodSeconds * perSecond, 2);
  });
});
