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


describe('cluster-autoscaler node deletion timing (actuator.go deleteNodesAsync, drain.go waitPodsToDisappear)', () => {
  it('drains a node 5 s after its taint and deletes it at the next 5 s look, billing it until then', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    const app = [
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
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 15m',
      '  outputInterval: 1s',
      '  nodePools:',
      '    - {name: workers, count: 2, minSize: 1, maxSize: 5, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste}',
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    const tables = new MemoryTables();
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }], tables: tables.factory });
    const drain = records.find((r) => r.removedNodes.length > 0);
    expect(drain?.detail).toMatch(/^removing workers-\d \(drain\)/);
    const series = tables.get('timeseries.csv');
    const nodes = series.header.indexOf('workers.nodes');
    const after = series.rows.filter((r) => (r[0] as number) >= drain!.timeSeconds);
    const goneAt = after.find((r) => (r[nodes] as number) === 1)![0] as number;
    // Tainted at T, pods evicted at T + 5 s (gone 2 s later), node deleted at the look at T + 10 s.
    expect(goneAt - drain!.timeSeconds).toBeGreaterThan(9);
    expect(goneAt - drain!.timeSeconds).toBeLessThanOrEqual(11);
  });
});

describe('cluster-autoscaler and very new pods (static_autoscaler.go allPodsAreNew)', () => {
  it('waits while every pending pod is younger than 2 s, removing no node in that loop either', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // Three 400m pods on one 940m node at t = 0: the third is Unschedulable about 1 s later; with a
    // 1 s scan the CA sees it at under 2 s old first.
    const app = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: app}',
      'spec:',
      '  replicas: 3',
      '  selector: {matchLabels: {app: app}}',
      '  template:',
      '    metadata: {labels: {app: app}}',
      '    spec:',
      '      containers:',
      '        - {name: c, image: x, resources: {requests: {cpu: 400m, memory: 100Mi}}}',
      '',
    ].join('\n');
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 3',
      '  duration: 1m',
      '  nodePools:',
      '    - {name: workers, count: 1, minSize: 1, maxSize: 5, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste, scanInterval: 1s}',
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    const waited = records.filter((r) => r.reason === 'AllPodsNew');
    expect(waited.length).toBeGreaterThan(0);
    for (const r of waited) {
      expect(r.timeSeconds).toBeLessThan(2);
      expect(r.detail).toContain('scale-down: ScaleDownInCooldown (ScaleDownDisabledForLoop)');
    }
    const up = records.find((r) => r.action === 'scale-up')!;
    expect(up.timeSeconds).toBeGreaterThanOrEqual(2);
    expect(up.timeSeconds).toBeLessThan(3);
  });
});

describe('cluster-autoscaler --cores-total with nodes still booting (scaleup/resource/manager.go coresMemoryTotal)', () => {
  it('counts the nodes requested and not registered yet against the maximum, by the group target size', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // 1-CPU nodes, cores-total max 3: four 800m pods need four nodes, the cap allows three.
    const app = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: app}',
      'spec:',
      '  replicas: 4',
      '  selector: {matchLabels: {app: app}}',
      '  template:',
      '    metadata: {labels: {app: app}}',
      '    spec:',
      '      containers:',
      '        - {name: c, image: x, resources: {requests: {cpu: 800m, memory: 100Mi}}}',
      '',
    ].join('\n');
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 10m',
      '  nodePools:',
      '    - {name: workers, count: 1, minSize: 1, maxSize: 10, cpu: 1000m, memory: 4Gi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste, coresTotal: "0:3"}',
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    const ups = records.filter((r) => r.action === 'scale-up');
    // One scale-up of two nodes, capped by the cores; the loops while they boot add none.
    expect(ups.map((r) => [r.nodesBefore, r.nodesAfter])).toEqual([[1, 3]]);
    expect(ups[0]!.detail).toContain('capped by CoresTotal');
    expect(Math.max(...records.map((r) => r.nodesAfter))).toBe(3);
    const later = records.filter((r) => r.timeSeconds > ups[0]!.timeSeconds && r.unschedulablePods > 0);
    expect(later.length).toBeGreaterThan(0);
    for (const r of later) expect(r.reason).toBe('LimitsReached');
  });
});

