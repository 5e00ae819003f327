/**
 * InterPodAffinity in the cluster-autoscaler's simulations (simulator/predicatechecker runs the
 * scheduler's filters): with required hostname anti-affinity each template node takes one pod, so
 * five pending replicas need five nodes; a pending pod free room could take is not absorbed where
 * an existing pod's anti-affinity forbids it; a group whose template zone holds no pod of a required
 * zone affinity does not fit (NoPodFitsTemplate: AffinityRulesNotMatch); a node whose pod has no other home under its anti-affinity is not
 * removable; and pods without terms never pay for the filter.
 */
import { describe, expect, it } from 'vitest';
import { snapshotAffinity } from '../../../src/autoscalers/cluster-autoscaler/affinity-predicate.js';
import { estimate } from '../../../src/autoscalers/cluster-autoscaler/estimator/binpacking.js';
import { absorbPendingPods } from '../../../src/autoscalers/cluster-autoscaler/scale-up/absorb.js';
import { simulateNodeRemovals } from '../../../src/autoscalers/cluster-autoscaler/scale-down/removal-simulation.js';
import { planScaleUp } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import { nodeFromCaNode } from '../../../src/autoscalers/cluster-autoscaler/simulated-node.js';
import type { CaNode, CaPod, CaPodAffinity } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import type { AffinityTerm } from '../../../src/cluster/inter-pod-affinity-terms.js';
import { OwnerPods } from '../../../src/cluster/owner-pods.js';
import { HOSTNAME_LABEL, ZONE_LABEL } from '../../../src/cluster/topology-spread-score.js';
import { SpreadSelectors } from '../../../src/cluster/topology-spread-selectors.js';
import { caPod } from '../../../src/controllers/cluster-autoscaler/snapshot.js';
import { makePod, makeTemplate } from '../../helpers/builders.js';
import { GIB, group, node, pod, seeded, settings, template } from './builders.js';

const NOW = 1000;
const DRAIN = { nowSeconds: NOW, skipNodesWithSystemPods: true, skipNodesWithLocalStorage: true, skipNodesWithCustomControllerPods: true };

function term(topologyKey: string, app: string): AffinityTerm {
  return { topologyKey, namespaces: ['default'], namespaceSelector: undefined, labels: { matchLabels: { app }, matchExpressions: [] } };
}

const onePerHost: CaPodAffinity = { requiredAffinity: [], requiredAnti: [term(HOSTNAME_LABEL, 'web')] };

/** A web pod (200m); `podAffinity` false: none. */
function webPod(name: string, podAffinity: CaPodAffinity | false = onePerHost): CaPod {
  return pod(name, 200, GIB, { labels: { app: 'web' }, ...(podAffinity ? { podAffinity } : {}) });
}

function hostNode(name: string, cpuMillicores: number, podsOn: CaPod[], zone = 'z1'): CaNode {
  return node(name, `grp-${zone}`, cpuMillicores, 16 * GIB, podsOn, { labels: { [HOSTNAME_LABEL]: name, [ZONE_LABEL]: zone } });
}

