/**
 * Pod priority in the simulated scheduler: retries in PrioritySort order (higher priority first,
 * equal priorities in creation order), DefaultPreemption's PostFilter evicting a lower-priority pod
 * gracefully and the preemptor binding on its nominated node, preemptionPolicy Never, and the
 * nominated pod's room held against pods of lower priority (RunFilterPluginsWithNominatedPods).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { DeploymentController } from '../../src/cluster/deployment-controller.js';
import type { SimPod } from '../../src/cluster/model.js';
import { Nominator } from '../../src/cluster/nominator.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { sortByPriority } from '../../src/cluster/pod-priority.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { PodTemplateSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makeNode, makePod, makePool, makeTemplate } from '../helpers/builders.js';
import { preemptionLog } from '../helpers/small-cluster.js';

const GiB = 2 ** 30;
const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function template(app: string, cpu: number, priority?: number, over: Partial<PodTemplateSpec> = {}): PodTemplateSpec {
  return makeTemplate({
    labels: { app },
    containers: [{ name: app, cpuRequestMillicores: cpu, memoryRequestBytes: GiB / 4, sidecar: false }],
    ...(priority !== undefined ? { priority } : {}),
    ...over,
  });
}

function world() {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
  const deleted: { pod: string; grace: number; at: number }[] = [];
  const preemptions = preemptionLog(cluster);
  let index = 0;
  return {
    sim,
    cluster,
    deleted,
    preemptions,
    node(cpu: number) {
      return cluster.addNode(makePool({ name: 'n', cpuMillicores: cpu, memoryBytes: 64 * GiB }), index++);
    },
    workload(name: string, t: PodTemplateSpec, replicas: number) {
      const spec: WorkloadSpec = { kind: 'Deployment', apiVersion: 'apps/v1', name, namespace: 'default', replicas, selector: t.labels, template: t, source: { file: `${name}.yaml` } };
      const c = new DeploymentController(spec, { name, namespace: 'default', index: index++, kind: 'Deployment' }, cluster, sim);
      c.reconcile();
      return c;
    },
  };
}

const bound = (pods: readonly SimPod[]) => pods.filter((p) => p.node !== undefined && !p.removed).length;

describe('PrioritySort', () => {
  it('sorts by priority, higher first, and keeps the order of equal priorities', () => {
    const pods = [1, 5, 1, 5, 0].map((priority, i) => makePod({ name: `p${i}`, template: makeTemplate(priority === 0 ? {} : { priority }) }));
    sortByPriority(pods);
    expect(pods.map((p) => p.name)).toEqual(['p1', 'p3', 'p0', 'p2', 'p4']);
  });

  it('retries the waiting pods higher priority first: the later, more important pod takes the freed room', () => {
    const w = world();
    w.node(1000);
    // The blocker outranks both waiting pods, so neither can preempt it.
    const blocker = w.workload('blocker', template('blocker', 1000, 1000), 1);
    w.sim.runUntil(10);
    const low = w.workload('low', template('low', 600, 10), 1);
    w.sim.runUntil(20);
    const high = w.workload('high', template('high', 600, 100), 1);
    w.sim.runUntil(30);
    expect([bound(low.pods), bound(high.pods)]).toEqual([0, 0]);
    blocker.scale(0);
    w.sim.runUntil(60);
    expect([bound(low.pods), bound(high.pods)]).toEqual([0, 1]);
    expect(w.preemptions).toEqual([]);
  });
});

describe('DefaultPreemption in the cluster', () => {
  it('evicts the lower-priority pod gracefully; the preemptor is nominated and binds on that node once it is gone', () => {
    const w = world();
    const node = w.node(1000);
    const pause = w.workload('pause', template('pause', 400, -1, { terminationGracePeriodSeconds: 30 }), 2);
    w.sim.runUntil(10);
    expect(bound(pause.pods)).toBe(2);
    const web = w.workload('web', template('web', 500), 1);
    w.sim.runUntil(11.5);
    expect(w.preemptions).toEqual([`web on ${node.name}: pause`]);
    const preemptor = web.pods[0]!;
    expect(w.cluster.scheduler.nominator.nominatedNode(preemptor)).toBe(node);
    const victims = pause.pods.filter((p) => p.deletionSeconds !== undefined);
    expect(victims).toHaveLength(1);
    // Gone after the kubelet's termination time (2 s here, below the 30 s grace period): the preemptor binds then.
    w.sim.runUntil(12.9);
    expect(preemptor.node).toBeUndefined();
    w.sim.runUntil(14);
    expect(preemptor.node).toBe(node);
    expect(w.cluster.scheduler.nominator.nominatedNode(preemptor)).toBeUndefined();
  });

  it('a pod with preemptionPolicy Never waits instead', () => {
    const w = world();
    w.node(1000);
    const pause = w.workload('pause', template('pause', 400, -1), 2);
    w.sim.runUntil(10);
    const web = w.workload('web', template('web', 500, 10, { preemptionPolicy: 'Never' }), 1);
    w.sim.runUntil(30);
    expect(bound(web.pods)).toBe(0);
    expect(bound(pause.pods)).toBe(2);
    expect(w.preemptions).toEqual([]);
  });

  it('does not preempt pods of equal or higher priority', () => {
    const w = world();
    w.node(1000);
    w.workload('same', template('same', 800, 5), 1);
    w.sim.runUntil(10);
    const web = w.workload('web', template('web', 500, 5), 1);
    w.sim.runUntil(30);
    expect(bound(web.pods)).toBe(0);
    expect(w.preemptions).toEqual([]);
  });
});

describe('the nominated room (RunFilterPluginsWithNominatedPods)', () => {
  const random = { next: () => 0, int: () => 0, jitter: () => 0 };

  it('a pod of lower priority does not take the room of a pod nominated there; one of higher priority does', () => {
    const node = makeNode({ name: 'n0', cpuAllocatableMillicores: 1000 });
    const nominator = new Nominator();
    nominator.nominate(makePod({ name: 'nominated', template: makeTemplate({ priority: 10 }), cpuRequestMillicores: 600 }), node);
    const lower = makePod({ name: 'lower', template: makeTemplate({ priority: 5 }), cpuRequestMillicores: 600 });
    const equal = makePod({ name: 'equal', template: makeTemplate({ priority: 10 }), cpuRequestMillicores: 600 });
    const higher = makePod({ name: 'higher', template: makeTemplate({ priority: 20 }), cpuRequestMillicores: 600 });
    expect(placePod(lower, [node], 'LeastAllocated', random, 0, undefined, nominator).node).toBeUndefined();
    expect(placePod(equal, [node], 'LeastAllocated', random, 0, undefined, nominator).node).toBeUndefined();
    expect(placePod(higher, [node], 'LeastAllocated', random, 0, undefined, nominator).node).toBe(node);
    expect(placePod(lower, [node], 'LeastAllocated', random, 0).node).toBe(node);
  });
});