describe('cluster-autoscaler and a node group at its min size (processors/nodes/pre_filtering_processor.go)', () => {
  it('finds no node of the group unneeded while its target size is at its min size', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // Two nodes, min 2, one 100m pod on each: either pod fits the other node, but the group is at its min.
    const app = [
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
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 20m',
      '  nodePools:',
      '    - {name: workers, count: 2, minSize: 2, maxSize: 5, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste}',
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    expect(records.length).toBeGreaterThan(100);
    for (const r of records) {
      expect(r.reason).toBe('NoRemovableNodes');
      expect(r.detail).not.toContain('unneeded:');
    }
  });
});

describe('cluster-autoscaler --cores-total minimum and nodes being deleted (scaledown/resource/limits.go coresMemoryTotal)', () => {
  it('does not count a node being deleted as cores the cluster keeps', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // Three 1-CPU nodes, a 100m pod on two of them, cores-total min 2: only one node may go. With a
    // 2 s scan the empty node is still being deleted (5 s after its taint) at the next loops.
    const app = [
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
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 15m',
      '  nodePools:',
      '    - {name: workers, count: 3, minSize: 1, maxSize: 5, cpu: 1000m, memory: 4Gi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste, scanInterval: 2s, coresTotal: "2:100"}',
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    const removed = records.flatMap((r) => r.removedNodes.map((n) => n.node));
    expect(removed).toHaveLength(1);
    expect(records.some((r) => r.detail.includes('(MinimalResourceLimitExceeded)'))).toBe(true);
  });
});

const APP_2_PODS = [
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

describe('cluster-autoscaler with too many nodes NotReady (clusterstate.go IsClusterHealthy)', () => {
  it('does nothing while more than 3 nodes and more than 45% of them are Unready, not even scale up for the evicted pods', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // Five nodes, a 500m pod on each; four fail at 1 s (NotReady at 51 s, pods evicted at 351 s).
    const app = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: app}',
      'spec:',
      '  replicas: 5',
      '  selector: {matchLabels: {app: app}}',
      '  template:',
      '    metadata: {labels: {app: app}}',
      '    spec:',
      '      containers:',
      '        - {name: c, image: x, resources: {requests: {cpu: 500m, memory: 100Mi}}}',
      '',
    ].join('\n');
    const faults = [1, 2, 3, 4].map((i) => `    - nodeFailure: {node: workers-${i}, at: 1s, recoverAfter: 15m}`);
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 30m',
      '  nodePools:',
      '    - {name: workers, count: 5, minSize: 1, maxSize: 10, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste}',
      '  faults:',
      ...faults,
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    // NotReady from 51 s until the recovery at 901 s: every loop stops, pending pods or not.
    const during = records.filter((r) => r.timeSeconds > 52 && r.timeSeconds < 900);
    expect(during.length).toBeGreaterThan(80);
    for (const r of during) {
      expect(r).toMatchObject({ action: 'no-op', reason: 'ClusterUnhealthy', detail: '4 of 5 nodes unready' });
    }
    expect(during.some((r) => r.unschedulablePods > 0)).toBe(true);
    expect(records.filter((r) => r.action === 'scale-up' && r.timeSeconds < 900)).toEqual([]);
  });

  it('starts the unneeded timers afresh once the cluster is healthy again (CleanUpUnneededNodes)', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // Six nodes, two 100m pods: four nodes are unneeded from the first loop. Four nodes fail at
    // 60 s (NotReady at 110 s) and recover at 360 s; no node may go before 360 s + 600 s.
    const app = APP_2_PODS;
    const faults = [2, 3, 4, 5].map((i) => `    - nodeFailure: {node: workers-${i}, at: 60s, recoverAfter: 5m}`);
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 30m',
      '  nodePools:',
      '    - {name: workers, count: 6, minSize: 1, maxSize: 10, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste}',
      '  faults:',
      ...faults,
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    expect(records.some((r) => r.timeSeconds < 60 && r.detail.includes('unneeded: '))).toBe(true);
    expect(records.some((r) => r.reason === 'ClusterUnhealthy')).toBe(true);
    const removals = records.filter((r) => r.removedNodes.length > 0);
    expect(removals.length).toBeGreaterThan(0);
    expect(removals[0]!.timeSeconds).toBeGreaterThan(360 + 600);
  });
});

