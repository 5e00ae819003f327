/**
 * Explicit zone spreading end to end (test/fixtures/zone-spread-ca): five of seven pods bind under
 * the zone DoNotSchedule constraint, the two that wait make the cluster-autoscaler grow zone c's
 * group (the others' template nodes fail PodTopologySpread in its simulation), and they bind.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOverrides } from '../../src/compare/overrides.js';
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
    expect(ups[0]!.detail).toContain('zone-a: NoPodFitsTemplate: TopologySpreadConstraintsNotMatch');
    expect(ups[0]!.detail).toContain('zone-b: NoPodFitsTemplate: TopologySpreadConstraintsNotMatch');
  });

  it('binds every pod once the new nodes register', () => {
    const last = series.rows.at(-1)!;
    expect(last[col('web.unschedulable_pods')]).toBe(0);
    expect(last[col('web.pods')]).toBe(7);
    expect(last[col('zone-c.nodes')]).toBeGreaterThan(1);
  });
});

/**
 * The bundled scenarios/zone-spread-ca (three zonal node groups, zone DoNotSchedule maxSkew 1)
 * against the same constraint as ScheduleAnyway. Under DoNotSchedule the cluster-autoscaler's
 * binpacking puts on a zone's new node only the pods the skew allows there, so each loop's best
 * option helps one or two pods and adds one node, and the zones grow in turn over consecutive loops
 * (as upstream: kubernetes/autoscaler#9150, "topologySpreadConstraints limits scaling to 1 node at a
 * time"); under ScheduleAnyway the CA ignores the score and adds several nodes for many pods at once.
 */
describe('bundled zone-spread-ca: DoNotSchedule against ScheduleAnyway', () => {
  async function caRecords(whenUnsatisfiable: string): Promise<CaDecisionRecord[]> {
    const records: CaDecisionRecord[] = [];
    const patches = parseOverrides(`Deployment/web:spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable=${whenUnsatisfiable}`, 'test');
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'zone-spread-ca'), { durationSeconds: 86_400 * 3, patches });
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }], tables: new MemoryTables().factory });
    return records;
  }

  it('adds one node a loop, zone after zone, under DoNotSchedule; several at once under ScheduleAnyway', async () => {
    const strict = (await caRecords('DoNotSchedule')).filter((r) => r.action === 'scale-up');
    const lenient = (await caRecords('ScheduleAnyway')).filter((r) => r.action === 'scale-up');
    const added = (r: CaDecisionRecord) => r.nodesAfter - r.nodesBefore;
    expect(strict.length).toBeGreaterThan(6);
    expect(strict.every((r) => added(r) === 1)).toBe(true);
    expect(new Set(strict.map((r) => r.group))).toEqual(new Set(['zone-a', 'zone-b', 'zone-c']));
    // The other zones' template nodes fail the filter in the loops that follow the first.
    expect(strict.some((r) => r.detail.includes('NoPodFitsTemplate'))).toBe(true);
    expect(lenient.length).toBeLessThan(strict.length);
    expect(lenient.some((r) => added(r) > 1)).toBe(true);
  });
});
