/**
 * The cluster-autoscaler FAQ's overprovisioning pattern end to end (test/fixtures/overprovisioning-ca):
 * pause pods of a PriorityClass with value -1 hold room on an autoscaled group; when the HPA scales
 * web up, a web pod that finds no free room preempts a pause pod and binds on its node within
 * seconds, and the evicted pause pod, recreated and Pending, makes the CA add a node in the
 * background. With the class at 0 (no priorities) the same web pod waits for that node instead.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOverrides } from '../../src/compare/overrides.js';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord, PreemptionRecord } from '../../src/observe/records.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { ROOT } from '../helpers/run-cli.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'overprovisioning-ca');
const RISE_SECONDS = 600;

interface Run {
  result: RunResult;
  preemptions: PreemptionRecord[];
  ca: CaDecisionRecord[];
  tables: MemoryTables;
  warnings: string[];
}

async function run(override?: string): Promise<Run> {
  const patches = override === undefined ? [] : parseOverrides(override, 'test');
  const scenario = await loadScenario(FIXTURE, { patches });
  const preemptions: PreemptionRecord[] = [];
  const ca: CaDecisionRecord[] = [];
  const tables = new MemoryTables();
  const result = runScenario(scenario, { observers: [{ preemption: (r) => preemptions.push(r), caDecision: (r) => ca.push(r) }], tables: tables.factory });
  return { result, preemptions, ca, tables, warnings: scenario.warnings.map((w) => `${w.field}: ${w.message}`) };
}

/** Seconds from the load rise until every web pod the HPA asked for was bound (the last bind). */
function webBindLatency(r: Run): number {
  const web = r.result.built.workloads.find((w) => w.name === 'web')!;
  const binds = web.controller.pods.filter((p) => p.createdSeconds > RISE_SECONDS).map((p) => p.boundSeconds! - p.createdSeconds);
  return Math.max(...binds);
}

describe('overprovisioning with pause pods of priority -1 (overprovisioning-ca)', () => {
  let withClass: Run;
  let withoutPriority: Run;
  let cutoffAbove: Run;

  beforeAll(async () => {
    withClass = await run();
    withoutPriority = await run('PriorityClass/overprovisioning:value=0');
    cutoffAbove = await run('scenario:spec.clusterAutoscaler.expendablePodsPriorityCutoff=0');
  });

  it('loads the PriorityClass without a "not modelled" warning', () => {
    expect(withClass.warnings.filter((w) => /priority|PriorityClass/i.test(w))).toEqual([]);
  });

  it('a web pod preempts a pause pod after the load rise; decisions.csv says who preempted whom', () => {
    expect(withClass.preemptions.length).toBeGreaterThan(0);
    const first = withClass.preemptions[0]!;
    expect(first.timeSeconds).toBeGreaterThan(RISE_SECONDS);
    expect(first.preemptor).toMatchObject({ owner: 'web', priority: 0 });
    expect(first.victims.map((v) => [v.owner, v.priority])).toEqual([['overprovisioning', -1]]);
    const decisions = withClass.tables.get('decisions.csv');
    const reason = decisions.header.indexOf('reason');
    const rows = decisions.rows.filter((row) => row[1] === 'scheduler' && row[reason] === 'Preempted');
    expect(rows).toHaveLength(withClass.preemptions.length);
    // Each preemptor failed its cycle first: its FailedScheduling row follows the preemption's, at the same instant.
    const failed = decisions.rows.filter((row) => row[1] === 'scheduler' && row[reason] === 'FailedScheduling');
    expect(failed.length).toBeGreaterThan(0);
    expect(String(failed[0]![decisions.header.indexOf('ca_detail')])).toMatch(/^web-\w+: 0\/\d+ nodes are available: \d+ Insufficient cpu\.$/);
    expect(rows[0]![decisions.header.indexOf('reason')]).toBe('Preempted');
    expect(String(rows[0]![decisions.header.indexOf('ca_detail')])).toContain(`evicted ${first.victims[0]!.name} (overprovisioning, priority -1)`);
  });

  it('every web pod binds within seconds; without priorities the last one waits for a new node', () => {
    const fast = webBindLatency(withClass);
    const slow = webBindLatency(withoutPriority);
    expect(fast).toBeLessThan(10);
    expect(slow).toBeGreaterThan(90); // the node boots in 90 s
    expect(withoutPriority.preemptions).toEqual([]);
  });

  it('the evicted pause pod, Pending again, makes the cluster-autoscaler add a node, and binds there', () => {
    const preemptedAt = withClass.preemptions[0]!.timeSeconds;
    const up = withClass.ca.find((r) => r.action === 'scale-up');
    expect(up).toBeDefined();
    expect(up!.timeSeconds).toBeGreaterThan(preemptedAt);
    const series = withClass.tables.get('timeseries.csv');
    const col = (name: string) => series.header.indexOf(name);
    const after = series.rows.filter((row) => Number(row[0]) > preemptedAt && Number(row[0]) < up!.timeSeconds + 30);
    expect(after.some((row) => Number(row[col('overprovisioning.unschedulable_pods')]) > 0)).toBe(true);
    expect(after.every((row) => Number(row[col('web.unschedulable_pods')]) === 0)).toBe(true);
    const last = series.rows.at(-1)!;
    expect(last[col('workers.nodes')]).toBe(3);
    expect(last[col('overprovisioning.pods')]).toBe(2);
    expect(last[col('overprovisioning.unschedulable_pods')]).toBe(0);
    expect(last[col('web.pods')]).toBe(6);
  });

  it('with --expendable-pods-priority-cutoff 0 the pause pods are expendable: the CA removes a node only they hold, and web waits', () => {
    // Left out of the CA's snapshot, the pause pods keep no node (the FAQ's reason for priority -1, above the default -10).
    const firstDown = cutoffAbove.ca.find((r) => r.action === 'scale-down');
    expect(firstDown).toBeDefined();
    expect(firstDown!.timeSeconds).toBeLessThan(RISE_SECONDS + 60);
    expect(withClass.ca.filter((r) => r.action === 'scale-down')).toEqual([]);
    expect(webBindLatency(cutoffAbove)).toBeGreaterThan(60);
  });
});