describe('cluster-autoscaler --max-nodes-total counts the ready nodes (static_autoscaler.go readyNodes, orchestrator len(nodes)+len(upcomingNodes))', () => {
  it('replaces a failed node at the maximum: a NotReady node does not count', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // Three nodes, a 500m pod on each, max-nodes-total 3; workers-1 fails for good at 1 s, its pod is
    // evicted at 351 s and fits neither other node.
    const app = APP_2_PODS.replace('replicas: 2', 'replicas: 3').replace('cpu: 100m', 'cpu: 500m');
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 15m',
      '  nodePools:',
      '    - {name: workers, count: 3, minSize: 1, maxSize: 10, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste, maxNodesTotal: 3}',
      '  faults:',
      '    - nodeFailure: {node: workers-1, at: 1s}',
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    const up = records.find((r) => r.action === 'scale-up');
    expect(up).toBeDefined();
    expect(up!.timeSeconds).toBeGreaterThan(351);
    expect(up!.timeSeconds).toBeLessThan(351 + 15);
    expect([up!.nodesBefore, up!.nodesAfter]).toEqual([3, 4]);
  });
});

describe('cluster-autoscaler and pods with local storage (simulator/drainability/rules/localstorage, utils/drain isLocalVolume)', () => {
  async function removalsWith(volumes: string, annotations = '{}'): Promise<CaDecisionRecord[]> {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // Two nodes, a 100m pod on each: one node is drained after the unneeded time, unless its pod's volumes block it.
    const app = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: app}',
      'spec:',
      '  replicas: 2',
      '  selector: {matchLabels: {app: app}}',
      '  template:',
      `    metadata: {labels: {app: app}, annotations: ${annotations}}`,
      '    spec:',
      `      volumes: ${volumes}`,
      '      containers:',
      '        - {name: c, image: x, resources: {requests: {cpu: 100m, memory: 100Mi}}}',
      '',
    ].join('\n');
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 15m',
      '  nodePools:',
      '    - {name: workers, count: 2, minSize: 1, maxSize: 5, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste}',
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    return records.filter((r) => r.removedNodes.length > 0);
  }

  it('keeps a node whose pod has an emptyDir on disk or a hostPath volume', async () => {
    expect(await removalsWith('[{name: cache, emptyDir: {}}]')).toEqual([]);
    expect(await removalsWith('[{name: logs, hostPath: {path: /var/log}}]')).toEqual([]);
  });

  it('drains it when the emptyDir is in memory, the volume is listed safe to evict, or there is no local volume', async () => {
    expect(await removalsWith('[{name: cache, emptyDir: {medium: Memory}}]')).toHaveLength(1);
    expect(await removalsWith('[{name: cache, emptyDir: {}}]', '{cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes: cache}')).toHaveLength(1);
    expect(await removalsWith('[{name: config, configMap: {name: app}}]')).toHaveLength(1);
  });
});

describe('cluster-autoscaler drains within PodDisruptionBudgets (drain.go evictPod)', () => {
  it('evicts a node\'s pods one by one as the budget allows, keeping the ready pods at replicas − maxUnavailable', async () => {
    const { loadFolder } = await import('../scenario/helpers/scenario-folder.js');
    // Two nodes, four 100m pods (two on each), maxUnavailable 1: the drained node's second pod waits
    // for the first one's replacement to be Ready (a retry 10 s later).
    const app = [
      APP_2_PODS.replace('replicas: 2', 'replicas: 4').trimEnd(),
      '---',
      'apiVersion: policy/v1',
      'kind: PodDisruptionBudget',
      'metadata: {name: app}',
      'spec: {maxUnavailable: 1, selector: {matchLabels: {app: app}}}',
      '',
    ].join('\n');
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 15m',
      '  outputInterval: 1s',
      '  nodePools:',
      '    - {name: workers, count: 2, minSize: 1, maxSize: 5, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '  clusterAutoscaler: {expander: least-waste}',
      '',
    ].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': app });
    const records: CaDecisionRecord[] = [];
    const tables = new MemoryTables();
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }], tables: tables.factory });
    const drain = records.find((r) => r.removedNodes.length > 0)!;
    expect(drain.detail).toMatch(/^removing workers-\d \(drain\)/);
    const series = tables.get('timeseries.csv');
    const col = (name: string) => series.header.indexOf(name);
    const after = series.rows.filter((r) => (r[0] as number) >= drain.timeSeconds);
    expect(Math.min(...after.map((r) => r[col('app.ready_replicas')] as number))).toBe(3);
    // The node goes after the second eviction (10 s after the first) and a 5 s look.
    const goneAt = after.find((r) => (r[col('workers.nodes')] as number) === 1)![0] as number;
    expect(goneAt - drain.timeSeconds).toBeGreaterThan(19);
    expect(goneAt - drain.timeSeconds).toBeLessThanOrEqual(21);
  });
});
