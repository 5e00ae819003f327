/**
 * Nodes the cluster-autoscaler is deleting (ToBeDeletedByClusterAutoscaler taint, CaNode.beingDeleted)
 * in its simulations:
 * - scale-up: RunOnce's snapshot holds them (initializeClusterSnapshot(allNodes, …); nothing before the
 *   pod list processors drops them, filterOutSchedulable runs with ScheduleAnywhere, and the
 *   CurrentlyDrainedNodes processor reads their pods from that snapshot). Their NoSchedule taint
 *   keeps the pods that do not tolerate it off them; a pod that does takes their free room; their
 *   pods (not terminating ones) and their labels count for PodTopologySpread.
 * - scale-down: planner.go UpdateClusterState drops the nodes with a deletion in progress from the
 *   destinations and the candidates (filterOutOngoingDeletions), but the removal simulation's
 *   snapshot still holds them (findPlaceFor filters destinations with isCandidateNode), so they
 *   count for PodTopologySpread there too.
 */
import { describe, expect, it } from 'vitest';
import { simulateNodeRemovals } from '../../../src/autoscalers/cluster-autoscaler/scale-down/removal-simulation.js';
import { planScaleUp } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import type { CaNode } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { TO_BE_DELETED_TAINT } from '../../../src/controllers/cluster-autoscaler/snapshot.js';
import type { Toleration } from '../../../src/scenario/types.js';
import { GIB, node, pod, seeded, settings } from './builders.js';
import { DRAIN, NOW, twoSmallNodesScaleUp, webPod, zoneGroup, zoneNode } from './snapshot-node-builders.js';

/** A blanket toleration (`operator: Exists`, no key): tolerates every taint, the CA's own too. */
const TOLERATES_EVERYTHING: Toleration[] = [{ operator: 'Exists' }];

/** A node the scale-down chose: tainted ToBeDeletedByClusterAutoscaler, as the snapshot copies it (snapshot.ts copyCaNode). */
function beingDeleted(n: CaNode): CaNode {
  return { ...n, taints: [...n.taints, TO_BE_DELETED_TAINT], beingDeleted: true };
}

describe('filterOutSchedulable over a snapshot with a node being deleted', () => {
  // The node being deleted has 800m free; the other one is full.
  const plan = twoSmallNodesScaleUp(beingDeleted);

  it('a pending pod that tolerates every taint takes its free room: no scale-up for it', () => {
    expect(plan([pod('tolerant', 500, 0, { tolerations: TOLERATES_EVERYTHING })])).toMatchObject({ reason: 'PodsFitUpcomingNodes', increase: 0, podsAbsorbed: ['tolerant'] });
  });

  it('one that does not tolerate ToBeDeletedByClusterAutoscaler does not: the group grows', () => {
    expect(plan([pod('plain', 500)])).toMatchObject({ reason: 'ScaleUp', increase: 1, podsAbsorbed: [], podsHelped: ['plain'] });
  });
});

describe('PodTopologySpread in scale-up counts a node being deleted (nodeTaintsPolicy Ignore, as the scheduler does)', () => {
  const plan = (nodes: CaNode[]) =>
    planScaleUp({
      unschedulablePods: [webPod('new-0')],
      groups: [zoneGroup('a', 2), zoneGroup('b', 1)],
      nodes,
      limits: { currentNodeCount: 2, currentTotals: { cpuMillicores: 4000, memoryBytes: 48 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    });

  it('its pods: zone a holds 2 web pods on the node being deleted, zone b 1, so zone a’s free node may not take the new pod and zone b grows', () => {
    const nodes = [beingDeleted(zoneNode('a-0', 'a', 1000, [webPod('a0'), webPod('a1')])), zoneNode('a-1', 'a', 2000, []), zoneNode('b-0', 'b', 500, [webPod('b0')])];
    // Without a-0 zone a would count 0 and a-1 would take the pod: no scale-up.
    expect(plan(nodes)).toMatchObject({ reason: 'ScaleUp', group: 'grp-b', increase: 1, podsAbsorbed: [] });
  });

  it('its zone: the node being deleted is zone a’s only node and its web pod is terminating (count 0), so zone b’s free room may not take a second pod there', () => {
    const nodes = [beingDeleted(zoneNode('a-0', 'a', 2000, [webPod('a0', { deletionSeconds: NOW - 5 })])), zoneNode('b-0', 'b', 2000, [webPod('b0')])];
    // Without a-0 zone b would be the only domain and b-0 would take the pod: no scale-up.
    expect(plan(nodes)).toMatchObject({ reason: 'ScaleUp', group: 'grp-a', increase: 1, podsAbsorbed: [] });
  });
});

describe('scale-down: a node being deleted is no destination (planner.go filterOutOngoingDeletions) but stays in the snapshot', () => {
  it('a pod that tolerates every taint is not moved onto its free room: NoPlaceToMovePods', () => {
    const deleting = beingDeleted(node('deleting', 'g', 1000, 0, []));
    const candidate = node('c', 'g', 1000, 0, [pod('tolerant', 500, 0, { tolerations: TOLERATES_EVERYTHING })]);
    const result = simulateNodeRemovals({ candidates: [candidate], nodes: [deleting, candidate], drain: DRAIN, pdbs: [] });
    expect(result.results).toEqual([{ node: 'c', removable: false, reason: 'NoPlaceToMovePods', unplacedPod: 'tolerant' }]);
  });

  it('its zone counts for PodTopologySpread: zone a’s only node is being deleted, so candidate b-0’s web pod may not join b-1’s', () => {
    // Zone b: b-0 (candidate, 1 web pod) and b-1 (1 web pod, room); zone a: a-0, being deleted, its web pod terminating.
    const nodes = [
      beingDeleted(zoneNode('a-0', 'a', 2000, [webPod('a0', { deletionSeconds: NOW - 5 })])),
      zoneNode('b-0', 'b', 2000, [webPod('b0')]),
      zoneNode('b-1', 'b', 2000, [webPod('b1')]),
    ];
    const candidate = nodes[1]!;
    const result = simulateNodeRemovals({ candidates: [candidate], nodes, drain: DRAIN, pdbs: [] });
    // Zone b would count 2 against zone a's 0. Without a-0 in the snapshot zone b is the only domain and b-0 is unneeded.
    expect(result.results).toEqual([{ node: 'b-0', removable: false, reason: 'NoPlaceToMovePods', unplacedPod: 'b0' }]);
  });
});
