/**
 * status.replicas as the cluster counts it (Cluster.activePods), and the Running-and-Ready count the
 * HPA's Value metrics divide by (Cluster.runningReadyPods): after any sequence of pod and node
 * changes each equals a walk over the owner's pods, for every owner.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActive, isRunningReady, type SimPod } from '../../src/cluster/model.js';
import { makeTemplate } from '../helpers/builders.js';
import { smallCluster } from '../helpers/small-cluster.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0.2 };
const OWNERS = [
  { name: 'web', namespace: 'default', index: 0 },
  { name: 'api', namespace: 'default', index: 1 },
];

type Op =
  | { kind: 'create'; owner: number; cpuMillicores: number }
  | { kind: 'createRunning'; owner: number }
  | { kind: 'delete'; which: number }
  | { kind: 'finish'; which: number; phase: 'Succeeded' | 'Failed' }
  | { kind: 'stop'; which: number }
  | { kind: 'start'; which: number }
  | { kind: 'unready'; which: number }
  | { kind: 'removeNode'; node: number }
  | { kind: 'addNode' }
  | { kind: 'wait'; seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), owner: fc.nat(1), cpuMillicores: fc.constantFrom(100, 250, 500, 900) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('createRunning' as const), owner: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), which: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('finish' as const), which: fc.nat(40), phase: fc.constantFrom('Succeeded' as const, 'Failed' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stop' as const), which: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('start' as const), which: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unready' as const), which: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeNode' as const), node: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'addNode' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.constantFrom(0.5, 1, 3, 10, 40) }) },
);

describe('Cluster.activePods (property)', () => {
  it('equals the count of active pods in the owner’s list after every change', () => {
    let checks = 0;
    let inactiveListed = 0;
    let terminatingReady = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 60 }), (ops) => {
        const { sim, cluster, addNode } = smallCluster(3, DELAYS, 3);
        const pods: SimPod[] = [];
        let t = 0;
        const pick = (which: number): SimPod | undefined => (pods.length > 0 ? pods[which % pods.length] : undefined);
        for (const o of ops) {
          if (o.kind === 'create') {
            pods.push(cluster.createPod(OWNERS[o.owner]!, makeTemplate(), { cpuMillicores: o.cpuMillicores, memoryBytes: 2 ** 20 }, `p-${pods.length}`));
          } else if (o.kind === 'createRunning') {
            const pod = cluster.createRunningPod(OWNERS[o.owner]!, makeTemplate(), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, `p-${pods.length}`, t - 60);
            if (pod) pods.push(pod);
          } else if (o.kind === 'delete') {
            const pod = pick(o.which);
            if (pod) cluster.deletePod(pod, 30);
          } else if (o.kind === 'finish') {
            const pod = pick(o.which);
            if (pod) cluster.finishPod(pod, o.phase);
          } else if (o.kind === 'stop') {
            const pod = pick(o.which);
            if (pod) cluster.stopContainer(pod);
          } else if (o.kind === 'start') {
            const pod = pick(o.which);
            if (pod && pod.node !== undefined) cluster.startContainer(pod, 2);
          } else if (o.kind === 'unready') {
            const pod = pick(o.which);
            if (pod) cluster.setPodReady(pod, false);
          } else if (o.kind === 'removeNode' && cluster.nodes.length > 0) {
            cluster.removeNode(cluster.nodes[o.node % cluster.nodes.length]!);
          } else if (o.kind === 'addNode') {
            addNode();
          } else if (o.kind === 'wait') {
            sim.runUntil((t += o.seconds));
          }
          for (const owner of OWNERS) {
            const listed = cluster.pods(owner);
            const walked = listed.filter(isActive).length;
            expect(cluster.activePods(owner)).toBe(walked);
            expect(cluster.runningReadyPods(owner)).toBe(listed.filter(isRunningReady).length);
            inactiveListed += listed.length - walked;
            terminatingReady += listed.filter((p) => isRunningReady(p) && p.deletionSeconds !== undefined).length;
            checks++;
          }
        }
      }),
      { seed: 7, numRuns: 150 },
    );
    // The runs reach pods that are listed but no longer active (terminating), not only fresh ones.
    expect(checks).toBeGreaterThan(3_000);
    expect(inactiveListed).toBeGreaterThan(100);
    expect(terminatingReady).toBeGreaterThan(20);
  });

  it('counts a new pod, drops it when it terminates, and not again when it is gone', () => {
    const { sim, cluster } = smallCluster(1, DELAYS, 1);
    const owner = OWNERS[0]!;
    const a = cluster.createPod(owner, makeTemplate(), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, 'a');
    const b = cluster.createPod(owner, makeTemplate(), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, 'b');
    expect(cluster.activePods(owner)).toBe(2);
    sim.runUntil(20);
    cluster.deletePod(a, 30);
    expect(cluster.activePods(owner)).toBe(1);
    expect(cluster.pods(owner)).toHaveLength(2);
    sim.runUntil(60);
    expect(cluster.pods(owner)).toEqual([b]);
    expect(cluster.activePods(owner)).toBe(1);
    cluster.finishPod(b, 'Succeeded');
    expect(cluster.activePods(owner)).toBe(0);
    expect(cluster.activePods(OWNERS[1]!)).toBe(0);
  });

  it('keeps a terminating pod in the Running-and-Ready count until it is gone (getReadyPodsCount)', () => {
    const { sim, cluster } = smallCluster(1, DELAYS, 1);
    const owner = OWNERS[0]!;
    const a = cluster.createRunningPod(owner, makeTemplate(), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, 'a', -60)!;
    cluster.createRunningPod(owner, makeTemplate(), { cpuMillicores: 100, memoryBytes: 2 ** 20 }, 'b', -60);
    expect(cluster.runningReadyPods(owner)).toBe(2);
    cluster.deletePod(a, 30);
    expect(cluster.activePods(owner)).toBe(1);
    expect(cluster.runningReadyPods(owner)).toBe(2);
    sim.runUntil(DELAYS.terminationSeconds - 0.5);
    expect(cluster.runningReadyPods(owner)).toBe(2);
    sim.runUntil(DELAYS.terminationSeconds + 0.5);
    expect(a.removed).toBe(true);
    expect(cluster.runningReadyPods(owner)).toBe(1);
  });
});
