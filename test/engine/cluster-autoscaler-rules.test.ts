/**
 * Cluster-autoscaler rules on small runs, each against the upstream function it mirrors: node
 * deletion timing and drains within PodDisruptionBudgets, very new pods, the cluster-wide limits,
 * node groups at their min size, cluster health, and local storage.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

/** A Deployment `app` of `replicas` pods of `cpu` and 100Mi; `podSpec` lines go under the template's spec. */
function deployment(replicas: number, cpu: string, podSpec: string[] = [], annotations = '{}'): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: app}',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector: {matchLabels: {app: app}}',
    '  template:',
    `    metadata: {labels: {app: app}, annotations: ${annotations}}`,
    '    spec:',
    ...podSpec.map((line) => `      ${line}`),
    '      containers:',
    `        - {name: c, image: x, resources: {requests: {cpu: ${cpu}, memory: 100Mi}}}`,
    '',
  ].join('\n');
}

interface RunOptions {
  /** Nodes of the one pool at t = 0 (`workers`, maxSize 10 unless given). */
  nodes: number;
  minSize?: number;
  maxSize?: number;
  nodeCpu?: string;
  nodeMemory?: string;
  duration: string;
  /** The clusterAutoscaler settings beyond the expander, as YAML flow-map entries. */
  ca?: string;
  faults?: string[];
  seed?: number;
  /** 1 s rows in timeseries.csv. */
  everySecond?: boolean;
}

/** Runs `manifests` on one pool; returns the CA loops and, with everySecond, the time series. */
async function run(manifests: string, o: RunOptions): Promise<{ records: CaDecisionRecord[]; series: MemoryTableSink | undefined }> {
  const pool = `{name: workers, count: ${o.nodes}, minSize: ${o.minSize ?? 1}, maxSize: ${o.maxSize ?? 10}, cpu: ${o.nodeCpu ?? '940m'}, memory: ${o.nodeMemory ?? '1600Mi'}, maxPods: 11, bootTime: {min: 60s, max: 120s}}`;
  const yaml = [
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    `  seed: ${o.seed ?? 1}`,
    `  duration: ${o.duration}`,
    ...(o.everySecond === true ? ['  outputInterval: 1s'] : []),
    '  nodePools:',
    `    - ${pool}`,
    `  clusterAutoscaler: {expander: least-waste${o.ca === undefined ? '' : `, ${o.ca}`}}`,
    ...(o.faults === undefined ? [] : ['  faults:', ...o.faults.map((f) => `    - ${f}`)]),
    '',
  ].join('\n');
  const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': manifests });
  const records: CaDecisionRecord[] = [];
  const tables = new MemoryTables();
  runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }], ...(o.everySecond === true ? { tables: tables.factory } : {}) });
  return { records, series: o.everySecond === true ? tables.get('timeseries.csv') : undefined };
}

/** The first removal loop and the time its node is gone (from the 1 s series). */
function firstRemoval(records: CaDecisionRecord[], series: MemoryTableSink | undefined) {
  const loop = records.find((r) => r.removedNodes.length > 0)!;
  const col = (name: string) => series!.header.indexOf(name);
  const after = series!.rows.filter((r) => (r[0] as number) >= loop.timeSeconds);
  const before = after[0]![col('workers.nodes')] as number;
  const goneAt = after.find((r) => (r[col('workers.nodes')] as number) < before)![0] as number;
  return { loop, goneAfterSeconds: goneAt - loop.timeSeconds, after, col };
}

const removals = (records: CaDecisionRecord[]) => records.filter((r) => r.removedNodes.length > 0);

describe('node deletion (actuator.go deleteNodesAsync, drain.go waitPodsToDisappear and evictPod)', () => {
  it('drains a node 5 s after its taint and deletes it at the next 5 s look, billing it until then', async () => {
    const { records, series } = await run(deployment(2, '100m'), { nodes: 2, duration: '15m', everySecond: true });
    const { loop, goneAfterSeconds } = firstRemoval(records, series);
    expect(loop.detail).toMatch(/^removing workers-\d \(drain\)/);
    // Tainted at T, pods evicted at T + 5 s (gone 2 s later), node deleted at the look at T + 10 s.
    expect(goneAfterSeconds).toBeGreaterThan(9);
    expect(goneAfterSeconds).toBeLessThanOrEqual(11);
  });

  it("evicts a node's pods one by one as their budget allows, keeping the ready pods at replicas − maxUnavailable", async () => {
    // Two nodes, four 100m pods (two on each), maxUnavailable 1: the drained node's second pod waits
    // for the first one's replacement to be Ready (a retry 10 s later).
    const pdb = ['---', 'apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: app}', 'spec: {maxUnavailable: 1, selector: {matchLabels: {app: app}}}', ''];
    const { records, series } = await run([deployment(4, '100m').trimEnd(), ...pdb].join('\n'), { nodes: 2, duration: '15m', everySecond: true });
    const { loop, goneAfterSeconds, after, col } = firstRemoval(records, series);
    expect(loop.detail).toMatch(/^removing workers-\d \(drain\)/);
    expect(Math.min(...after.map((r) => r[col('app.ready_replicas')] as number))).toBe(3);
    // The node goes after the second eviction (10 s after the first) and a 5 s look.
    expect(goneAfterSeconds).toBeGreaterThan(19);
    expect(goneAfterSeconds).toBeLessThanOrEqual(21);
  });
});

