/**
 * PodTopologySpread scoring (podtopologyspread/scoring.go PreScore, Score, NormalizeScore; weight 2)
 * with the system default constraints (plugin.go systemDefaultConstraints: hostname maxSkew 3, zone
 * maxSkew 5). The tables are cases of upstream's scoring_test.go TestPodTopologySpreadScore and
 * TestPreScoreStateEmptyNodes, named as there.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { DeploymentController } from '../../src/cluster/deployment-controller.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { SpreadGroup } from '../../src/cluster/topology-spread-counts.js';
import {
  HOSTNAME_LABEL,
  normalizeSpreadScores,
  rawSpreadScore,
  SYSTEM_DEFAULT_CONSTRAINTS,
  topologyNormalizingWeight,
  ZONE_LABEL,
  type SoftSpreadConstraint,
} from '../../src/cluster/topology-spread-score.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { SimNode } from '../../src/cluster/model.js';
import type { WorkloadSpec } from '../../src/scenario/types.js';
import { makeNode, makePod, makePool, makeTemplate } from '../helpers/builders.js';

const GiB = 2 ** 30;

/**
 * Scores of the candidate nodes for constraints on one key each: `counts[n][i]` is the matching
 * pods in candidate n's domain of constraint i (undefined: the node lacks the key), `domains[i]`
 * the distinct values of key i over the candidates, `ignored` the candidates upstream ignores.
 */
function scores(constraints: SoftSpreadConstraint[], domains: number[], counts: (number | undefined)[][], ignored: boolean[] = []): number[] {
  const weights = domains.map(topologyNormalizingWeight);
  return normalizeSpreadScores(counts.map((c, n) => (ignored[n] === true ? undefined : rawSpreadScore(c, constraints, weights))));
}

const hostname = (maxSkew: number): SoftSpreadConstraint => ({ topologyKey: HOSTNAME_LABEL, maxSkew });
const zone = (maxSkew: number): SoftSpreadConstraint => ({ topologyKey: 'zone', maxSkew });

describe('PodTopologySpread Score and NormalizeScore (scoring_test.go TestPodTopologySpreadScore)', () => {
  it.each<[string, SoftSpreadConstraint[], number[], (number | undefined)[][], boolean[], number[]]>([
    ['one constraint on node, no existing pods', [hostname(1)], [2], [[0], [0]], [], [100, 100]],
    ['one constraint on node, only one node is candidate', [hostname(1)], [1], [[2]], [], [100]],
    ['one constraint on node, all nodes have the same number of matching pods', [hostname(1)], [2], [[1], [1]], [], [100, 100]],
    ['one constraint on node, all 4 nodes are candidates (2/1/0/3)', [hostname(1)], [4], [[2], [1], [0], [3]], [], [20, 60, 100, 0]],
    ['one constraint on node, all 4 nodes are candidates, maxSkew=2', [hostname(2)], [4], [[2], [1], [0], [3]], [], [33, 66, 100, 16]],
    ['one constraint on node, all 4 nodes are candidates, maxSkew=3 (4/3/2/1)', [hostname(3)], [4], [[4], [3], [2], [1]], [], [44, 66, 77, 100]],
    // The weight counts the 3 candidates only; node-y's 3 pods are in no candidate's domain.
    ['one constraint on node, 3 out of 4 nodes are candidates (4/2/1/~3~)', [hostname(1)], [3], [[4], [2], [1]], [], [33, 83, 100]],
    [
      'one constraint on node, 3 out of 4 nodes are candidates, one node does not match topology key (ignored: 0)',
      [hostname(1)],
      [2],
      [[4], [undefined], [1]],
      [false, true, false],
      [16, 0, 100],
    ],
    // zone1 = node-a 4 + node-b 2, zone2 = node-x 1 + node-y 3 (not a candidate, still counted).
    ['one constraint on zone, 3 out of 4 nodes are candidates', [zone(1)], [2], [[6], [6], [4]], [], [75, 75, 100]],
    ['two Constraints on zone and node, 2 out of 4 nodes are candidates (2/~1~/2/~4~)', [zone(1), hostname(1)], [2, 2], [[3, 2], [6, 2]], [], [100, 63]],
  ])('%s', (_name, constraints, domains, counts, ignored, expected) => {
    expect(scores(constraints, domains, counts, ignored)).toEqual(expected);
  });

  it('system defaulting, nodes without a zone: only the hostname term (4/3/2/1 → 44/66/77/100, as one constraint)', () => {
    // The zone label is missing on every node: no zone term, whatever the zone weight.
    expect(scores([...SYSTEM_DEFAULT_CONSTRAINTS], [4, 1], [[4, undefined], [3, undefined], [2, undefined], [1, undefined]])).toEqual([44, 66, 77, 100]);
  });

  it('topologyNormalizingWeight is ln(size + 2)', () => {
    expect(topologyNormalizingWeight(0)).toBeCloseTo(Math.LN2, 15);
    expect(topologyNormalizingWeight(4)).toBeCloseTo(1.791759469228055, 15);
  });
});

