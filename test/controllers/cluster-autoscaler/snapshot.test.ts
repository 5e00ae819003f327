/**
 * The cluster-autoscaler's snapshot of pods and nodes: each copy kept while what it copies holds,
 * made anew (and equal to a fresh copy) when the pod or node changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_UNSCHEDULABLE_TAINT } from '../../../src/cluster/node-health.js';
import type { SimPod } from '../../../src/cluster/model.js';
import { caNode, caPod, copyCaNode } from '../../../src/controllers/cluster-autoscaler/snapshot.js';
import { makePod, makeTemplate } from '../../helpers/builders.js';
import { smallCluster } from '../../helpers/small-cluster.js';

const replicaSet = (): string => 'ReplicaSet';

describe('caPod', () => {
  it('copies the pod, and hands out the same copy while nothing it copies changed', () => {
    const pod = makePod({ name: 'web-1' });
    const first = caPod(pod, replicaSet);
    expect(first).toMatchObject({ name: 'web-1', namespace: 'default', cpuMillicores: 250, ownerKind: 'ReplicaSet', ownerName: 'web', terminationGracePeriodSeconds: 30 });
    expect(first.deletionSeconds).toBeUndefined();
    expect(first.terminal).toBeUndefined();
    expect(caPod(pod, replicaSet)).toBe(first);
  });

  it('makes a new copy once the pod is being deleted, leaving the old one as it was', () => {
    const pod = makePod({ name: 'web-2' });
    const before = caPod(pod, replicaSet);
    pod.deletionSeconds = 120;
    const after = caPod(pod, replicaSet);
    expect(after).not.toBe(before);
    expect(after.deletionSeconds).toBe(120);
    expect(before.deletionSeconds).toBeUndefined();
    expect(caPod(pod, replicaSet)).toBe(after);
  });

  it.each(['Succeeded', 'Failed'] as const)('makes a new copy once the pod is terminal (%s)', (phase) => {
    const pod = makePod({ name: 'job-1' });
    const before = caPod(pod, replicaSet);
    pod.phase = phase;
    const after = caPod(pod, replicaSet);
    expect(after.terminal).toBe(true);
    expect(before.terminal).toBeUndefined();
  });
});

describe('caNode', () => {
  const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

  /** Two 1-CPU nodes and a pod template of 250m; the kernel runs the scheduler and the kubelets. */
  function setUp() {
    const { sim, cluster } = smallCluster(1, DELAYS, 2);
    const nodes = [...cluster.nodes];
    const owner = { name: 'web', namespace: 'default', index: 0 };
    const template = makeTemplate();
    let serial = 0;
    const create = (): SimPod => cluster.createPod(owner, template, { cpuMillicores: 250, memoryBytes: 256 * 2 ** 20 }, `web-${serial++}`);
    return { sim, cluster, nodes, create };
  }

  it('hands out the same copy while nothing it copies changed, and a fresh one equal to a new copy after each change', () => {
    const { sim, cluster, nodes, create } = setUp();
    const changes: [string, () => void][] = [
      ['pods bound', () => [create(), create(), create()]],
      ['pods running and ready', () => undefined],
      ['a pod deleted', () => cluster.deletePod(nodes[0]!.pods[0] ?? nodes[1]!.pods[0]!, 30)],
      ['the deleted pod gone', () => undefined],
      ['a taint', () => cluster.setTaint(nodes[0]!, { key: 'dedicated', effect: 'NoSchedule' }, true)],
      ['the taint lifted', () => cluster.setTaint(nodes[0]!, { key: 'dedicated', effect: 'NoSchedule' }, false)],
      ['node 1 NotReady', () => cluster.setNodeReady(nodes[1]!, false)],
      ['a pod finished', () => cluster.finishPod((nodes[0]!.pods[0] ?? nodes[1]!.pods[0])!, 'Succeeded')],
      ['node 1 Ready again', () => cluster.setNodeReady(nodes[1]!, true)],
    ];
    let t = 0;
    for (const [what, change] of changes) {
      const before = nodes.map((n) => caNode(n, replicaSet));
      change();
      sim.runUntil((t += 20));
      for (const [i, node] of nodes.entries()) {
        const now = caNode(node, replicaSet);
        expect(now, `${what}: node ${i}`).toEqual(copyCaNode(node, replicaSet));
        // Unchanged nodes keep their copy; a later call without a change hands out the same one.
        if (JSON.stringify(now) === JSON.stringify(before[i])) expect(now, `${what}: node ${i} kept`).toBe(before[i]);
        expect(caNode(node, replicaSet)).toBe(now);
      }
    }
    // The changes above did reach the copies (each kind at least once).
    expect(nodes.some((n) => caNode(n, replicaSet).pods.length > 0)).toBe(true);
  });

  it('marks a cordoned node (the node.kubernetes.io/unschedulable taint of spec.unschedulable), and a fresh copy once uncordoned', () => {
    const { cluster, nodes } = setUp();
    expect(caNode(nodes[0]!, replicaSet).cordoned).toBe(false);
    cluster.setTaint(nodes[0]!, NODE_UNSCHEDULABLE_TAINT, true);
    expect(caNode(nodes[0]!, replicaSet)).toMatchObject({ cordoned: true, ready: true, beingDeleted: false });
    expect(caNode(nodes[1]!, replicaSet).cordoned).toBe(false);
    cluster.setTaint(nodes[0]!, NODE_UNSCHEDULABLE_TAINT, false);
    expect(caNode(nodes[0]!, replicaSet).cordoned).toBe(false);
  });

  it('makes a new copy when a pod on the node changes state, and keeps the other node’s', () => {
    const { sim, cluster, nodes, create } = setUp();
    create();
    create();
    sim.runUntil(30);
    const busy = nodes.find((n) => n.pods.length > 0)!;
    const other = nodes.find((n) => n !== busy)!;
    const [busyBefore, otherBefore] = [caNode(busy, replicaSet), caNode(other, replicaSet)];
    cluster.deletePod(busy.pods[0]!, 30);
    const busyAfter = caNode(busy, replicaSet);
    expect(busyAfter).not.toBe(busyBefore);
    expect(busyAfter.pods[0]!.deletionSeconds).toBe(30);
    expect(busyBefore.pods[0]!.deletionSeconds).toBeUndefined();
    expect(caNode(other, replicaSet)).toBe(otherBefore);
  });
});

