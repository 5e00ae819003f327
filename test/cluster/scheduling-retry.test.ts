/**
 * Retrying unschedulable pods: a retry pass skips the node search for a pod that no node relaxed
 * since its last failure can take (RelaxationLog). The property that makes the skip exact: once the
 * cluster is quiet, no waiting pod fits any node — the same as retrying every pod against every node.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import type { SimNode, SimPod } from '../../src/cluster/model.js';
import { fitErrorMessage } from '../../src/cluster/fit-error.js';
import { RelaxationLog } from '../../src/cluster/relaxation-log.js';
import { filterNode } from '../../src/cluster/scheduling-filter.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { PodTemplateSpec } from '../../src/scenario/types.js';
import { makeNode, makePool, makeTemplate } from '../helpers/builders.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
const TAINT = { key: 'maintenance', effect: 'NoSchedule' as const };

describe('RelaxationLog', () => {
  it('answers for the nodes relaxed after an epoch, skipping removed nodes, until forgotten', () => {
    const log = new RelaxationLog();
    const a = makeNode({ name: 'a' });
    const b = makeNode({ name: 'b' });
    const failedAt = log.now;
    log.relaxed(a);
    const afterA = log.now;
    log.relaxed(b);
    expect(log.anyRelaxedSince(failedAt, (n) => n === a)).toBe(true);
    expect(log.anyRelaxedSince(afterA, (n) => n === a)).toBe(false);
    expect(log.anyRelaxedSince(afterA, (n) => n === b)).toBe(true);
    b.removed = true;
    expect(log.anyRelaxedSince(afterA, () => true)).toBe(false);
    log.forgetUpTo(afterA);
    expect(log.anyRelaxedSince(failedAt, (n) => n === a)).toBe(false);
  });
});

type Op =
  | { kind: 'create'; cpuMillicores: number; template: number }
  | { kind: 'delete'; which: number; count: number }
  | { kind: 'addNode'; cpuMillicores: number }
  | { kind: 'taint'; which: number; on: boolean };

// Creates outweigh the rest, so the small cluster fills and pods wait.
const op: fc.Arbitrary<Op> = fc.oneof(
  // Templates 0 and 1 are shared by the pods created with them (a failure may stand for the pods
  // alike); 2 is a template of the pod's own.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), cpuMillicores: fc.constantFrom(250, 500, 750, 1000, 1500, 2000), template: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), which: fc.nat(50), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addNode' as const), cpuMillicores: fc.constantFrom(1000, 2000, 4000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('taint' as const), which: fc.nat(10), on: fc.boolean() }) },
);

/** Pods waiting while some node would take them (should be none once the cluster is quiet). */
function waitingButFitting(cluster: Cluster): string[] {
  return cluster.unschedulablePods().flatMap((pod: SimPod) => cluster.nodes.filter((n: SimNode) => filterNode(pod, n) === 'Fits').map((n) => `${pod.name} fits ${n.name}`));
}

/** A cluster on its own clock, logging each FailedScheduling as `<time> <pod>: <message>`, and one owner for its pods. */
function loggingCluster(reportsEveryFailure: boolean) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(3), DELAYS, 'LeastAllocated');
  cluster.reportsEveryFailure = reportsEveryFailure;
  const failures: string[] = [];
  cluster.addListener({ podUnschedulable: (pod, nodes, counts) => failures.push(`${sim.nowSeconds} ${pod.name}: ${fitErrorMessage(nodes, counts)}`) });
  return { sim, cluster, failures, owner: { name: 'web', namespace: 'default', index: 0 } };
}

/**
 * Pods created at 0 with no node, then a 1000m node (at most `maxPods` pods) joining at 5: which
 * pods are bound and which wait at 10, and the FailedScheduling lines before the node joined and after.
 */
