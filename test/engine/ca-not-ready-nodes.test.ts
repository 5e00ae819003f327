/**
 * A nodeFailure seen by the cluster-autoscaler, through whole runs. Upstream keeps a NotReady node
 * in its simulations (RunOnce: the snapshot and scale-down's destinations come from allNodes), with
 * its node.kubernetes.io/unreachable NoSchedule taint:
 * - a pod that tolerates that taint may be moved onto the NotReady node's free room, so the node it
 *   runs on is unneeded and removed after scale-down-unneeded-time; the scheduler then binds the
 *   evicted pod's replacement to the NotReady node, where it never starts (upstream's outcome);
 * - the failed node itself is a scale-down candidate, removed after --scale-down-unready-time
 *   (20 min) unneeded, not the 10 min of a Ready node (already so before NotReady nodes joined the
 *   simulations: the candidates were always allNodes).
 */
import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../src/cluster/model.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import { runRecordingCa, type CaRecordedRun } from '../helpers/ca-recorded-run.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

function deployment(name: string, replicas: number, cpu: string, podSpec: string[] = []): string {
  return deploymentYaml(
    name,
    replicas,
    ...podSpec.map((line) => `      ${line}`),
    '      containers:',
    `        - {name: c, image: x, resources: {requests: {cpu: ${cpu}, memory: 100Mi}}}`,
  );
}

async function run(pools: string[], manifests: Record<string, string>, fault: string, duration: string): Promise<CaRecordedRun> {
  const yaml = [
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  seed: 1',
    `  duration: ${duration}`,
    '  nodePools:',
    ...pools.map((p) => `    - ${p}`),
    '  clusterAutoscaler: {expander: least-waste}',
    '  faults:',
    `    - ${fault}`,
    '',
  ].join('\n');
  return runRecordingCa(await loadFolder({ 'scenario.yaml': yaml, ...manifests }));
}

const removalsOf = (records: CaDecisionRecord[], node: string) => records.filter((r) => r.removedNodes.some((n) => n.node === node));

describe('a NotReady node is a destination of the removal simulation for a pod that tolerates its taint', () => {
  // `fixed` (not autoscaled) runs `big` (1 CPU of 2, its nodeSelector) and fails at 60 s for good:
  // NotReady at 115 s, `big` evicted at 420 s and its replacement Pending (no node for it). `workers`
  // (0–2 nodes) runs `tol` (300m, 15%), which tolerates node.kubernetes.io/unreachable and prefers
  // `workers`; `fixed` is the only other node with room for it.
  const pools = [
    '{name: fixed, count: 1, cpu: "2", memory: 4Gi, labels: {pool: fixed}}',
    '{name: workers, count: 1, minSize: 0, maxSize: 2, cpu: "2", memory: 4Gi, labels: {pool: workers}, bootTime: 60s}',
  ];
  const tolerant = [
    'tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists}]',
    'affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, preference: {matchExpressions: [{key: pool, operator: In, values: [workers]}]}}]}}',
  ];
  const manifests = {
    'manifests/big.yaml': deployment('big', 1, '1', ['nodeSelector: {pool: fixed}']),
    'manifests/tol.yaml': deployment('tol', 1, '300m', tolerant),
  };

  it('removes workers-0 after 10 min unneeded though fixed-0 is NotReady; the scheduler binds tol’s replacement to fixed-0, where it never starts', async () => {
    const { built, records, pods } = await run(pools, manifests, 'nodeFailure: {node: fixed-0, at: 60s}', '30m');
    const tolPods = [...pods].filter((p) => p.owner.name === 'tol');
    // The warm start put tol on workers-0 (its preference).
    const first = tolPods.find((p) => p.createdSeconds <= 0)!;
    expect(first.node?.name).toBe('workers-0');
    // The fault as node-not-ready-time.ts times it: Lease renewed at 60 s, seen at 65 s, marked at 115 s.
    const fixed = built.cluster.nodes.find((n) => n.name === 'fixed-0')!;
    expect(built.cluster.health.notReadySinceSeconds(fixed)).toBe(115);

    // workers-0 is unneeded from the first loop on (tol fits fixed-0's free room, Ready or not) and
    // removed in the first loop more than 600 s later.
    const removals = removalsOf(records, 'workers-0');
    expect(removals).toHaveLength(1);
    const [removal] = removals;
    expect(removal!.timeSeconds).toBeGreaterThan(600);
    expect(removal!.timeSeconds).toBeLessThan(630);
    expect(removal!.removedNodes).toEqual([{ node: 'workers-0', unneededForSeconds: expect.any(Number) }]);
    expect(removal!.removedNodes[0]!.unneededForSeconds).toBeGreaterThan(600);
    expect(removal!.removedNodes[0]!.unneededForSeconds).toBeLessThanOrEqual(610);
    // No loop between the marking and the removal found workers-0 needed.
    for (const r of records.filter((x) => x.timeSeconds > 115 && x.timeSeconds < removal!.timeSeconds)) expect(r.detail).toContain('workers-0 for');

    // The drain evicted tol; its replacement went to the NotReady node it tolerates, and never started.
    expect(first.deletionSeconds).toBeGreaterThan(removal!.timeSeconds);
    const replacement = tolPods.find((p) => p.createdSeconds > removal!.timeSeconds)!;
    expect(replacement.node?.name).toBe('fixed-0');
    expect([replacement.phase, replacement.containerStartSeconds, replacement.ready]).toEqual(['Pending', undefined, false]);
    expect(built.workloads.find((w) => w.name === 'tol')!.servingPods).toBe(0);
  });
});

describe('the failed node is a scale-down candidate with --scale-down-unready-time (20 min)', () => {
  it('removes the NotReady node once it has been unneeded for more than 1200 s, not 600 s', async () => {
    // Two 940m nodes, one 500m pod on each (53%: neither underutilized). workers-1 fails at 60 s:
    // NotReady at 115 s, its pod evicted at 420 s (Terminating while the kubelet is down, then
    // long-terminating: it no longer counts), the replacement brings a third node. workers-1 is then
    // empty and unneeded, and goes only after the unready time.
    const pool = '{name: workers, count: 2, minSize: 1, maxSize: 3, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: 60s}';
    const { built, records } = await run([pool], { 'manifests/app.yaml': deployment('app', 2, '500m') }, 'nodeFailure: {node: workers-1, at: 60s}', '50m');
    const failed = records.flatMap((r) => r.removedNodes.filter((n) => n.node === 'workers-1').map((n) => ({ at: r.timeSeconds, ...n })));
    expect(failed).toHaveLength(1);
    const [removal] = failed;
    expect(removal!.unneededForSeconds).toBeGreaterThan(1200);
    expect(removal!.unneededForSeconds).toBeLessThanOrEqual(1200 + 10);
    // Unneeded long before 600 s ago: a Ready node would have gone ten minutes earlier.
    const unneededFrom = removal!.at - removal!.unneededForSeconds;
    expect(unneededFrom).toBeGreaterThan(420);
    expect(records.some((r) => r.timeSeconds > unneededFrom + 600 && r.timeSeconds < removal!.at && r.detail.includes('workers-1 for'))).toBe(true);
    const gone: SimNode | undefined = built.cluster.nodes.find((n) => n.name === 'workers-1');
    expect(gone).toBeUndefined();
  });
});
