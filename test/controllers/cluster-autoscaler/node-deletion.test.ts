/**
 * A node's deletion on the simulation clock (actuator.go deleteNodesAsync, drain.go
 * waitPodsToDisappear): the CA waits --node-delete-delay-after-taint (5 s) after the taint before it
 * deletes an empty node or drains one, evicts the pods then, looks for them at once and every 5 s
 * after, and deletes the node at the first look that finds them gone; billing ends there.
 */
import { describe, expect, it } from 'vitest';
import { NodeGroup } from '../../../src/cloud/node-group.js';
import { Cluster } from '../../../src/cluster/cluster.js';
import { Rng } from '../../../src/core/rng.js';
import { Simulation } from '../../../src/core/simulation.js';
import { startNodeDeletion } from '../../../src/controllers/cluster-autoscaler/node-deletion.js';
import { makePool, makeTemplate } from '../../helpers/builders.js';

/** Termination 2 s: an evicted pod is gone 2 s after its eviction. */
const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function setUp(pods: number) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  const gone: [string, number][] = [];
  const group = new NodeGroup(makePool({ name: 'w', count: 1, minSize: 0, maxSize: 3, cpuMillicores: 1000 }), cluster, sim, new Rng(7).stream('cloud'), {
    nodeRequested: () => undefined,
    nodeGone: (name, t) => gone.push([name, t]),
  });
  group.startInitial();
  const owner = { name: 'web', namespace: 'default', index: 0 };
  for (let i = 0; i < pods; i++) cluster.createPod(owner, makeTemplate(), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, `web-${i}`);
  sim.runUntil(100);
  const node = cluster.nodes[0]!;
  return { sim, cluster, group, node, gone };
}

describe('startNodeDeletion', () => {
  it('drains 5 s after the taint and deletes the node at the first 5 s look that finds the pods gone', () => {
    const { sim, cluster, group, node, gone } = setUp(2);
    expect(node.pods).toHaveLength(2);
    let doneAt: number | undefined;
    startNodeDeletion({ sim, cluster, group, node, empty: false, maxGracefulTerminationSeconds: 600, done: () => (doneAt = sim.nowSeconds) });
    // The pods keep running through the delay after the taint.
    sim.runUntil(104.9);
    expect(node.pods.every((p) => p.deletionSeconds === undefined)).toBe(true);
    sim.runUntil(105.5);
    expect(node.pods.every((p) => p.deletionSeconds === 105)).toBe(true);
    // Gone at 107; the look at 105 finds them still there, the one at 110 deletes the node.
    sim.runUntil(109.9);
    expect(gone).toEqual([]);
    sim.runUntil(111);
    expect(gone).toEqual([[node.name, 110]]);
    expect(doneAt).toBe(110);
  });

  it('deletes an empty node 5 s after the taint', () => {
    const { sim, cluster, group, node, gone } = setUp(0);
    startNodeDeletion({ sim, cluster, group, node, empty: true, maxGracefulTerminationSeconds: 600, done: () => undefined });
    sim.runUntil(120);
    expect(gone).toEqual([[node.name, 105]]);
  });

  it('waits out a pod grace period shorter than the termination time, capped by max-graceful-termination-sec', () => {
    const { sim, cluster, group, node, gone } = setUp(1);
    // A 30 s grace period capped at 1 s: gone at 106, deleted at the look at 110.
    startNodeDeletion({ sim, cluster, group, node, empty: false, maxGracefulTerminationSeconds: 1, done: () => undefined });
    sim.runUntil(120);
    expect(gone).toEqual([[node.name, 110]]);
  });
});
