/**
 * Inter-pod affinity in the simulated scheduler, end to end through the Cluster: one replica per
 * node under required hostname anti-affinity (the rest Unschedulable, bound when a node is added),
 * a pod co-located with another workload's by required affinity, the first pod of a self-affine
 * Deployment, an existing pod's anti-affinity keeping other pods off its node (symmetry), a pod
 * retried when the pod that blocked it goes, preferred anti-affinity spreading over hosts, and no
 * InterPodAffinity work at all in a cluster without terms.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { DeploymentController } from '../../src/cluster/deployment-controller.js';
import { InterPodAffinityPods } from '../../src/cluster/inter-pod-affinity-counts.js';
import type { SimNode, SimPod } from '../../src/cluster/model.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { InterPodAffinitySpec, PodAffinityTermSpec } from '../../src/scenario/pod-affinity-types.js';
import type { PodTemplateSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

const GiB = 2 ** 30;
const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function affinityTerm(topologyKey: string, app: string): PodAffinityTermSpec {
  return { labelSelector: { matchLabels: { app }, matchExpressions: [] }, namespaces: undefined, namespaceSelector: undefined, topologyKey, matchLabelKeys: [], mismatchLabelKeys: [] };
}

function rules(over: Partial<{ affinity: PodAffinityTermSpec[]; anti: PodAffinityTermSpec[]; preferred: PodAffinityTermSpec[]; preferredAnti: PodAffinityTermSpec[] }>): InterPodAffinitySpec {
  return {
    affinity: { required: over.affinity ?? [], preferred: (over.preferred ?? []).map((term) => ({ weight: 100, term })) },
    antiAffinity: { required: over.anti ?? [], preferred: (over.preferredAnti ?? []).map((term) => ({ weight: 100, term })) },
  };
}

function template(app: string, podAffinity?: InterPodAffinitySpec, nodeSelector: Record<string, string> = {}): PodTemplateSpec {
  return makeTemplate({
    labels: { app },
    nodeSelector,
    containers: [{ name: app, cpuRequestMillicores: 500, memoryRequestBytes: GiB, sidecar: false }],
    ...(podAffinity ? { podAffinity } : {}),
  });
}

class World {
  readonly sim = new Simulation();
  readonly cluster = new Cluster(this.sim, new Rng(1), delays, 'LeastAllocated');
  private nodes = 0;
  private workloads = 0;

  node(zone = 'z1', cpuMillicores = 8000, name = 'n'): SimNode {
    return this.cluster.addNode(makePool({ name, cpuMillicores, memoryBytes: 64 * GiB, labels: { [ZONE]: zone } }), this.nodes++);
  }

  deploy(name: string, t: PodTemplateSpec, replicas: number): DeploymentController {
    const owner = { name, namespace: 'default', index: this.workloads++, kind: 'Deployment' as const };
    const spec = { kind: 'Deployment' as const, apiVersion: 'apps/v1', name, namespace: 'default', replicas, selector: t.labels, template: t, source: { file: `${name}.yaml` } };
    const controller = new DeploymentController(spec, owner, this.cluster, this.sim);
    controller.reconcile();
    return controller;
  }
}

const hosts = (pods: readonly SimPod[]) => pods.filter((p) => p.node !== undefined).map((p) => p.node!.name);
const waiting = (pods: readonly SimPod[]) => pods.filter((p) => p.node === undefined);

describe('InterPodAffinity in the scheduler', () => {
  it('required hostname anti-affinity: one replica per node, the fourth waits (AntiAffinityRulesNotMatch) and binds on a new node', () => {
    const w = new World();
    w.node();
    w.node();
    w.node();
    const web = w.deploy('web', template('web', rules({ anti: [affinityTerm(HOST, 'web')] })), 4);
    w.sim.runUntil(30);
    expect(new Set(hosts(web.pods)).size).toBe(3);
    const left = waiting(web.pods);
    expect(left).toHaveLength(1);
    expect(left[0]!.unschedulable).toBe(true);
    const affinity = new InterPodAffinityPods();
    affinity.sourceSeen(left[0]!.spreadSource!, w.cluster.nodes);
    const placement = placePod(left[0]!, w.cluster.nodes, 'LeastAllocated', new Rng(1).stream('s'), 0, affinity);
    expect(placement.reason === 'Unschedulable' && placement.filterCounts).toEqual({ AntiAffinityRulesNotMatch: 3 });
    const added = w.node();
    w.sim.runUntil(60);
    expect(waiting(web.pods)).toEqual([]);
    expect(web.pods.filter((p) => p.node === added)).toHaveLength(1);
    // Without the anti-affinity the four pods share the nodes (plenty of room).
    const v = new World();
    v.node();
    const plain = v.deploy('web', template('web'), 4);
    v.sim.runUntil(30);
    expect(hosts(plain.pods)).toEqual(['n-0', 'n-0', 'n-0', 'n-0']);
  });

  it('required affinity co-locates a pod with the pod it selects (hostname), on the busiest node', () => {
    const w = new World();
    for (let i = 0; i < 4; i++) w.node();
    const db = w.deploy('db', template('db'), 1);
    w.sim.runUntil(10);
    const dbNode = db.pods[0]!.node!.name;
    const app = w.deploy('app', template('app', rules({ affinity: [affinityTerm(HOST, 'db')] })), 3);
    w.sim.runUntil(30);
    expect(hosts(app.pods)).toEqual([dbNode, dbNode, dbNode]);
  });

  it('a namespaceSelector the loader resolved (selectedNamespaces) selects the pods of those namespaces; unresolved, only the name label counts', () => {
    const byTeam = { matchLabels: { team: 'payments' }, matchExpressions: [] };
    const run = (term: PodAffinityTermSpec) => {
      const w = new World();
      for (let i = 0; i < 3; i++) w.node();
      const db = w.deploy('db', template('db'), 1);
      w.sim.runUntil(10);
      const app = w.deploy('app', template('app', rules({ affinity: [term] })), 2);
      w.sim.runUntil(30);
      return { dbNode: db.pods[0]!.node!.name, app: app.pods };
    };
    // default carries team=payments in its Namespace manifest: the term selects db's pod.
    const resolved = run({ ...affinityTerm(HOST, 'db'), namespaces: [], namespaceSelector: byTeam, selectedNamespaces: ['default'] });
    expect(hosts(resolved.app)).toEqual([resolved.dbNode, resolved.dbNode]);
    // No namespace carries the label: the term selects no pod, and the pods wait.
    const unresolved = run({ ...affinityTerm(HOST, 'db'), namespaces: [], namespaceSelector: byTeam });
    expect(waiting(unresolved.app)).toHaveLength(2);
  });

  it('a pod whose required affinity matches no pod and not itself waits (AffinityRulesNotMatch), and is retried when such a pod binds (no node relaxes)', () => {
    const w = new World();
    w.node();
    w.node();
    const app = w.deploy('app', template('app', rules({ affinity: [affinityTerm(HOST, 'db')] })), 1);
    w.sim.runUntil(30);
    expect(waiting(app.pods)).toHaveLength(1);
    const db = w.deploy('db', template('db'), 1);
    w.sim.runUntil(40);
    expect(app.pods[0]!.node).toBeDefined();
    expect(app.pods[0]!.node).toBe(db.pods[0]!.node);
  });

  it('self-affinity on the zone: the first pod may go to any zone, the others follow it', () => {
    const w = new World();
    w.node('z1', 1000);
    w.node('z2', 8000);
    w.node('z3', 8000);
    const web = w.deploy('web', template('web', rules({ affinity: [affinityTerm(ZONE, 'web')] })), 5);
    w.sim.runUntil(30);
    const zones = new Set(web.pods.map((p) => p.node?.labels[ZONE]));
    expect(zones.size).toBe(1);
    expect(waiting(web.pods)).toEqual([]);
  });

  it("an existing pod's required anti-affinity keeps the pods it selects off its node (symmetry)", () => {
    const w = new World();
    w.node();
    w.node();
    const guard = w.deploy('guard', template('guard', rules({ anti: [affinityTerm(HOST, 'web')] })), 1);
    w.sim.runUntil(10);
    const guarded = guard.pods[0]!.node!;
    const web = w.deploy('web', template('web'), 4);
    w.sim.runUntil(30);
    expect(web.pods.filter((p) => p.node === guarded)).toEqual([]);
    expect(waiting(web.pods)).toEqual([]);
  });

  /** One node holding a db pod, and an app pod with hostname anti-affinity to db waiting for it to go. */
  function blockedByDb() {
    const w = new World();
    w.node('z1', 8000);
    const db = w.deploy('db', template('db'), 1);
    w.sim.runUntil(10);
    const app = w.deploy('app', template('app', rules({ anti: [affinityTerm(HOST, 'db')] })), 1);
    w.sim.runUntil(30);
    expect(waiting(app.pods)).toHaveLength(1);
    return { w, db, app };
  }

  it('a pod that failed on anti-affinity is retried when the pod blocking it is gone', () => {
    const { w, db, app } = blockedByDb();
    db.scale(0);
    w.sim.runUntil(60);
    expect(waiting(app.pods)).toEqual([]);
  });

  it("a pod kept out of a zone by an existing pod's anti-affinity is retried when that pod goes, though the node it left does not fit it", () => {
    const w = new World();
    w.node('z1', 8000);
    w.node('z1', 8000);
    const guard = w.deploy('guard', template('guard', rules({ anti: [affinityTerm(ZONE, 'web')] }), { [HOST]: 'n-0' }), 1);
    w.sim.runUntil(10);
    const web = w.deploy('web', template('web', undefined, { [HOST]: 'n-1' }), 1);
    w.sim.runUntil(30);
    expect(waiting(web.pods)).toHaveLength(1);
    guard.scale(0);
    w.sim.runUntil(60);
    expect(web.pods[0]!.node?.name).toBe('n-1');
  });

  it('matchLabelKeys [pod-template-hash] narrows the anti-affinity to its own workload; mismatchLabelKeys to the others', () => {
    const run = (keys: Partial<Pick<PodAffinityTermSpec, 'matchLabelKeys' | 'mismatchLabelKeys'>>) => {
      const w = new World();
      w.node();
      w.node();
      const anti = rules({ anti: [{ ...affinityTerm(HOST, 'web'), ...keys }] });
      // Two Deployments whose pods carry the same labels (two revisions of one app, say).
      const blue = w.deploy('blue', template('web', anti), 2);
      w.sim.runUntil(10);
      const green = w.deploy('green', template('web', anti), 2);
      w.sim.runUntil(30);
      return { blue: new Set(hosts(blue.pods)).size, green: new Set(hosts(green.pods)).size, waiting: waiting([...blue.pods, ...green.pods]).length };
    };
    // Own revision only: each Deployment spreads its own two pods over the two nodes.
    expect(run({ matchLabelKeys: ['pod-template-hash'] })).toEqual({ blue: 2, green: 2, waiting: 0 });
    // Every web pod: two nodes hold two pods.
    expect(run({})).toEqual({ blue: 2, green: 0, waiting: 2 });
    // Other revisions only: blue's pods share a node freely, green's find blue on both nodes.
    expect(run({ mismatchLabelKeys: ['pod-template-hash'] })).toMatchObject({ green: 0, waiting: 2 });
  });

  it('a terminating pod still counts (NodeInfo holds it until it is gone): the waiting pod binds only after its removal', () => {
    const { w, db, app } = blockedByDb();
    const dbPod = db.pods[0]!;
    w.cluster.deletePod(dbPod, 30);
    w.sim.runUntil(31);
    expect(dbPod.removed).toBe(false);
    expect(waiting(app.pods)).toHaveLength(1);
    w.sim.runUntil(60);
    expect(dbPod.removed).toBe(true);
    expect(waiting(app.pods)).toEqual([]);
  });

  it('preferred hostname (anti-)affinity to its own replicas: anti-affinity spreads them over the nodes, affinity gathers them on one', () => {
    const run = (podAffinity: InterPodAffinitySpec) => {
      const w = new World();
      for (let i = 0; i < 3; i++) w.node('z1', 8000);
      const web = w.deploy('web', template('web', podAffinity), 3);
      w.sim.runUntil(30);
      return new Set(hosts(web.pods)).size;
    };
    expect(run(rules({ preferredAnti: [affinityTerm(HOST, 'web')] }))).toBe(3);
    expect(run(rules({ preferred: [affinityTerm(HOST, 'web')] }))).toBe(1);
  });
});
