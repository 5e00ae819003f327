/**
 * Node affinity in the simulated scheduler: required terms keep a Deployment's pods on the matching
 * pools (others fail as NodeSelectorMismatch, upstream's one ErrReasonPod), a waiting pod is retried
 * when a matching node is added and not for another; preferred terms steer placement when several
 * pools fit (2 × NodeAffinity's normalized score); PodTopologySpread's nodeAffinityPolicy Honor
 * counts only the nodes the required affinity matches.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { DeploymentController } from '../../src/cluster/deployment-controller.js';
import { pendingPod, type SimNode, type SimPod } from '../../src/cluster/model.js';
import { checkPredicates, nodeFromTemplate } from '../../src/autoscalers/cluster-autoscaler/simulated-node.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { filterNode } from '../../src/cluster/scheduling-filter.js';
import { ZONE_LABEL } from '../../src/cluster/topology-spread-score.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { NodeAffinitySpec } from '../../src/scenario/node-affinity-types.js';
import type { PodTemplateSpec, TopologySpreadConstraintSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makeNode, makePool, makeTemplate } from '../helpers/builders.js';

const GiB = 2 ** 30;
const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
const CAPACITY = 'node.kubernetes.io/capacity-type';

function template(nodeAffinity: NodeAffinitySpec | undefined, over: Partial<PodTemplateSpec> = {}): PodTemplateSpec {
  return makeTemplate({
    containers: [{ name: 'web', cpuRequestMillicores: 500, memoryRequestBytes: GiB, sidecar: false }],
    ...(nodeAffinity === undefined ? {} : { nodeAffinity }),
    ...over,
  });
}

const requireOnDemand: NodeAffinitySpec = { required: [{ matchExpressions: [{ key: CAPACITY, operator: 'In', values: ['on-demand'] }], matchFields: [] }], preferred: [] };
const preferSpot: NodeAffinitySpec = { required: undefined, preferred: [{ weight: 50, preference: { matchExpressions: [{ key: CAPACITY, operator: 'In', values: ['spot'] }], matchFields: [] } }] };

function world(seed = 1) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(seed), delays, 'LeastAllocated');
  const counts = new Map<string, number>();
  let workloads = 0;
  return {
    sim,
    cluster,
    add(pool: string, cpuMillicores: number, labels: Record<string, string>): SimNode {
      const i = counts.get(pool) ?? 0;
      counts.set(pool, i + 1);
      return cluster.addNode(makePool({ name: pool, cpuMillicores, memoryBytes: 64 * GiB, labels }), i);
    },
    workload(name: string, t: PodTemplateSpec, replicas: number): DeploymentController {
      const spec: WorkloadSpec = { kind: 'Deployment', apiVersion: 'apps/v1', name, namespace: 'default', replicas, selector: t.labels, template: t, source: { file: `${name}.yaml` } };
      const controller = new DeploymentController(spec, { name, namespace: 'default', index: workloads++, kind: 'Deployment' }, cluster, sim);
      controller.reconcile();
      return controller;
    },
  };
}

/** Four 500m web pods of `affinity` on one spot and one on-demand node of the given CPU. */
function onTwoPools(spotCpu: number, onDemandCpu: number, affinity: NodeAffinitySpec | undefined): readonly SimPod[] {
  const w = world();
  w.add('spot', spotCpu, { [CAPACITY]: 'spot' });
  w.add('on-demand', onDemandCpu, { [CAPACITY]: 'on-demand' });
  const web = w.workload('web', template(affinity), 4);
  w.sim.runUntil(30);
  return web.pods;
}

function podsPerPool(pods: readonly SimPod[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of pods) if (p.node !== undefined) out[p.node.pool.name] = (out[p.node.pool.name] ?? 0) + 1;
  return out;
}

describe('required node affinity in the scheduler', () => {
  it('binds pods only on the matching pool; the others wait (NodeSelectorMismatch) until a matching node comes, not for another', () => {
    const w = world();
    w.add('spot', 32000, { [CAPACITY]: 'spot' });
    w.add('on-demand', 1000, { [CAPACITY]: 'on-demand' }); // room for two pods
    w.add('eci', 64000, { type: 'virtual-kubelet' });
    const web = w.workload('web', template(requireOnDemand), 4);
    w.sim.runUntil(30);
    expect(podsPerPool(web.pods)).toEqual({ 'on-demand': 2 });
    const waiting = web.pods.filter((p) => p.node === undefined);
    expect(waiting.map((p) => p.unschedulable)).toEqual([true, true]);
    const placement = placePod(waiting[0]!, w.cluster.nodes, 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(placement.reason === 'Unschedulable' && placement.filterCounts).toEqual({ NodeSelectorMismatch: 2, InsufficientCpu: 1 });
    w.add('spot', 32000, { [CAPACITY]: 'spot' });
    w.sim.runUntil(60);
    expect(podsPerPool(web.pods)).toEqual({ 'on-demand': 2 });
    w.add('on-demand', 4000, { [CAPACITY]: 'on-demand' });
    w.sim.runUntil(90);
    expect(podsPerPool(web.pods)).toEqual({ 'on-demand': 4 });
  });

  it('without the affinity the same pods also use the spot node', () => {
    const pods = onTwoPools(32000, 1000, undefined);
    expect(podsPerPool(pods).spot).toBeGreaterThanOrEqual(2);
    expect(pods.every((p) => p.node !== undefined)).toBe(true);
  });

  it('ANDs the nodeSelector with the required terms, and ORs the terms', () => {
    const w = world();
    w.add('a', 8000, { [CAPACITY]: 'spot', team: 'x' });
    w.add('b', 8000, { [CAPACITY]: 'on-demand', team: 'y' });
    w.add('c', 8000, { [CAPACITY]: 'spot', team: 'y' });
    const anyCapacity: NodeAffinitySpec = {
      required: [
        { matchExpressions: [{ key: CAPACITY, operator: 'In', values: ['on-demand'] }], matchFields: [] },
        { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['y'] }], matchFields: [] },
      ],
      preferred: [],
    };
    const web = w.workload('web', template(anyCapacity, { nodeSelector: { [CAPACITY]: 'spot' } }), 3);
    w.sim.runUntil(30);
    expect(podsPerPool(web.pods)).toEqual({ a: 3 }); // b fails the nodeSelector, c both terms
  });
});

