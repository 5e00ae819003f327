/**
 * NotReady nodes in the cluster-autoscaler's simulations: RunOnce builds its snapshot from allNodes
 * (static_autoscaler.go initializeClusterSnapshot(allNodes, …)) and scale-down's destinations are
 * allNodes too (GetPodDestinationCandidates), so a NotReady node stays in both with its
 * node.kubernetes.io/unreachable NoSchedule taint: pods that do not tolerate it do not fit there,
 * pods that do fit its free room, and its pods count for PodTopologySpread.
 */
import { describe, expect, it } from 'vitest';
import { simulateNodeRemovals } from '../../../src/autoscalers/cluster-autoscaler/scale-down/removal-simulation.js';
import { planScaleUp } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import type { CaNode } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { NODE_UNREACHABLE_TAINT } from '../../../src/cluster/node-health.js';
import type { Toleration } from '../../../src/scenario/types.js';
import { GIB, node, pod, seeded, settings } from './builders.js';
import { DRAIN, NOW, twoSmallNodesScaleUp, webPod, zoneGroup, zoneNode } from './snapshot-node-builders.js';

const TOLERATES_UNREACHABLE: Toleration[] = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }];

/** A node the node lifecycle controller marked NotReady: Ready false, the unreachable NoSchedule taint. */
function notReady(n: CaNode): CaNode {
  return { ...n, ready: false, taints: [...n.taints, NODE_UNREACHABLE_TAINT] };
}

describe('filterOutSchedulable over a snapshot with a NotReady node', () => {
  // The NotReady node has 800m free; the Ready one is full.
  const plan = twoSmallNodesScaleUp(notReady);

  it('a pending pod that tolerates the unreachable taint takes its free room: no scale-up for it', () => {
    expect(plan([pod('tolerant', 500, 0, { tolerations: TOLERATES_UNREACHABLE })])).toMatchObject({ reason: 'PodsFitUpcomingNodes', increase: 0, podsAbsorbed: ['tolerant'] });
  });

  it('a pending pod that does not tolerate it does not: the group grows', () => {
    expect(plan([pod('plain', 500)])).toMatchObject({ reason: 'ScaleUp', increase: 1, podsAbsorbed: [], podsHelped: ['plain'] });
  });
});

describe('PodTopologySpread counts the pods of a NotReady node (as the scheduler does under nodeTaintsPolicy Ignore)', () => {
  it('zone a holds 2 web pods on its NotReady node, zone b 1: a new pod may not join zone a’s free node, so zone b grows', () => {
    const nodes = [notReady(zoneNode('a-0', 'a', 1000, [webPod('a0'), webPod('a1')])), zoneNode('a-1', 'a', 2000, []), zoneNode('b-0', 'b', 500, [webPod('b0')])];
    const result = planScaleUp({
      unschedulablePods: [webPod('new-0')],
      groups: [zoneGroup('a', 2), zoneGroup('b', 1)],
      nodes,
      limits: { currentNodeCount: 2, currentTotals: { cpuMillicores: 3500, memoryBytes: 48 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    });
    // Without a-0's pods zone a would count 0 and a-1 would take the pod: no scale-up.
    expect(result).toMatchObject({ reason: 'ScaleUp', group: 'grp-b', increase: 1, podsAbsorbed: [] });
  });
});

describe('scale-down destinations include NotReady nodes', () => {
  const run = (candidate: CaNode, others: CaNode[]) => simulateNodeRemovals({ candidates: [candidate], nodes: [...others, candidate], drain: DRAIN, pdbs: [] });
  const failed = notReady(node('failed', 'g', 1000, 0, [pod('dead', 300)]));

  it('a pod that tolerates the unreachable taint moves onto the NotReady node’s free room: its node is unneeded', () => {
    const candidate = node('c', 'g', 1000, 0, [pod('tolerant', 500, 0, { tolerations: TOLERATES_UNREACHABLE })]);
    expect(run(candidate, [failed]).results).toEqual([expect.objectContaining({ node: 'c', removable: true })]);
  });

  it('one that does not stays: NoPlaceToMovePods', () => {
    const candidate = node('c', 'g', 1000, 0, [pod('plain', 500)]);
    expect(run(candidate, [failed]).results).toEqual([{ node: 'c', removable: false, reason: 'NoPlaceToMovePods', unplacedPod: 'plain' }]);
  });

  it('a NotReady candidate’s pods move to a Ready node like any other’s', () => {
    const ready = node('ok', 'g', 1000, 0, []);
    expect(run(failed, [ready]).results).toEqual([expect.objectContaining({ node: 'failed', removable: true, podsToMove: [expect.objectContaining({ name: 'dead' })] })]);
  });
});