describe('binpacking with required hostname anti-affinity', () => {
  it('needs one new node per pending replica; without the anti-affinity one node holds them all', () => {
    const pending = [0, 1, 2, 3, 4].map((i) => webPod(`p${i}`));
    const result = estimate({ podGroups: [pending], template: template(4000, 16 * GIB), maxNodes: 0, nodeNamePrefix: 'grp' });
    expect(result.nodeCount).toBe(5);
    expect(result.nodes.map((n) => n.pods.length)).toEqual([1, 1, 1, 1, 1]);
    const plain = estimate({ podGroups: [[0, 1, 2, 3, 4].map((i) => webPod(`q${i}`, false))], template: template(4000, 16 * GIB), maxNodes: 0 });
    expect(plain.nodeCount).toBe(1);
  });

  it('template nodes are never named as a real node (each is its own hostname domain, as upstream names them)', () => {
    const snapshot = [nodeFromCaNode(hostNode('grp-0', 4000, [webPod('e0')]))];
    const result = estimate({ podGroups: [[webPod('p0')]], template: template(4000, 16 * GIB), maxNodes: 0, nodeNamePrefix: 'grp', snapshot });
    expect(result.nodeCount).toBe(1);
    expect(result.nodes[0]!.name).toBe('template-node-for-grp-e-0');
  });

  it('the scale-up planner asks for as many nodes as pending replicas', () => {
    const result = planScaleUp({
      unschedulablePods: [0, 1, 2].map((i) => webPod(`p${i}`)),
      groups: [group('grp-z1', template(4000, 16 * GIB, { labels: { [ZONE_LABEL]: 'z1' } }), { targetSize: 2, maxSize: 10 })],
      nodes: [hostNode('grp-0', 4000, [webPod('e0')]), hostNode('grp-1', 4000, [webPod('e1')])],
      limits: { currentNodeCount: 2, currentTotals: { cpuMillicores: 8000, memoryBytes: 32 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    });
    expect(result.reason).toBe('ScaleUp');
    expect(result.increase).toBe(3);
  });
});

describe('the scale-up planner with required zone affinity', () => {
  it("grows the group of the zone holding the pod it selects; the other group's template fails AffinityRulesNotMatch", () => {
    const wantsDb: CaPodAffinity = { requiredAffinity: [term(ZONE_LABEL, 'db')], requiredAnti: [] };
    const zoneGroup = (zone: string) => group(`grp-${zone}`, template(1000, 16 * GIB, { labels: { [ZONE_LABEL]: zone } }), { targetSize: 1, maxSize: 5 });
    const result = planScaleUp({
      unschedulablePods: [webPod('p0', wantsDb)],
      groups: [zoneGroup('za'), zoneGroup('zb')],
      nodes: [hostNode('a0', 1000, [pod('filler', 1000, GIB)], 'za'), hostNode('b0', 1000, [pod('db', 1000, GIB, { labels: { app: 'db' } })], 'zb')],
      limits: { currentNodeCount: 2, currentTotals: { cpuMillicores: 2000, memoryBytes: 32 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    });
    expect(result.reason).toBe('ScaleUp');
    expect(result.group).toBe('grp-zb');
    expect(result.skipped).toEqual({ 'grp-za': 'NoPodFitsTemplate' });
    expect(result.templateMisfits).toEqual({ 'grp-za': 'AffinityRulesNotMatch' });
  });
});

describe('absorbing pending pods with inter-pod affinity', () => {
  it("does not put a pod where an existing pod's anti-affinity forbids it (symmetry), though the room is there", () => {
    const guard = pod('guard', 100, GIB, { labels: { app: 'guard' }, podAffinity: { requiredAffinity: [], requiredAnti: [term(HOSTNAME_LABEL, 'web')] } });
    const nodes = [nodeFromCaNode(hostNode('n0', 4000, [guard]))];
    expect(absorbPendingPods([webPod('p0', false)], nodes).absorbed).toEqual([]);
    const free = [nodeFromCaNode(hostNode('n0', 4000, [pod('other', 100, GIB, { labels: { app: 'guard' } })]))];
    expect(absorbPendingPods([webPod('p0', false)], free).absorbed.map((p) => p.name)).toEqual(['p0']);
  });

  it('required zone affinity: the pod fits only the zone holding the pod it selects', () => {
    const wantsDb: CaPodAffinity = { requiredAffinity: [term(ZONE_LABEL, 'db')], requiredAnti: [] };
    const nodes = [nodeFromCaNode(hostNode('a0', 4000, [], 'za')), nodeFromCaNode(hostNode('b0', 4000, [pod('db', 100, GIB, { labels: { app: 'db' } })], 'zb'))];
    const result = absorbPendingPods([webPod('p0', wantsDb)], nodes);
    expect(result.nodes[1]!.pods.map((p) => p.name)).toEqual(['db', 'p0']);
    expect(result.nodes[0]!.pods).toEqual([]);
  });
});

describe('scale-down removal simulation with required hostname anti-affinity', () => {
  it("keeps a node whose pod's anti-affinity leaves it no other home; removable once another node is free", () => {
    const nodes = [hostNode('n0', 4000, [webPod('w0')]), hostNode('n1', 4000, [webPod('w1')])];
    const blocked = simulateNodeRemovals({ candidates: [nodes[1]!], nodes, drain: DRAIN, pdbs: [] }).results[0];
    expect(blocked).toMatchObject({ removable: false, reason: 'NoPlaceToMovePods', unplacedPod: 'w1' });
    const withSpare = [...nodes, hostNode('n2', 4000, [])];
    expect(simulateNodeRemovals({ candidates: [withSpare[1]!], nodes: withSpare, drain: DRAIN, pdbs: [] }).results[0]).toMatchObject({ removable: true });
    const plain = [hostNode('n0', 4000, [webPod('w0', false)]), hostNode('n1', 4000, [webPod('w1', false)])];
    expect(simulateNodeRemovals({ candidates: [plain[1]!], nodes: plain, drain: DRAIN, pdbs: [] }).results[0]).toMatchObject({ removable: true });
  });
});

describe('no cost when unused', () => {
  it('gives no InterPodAffinity state to a pod without terms when no placed pod has required anti-affinity', () => {
    const nodes = [nodeFromCaNode(hostNode('n0', 4000, [webPod('w0', { requiredAffinity: [term(ZONE_LABEL, 'x')], requiredAnti: [] })]))];
    expect(snapshotAffinity(webPod('p0', false), [nodes])).toBeUndefined();
    expect(snapshotAffinity(webPod('p0', false), [[nodeFromCaNode(hostNode('n1', 4000, [webPod('w1')]))]])).toBeDefined();
  });
});

describe("the CA's copy of a pod with inter-pod affinity (snapshot.ts caPod)", () => {
  it('carries its required terms, and its revision when a term names pod-template-hash; a pod without terms carries none', () => {
    const owner = { name: 'web', namespace: 'default', index: 0, kind: 'Deployment' as const };
    const requiredAnti = {
      labelSelector: { matchLabels: { app: 'web' }, matchExpressions: [] },
      namespaces: undefined,
      namespaceSelector: undefined,
      topologyKey: HOSTNAME_LABEL,
      matchLabelKeys: ['pod-template-hash'],
      mismatchLabelKeys: [],
    };
    const affine = makeTemplate({ podAffinity: { affinity: { required: [], preferred: [] }, antiAffinity: { required: [requiredAnti], preferred: [] } } });
    const selectors = new SpreadSelectors(new OwnerPods());
    const source = selectors.sourceFor(owner, affine);
    const ca = caPod(makePod({ name: 'web-0', template: affine, spreadSource: source }), () => 'ReplicaSet');
    expect(ca.podAffinity).toEqual({ requiredAffinity: [], requiredAnti: [{ topologyKey: HOSTNAME_LABEL, namespaces: ['default'], namespaceSelector: undefined, labels: requiredAnti.labelSelector, revision: source.id }] });
    expect(ca.revision).toBe(source.id);
    const plainSource = selectors.sourceFor({ ...owner, name: 'other', index: 1 }, makeTemplate());
    const plain = caPod(makePod({ name: 'other-0', spreadSource: plainSource }), () => 'ReplicaSet');
    expect(plain.podAffinity).toBeUndefined();
    expect(plain.revision).toBeUndefined();
  });
});