function afterSmallNodeJoins(reportsEveryFailure: boolean, pods: readonly (readonly [string, number, PodTemplateSpec])[], maxPods = 110) {
  const { sim, cluster, failures, owner } = loggingCluster(reportsEveryFailure);
  for (const [name, cpuMillicores, template] of pods) cluster.createPod(owner, template, { cpuMillicores, memoryBytes: 2 ** 20 }, name);
  sim.runUntil(5);
  const before = failures.splice(0);
  cluster.addNode(makePool({ name: 'small', cpuMillicores: 1000, maxPods }), 0);
  sim.runUntil(10);
  return {
    waiting: cluster.unschedulablePods().map((p) => p.name),
    bound: cluster.pods(owner).filter((p) => p.node !== undefined).map((p) => `${p.name}@${p.node!.name}`),
    before,
    after: failures,
  };
}

describe('retrying unschedulable pods', () => {
  it('leaves no waiting pod that a node fits, whatever frees room, adds nodes or lifts taints, and binds the same pods whether failures are reported or not', () => {
    const runsWithWaitingPods = new Set<Op[]>();
    /** The run of `ops`: after each step, every pod's node (or '-'), checking that no waiting pod fits a node. */
    const run = (ops: Op[], reportsEveryFailure: boolean): string[] => {
      const sim = new Simulation();
      const cluster = new Cluster(sim, new Rng(3), DELAYS, 'LeastAllocated');
      cluster.reportsEveryFailure = reportsEveryFailure;
      const shared = [makeTemplate(), makeTemplate()];
      let nodes = 0;
      const addNode = (cpuMillicores: number) => cluster.addNode(makePool({ name: `c${cpuMillicores}`, cpuMillicores }), nodes++);
      addNode(2000);
      addNode(1000);
      const owner = { name: 'web', namespace: 'default', index: 0 };
      let created = 0;
      const placements: string[] = [];
      ops.forEach((o, i) => {
        sim.runUntil(i * 10);
        if (o.kind === 'create') cluster.createPod(owner, shared[o.template] ?? makeTemplate(), { cpuMillicores: o.cpuMillicores, memoryBytes: 2 ** 20 }, `p${created++}`);
        else if (o.kind === 'addNode') addNode(o.cpuMillicores);
        else if (o.kind === 'delete') {
          // Several at once: their nodes relax at the same instant, before the retry pass runs.
          const live = cluster.pods(owner).filter((p) => p.deletionSeconds === undefined);
          for (let k = 0; k < o.count && live.length > 0; k++) cluster.deletePod(live.splice(o.which % live.length, 1)[0]!, 30);
        } else {
          const node = cluster.nodes[o.which % cluster.nodes.length];
          if (node !== undefined) cluster.setTaint(node, TAINT, o.on);
        }
        sim.runUntil(i * 10 + 9);
        expect(waitingButFitting(cluster)).toEqual([]);
        if (cluster.unschedulableCount > 0) runsWithWaitingPods.add(ops);
        placements.push(cluster.pods(owner).map((p) => `${p.name}@${p.node?.name ?? '-'}`).join(' '));
      });
      return placements;
    };
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 60 }), (ops) => {
        // The cycles run only to report a failure bind nothing.
        expect(run(ops, true)).toEqual(run(ops, false));
      }),
      { numRuns: 300, seed: 20261122 },
    );
    // The property is about waiting pods: most runs must have had some.
    expect(runsWithWaitingPods.size).toBeGreaterThan(150);
  });

  it('a pod a new node could take gets its cycle even when pods before it fill the node, and reports the new failure', () => {
    // kube-scheduler's queueing hint moves the pod to the active queue at the node's addition; its
    // cycle then fails with a message naming the new node, which decisions.csv and explain show.
    const template = makeTemplate();
    const pods = (['a', 'b', 'c'] as const).map((name) => [name, 600, template] as const);
    const reported = afterSmallNodeJoins(true, pods);
    expect(reported.waiting).toEqual(['b', 'c']);
    expect(reported.before).toEqual(['1 a: no nodes available to schedule pods', '1 b: no nodes available to schedule pods', '1 c: no nodes available to schedule pods']);
    expect(reported.after).toEqual([
      // b's cycle runs and fails on the node a took; c, alike, fails the same way without a search.
      '5 b: 0/1 nodes are available: 1 Insufficient cpu.',
      '5 c: 0/1 nodes are available: 1 Insufficient cpu.',
    ]);
    // Without a FailedScheduling log the cycles that can only fail are skipped: the same pods bind.
    const quiet = afterSmallNodeJoins(false, pods);
    expect(quiet.bound).toEqual(reported.bound);
    expect(quiet.before).toEqual(reported.before);
    expect(quiet.after).toEqual([]);
  });

  it("lets a failed cycle stand for another template's pod with the same filter inputs, until a pod binds", () => {
    // One 1000m node with room for two pods joins six waiting pods in creation order: a (600m)
    // binds; b (600m) fails on cpu; c, another template with b's requests, tolerations and
    // selector, reports b's failure without a search, as its own cycle would; d tolerates a taint
    // and gets its own cycle; e (300m) binds and fills the node's pod slots; f, alike b, then gets its
    // own cycle, whose failure names the pod count beside the cpu (b's named the cpu alone).
    const tolerating = makeTemplate({ tolerations: [{ key: 'maintenance', operator: 'Exists' }] });
    const pods = [['a', 600, makeTemplate()], ['b', 600, makeTemplate()], ['c', 600, makeTemplate()], ['d', 600, tolerating], ['e', 300, makeTemplate()], ['f', 600, makeTemplate()]] as const;
    const reported = afterSmallNodeJoins(true, pods, 2);
    expect(reported.bound).toEqual(['a@small-0', 'e@small-0']);
    expect(reported.after).toEqual([
      '5 b: 0/1 nodes are available: 1 Insufficient cpu.',
      '5 c: 0/1 nodes are available: 1 Insufficient cpu.',
      '5 d: 0/1 nodes are available: 1 Insufficient cpu.',
      '5 f: 0/1 nodes are available: 1 Insufficient cpu, 1 Too many pods.',
    ]);
  });

  it("lets a failed cycle stand for its own template's pods until a pod binds, then runs their own", () => {
    // The same node and pods as above, all of one template: b fails on cpu; e, another shape, binds
    // and fills the node's pod slots; f, b's template and shape, gets its own cycle after that bind
    // (kube-scheduler runs one), whose failure names the pod count beside the cpu. Without the
    // FailedScheduling log, f is skipped on b's failure: a bind only takes room, so the same pods bind.
    const template = makeTemplate();
    const pods = ([['a', 600], ['b', 600], ['c', 600], ['e', 300], ['f', 600]] as const).map(([name, cpu]) => [name, cpu, template] as const);
    const reported = afterSmallNodeJoins(true, pods, 2);
    expect(reported.bound).toEqual(['a@small-0', 'e@small-0']);
    expect(reported.after).toEqual([
      '5 b: 0/1 nodes are available: 1 Insufficient cpu.',
      // c, alike b with no bind between, reports b's failure without a search.
      '5 c: 0/1 nodes are available: 1 Insufficient cpu.',
      '5 f: 0/1 nodes are available: 1 Insufficient cpu, 1 Too many pods.',
    ]);
    const quiet = afterSmallNodeJoins(false, pods, 2);
    expect(quiet.bound).toEqual(reported.bound);
    expect(quiet.after).toEqual([]);
  });

  it('binds a waiting pod once a pod leaves its node, and not before', () => {
    const sim = new Simulation();
    const cluster = new Cluster(sim, new Rng(3), DELAYS, 'LeastAllocated');
    cluster.addNode(makePool({ name: 'small', cpuMillicores: 1000 }), 0);
    const owner = { name: 'web', namespace: 'default', index: 0 };
    const big = cluster.createPod(owner, makeTemplate(), { cpuMillicores: 800, memoryBytes: 2 ** 20 }, 'big');
    sim.runUntil(5);
    const waiting = cluster.createPod(owner, makeTemplate(), { cpuMillicores: 600, memoryBytes: 2 ** 20 }, 'waiting');
    sim.runUntil(10);
    expect(cluster.unschedulablePods().map((p) => p.name)).toEqual(['waiting']);
    // A node that cannot take it anyway relaxes: still waiting.
    cluster.addNode(makePool({ name: 'tiny', cpuMillicores: 500 }), 1);
    sim.runUntil(20);
    expect(waiting.node).toBeUndefined();
    cluster.deletePod(big, 30);
    sim.runUntil(40);
    expect(waiting.node?.name).toBe('small-0');
    expect(cluster.unschedulablePods()).toHaveLength(0);
  });
});
