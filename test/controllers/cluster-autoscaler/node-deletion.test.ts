/**
 * A node's deletion on the simulation clock (actuator.go deleteNodesAsync, drain.go
 * waitPodsToDisappear): the CA waits --node-delete-delay-after-taint (5 s) after the taint before it
 * deletes an empty node or drains one, evicts the pods then, looks for them at once and every 5 s
 * after, and deletes the node at the first look that finds them gone; billing ends there. A pod left
 * on it (expendable) goes as upstream's controllers take it: NotReady, Node deleted, pod GC.
 */
import { describe, expect, it } from 'vitest';
import { NodeGroup } from '../../../src/cloud/node-group.js';
import { Cluster } from '../../../src/cluster/cluster.js';
import { Rng } from '../../../src/core/rng.js';
import { Simulation } from '../../../src/core/simulation.js';
import type { CaPdb } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { startNodeDeletion, type NodeDeletionInput } from '../../../src/controllers/cluster-autoscaler/node-deletion.js';
import { caPod, TO_BE_DELETED_TAINT } from '../../../src/controllers/cluster-autoscaler/snapshot.js';
import { makePool, makeTemplate } from '../../helpers/builders.js';
import { nodeGroupControllers } from '../../helpers/node-group-controllers.js';

/** Termination 2 s: an evicted pod is gone 2 s after its eviction. */
const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function setUp(pods: number, expendable = 0) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  const gone: [string, number][] = [];
  const controllers = nodeGroupControllers(sim, cluster);
  const group = new NodeGroup(makePool({ name: 'w', count: 1, minSize: 0, maxSize: 3, cpuMillicores: 1000 }), cluster, sim, new Rng(7).stream('cloud'), {
    nodeRequested: () => undefined,
    nodeGone: (name, t) => gone.push([name, t]),
  }, controllers);
  group.startInitial();
  const owner = { name: 'web', namespace: 'default', index: 0 };
  for (let i = 0; i < pods; i++) cluster.createPod(owner, makeTemplate(), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, `web-${i}`);
  const batch = { name: 'batch', namespace: 'default', index: 1 };
  for (let i = 0; i < expendable; i++) cluster.createPod(batch, makeTemplate({ priority: -100 }), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, `batch-${i}`);
  sim.runUntil(100);
  const node = cluster.nodes[0]!;
  cluster.setTaint(node, TO_BE_DELETED_TAINT, true);
  const deletion = (over: Partial<NodeDeletionInput>): NodeDeletionInput => ({
    sim,
    cluster,
    group,
    node,
    empty: false,
    maxGracefulTerminationSeconds: 600,
    expendablePodsPriorityCutoff: -10,
    pdbs: () => [],
    drainRules: { skipNodesWithSystemPods: true, skipNodesWithLocalStorage: true },
    view: (pod) => caPod(pod, () => 'ReplicaSet'),
    done: () => undefined,
    ...over,
  });
  return { sim, cluster, group, node, gone, deletion, teardown: controllers.teardown };
}

