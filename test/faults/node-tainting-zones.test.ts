/**
 * The node lifecycle controller's NoExecute tainting by zone (src/cluster/no-execute-tainter.ts),
 * time-stamped on small runs. Every node's kubelet renews its Lease every 10 s from 0; a node that
 * fails at 60 s is NotReady at 115 s and asked for the NoExecute taint at the next 5 s pass, 120 s
 * (node-failure-timing.test.ts). Each sample is "t" and one letter a node: R Ready, N NotReady,
 * X NotReady and tainted NoExecute; only the changes are kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_NOT_READY_NO_EXECUTE_TAINT, NODE_UNREACHABLE_NO_EXECUTE_TAINT } from '../../src/cluster/node-health.js';
import { Phase } from '../../src/core/phases.js';
import { buildSimulation, type BuiltSimulation } from '../../src/engine/build-simulation.js';
import { baseFiles, BASE_SCENARIO, deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { lines, loadFolder } from '../scenario/helpers/scenario-folder.js';

const NO_EXECUTE = [NODE_UNREACHABLE_NO_EXECUTE_TAINT, NODE_NOT_READY_NO_EXECUTE_TAINT];

async function build(pools: string[], faults: string[], replicas: number): Promise<BuiltSimulation> {
  const scenario = lines(
    // The base scenario's lines 1–7: its trace.
    ...BASE_SCENARIO.split('\n').slice(0, 7),
    '  nodePools:',
    ...pools.map((p) => `    - ${p}`),
    '  workloads:',
    '    web: {trace: web, cpuMillicoreSecondsPerRequest: 20}',
    '  faults:',
    ...faults.map((f) => `    - ${f}`),
  );
  const container = '      containers: [{name: web, resources: {requests: {cpu: 100m, memory: 64Mi}}}]';
  const loaded = await loadFolder({ ...baseFiles(), 'scenario.yaml': scenario, 'manifests/web.yaml': deploymentYaml('web', replicas, container) }, { durationSeconds: 3600 });
  return buildSimulation(loaded, []);
}

/** Runs to `untilSeconds`, sampling the nodes every second; returns the changes. */
function nodeStates(built: BuiltSimulation, untilSeconds: number): string[] {
  const samples: string[] = [];
  built.sim.every(1, 1, Phase.OBSERVE, 'probe', () => {
    const state = built.cluster.nodes.map((n) => (n.ready ? 'R' : n.taints.some((t) => NO_EXECUTE.some((x) => x.key === t.key && x.effect === t.effect)) ? 'X' : 'N')).join('');
    if (samples.at(-1)?.split(' ')[1] !== state) samples.push(`${built.sim.nowSeconds} ${state}`);
  }, untilSeconds);
  built.sim.runUntil(untilSeconds);
  return samples;
}

/** Every NoExecute taint put on during the run, as "t node", whatever comes off again at the same instant. */
function noExecuteTaintsOn(built: BuiltSimulation): string[] {
  const log: string[] = [];
  const setTaint = built.cluster.setTaint.bind(built.cluster);
  built.cluster.setTaint = (node, taint, on) => {
    if (on && taint.effect === 'NoExecute' && !node.taints.some((t) => t.key === taint.key && t.effect === taint.effect)) log.push(`${built.sim.nowSeconds} ${node.name}`);
    setTaint(node, taint, on);
  };
  return log;
}

const failure = (node: string, extra = '') => `{nodeFailure: {node: ${node}, at: 60s${extra}}}`;