describe('very new pods (static_autoscaler.go allPodsAreNew)', () => {
  it('waits while every pending pod is younger than 2 s, removing no node in that loop either', async () => {
    // Three 400m pods on one 940m node at t = 0: the third is Unschedulable about 1 s later; with a
    // 1 s scan the CA sees it at under 2 s old first.
    const { records } = await run(deployment(3, '400m'), { nodes: 1, seed: 3, duration: '1m', ca: 'scanInterval: 1s' });
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

describe('cluster-wide limits', () => {
  it('counts nodes still booting against --cores-total, by the group target size (scaleup/resource/manager.go coresMemoryTotal)', async () => {
    // 1-CPU nodes, cores-total max 3: four 800m pods need four nodes, the cap allows three.
    const { records } = await run(deployment(4, '800m'), { nodes: 1, nodeCpu: '1000m', nodeMemory: '4Gi', duration: '10m', ca: 'coresTotal: "0:3"' });
    const ups = records.filter((r) => r.action === 'scale-up');
    // One scale-up of two nodes, capped by the cores; the loops while they boot add none.
    expect(ups.map((r) => [r.nodesBefore, r.nodesAfter])).toEqual([[1, 3]]);
    expect(ups[0]!.detail).toContain('capped by CoresTotal');
    expect(Math.max(...records.map((r) => r.nodesAfter))).toBe(3);
    const later = records.filter((r) => r.timeSeconds > ups[0]!.timeSeconds && r.unschedulablePods > 0);
    expect(later.length).toBeGreaterThan(0);
    for (const r of later) expect(r.reason).toBe('LimitsReached');
  });

  it('keeps the --cores-total minimum without the nodes being deleted (scaledown/resource/limits.go coresMemoryTotal)', async () => {
    // Three 1-CPU nodes, a 100m pod on two of them, cores-total min 2: only one node may go. With a
    // 2 s scan the empty node is still being deleted (5 s after its taint) at the next loops.
    const { records } = await run(deployment(2, '100m'), { nodes: 3, nodeCpu: '1000m', nodeMemory: '4Gi', duration: '15m', ca: 'scanInterval: 2s, coresTotal: "2:100"' });
    expect(removals(records).flatMap((r) => r.removedNodes)).toHaveLength(1);
    expect(records.some((r) => r.detail.includes('(MinimalResourceLimitExceeded)'))).toBe(true);
  });

  it('counts the nodes still booting toward the --cores-total minimum, as the snapshot holds them (RunOnce addUpcomingNodesToClusterSnapshot)', async () => {
    // small: two 1-CPU nodes, one empty; big: a 4-CPU node booting for 5 min for a 2-CPU pod. With
    // cores-total min 2, the empty node may go while big boots (2 + 4 − 2 cores to spare).
    const yaml = [
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  seed: 1',
      '  duration: 10m',
      '  nodePools:',
      '    - {name: small, count: 2, minSize: 1, maxSize: 5, cpu: 1000m, memory: 4Gi, maxPods: 11, bootTime: {min: 60s, max: 120s}}',
      '    - {name: big, count: 0, minSize: 0, maxSize: 2, cpu: 4000m, memory: 16Gi, maxPods: 11, bootTime: {min: 300s, max: 300s}}',
      '  clusterAutoscaler: {expander: least-waste, coresTotal: "2:100", scaleDownUnneededTime: 1m, scaleDownDelayAfterAdd: 0s}',
      '',
    ].join('\n');
    const manifests = [deployment(1, '500m').trimEnd(), '---', deployment(1, '2000m').replace(/\bapp\b/g, 'wide')].join('\n');
    const scenario = await loadFolder({ 'scenario.yaml': yaml, 'manifests/app.yaml': manifests });
    const records: CaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    const up = records.find((r) => r.action === 'scale-up')!;
    expect(up.group).toBe('big');
    const removal = removals(records)[0]!;
    expect(removal.removedNodes.map((n) => n.node)).toEqual([expect.stringMatching(/^small-/)]);
    expect(removal.timeSeconds).toBeLessThan(up.timeSeconds + 300);
  });

  it('counts the ready nodes against --max-nodes-total: a failed node is replaced at the maximum (RunOnce readyNodes)', async () => {
    // Three nodes, a 500m pod on each, max-nodes-total 3; workers-1 fails for good at 1 s (Lease renewed
    // at 0 s, seen at 5 s, NotReady at 55 s, NoExecute at 60 s), its pod is evicted at 360 s and fits
    // neither other node.
    const { records } = await run(deployment(3, '500m'), { nodes: 3, duration: '15m', ca: 'maxNodesTotal: 3', faults: ['nodeFailure: {node: workers-1, at: 1s}'] });
    const up = records.find((r) => r.action === 'scale-up');
    expect(up).toBeDefined();
    expect(up!.timeSeconds).toBeGreaterThan(360);
    expect(up!.timeSeconds).toBeLessThan(360 + 15);
    expect([up!.nodesBefore, up!.nodesAfter]).toEqual([3, 4]);
  });
});

describe('a node group at its min size (processors/nodes/pre_filtering_processor.go)', () => {
  it('finds no node of the group unneeded while its target size is at its min size', async () => {
    // Two nodes, min 2, one 100m pod on each: either pod fits the other node, but the group is at its min.
    const { records } = await run(deployment(2, '100m'), { nodes: 2, minSize: 2, duration: '20m' });
    expect(records.length).toBeGreaterThan(100);
    for (const r of records) {
      expect(r.reason).toBe('NoRemovableNodes');
      expect(r.detail).not.toContain('unneeded:');
    }
  });
});

describe('too many nodes NotReady (clusterstate.go IsClusterHealthy)', () => {
  it('does nothing while more than 3 nodes and more than 45% of them are Unready, not even scale up for the evicted pods', async () => {
    // Eight nodes, a 500m pod on each; four fail at 1 s (NotReady at 55 s; tainted NoExecute 10 s apart
    // from 60 s, half the zone NotReady being below the 55% of a partial disruption; pods evicted from
    // 360 s) and recover at 901 s.
    const faults = [1, 2, 3, 4].map((i) => `nodeFailure: {node: workers-${i}, at: 1s, recoverAfter: 15m}`);
    const { records } = await run(deployment(8, '500m'), { nodes: 8, duration: '30m', faults });
    const during = records.filter((r) => r.timeSeconds > 55 && r.timeSeconds < 900);
    expect(during.length).toBeGreaterThan(80);
    for (const r of during) expect(r).toMatchObject({ action: 'no-op', reason: 'ClusterUnhealthy', detail: '4 of 8 nodes unready' });
    expect(during.some((r) => r.unschedulablePods > 0)).toBe(true);
    expect(records.filter((r) => r.action === 'scale-up' && r.timeSeconds < 900)).toEqual([]);
  });

  it('starts the unneeded timers afresh once the cluster is healthy again (CleanUpUnneededNodes)', async () => {
    // Six nodes, two 100m pods: four nodes are unneeded from the first loop. Four nodes fail at
    // 60 s (NotReady at 115 s) and recover at 360 s; no node may go before 360 s + 600 s.
    const faults = [2, 3, 4, 5].map((i) => `nodeFailure: {node: workers-${i}, at: 60s, recoverAfter: 5m}`);
    const { records } = await run(deployment(2, '100m'), { nodes: 6, duration: '30m', faults });
    expect(records.some((r) => r.timeSeconds < 60 && r.detail.includes('unneeded: '))).toBe(true);
    expect(records.some((r) => r.reason === 'ClusterUnhealthy')).toBe(true);
    expect(removals(records).length).toBeGreaterThan(0);
    expect(removals(records)[0]!.timeSeconds).toBeGreaterThan(360 + 600);
  });
});

describe('pods with local storage (simulator/drainability/rules/localstorage, utils/drain isLocalVolume)', () => {
  /** Two nodes, a 100m pod on each: one node is drained after the unneeded time, unless its pod's volumes block it. */
  async function removalsWith(volumes: string, annotations = '{}'): Promise<CaDecisionRecord[]> {
    return removals((await run(deployment(2, '100m', [`volumes: ${volumes}`], annotations), { nodes: 2, duration: '15m' })).records);
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