describe('startNodeDeletion', () => {
  it('drains 5 s after the taint and deletes the node at the first 5 s look that finds the pods gone', () => {
    const { sim, node, gone, deletion } = setUp(2);
    expect(node.pods).toHaveLength(2);
    let doneAt: number | undefined;
    startNodeDeletion(deletion({ done: () => (doneAt = sim.nowSeconds) }));
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
    const { sim, node, gone, deletion } = setUp(0);
    startNodeDeletion(deletion({ empty: true }));
    sim.runUntil(120);
    expect(gone).toEqual([[node.name, 105]]);
  });

  it('waits out a pod grace period shorter than the termination time, capped by max-graceful-termination-sec', () => {
    const { sim, node, gone, deletion } = setUp(1);
    // A 30 s grace period capped at 1 s: gone at 106, deleted at the look at 110.
    startNodeDeletion(deletion({ maxGracefulTerminationSeconds: 1 }));
    sim.runUntil(120);
    expect(gone).toEqual([[node.name, 110]]);
  });

  /** A budget over every pod of the namespace allowing `allowed(now)` disruptions. */
  const budget = (allowed: () => number) => (): CaPdb[] => [{ namespace: 'default', selector: {}, disruptionsAllowed: allowed() }];

  it('evicts one pod per allowed disruption and tries a refused one again every 10 s (drain.go evictPod)', () => {
    const { sim, node, gone, deletion } = setUp(2);
    const outcomes: [string, number][] = [];
    // One disruption at the drain's start, none at the retry at 115 s, one again from 118 s (a replacement Ready).
    const pdbs = budget(() => (sim.nowSeconds < 106 || sim.nowSeconds >= 118 ? 1 : 0));
    startNodeDeletion(deletion({ pdbs, done: (o) => outcomes.push([o, sim.nowSeconds]) }));
    sim.runUntil(105.5);
    expect(node.pods.map((p) => p.deletionSeconds).sort()).toEqual([105, undefined]);
    sim.runUntil(124.9);
    expect(node.pods.filter((p) => p.deletionSeconds === undefined)).toHaveLength(1);
    sim.runUntil(125.5);
    expect(node.pods.every((p) => p.deletionSeconds !== undefined)).toBe(true);
    // Evicted at 125, gone at 127: the look at 125 finds it, the one at 130 deletes the node.
    sim.runUntil(140);
    expect(gone).toEqual([[node.name, 130]]);
    expect(outcomes).toEqual([['deleted', 130]]);
  });

  it('fails the drain when a pod is still refused 2 min after it started: the taint comes off and the node stays', () => {
    const { sim, node, gone, deletion } = setUp(2);
    const outcomes: [string, number][] = [];
    startNodeDeletion(deletion({ pdbs: budget(() => (sim.nowSeconds < 106 ? 1 : 0)), done: (o) => outcomes.push([o, sim.nowSeconds]) }));
    sim.runUntil(400);
    // Attempts at 105, 115, …, 215 (the next would be at 225, past 105 + 120).
    expect(outcomes).toEqual([['drainFailed', 215]]);
    expect(gone).toEqual([]);
    expect(node.removed).toBe(false);
    expect(node.taints.some((t) => t.key === TO_BE_DELETED_TAINT.key)).toBe(false);
  });

  it('looks again 5 s after the taint and fails at once when a budget now allows no disruption (GetPodsToMove): nothing evicted, the taint off', () => {
    const { sim, node, gone, deletion } = setUp(2);
    const outcomes: [string, number][] = [];
    startNodeDeletion(deletion({ pdbs: budget(() => 0), done: (o) => outcomes.push([o, sim.nowSeconds]) }));
    sim.runUntil(300);
    expect(outcomes).toEqual([['notDrainable', 105]]);
    expect(node.pods.every((p) => p.deletionSeconds === undefined)).toBe(true);
    expect(gone).toEqual([]);
    expect(node.taints.some((t) => t.key === TO_BE_DELETED_TAINT.key)).toBe(false);
  });

  it('keeps an empty node that has a pod to move 5 s after the taint ("new pods scheduled"), whatever the budgets', () => {
    const { sim, node, gone, deletion } = setUp(1);
    const outcomes: string[] = [];
    startNodeDeletion(deletion({ empty: true, pdbs: budget(() => 5), done: (o) => outcomes.push(o) }));
    sim.runUntil(300);
    expect(outcomes).toEqual(['notDrainable']);
    expect([gone, node.pods.length]).toEqual([[], 1]);
  });

  it('does not evict expendable pods (priority below -10): they are not in the CA snapshot and stay bound until the pod GC deletes them', () => {
    const { sim, cluster, node, gone, deletion, teardown } = setUp(1, 1);
    const batch = node.pods.find((p) => p.name === 'batch-0')!;
    expect(batch).toBeDefined();
    startNodeDeletion(deletion({}));
    sim.runUntil(105.5);
    expect(node.pods.filter((p) => p.deletionSeconds !== undefined).map((p) => p.name)).toEqual(['web-0']);
    expect(batch.deletionSeconds).toBeUndefined();
    // The web pod is gone at 107; the look at 110 terminates the instance: billing ends, the batch
    // pod's containers stop, but the API still shows it Ready on a Ready node.
    sim.runUntil(110.5);
    expect(gone).toEqual([[node.name, 110]]);
    expect([node.instanceGoneSeconds, node.ready, cluster.nodes.includes(node)]).toEqual([110, true, true]);
    expect([batch.removed, batch.containerStartSeconds, batch.ready]).toEqual([false, undefined, true]);
    // The kubelet's last Lease renewal was at 110 s (every 10 s from the registration at 0), the node
    // lifecycle controller's pass at 115 s saw it, and its pass at 115 + 50 s (--node-monitor-grace-period)
    // marks the node NotReady and the pod Ready=False.
    sim.runUntil(164.9);
    expect(node.ready).toBe(true);
    sim.runUntil(165.001);
    expect([node.ready, batch.ready]).toEqual([false, false]);
    // The cloud node lifecycle controller deletes the Node at its first sweep after that.
    const deletedAt = teardown.cloudNodeLifecycle.grid.at(teardown.cloudNodeLifecycle.grid.indexAfter(165));
    sim.runUntil(deletedAt);
    expect(node.removed).toBe(false);
    sim.runUntil(deletedAt + 0.001);
    expect([node.removed, cluster.nodes.includes(node), batch.removed]).toEqual([true, false, false]);
    // The pod GC first sees it missing at its next sweep, and deletes the pod (Failed) two sweeps later, 40 s on.
    const gc = teardown.podGc.grid;
    const forceDeletedAt = gc.at(gc.indexAfter(deletedAt) + 2);
    sim.runUntil(forceDeletedAt);
    expect(batch.removed).toBe(false);
    sim.runUntil(forceDeletedAt + 0.001);
    expect([batch.removed, batch.phase]).toEqual([true, 'Failed']);
    expect(teardown.podGc.deletedPods).toBe(1);
  });
});