describe('NoExecute tainting by zone (node_lifecycle_controller.go doNoExecuteTaintingPass, handleDisruption)', () => {
  it('taints nodes of one zone that fail together 10 s apart (--node-eviction-rate 0.1, burst 1)', async () => {
    const built = await build(['{name: default, count: 10, cpu: "4", memory: 16Gi}'], ['default-1', 'default-2', 'default-3'].map((n) => failure(n)), 10);
    expect(nodeStates(built, 200)).toEqual(['1 RRRRRRRRRR', '115 RNNNRRRRRR', '120 RXNNRRRRRR', '130 RXXNRRRRRR', '140 RXXXRRRRRR']);
  });

  it('each zone has its own queue and token: two zones fail at once, tainted at once', async () => {
    const pools = ['{name: a, count: 3, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: a}}', '{name: b, count: 3, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: b}}'];
    const built = await build(pools, [failure('a-0'), failure('b-0')], 6);
    expect(nodeStates(built, 200)).toEqual(['1 RRRRRR', '115 NRRNRR', '120 XRRXRR']);
  });

  it('a zone wholly NotReady, while another zone is not, is tainted at the normal rate (full disruption of one zone)', async () => {
    const pools = ['{name: a, count: 2, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: a}}', '{name: b, count: 1, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: b}}'];
    const built = await build(pools, [failure('a-0'), failure('a-1')], 3);
    expect(nodeStates(built, 200)).toEqual(['1 RRR', '115 NNR', '120 XNR', '130 XXR']);
  });

  it('a nodeFailure of a zone takes every live node of the zone down at once; the zone alone wholly NotReady is tainted at the normal rate', async () => {
    const pools = ['{name: a, count: 2, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: za}}', '{name: b, count: 2, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: zb}}'];
    const built = await build(pools, ['{nodeFailure: {zone: za, at: 60s, recoverAfter: 30m}}'], 4);
    const onA = built.cluster.nodes.slice(0, 2).flatMap((n) => built.cluster.podsOn(n));
    expect(nodeStates(built, 2000)).toEqual(['1 RRRR', '115 NNRR', '120 XNRR', '130 XXRR', '1860 RRRR']);
    expect(onA.map((p) => p.deletionSeconds).sort()).toEqual(onA.map((p) => (p.node === built.cluster.nodes[0] ? 420 : 430)).sort());
  });

  it('a small zone mostly NotReady (4 of 5: partial disruption, 50 nodes or fewer) is not tainted, and no pod is evicted, until enough nodes are back; the drained limiter then waits 10 s', async () => {
    const faults = [failure('default-1'), failure('default-2'), failure('default-3', ', recoverAfter: 600s'), failure('default-4', ', recoverAfter: 600s')];
    const built = await build(['{name: default, count: 5, cpu: "4", memory: 16Gi}'], faults, 5);
    const onFailed = built.cluster.podsOn(built.cluster.nodes[1]!);
    // Recovered at 660 s: 2 of 5 NotReady is normal; SwapLimiter from the never-limiter drains the new one.
    expect(nodeStates(built, 1000)).toEqual(['1 RRRRR', '115 RNNNN', '660 RNNRR', '670 RXNRR', '680 RXXRR']);
    expect(onFailed.length).toBeGreaterThan(0);
    for (const pod of onFailed) expect(pod.deletionSeconds).toBe(670 + 300);
  });

  it("evaluates a pass's zones before trying the queues: two nodes asked for at 120 s are not tainted when the pass makes the zone partly disrupted (3 of 4)", async () => {
    // default-3 fails with them, but a grace period of 55 s makes it NotReady at 65 + 55 = 120 s, the pass at which default-1 and default-2 are asked for.
    const faults = [failure('default-1'), failure('default-2'), failure('default-3', ', nodeMonitorGracePeriod: 55s')];
    const built = await build(['{name: default, count: 4, cpu: "4", memory: 16Gi}'], faults, 4);
    const tainted = noExecuteTaintsOn(built);
    expect(nodeStates(built, 600)).toEqual(['1 RRRR', '115 RNNR', '120 RNNN']);
    expect(tainted).toEqual([]);
  });

  it('leaves a node labelled node.kubernetes.io/exclude-disruption out of the zone states (isNodeExcludedFromDisruptionChecks), not out of the tainting', async () => {
    // Two nodes, one excluded: its failure alone leaves the zone (the other node) normal; the other's makes it wholly NotReady.
    const pools = ['{name: kept, count: 1, cpu: "4", memory: 16Gi}', '{name: excluded, count: 1, cpu: "4", memory: 16Gi, labels: {node.kubernetes.io/exclude-disruption: ""}}'];
    const alone = await build(pools, [failure('excluded-0')], 2);
    expect(nodeStates(alone, 200)).toEqual(['1 RR', '115 RN', '120 RX']);
    const both = await build(pools, [failure('kept-0'), failure('excluded-0')], 2);
    expect(nodeStates(both, 200)).toEqual(['1 RR', '115 NN']);
  });

  it('resets the probe timestamps when master disruption mode ends: a node whose kubelet died just before is marked NotReady a grace period after the end', async () => {
    // default-0 fails at 60 s (tainted 120 s); default-1 at 200 s (NotReady 255 s: every counted node
    // down, master mode; default-0 untainted) and is back at 500 s (the mode ends: the limiter drained,
    // default-0 tainted at 510 s). excluded-0 is not counted; its kubelet dies at 480 s (renewed then,
    // seen at 485 s): NotReady at 535 s, but the probe reset at 500 s puts it at 550 s.
    const pools = ['{name: default, count: 2, cpu: "4", memory: 16Gi}', '{name: excluded, count: 1, cpu: "4", memory: 16Gi, labels: {node.kubernetes.io/exclude-disruption: ""}}'];
    const faults = [failure('default-0'), '{nodeFailure: {node: default-1, at: 200s, recoverAfter: 300s}}', '{nodeFailure: {node: excluded-0, at: 480s}}'];
    const built = await build(pools, faults, 3);
    expect(nodeStates(built, 700)).toEqual(['1 RRR', '115 NRR', '120 XRR', '255 NNR', '500 NRR', '510 XRR', '550 XRN', '555 XRX']);
  });

  it('a zone of excluded nodes only has no state: master disruption mode untaints its nodes with the rest and they are tainted again at the next pass', async () => {
    const pools = ['{name: a, count: 1, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: za}}', '{name: x, count: 1, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: zx, node.kubernetes.io/exclude-disruption: ""}}'];
    const built = await build(pools, [failure('x-0'), '{nodeFailure: {node: a-0, at: 200s}}'], 2);
    const onX = built.cluster.podsOn(built.cluster.nodes[1]!);
    expect(nodeStates(built, 1000)).toEqual(['1 RR', '115 RN', '120 RX', '255 NN', '260 NX']);
    expect(onX.length).toBeGreaterThan(0);
    for (const pod of onX) expect(pod.deletionSeconds).toBe(260 + 300);
  });

  it('a one-node cluster whose node fails: every zone is fully disrupted (master disruption mode), no NoExecute taint, no eviction', async () => {
    const built = await build(['{name: default, count: 1, cpu: "4", memory: 16Gi}'], [failure('default-0')], 2);
    const pods = built.cluster.podsOn(built.cluster.nodes[0]!);
    expect(nodeStates(built, 1800)).toEqual(['1 R', '115 N']);
    for (const pod of pods) expect(pod.deletionSeconds).toBeUndefined();
  });

  it('master disruption mode takes the NoExecute taints off (pending evictions dropped) and, when a node is Ready again, taints the NotReady ones afresh from 10 s later', async () => {
    // default-0 fails at 60 s, tainted at 120 s (its pods due at 420 s); default-1 fails at 200 s,
    // NotReady at 255 s: the only zone is fully disrupted, default-0's taint comes off. default-1 is
    // back at 500 s: the mode ends at that pass, the new limiter drained, default-0 tainted at 510 s.
    const faults = [failure('default-0'), '{nodeFailure: {node: default-1, at: 200s, recoverAfter: 300s}}'];
    const built = await build(['{name: default, count: 2, cpu: "4", memory: 16Gi}'], faults, 2);
    const pods = built.cluster.podsOn(built.cluster.nodes[0]!);
    expect(nodeStates(built, 1000)).toEqual(['1 RR', '115 NR', '120 XR', '255 NN', '500 NR', '510 XR']);
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) expect(pod.deletionSeconds).toBe(510 + 300);
  });
});

