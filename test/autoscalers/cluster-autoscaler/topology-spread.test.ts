/**
 * PodTopologySpread in the cluster-autoscaler's simulations (simulator/predicatechecker runs the
 * scheduler's filters): pending pods with zone DoNotSchedule spreading make the CA grow the node
 * group of the zone the constraint allows; a pod free room could take is not absorbed when the
 * skew forbids it; a node whose pods could only move past maxSkew is not removable; a new template
 * node is a new hostname domain.
 */
import { describe, expect, it } from 'vitest';
import { planScaleUp } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import { simulateNodeRemovals } from '../../../src/autoscalers/cluster-autoscaler/scale-down/removal-simulation.js';
import { estimate } from '../../../src/autoscalers/cluster-autoscaler/estimator/binpacking.js';
import { nodeFromCaNode } from '../../../src/autoscalers/cluster-autoscaler/simulated-node.js';
import type { CaNode, CaPod, CaSpreadConstraint } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { ZONE_LABEL, HOSTNAME_LABEL } from '../../../src/cluster/topology-spread-score.js';
import { GIB, group, node, pod, seeded, settings, template } from './builders.js';

const NOW = 1000;
const web = { matchLabels: { app: 'web' }, matchExpressions: [] };

function spread(topologyKey = ZONE_LABEL, maxSkew = 1): CaSpreadConstraint {
  return { topologyKey, maxSkew, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore', selfMatch: true, selector: { namespace: 'default', labels: web } };
}

/** A web pod (500m), with the zone constraint unless `constrained` is false. */
function webPod(name: string, constrained = true, constraints: CaSpreadConstraint[] = [spread()]): CaPod {
  return pod(name, 500, GIB, { labels: { app: 'web' }, ...(constrained ? { spreadConstraints: constraints } : {}) });
}

function zoneNode(name: string, zone: string, cpuMillicores: number, podsOn: CaPod[]): CaNode {
  return node(name, `grp-${zone}`, cpuMillicores, 16 * GIB, podsOn, { labels: { [ZONE_LABEL]: zone, [HOSTNAME_LABEL]: name } });
}

const zoneGroup = (zone: string) => group(`grp-${zone}`, template(2000, 16 * GIB, { labels: { [ZONE_LABEL]: zone } }), { targetSize: 1 });

describe('scale-up with zone DoNotSchedule spreading', () => {
  // Zones a and b hold 3 web pods each, zone c 2; every node is full.
  const existing = (constrained: boolean) => [
    zoneNode('a-0', 'a', 1500, [0, 1, 2].map((i) => webPod(`a${i}`, constrained))),
    zoneNode('b-0', 'b', 1500, [0, 1, 2].map((i) => webPod(`b${i}`, constrained))),
    zoneNode('c-0', 'c', 1000, [0, 1].map((i) => webPod(`c${i}`, constrained))),
  ];

  function plan(constrained: boolean) {
    return planScaleUp({
      unschedulablePods: [webPod('new-0', constrained), webPod('new-1', constrained)],
      groups: ['a', 'b', 'c'].map(zoneGroup),
      nodes: existing(constrained),
      limits: { currentNodeCount: 3, currentTotals: { cpuMillicores: 4000, memoryBytes: 48 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    });
  }

  it("grows zone c's group, the only zone a pod may join (3/3/2, maxSkew 1); the others' templates do not fit", () => {
    const result = plan(true);
    expect(result.reason).toBe('ScaleUp');
    expect(result.group).toBe('grp-c');
    expect(result.increase).toBe(1);
    expect(result.podsHelped).toEqual(['new-0', 'new-1']);
    expect(result.skipped).toEqual({ 'grp-a': 'NoPodFitsTemplate', 'grp-b': 'NoPodFitsTemplate' });
    // Named as upstream's NotTriggerScaleUp event names the failing predicate ("didn't match pod topology spread constraints").
    expect(result.templateMisfits).toEqual({ 'grp-a': 'TopologySpreadConstraintsNotMatch', 'grp-b': 'TopologySpreadConstraintsNotMatch' });
  });

  it('without the constraint every group is an option', () => {
    const result = plan(false);
    expect(result.options.map((o) => o.group)).toEqual(['grp-a', 'grp-b', 'grp-c']);
  });

  it('a pending pod is not absorbed by free room where the skew forbids it, and triggers a scale-up instead', () => {
    // a-0 has room for 4 more pods, but zone a holds 2 and zone b 0: a third pod in a is skew 2.
    const nodes = [zoneNode('a-0', 'a', 4000, [webPod('a0'), webPod('a1')]), zoneNode('b-0', 'b', 500, [pod('other', 500)])];
    const input = {
      groups: ['a', 'b'].map(zoneGroup),
      nodes,
      limits: { currentNodeCount: 2, currentTotals: { cpuMillicores: 4500, memoryBytes: 32 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    };
    const constrained = planScaleUp({ ...input, unschedulablePods: [webPod('new-0')] });
    expect(constrained.podsAbsorbed).toEqual([]);
    expect(constrained.group).toBe('grp-b');
    const free = planScaleUp({ ...input, unschedulablePods: [webPod('new-0', false)] });
    expect(free.reason).toBe('PodsFitUpcomingNodes');
  });
});

describe('binpacking with hostname spreading: each new node is a new domain', () => {
  const pods = () => [0, 1, 2, 3].map((i) => webPod(`p${i}`, true, [spread(HOSTNAME_LABEL, 1)]));

  it('puts one pod per new node under hostname maxSkew 1 when the snapshot has nodes without matching pods', () => {
    // Two existing nodes hold no web pod: the minimum stays 0, so no new node may take a second pod.
    const snapshot = [zoneNode('x-0', 'a', 1000, [pod('other-0', 1000)]), zoneNode('x-1', 'a', 1000, [pod('other-1', 1000)])].map(nodeFromCaNode);
    const result = estimate({ podGroups: [pods()], template: template(2000, 16 * GIB), maxNodes: 0, snapshot });
    expect(result.nodeCount).toBe(4);
    expect(result.nodes.map((n) => n.pods.length)).toEqual([1, 1, 1, 1]);
    const plain = estimate({ podGroups: [[0, 1, 2, 3].map((i) => webPod(`q${i}`, false))], template: template(2000, 16 * GIB), maxNodes: 0, snapshot });
    expect(plain.nodeCount).toBe(1);
  });

  it('with no other node, the one new node is the only domain: all four pods fit it, as upstream estimates', () => {
    expect(estimate({ podGroups: [pods()], template: template(2000, 16 * GIB), maxNodes: 0 }).nodeCount).toBe(1);
  });
});

describe('scale-down removal simulation with zone DoNotSchedule spreading', () => {
  function removable(constrained: boolean) {
    const nodes = [
      zoneNode('a-0', 'a', 4000, [webPod('a0', constrained)]),
      zoneNode('b-0', 'b', 4000, [webPod('b0', constrained)]),
      zoneNode('c-0', 'c', 4000, [webPod('c0', constrained)]),
    ];
    return simulateNodeRemovals({ candidates: [nodes[2]!], nodes, drain: { nowSeconds: NOW, skipNodesWithSystemPods: true, skipNodesWithLocalStorage: true, skipNodesWithCustomControllerPods: true }, pdbs: [] }).results[0];
  }

  it("keeps a node whose pod could only move to a zone past maxSkew (1/1/0 once it leaves zone c)", () => {
    expect(removable(true)).toMatchObject({ removable: false, reason: 'NoPlaceToMovePods', unplacedPod: 'c0' });
    expect(removable(false)).toMatchObject({ removable: true });
  });
});
