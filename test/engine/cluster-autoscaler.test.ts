/**
 * The cluster-autoscaler on flask-hpa-ca: the burst makes pods Unschedulable, a node is added (it
 * registers after its boot time and takes them), and after the burst a node is removed no earlier
 * than scale-down-unneeded-time after it became unneeded (strictly more) and no earlier than
 * scale-down-delay-after-add after the last scale-up (docs/fidelity-spec.md §4.3).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

describe('cluster-autoscaler on flask-hpa-ca', () => {
  const records: CaDecisionRecord[] = [];
  let result: RunResult;
  let series: MemoryTableSink;
  let unneededSeconds: number;
  let delayAfterAddSeconds: number;

  beforeAll(async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'flask-hpa-ca'));
    unneededSeconds = scenario.clusterAutoscaler.scaleDownUnneededTimeSeconds;
    delayAfterAddSeconds = scenario.clusterAutoscaler.scaleDownDelayAfterAddSeconds;
    const tables = new MemoryTables();
    result = runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }], tables: tables.factory });
    series = tables.get('timeseries.csv');
  });

  it('scales up for unschedulable pods, and the new node takes them once it has booted', () => {
    const up = records.find((r) => r.action === 'scale-up');
    expect(up).toBeDefined();
    expect(up!.unschedulablePods).toBeGreaterThan(0);
    expect(up!.nodesAfter).toBe(up!.nodesBefore + 1);
    const col = (name: string) => series.header.indexOf(name);
    const rows = series.rows.filter((r) => (r[0] as number) > up!.timeSeconds);
    // Within boot time (≤ 120 s) plus start-up, the pending pods are gone and two nodes run.
    const settled = rows.find((r) => (r[col('workers.nodes')] as number) === 2 && (r[col('hello-world-flask.unschedulable_pods')] as number) === 0);
    expect(settled).toBeDefined();
    expect((settled![0] as number) - up!.timeSeconds).toBeLessThanOrEqual(120 + 60);
    expect(result.summary.workloads[0]!.replicas.peakReady).toBe(10);
  });

  it('removes a node only after it was unneeded for more than scale-down-unneeded-time', () => {
    const removals = records.flatMap((r) => r.removedNodes.map((n) => ({ ...n, at: r.timeSeconds, lastUp: r.lastScaleUpSeconds })));
    expect(removals.length).toBeGreaterThan(0);
    for (const r of removals) expect(r.unneededForSeconds).toBeGreaterThan(unneededSeconds);
  });

  it('removes no node within scale-down-delay-after-add of the last scale-up', () => {
    const removals = records.flatMap((r) => r.removedNodes.map(() => r));
    for (const r of removals) expect(r.timeSeconds - (r.lastScaleUpSeconds ?? -Infinity)).toBeGreaterThanOrEqual(delayAfterAddSeconds);
    // Loops in the cooldown report it instead of removing.
    const cooling = records.filter((r) => r.reason.startsWith('ScaleDownInCooldown'));
    for (const r of cooling) expect(r.timeSeconds - r.lastScaleUpSeconds!).toBeLessThan(delayAfterAddSeconds);
  });

  it('bills the autoscaled node only for its life, per second', () => {
    const onDemand = result.summary.cost.classes.find((c) => c.capacityClass === 'onDemand');
    expect(onDemand).toBeDefined();
    expect(onDemand!.nodeCount).toBe(2);
    expect(onDemand!.billedNodeHours).toBeLessThan(2 * 2);
  });
});

describe('cluster-autoscaler deletion bookkeeping (static_autoscaler.go, budgets.go)', () => {
  const APP = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: app}',
    'spec:',
    '  replicas: 2',
    '  selector: {matchLabels: {app: app}}',
    '  template:',
    '    metadata: {labels: {app: app}}',
    '    spec:',
    '      containers:',
    '        - {name: c, image: x, resources: {requests: {cpu: 100m, memory: 100Mi}}}',
    '',
  ].join('\n');
  const scenarioYaml = (nodes: number, duration: string, autoscaler: string, faults = '') =>
    [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      `  duration: ${duration}`,
      '  nodePools:',
      `    - {name: workers, count: ${nodes}, minSize: 1, maxSize: 20, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}`,
      `  clusterAutoscaler: ${autoscaler}`,
      faults,
      '',
    ].join('\n');

  async function caRecords(files: Record<string, string>): Promise<CaDecisionRecord[]> {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    const scenario = await loadFolder(files);
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    return records;
  }

  it('counts scale-down-delay-after-delete from the loop that started the deletions, not from when a node is gone', async () => {
    // 12 nodes, 2 pods: the 10 empty nodes go together, the drain is deferred by the budget and may
    // go once the delay after that loop has passed.
    const records = await caRecords({ 'scenario.yaml': scenarioYaml(12, '30m', '{expander: least-waste, scaleDownDelayAfterDelete: 2m}'), 'manifests/app.yaml': APP });
    const removals = records.filter((r) => r.removedNodes.length > 0);
    expect(removals.length).toBeGreaterThanOrEqual(2);
    const [first, second] = removals;
    // The loop that removed ten names the node the budget held back, for explain.
    expect(first!.removedNodes).toHaveLength(10);
    expect(first!.detail).toMatch(/; held: workers-\d+ \(ParallelismLimitReached\)$/);
    // The first loop to remove nodes at t, then the next one no later than the first loop past t + 120 s.
    expect(second!.timeSeconds - first!.timeSeconds).toBeGreaterThanOrEqual(120);
    expect(second!.timeSeconds - first!.timeSeconds).toBeLessThan(130);
    const between = records.filter((r) => r.timeSeconds > first!.timeSeconds && r.timeSeconds < second!.timeSeconds);
    for (const r of between) expect(r.reason).toBe('ScaleDownInCooldown (ScaleDownDelayAfterDelete)');
  });

  it('lets an empty node being deleted use the overall budget only, not the drain budget', async () => {
    // workers-1 fails at once (empty, unready), workers-0 and workers-2 hold a pod each; with a 2 s scan
    // the unready node goes at 601.5 s and a drain may start at the very next loop, while it is still
    // being deleted (5 s after its taint).
    const faults = '  faults:\n    - nodeFailure: {node: workers-1, at: 1s}';
    const records = await caRecords({
      'scenario.yaml': scenarioYaml(3, '12m', '{expander: least-waste, scanInterval: 2s, scaleDownUnreadyTime: 598s}', faults),
      'manifests/app.yaml': APP,
    });
    const removals = records.filter((r) => r.removedNodes.length > 0);
    expect(removals.map((r) => r.removedNodes.map((n) => n.node))).toEqual([['workers-1'], ['workers-0']]);
    expect(removals[1]!.timeSeconds - removals[0]!.timeSeconds).toBe(2);
  });

  it('backs the group off after a scale-up whose node never registers, 5 min then doubled (clusterstate.go, exponential_backoff.go)', async () => {
    // Nodes boot for 20 min, past max-node-provision-time (15 min): each request expires unregistered.
    const yaml = scenarioYaml(1, '50m', '{expander: least-waste}').replace('bootTime: {min: 60s, max: 120s}', 'bootTime: 20m');
    const app = APP.replace('replicas: 2', 'replicas: 3').replace('cpu: 100m', 'cpu: 400m');
    const records = await caRecords({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const ups = records.filter((r) => r.action === 'scale-up').map((r) => r.timeSeconds);
    expect(ups).toHaveLength(3);
    // The first request expires at the first loop more than 900 s later; the group is then skipped for 300 s, then 600 s.
    const expiry1 = records.find((r) => r.timeSeconds - ups[0]! > 900)!.timeSeconds;
    expect(ups[1]! - expiry1).toBe(300);
    const expiry2 = records.find((r) => r.timeSeconds - ups[1]! > 900)!.timeSeconds;
    expect(ups[2]! - expiry2).toBe(600);
    const backedOff = records.filter((r) => r.reason === 'AllGroupsBackedOff');
    expect(backedOff.length).toBeGreaterThan(0);
    for (const r of backedOff) expect(r.detail).toContain('skipped workers: BackedOff');
  });
});

