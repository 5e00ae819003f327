/**
 * Required node affinity in the cluster-autoscaler's simulations (simulator/predicatechecker runs the
 * scheduler's NodeAffinity filter): scale-up grows the only group whose template node matches, the
 * others skipped as NoPodFitsTemplate naming the filter (NodeSelectorMismatch, upstream's one
 * ErrReasonPod for the nodeSelector and the affinity); free room on a node the affinity excludes
 * absorbs no pending pod; the estimate packs onto matching template nodes only; a node whose pods
 * could only move to excluded nodes is not removable; PodTopologySpread's nodeAffinityPolicy Honor
 * leaves the nodes the affinity excludes out of the domains.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/autoscalers/cluster-autoscaler/estimator/binpacking.js';
import { simulateNodeRemovals } from '../../../src/autoscalers/cluster-autoscaler/scale-down/removal-simulation.js';
import { planScaleUp } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import { checkPredicates, nodeFromTemplate } from '../../../src/autoscalers/cluster-autoscaler/simulated-node.js';
import type { CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import type { NodeSelectorTerm } from '../../../src/scenario/node-affinity-types.js';
import { GIB, group, node, pod, seeded, settings, template } from './builders.js';

const NOW = 1000;
const CAPACITY = 'node.kubernetes.io/capacity-type';
const onDemandOnly: NodeSelectorTerm[] = [{ matchExpressions: [{ key: CAPACITY, operator: 'In', values: ['on-demand'] }], matchFields: [] }];

const onDemandPod = (name: string, affinity = true): CaPod => pod(name, 500, GIB, affinity ? { requiredNodeAffinity: onDemandOnly } : {});
const spotTemplate = template(4000, 16 * GIB, { labels: { [CAPACITY]: 'spot' } });
const onDemandTemplate = template(4000, 16 * GIB, { labels: { [CAPACITY]: 'on-demand' } });

describe('scale-up with required node affinity', () => {
  function plan(affinity: boolean, nodes = [node('spot-0', 'spot', 4000, 16 * GIB, [], { labels: { [CAPACITY]: 'spot' } })]) {
    return planScaleUp({
      unschedulablePods: [onDemandPod('p0', affinity), onDemandPod('p1', affinity)],
      groups: [group('spot', spotTemplate, { targetSize: 1 }), group('eci-like', template(64000, 256 * GIB, { labels: { type: 'virtual-kubelet' } }), { targetSize: 0 }), group('on-demand', onDemandTemplate, { targetSize: 0 })],
      nodes,
      limits: { currentNodeCount: nodes.length, currentTotals: { cpuMillicores: 4000, memoryBytes: 16 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    });
  }

  it('grows the only group whose template matches; the others are skipped as NoPodFitsTemplate: NodeSelectorMismatch', () => {
    const full = [node('spot-0', 'spot', 4000, 16 * GIB, [pod('busy', 4000)], { labels: { [CAPACITY]: 'spot' } })];
    const r = plan(true, full);
    expect(r).toMatchObject({ reason: 'ScaleUp', group: 'on-demand', increase: 1, podsHelped: ['p0', 'p1'] });
    expect(r.skipped).toEqual({ spot: 'NoPodFitsTemplate', 'eci-like': 'NoPodFitsTemplate' });
    expect(r.templateMisfits).toEqual({ spot: 'NodeSelectorMismatch', 'eci-like': 'NodeSelectorMismatch' });
  });

  it('free room on a node the affinity excludes absorbs no pending pod', () => {
    expect(plan(true)).toMatchObject({ reason: 'ScaleUp', group: 'on-demand', podsAbsorbed: [] });
    expect(plan(false).reason).toBe('PodsFitUpcomingNodes');
  });

  it('an upcoming node of the matching group absorbs the pods', () => {
    const withUpcoming = (upcoming: string) =>
      planScaleUp({
        unschedulablePods: [onDemandPod('p0'), onDemandPod('p1')],
        groups: [group('spot', spotTemplate, { targetSize: 1 }), group('on-demand', onDemandTemplate, { targetSize: 1 })],
        nodes: [],
        upcomingNodes: [{ group: upcoming, count: 1 }],
        limits: { currentNodeCount: 0, currentTotals: { cpuMillicores: 0, memoryBytes: 0 } },
        config: settings(),
        nowSeconds: NOW,
        random: seeded(),
      });
    expect(withUpcoming('spot').podsAbsorbed).toEqual([]);
    expect(withUpcoming('on-demand')).toMatchObject({ reason: 'PodsFitUpcomingNodes', podsAbsorbed: ['p0', 'p1'] });
  });
});

describe('the predicate checks and the estimate', () => {
  it('checkPredicates fails a template node the required terms do not match, and passes one they do', () => {
    expect(checkPredicates(onDemandPod('p'), nodeFromTemplate(spotTemplate, 'template-node-for-spot'))).toBe('NodeSelectorMismatch');
    expect(checkPredicates(onDemandPod('p'), nodeFromTemplate(onDemandTemplate, 'template-node-for-on-demand'))).toBe('Fits');
  });

  it("sees a template node's own name as its kubernetes.io/hostname (SanitizeNodeInfo)", () => {
    const hostnamed = pod('h', 100, 0, { requiredNodeAffinity: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['new-0'] }], matchFields: [] }] });
    expect(checkPredicates(hostnamed, nodeFromTemplate(spotTemplate, 'new-0'))).toBe('Fits');
    expect(checkPredicates(hostnamed, nodeFromTemplate(spotTemplate, 'new-1'))).toBe('NodeSelectorMismatch');
  });

  it('binpacking places no pod on a template node the affinity excludes', () => {
    const group4 = [0, 1, 2, 3].map((i) => onDemandPod(`p${i}`));
    expect(estimate({ podGroups: [group4], template: spotTemplate, maxNodes: 0 }).nodeCount).toBe(0);
    expect(estimate({ podGroups: [group4], template: onDemandTemplate, maxNodes: 0 }).nodeCount).toBe(1);
  });
});

describe('scale-down removal simulation with required node affinity', () => {
  function removable(affinity: boolean) {
    const nodes = [
      node('od-0', 'on-demand', 4000, 16 * GIB, [onDemandPod('a', affinity)], { labels: { [CAPACITY]: 'on-demand' } }),
      node('spot-0', 'spot', 4000, 16 * GIB, [], { labels: { [CAPACITY]: 'spot' } }),
    ];
    return simulateNodeRemovals({
      candidates: [nodes[0]!],
      nodes,
      drain: { nowSeconds: NOW, skipNodesWithSystemPods: true, skipNodesWithLocalStorage: true, skipNodesWithCustomControllerPods: true },
      pdbs: [],
    }).results[0];
  }

  it('keeps a node whose pod could only move to a node the affinity excludes', () => {
    expect(removable(true)).toMatchObject({ removable: false, reason: 'NoPlaceToMovePods', unplacedPod: 'a' });
    expect(removable(false)).toMatchObject({ removable: true });
  });
});

describe("PodTopologySpread's nodeAffinityPolicy in the CA's simulations", () => {
  const ZONE = 'topology.kubernetes.io/zone';
  const appTier: NodeSelectorTerm[] = [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['app'] }], matchFields: [] }];
  const webPod = (name: string, nodeAffinityPolicy: 'Honor' | 'Ignore'): CaPod =>
    pod(name, 500, GIB, {
      labels: { app: 'web' },
      requiredNodeAffinity: appTier,
      spreadConstraints: [
        { topologyKey: ZONE, maxSkew: 1, minDomains: 1, nodeAffinityPolicy, nodeTaintsPolicy: 'Ignore', selfMatch: true, selector: { namespace: 'default', labels: { matchLabels: { app: 'web' }, matchExpressions: [] } } },
      ],
    });

  function plan(policy: 'Honor' | 'Ignore') {
    const zoneNode = (zone: string, tier: string, podsOn: CaPod[]) => node(`${zone}-0`, `grp-${zone}`, 500, 16 * GIB, podsOn, { labels: { [ZONE]: zone, tier } });
    const zoneGroup = (zone: string, tier: string) => group(`grp-${zone}`, template(2000, 16 * GIB, { labels: { [ZONE]: zone, tier } }), { targetSize: 1 });
    return planScaleUp({
      unschedulablePods: [webPod('new', policy)],
      groups: [zoneGroup('a', 'app'), zoneGroup('b', 'app'), zoneGroup('c', 'batch')],
      // Zones a and b hold one web pod each on a full node; zone c's node is for other pods (tier batch).
      nodes: [zoneNode('a', 'app', [webPod('a0', policy)]), zoneNode('b', 'app', [webPod('b0', policy)]), zoneNode('c', 'batch', [])],
      limits: { currentNodeCount: 3, currentTotals: { cpuMillicores: 1500, memoryBytes: 48 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    });
  }

  it('Honor: zone c, which the affinity excludes, is no domain, so a new node in zone a or b may take the pod', () => {
    const r = plan('Honor');
    expect(r.reason).toBe('ScaleUp');
    expect(['grp-a', 'grp-b']).toContain(r.group);
    expect(r.templateMisfits).toEqual({ 'grp-c': 'NodeSelectorMismatch' });
  });

  it("Ignore: zone c's empty domain holds the minimum at 0, so no group's new node may take it", () => {
    const r = plan('Ignore');
    expect(r.reason).toBe('NoGroupFits');
    expect(r.templateMisfits).toEqual({ 'grp-a': 'TopologySpreadConstraintsNotMatch', 'grp-b': 'TopologySpreadConstraintsNotMatch', 'grp-c': 'NodeSelectorMismatch' });
  });
});