function nodesWithPods(group: SpreadGroup, specs: { name: string; labels: Record<string, string>; pods: number }[]): SimNode[] {
  return specs.map((s) => {
    const node = makeNode({ name: s.name, labels: { [HOSTNAME_LABEL]: s.name, ...s.labels } });
    for (let i = 0; i < s.pods; i++) group.count(node, 1);
    return node;
  });
}

describe('placePod with the system default constraints', () => {
  it('sends the pod to the node with the fewest pods of its workload (system defaulting, nodes without a zone)', () => {
    const group = new SpreadGroup();
    const nodes = nodesWithPods(group, [
      { name: 'a', labels: {}, pods: 4 },
      { name: 'b', labels: {}, pods: 3 },
      { name: 'c', labels: {}, pods: 2 },
      { name: 'd', labels: {}, pods: 1 },
    ]);
    // The pods are counted in the group only, so the resource scores tie: 2 × 100 decides for d.
    const placement = placePod(makePod({ spread: group }), nodes, 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(placement.node?.name).toBe('d');
    const resources = placePod(makePod(), [nodes[3]!], 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(placement.reason === 'Scheduled' && resources.reason === 'Scheduled' && placement.score - resources.score).toBe(200);
  });

  it('counts a zone as one domain: the node in the emptier zone wins though its own count is higher', () => {
    // zone-1: a 0 + b 3 = 3 pods; zone-2: c 1 pod. Host weight ln 5, zone weight ln 4.
    // a: 0 + 2 + 3 × 1.386 + 4 = 10.16 → 10; b: 3 × 1.609 + 2 + 8.16 = 14.99 → 15; c: 1.609 + 2 + 1.386 + 4 = 9.0 → 9.
    const group = new SpreadGroup();
    const nodes = nodesWithPods(group, [
      { name: 'a', labels: { [ZONE_LABEL]: 'zone-1' }, pods: 0 },
      { name: 'b', labels: { [ZONE_LABEL]: 'zone-1' }, pods: 3 },
      { name: 'c', labels: { [ZONE_LABEL]: 'zone-2' }, pods: 1 },
    ]);
    expect(placePod(makePod({ spread: group }), nodes, 'LeastAllocated', new Rng(1).stream('scheduler')).node?.name).toBe('c');
    // Without the zone labels a (no pod of the workload) wins.
    const hostOnly = new SpreadGroup();
    const plain = nodesWithPods(hostOnly, [
      { name: 'a', labels: {}, pods: 0 },
      { name: 'b', labels: {}, pods: 3 },
      { name: 'c', labels: {}, pods: 1 },
    ]);
    expect(placePod(makePod({ spread: hostOnly }), plain, 'LeastAllocated', new Rng(1).stream('scheduler')).node?.name).toBe('a');
  });

  it('a pod without default constraints (a Job, or its own constraints) is scored as before: 0 everywhere', () => {
    const group = new SpreadGroup();
    const nodes = nodesWithPods(group, [
      { name: 'a', labels: {}, pods: 4 },
      { name: 'b', labels: {}, pods: 0 },
    ]);
    const seen = new Set(Array.from({ length: 20 }, (_, s) => placePod(makePod(), nodes, 'LeastAllocated', new Rng(s).stream('scheduler')).node?.name));
    expect(seen).toEqual(new Set(['a', 'b']));
  });
});

describe('the cluster keeps the matching-pod counts (countPodsMatchSelector: bound, not terminating)', () => {
  const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
  const owner = { name: 'web', namespace: 'default', index: 0 };
  const template = makeTemplate({ containers: [{ name: 'web', cpuRequestMillicores: 500, memoryRequestBytes: GiB, sidecar: false }] });
  const requests = { cpuMillicores: 500, memoryBytes: GiB };

  /** Two pods on a big node a, then an empty smaller node b and a third pod. */
  function thirdPodNode(spread: SpreadGroup | undefined): string | undefined {
    const sim = new Simulation();
    const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
    cluster.addNode(makePool({ name: 'a', cpuMillicores: 16000, memoryBytes: 64 * GiB }), 0);
    for (let i = 0; i < 2; i++) cluster.createPod(owner, template, requests, `web-${i}`, spread);
    sim.runUntil(30);
    cluster.addNode(makePool({ name: 'b', cpuMillicores: 4000, memoryBytes: 16 * GiB }), 0);
    const pod = cluster.createPod(owner, template, requests, 'web-2', spread);
    sim.runUntil(60);
    return pod.node?.name;
  }

  it('the third pod of a workload goes to the empty node b, where the resource scores alone pick a', () => {
    // Resources: a 92 + 97 = 189, b 90 + 96 = 186. Spread: a raw round(2 ln 4 + 2) = 5, b 2 → a 40, b 100, × 2.
    expect(thirdPodNode(new SpreadGroup())).toBe('b-0');
    expect(thirdPodNode(undefined)).toBe('a-0');
  });

  it('counts a pod from binding until its deletion starts, once', () => {
    const sim = new Simulation();
    const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
    const node = cluster.addNode(makePool({ name: 'a', labels: { [ZONE_LABEL]: 'z' } }), 0);
    const group = new SpreadGroup();
    const pods = [0, 1, 2].map((i) => cluster.createPod(owner, template, requests, `web-${i}`, group));
    expect(group.podsOnNode(node)).toBe(0);
    sim.runUntil(30);
    expect([group.podsOnNode(node), group.podsInZone('z')]).toEqual([3, 3]);
    cluster.deletePod(pods[0]!, 30);
    expect([group.podsOnNode(node), group.podsInZone('z'), node.podCount]).toEqual([2, 2, 3]);
    sim.runUntil(60);
    expect([group.podsOnNode(node), node.podCount]).toEqual([2, 2]);
    cluster.finishPod(pods[1]!, 'Succeeded');
    expect(group.podsOnNode(node)).toBe(1);
    cluster.removeNode(node);
    expect([group.podsOnNode(node), group.podsInZone('z')]).toEqual([0, 0]);
  });

  it('drops the pods of a deleted Node from the counts with it, once, though they stay bound until the pod GC', () => {
    const sim = new Simulation();
    const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
    const node = cluster.addNode(makePool({ name: 'a', labels: { [ZONE_LABEL]: 'z' } }), 0);
    const group = new SpreadGroup();
    const pods = [0, 1].map((i) => cluster.createPod(owner, template, requests, `web-${i}`, group));
    sim.runUntil(30);
    cluster.removeNode(node);
    expect([group.podsInZone('z'), pods.every((p) => !p.removed && p.node === node)]).toEqual([0, true]);
    // The ReplicaSet scales one down: no kubelet confirms it, so it stays Terminating, and counts no less than nothing.
    cluster.deletePod(pods[0]!, 30);
    sim.runUntil(60);
    expect([group.podsInZone('z'), pods[0]!.removed]).toEqual([0, false]);
    cluster.finishPod(pods[0]!, 'Failed');
    cluster.finishPod(pods[1]!, 'Failed');
    expect([group.podsInZone('z'), node.podCount]).toEqual([0, 0]);
  });
});

describe('which pods get the system default constraints (helper.DefaultSelector)', () => {
  const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
  const spec = (template = makeTemplate()): WorkloadSpec => ({
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    name: 'web',
    namespace: 'default',
    replicas: 2,
    selector: { app: 'web' },
    template,
    source: { file: 'web.yaml' },
  });

  it("a Deployment's pods share its group; a template with its own constraints gets none", () => {
    const sim = new Simulation();
    const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
    cluster.addNode(makePool({ name: 'a' }), 0);
    const web = new DeploymentController(spec(), { name: 'web', namespace: 'default', index: 0 }, cluster, sim);
    web.reconcile();
    expect(web.spread).toBeInstanceOf(SpreadGroup);
    expect(web.pods.map((p) => p.spread)).toEqual([web.spread, web.spread]);
    const own = new DeploymentController(spec(makeTemplate({ hasTopologySpreadConstraints: true })), { name: 'own', namespace: 'default', index: 1 }, cluster, sim);
    own.reconcile();
    expect(own.spread).toBeUndefined();
    expect(own.pods.map((p) => p.spread)).toEqual([undefined, undefined]);
  });
});