describe('preferred node affinity in the scheduler', () => {
  it('steers pods to the preferred pool when both fit, against the resource scores', () => {
    expect(podsPerPool(onTwoPools(4000, 32000, preferSpot))).toEqual({ spot: 4 });
  });

  it('still places pods elsewhere once the preferred pool is full (a preference, not a filter)', () => {
    expect(podsPerPool(onTwoPools(1000, 32000, preferSpot))).toEqual({ spot: 2, 'on-demand': 2 });
  });

  it('the same pods without the preference also use the emptier on-demand node', () => {
    expect(podsPerPool(onTwoPools(4000, 32000, undefined))['on-demand']).toBeGreaterThanOrEqual(2);
  });

  it('adds 2 × the normalized score to the placement score', () => {
    const w = world();
    const spot = w.add('spot', 4000, { [CAPACITY]: 'spot' });
    w.add('on-demand', 4000, { [CAPACITY]: 'on-demand' });
    const pod = (t: PodTemplateSpec) =>
      pendingPod({ name: 'p', owner: { name: 'web', namespace: 'default', index: 0 }, template: t, requests: { cpuMillicores: 500, memoryBytes: GiB }, serial: 0, createdSeconds: 0 });
    // The spot node alone is feasible: its raw score is the largest, normalized to 100.
    const pa = placePod(pod(template(undefined)), [spot], 'LeastAllocated', new Rng(1).stream('scheduler'));
    const pb = placePod(pod(template(preferSpot)), [spot], 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(pa.reason === 'Scheduled' && pb.reason === 'Scheduled' && pb.score - pa.score).toBe(200);
  });
});

describe("PodTopologySpread's nodeAffinityPolicy with required node affinity", () => {
  const zoneConstraint = (nodeAffinityPolicy: 'Honor' | 'Ignore'): TopologySpreadConstraintSpec => ({
    maxSkew: 1,
    topologyKey: ZONE_LABEL,
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchLabels: { app: 'web' }, matchExpressions: [] },
    minDomains: 1,
    nodeAffinityPolicy,
    nodeTaintsPolicy: 'Ignore',
    matchLabelKeys: [],
  });
  const appTier: NodeAffinitySpec = { required: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['app'] }], matchFields: [] }], preferred: [] };

  function run(policy: 'Honor' | 'Ignore'): Record<string, number> {
    const w = world();
    w.add('zone-a', 16000, { [ZONE_LABEL]: 'zone-a', tier: 'app' });
    w.add('zone-b', 16000, { [ZONE_LABEL]: 'zone-b', tier: 'app' });
    w.add('zone-c', 16000, { [ZONE_LABEL]: 'zone-c', tier: 'batch' });
    const web = w.workload('web', template(appTier, { hasTopologySpreadConstraints: true, topologySpreadConstraints: [zoneConstraint(policy)] }), 4);
    w.sim.runUntil(30);
    return podsPerPool(web.pods);
  }

  it('Honor: zone-c, which the affinity excludes, is no domain, so the pods spread over zones a and b', () => {
    expect(run('Honor')).toEqual({ 'zone-a': 2, 'zone-b': 2 });
  });

  it("Ignore: zone-c's empty domain holds the minimum at 0, so one pod per allowed zone binds", () => {
    expect(run('Ignore')).toEqual({ 'zone-a': 1, 'zone-b': 1 });
  });
});

describe('filter order (default_plugins.go: TaintToleration before NodeAffinity)', () => {
  it('names the untolerated taint for a node that also fails the affinity, in the scheduler and the CA', () => {
    const taints = [{ key: 'gpu', effect: 'NoSchedule' as const }];
    const pod = pendingPod({ name: 'p', owner: { name: 'web', namespace: 'default', index: 0 }, template: template(requireOnDemand), requests: { cpuMillicores: 500, memoryBytes: GiB }, serial: 0, createdSeconds: 0 });
    expect(filterNode(pod, makeNode({ taints }))).toBe('UntoleratedTaint');
    expect(filterNode(pod, makeNode())).toBe('NodeSelectorMismatch');
    const caPod = { name: 'p', namespace: 'default', cpuMillicores: 500, memoryBytes: GiB, labels: {}, annotations: {}, nodeSelector: { pool: 'x' }, tolerations: [], requiredNodeAffinity: requireOnDemand.required! };
    const gpuTemplate = { cpuMillicores: 4000, memoryBytes: 16 * GiB, maxPods: 110, labels: {}, taints };
    expect(checkPredicates(caPod, nodeFromTemplate(gpuTemplate, 'gpu-template'))).toBe('UntoleratedTaint');
    expect(checkPredicates(caPod, nodeFromTemplate({ ...gpuTemplate, taints: [] }, 'plain-template'))).toBe('NodeSelectorMismatch');
  });
});