describe('caNode under any sequence of cluster changes (property)', () => {
  const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0.2 };
  type Op =
    | { kind: 'create'; cpuMillicores: number }
    | { kind: 'delete'; which: number }
    | { kind: 'finish'; which: number; phase: 'Succeeded' | 'Failed' }
    | { kind: 'taint'; node: number; on: boolean }
    | { kind: 'ready'; node: number; ready: boolean }
    | { kind: 'addNode' }
    | { kind: 'wait'; seconds: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), cpuMillicores: fc.constantFrom(100, 250, 500, 900) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), which: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('finish' as const), which: fc.nat(40), phase: fc.constantFrom('Succeeded' as const, 'Failed' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('taint' as const), node: fc.nat(5), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('ready' as const), node: fc.nat(5), ready: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'addNode' as const }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.constantFrom(0.5, 1, 3, 10, 40) }) },
  );

  it('a kept CaNode always equals a fresh copy, and a node that changed never keeps its old one', () => {
    let checked = 0;
    let changed = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 50 }), (ops) => {
        const { sim, cluster, addNode } = smallCluster(5, DELAYS, 3);
        const owner = { name: 'web', namespace: 'default', index: 0 };
        const pods: SimPod[] = [];
        let t = 0;
        for (const o of ops) {
          const before = new Map(cluster.nodes.map((n) => [n, { ca: caNode(n, replicaSet), text: JSON.stringify(copyCaNode(n, replicaSet)) }]));
          const node = (i: number) => cluster.nodes[i % cluster.nodes.length]!;
          if (o.kind === 'create') pods.push(cluster.createPod(owner, makeTemplate(), { cpuMillicores: o.cpuMillicores, memoryBytes: 2 ** 20 }, `web-${pods.length}`));
          else if (o.kind === 'delete' && pods.length > 0) cluster.deletePod(pods[o.which % pods.length]!, 30);
          else if (o.kind === 'finish' && pods.length > 0) cluster.finishPod(pods[o.which % pods.length]!, o.phase);
          else if (o.kind === 'taint') cluster.setTaint(node(o.node), { key: 'dedicated', effect: 'NoSchedule' }, o.on);
          else if (o.kind === 'ready') cluster.setNodeReady(node(o.node), o.ready);
          else if (o.kind === 'addNode') addNode();
          else if (o.kind === 'wait') sim.runUntil((t += o.seconds));
          for (const n of cluster.nodes) {
            const now = caNode(n, replicaSet);
            const fresh = copyCaNode(n, replicaSet);
            expect(now).toEqual(fresh);
            const was = before.get(n);
            if (was !== undefined && JSON.stringify(fresh) !== was.text) {
              expect(now).not.toBe(was.ca);
              changed++;
            }
            checked++;
          }
        }
      }),
      { seed: 11, numRuns: 150 },
    );
    // The runs reach both sides: many kept copies, and many nodes that changed under them.
    expect(checked).toBeGreaterThan(5_000);
    expect(changed).toBeGreaterThan(300);
  });
});
