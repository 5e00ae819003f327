/**
 * A drain handler on a spot interruption notice (spot-drain.ts): the node is cordoned at once and its
 * pods evicted through the eviction API, each with its own terminationGracePeriodSeconds, one per
 * disruption their PodDisruptionBudget allows; a refused pod is tried again every 5 s (kubectl drain)
 * until the instance's termination, and whatever is still there then stays for the teardown.
 */
import { describe, expect, it } from 'vitest';
import type { CaPdb } from '../../src/autoscalers/cluster-autoscaler/types.js';
import { DRAIN_EVICTION_RETRY_SECONDS, drainOnNotice } from '../../src/cloud/spot-drain.js';
import { NODE_UNSCHEDULABLE_TAINT } from '../../src/cluster/node-health.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { caPod } from '../../src/controllers/cluster-autoscaler/snapshot.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function setUp(pods: number) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  const node = cluster.addNode(makePool({ name: 'spot' }), 0);
  const owner = { name: 'web', namespace: 'default', index: 0 };
  for (let i = 0; i < pods; i++) cluster.createPod(owner, makeTemplate({ terminationGracePeriodSeconds: 45 }), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, `web-${i}`);
  sim.runUntil(100);
  return { sim, cluster, node };
}

/** A budget over every pod of the namespace allowing `allowed()` disruptions. */
const budget = (allowed: () => number) => (): CaPdb[] => [{ namespace: 'default', selector: {}, disruptionsAllowed: allowed() }];

describe('drainOnNotice', () => {
  it('cordons the node and evicts every pod at once, each with its own grace period, when no budget refuses', () => {
    const { sim, cluster, node } = setUp(3);
    const pods = cluster.podsOn(node);
    drainOnNotice(sim, cluster, { pdbs: () => [], view: (p) => caPod(p, () => 'ReplicaSet') }, node, 220);
    expect(node.taints).toContainEqual(NODE_UNSCHEDULABLE_TAINT);
    expect(pods.map((p) => [p.deletionSeconds, p.deletionGracePeriodSeconds])).toEqual(pods.map(() => [100, 45]));
    // Gone after the 2 s termination, well within the notice.
    sim.runUntil(103);
    expect(pods.every((p) => p.removed)).toBe(true);
  });

  it('evicts one pod per allowed disruption and retries a refused one every 5 s until the termination', () => {
    const { sim, cluster, node } = setUp(3);
    const pods = cluster.podsOn(node);
    // One disruption at the notice, none until 112 s, one from 112 s to 116 s, and again from the
    // termination at 130 s on: evictions at 100 and 115; the third is refused until the drain stops.
    const allowed = (t: number): boolean => t < 101 || (t >= 112 && t < 116) || t >= 130;
    const pdbs = budget(() => (allowed(sim.nowSeconds) ? 1 : 0));
    const evictionSeconds = () => pods.map((p) => p.deletionSeconds).sort();
    drainOnNotice(sim, cluster, { pdbs, view: (p) => caPod(p, () => 'ReplicaSet') }, node, 130);
    expect(evictionSeconds()).toEqual([100, undefined, undefined]);
    sim.runUntil(200);
    expect(evictionSeconds()).toEqual([100, 115, undefined]);
    expect(DRAIN_EVICTION_RETRY_SECONDS).toBe(5);
    // Retries at 105, 110, 115, 120, 125, none at 130 (the termination): the third pod is still bound, not deleting.
    const left = pods.find((p) => p.deletionSeconds === undefined)!;
    expect([left.removed, left.node]).toEqual([false, node]);
  });
});
