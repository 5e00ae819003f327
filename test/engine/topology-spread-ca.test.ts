/**
 * Explicit zone spreading end to end (test/fixtures/zone-spread-ca): five of seven pods bind under
 * the zone DoNotSchedule constraint, the two that wait make the cluster-autoscaler grow zone c's
 * group (the others' template nodes fail PodTopologySpread in its simulation), and they bind.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { ROOT } from '../helpers/run-cli.js';

describe('zone DoNotSchedule spreading with the cluster-autoscaler (zone-spread-ca)', () => {
  const records: CaDecisionRecord[] = [];
  let series: MemoryTableSink;
  let warnings: string[];

  beforeAll(async () => {
    const scenario = await loadScenario(join(ROOT, 'test', 'fixtures', 'zone-spread-ca'));
    warnings = scenario.warnings.map((w) => `${w.field}: ${w.message}`);
    const tables = new MemoryTables();
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }], tables: tables.factory });
    series = tables.get('timeseries.csv');
  });

  const col = (name: string) => series.header.indexOf(name);

  it('loads without a word about the constraint', () => {
    expect(warnings.filter((w) => w.includes('topologySpread'))).toEqual([]);
  });

  it('two pods wait at first: a third pod in zone a or b would be 2 above zone c', () => {
    const first = series.rows[1]!;
    expect(first[col('web.unschedulable_pods')]).toBe(2);
  });

  it("grows zone c's group, the only one whose new node the pods may join", () => {
    const ups = records.filter((r) => r.action === 'scale-up');
    expect(ups.length).toBeGreaterThan(0);
    expect(ups.map((r) => r.group)).toEqual(ups.map(() => 'zone-c'));
    expect(ups[0]!.detail).toContain('zone-a: NoPodFitsTemplate');
    expect(ups[0]!.detail).toContain('zone-b: NoPodFitsTemplate');
  });

  it('binds every pod once the new nodes register', () => {
    const last = series.rows.at(-1)!;
    expect(last[col('web.unschedulable_pods')]).toBe(0);
    expect(last[col('web.pods')]).toBe(7);
    expect(last[col('zone-c.nodes')]).toBeGreaterThan(1);
  });
});