describe('NoExecute tainting invariants (property)', () => {
  it('in zones of up to 50 nodes, a zone taints at most one node per 10 s; while every node is NotReady, none carries a NoExecute taint', async () => {
    const failureArb = fc.record({ atSeconds: fc.integer({ min: 10, max: 300 }), recoverAfterSeconds: fc.option(fc.integer({ min: 30, max: 600 }), { nil: undefined }) });
    const clusterArb = fc.array(fc.array(fc.option(failureArb, { nil: undefined }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(clusterArb, async (zones) => {
        const pools = zones.map((nodes, z) => `{name: z${z}, count: ${nodes.length}, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: z${z}}}`);
        const faults = zones.flatMap((nodes, z) =>
          nodes.flatMap((f, i) => (f === undefined ? [] : [`{nodeFailure: {node: z${z}-${i}, at: ${f.atSeconds}s${f.recoverAfterSeconds === undefined ? '' : `, recoverAfter: ${f.recoverAfterSeconds}s`}}}`])),
        );
        if (faults.length === 0) return;
        const built = await build(pools, faults, zones.flat().length);
        const taintedAt = new Map<string, number[]>();
        const setTaint = built.cluster.setTaint.bind(built.cluster);
        built.cluster.setTaint = (node, taint, on) => {
          if (on && taint.effect === 'NoExecute' && !node.taints.some((t) => t.key === taint.key && t.effect === taint.effect)) {
            // No taint goes on while every node is NotReady, not even for an instant.
            expect(built.cluster.nodes.some((n) => !n.removed && n.ready)).toBe(true);
            const zone = node.labels['topology.kubernetes.io/zone']!;
            taintedAt.set(zone, [...(taintedAt.get(zone) ?? []), built.sim.nowSeconds]);
          }
          setTaint(node, taint, on);
        };
        built.sim.runUntil(1500);
        for (const times of taintedAt.values()) {
          for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(10 - 1e-6);
        }
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
