/**
 * One replica per node end to end (test/fixtures/anti-affinity-ca): an HPA-scaled Deployment with
 * required hostname anti-affinity on a cluster-autoscaled group. When the HPA scales to 6, the four
 * new replicas fit no existing node (each holds a replica), and the cluster-autoscaler's simulation,
 * running the same filter, asks for a node per replica; after the burst the emptied nodes go. The
 * same scenario without the anti-affinity needs no new node.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import type { Scenario } from '../../src/scenario/types.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { ROOT } from '../helpers/run-cli.js';

function run(scenario: Scenario): { records: CaDecisionRecord[]; series: MemoryTableSink } {
  const records: CaDecisionRecord[] = [];
  const tables = new MemoryTables();
  runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }], tables: tables.factory });
  return { records, series: tables.get('timeseries.csv') };
}

describe('required hostname anti-affinity with the HPA and the cluster-autoscaler (anti-affinity-ca)', () => {
  let scenario: Scenario;
  let withRule: ReturnType<typeof run>;
  let without: ReturnType<typeof run>;

  beforeAll(async () => {
    scenario = await loadScenario(join(ROOT, 'test', 'fixtures', 'anti-affinity-ca'));
    withRule = run(scenario);
    const { podAffinity: _dropped, ...plain } = scenario.workloads[0]!.template;
    without = run({ ...scenario, workloads: [{ ...scenario.workloads[0]!, template: plain }] });
  });

  const column = (series: MemoryTableSink, name: string) => {
    const i = series.header.indexOf(name);
    return series.rows.map((r) => r[i] as number);
  };

  it('loads without a word about the affinity', () => {
    expect(scenario.warnings.filter((w) => w.field?.includes('affinity'))).toEqual([]);
  });

  it('adds one node per replica the HPA adds: 6 replicas on 6 nodes at the peak, each node with one', () => {
    const ups = withRule.records.filter((r) => r.action === 'scale-up');
    expect(ups.length).toBeGreaterThan(0);
    expect(Math.max(...column(withRule.series, 'workers.nodes'))).toBe(6);
    expect(Math.max(...column(withRule.series, 'web.pods'))).toBe(6);
  });

  it('removes the emptied nodes after the burst', () => {
    expect(withRule.records.some((r) => r.action === 'scale-down')).toBe(true);
    expect(column(withRule.series, 'workers.nodes').at(-1)).toBe(2);
  });

  it('without the anti-affinity the two nodes hold every replica: no scale-up', () => {
    expect(Math.max(...column(without.series, 'web.pods'))).toBe(6);
    expect(without.records.filter((r) => r.action === 'scale-up')).toEqual([]);
    expect(Math.max(...column(without.series, 'workers.nodes'))).toBe(2);
  });
});
