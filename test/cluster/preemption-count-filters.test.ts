/**
 * DefaultPreemption beside PodTopologySpread and InterPodAffinity: the dry run takes each potential
 * victim out of both plugins' PreFilter state (RemovePod) before it checks the preemptor fits, and
 * only UnschedulableAndUnresolvable statuses (a missing topology key, AffinityRulesNotMatch) keep a
 * node out of the candidates (nodesWherePreemptionMightHelp). Cases adapted from
 * defaultpreemption default_preemption_test.go TestSelectCandidate / TestDryRunPreemption
 * ("preemption to resolve pod topology spread filter failure") and from the plugins' Unschedulable
 * reasons (AntiAffinityRulesNotMatch, ExistingAntiAffinityRulesNotMatch are resolvable).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { DeploymentController } from '../../src/cluster/deployment-controller.js';
import type { SimNode, SimPod } from '../../src/cluster/model.js';
import { spreadFilter } from '../../src/cluster/topology-spread-filter.js';
import { ZONE_LABEL } from '../../src/cluster/topology-spread-score.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { InterPodAffinitySpec, PodAffinityTermSpec } from '../../src/scenario/pod-affinity-types.js';
import type { PodTemplateSpec, TopologySpreadConstraintSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';
import { preemptionLog } from '../helpers/small-cluster.js';

const GiB = 2 ** 30;
const HOST = 'kubernetes.io/hostname';
const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function term(app: string, topologyKey = HOST): PodAffinityTermSpec {
  return { labelSelector: { matchLabels: { app }, matchExpressions: [] }, namespaces: undefined, namespaceSelector: undefined, topologyKey, matchLabelKeys: [], mismatchLabelKeys: [] };
}

function affinity(required: PodAffinityTermSpec[], anti: PodAffinityTermSpec[]): InterPodAffinitySpec {
  return { affinity: { required, preferred: [] }, antiAffinity: { required: anti, preferred: [] } };
}

function spread(topologyKey: string): TopologySpreadConstraintSpec {
  return {
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchLabels: { foo: 'x' }, matchExpressions: [] },
    minDomains: 1,
    nodeAffinityPolicy: 'Honor',
    nodeTaintsPolicy: 'Ignore',
    matchLabelKeys: [],
  };
}

function template(labels: Record<string, string>, cpuMillicores: number, priority: number, over: Partial<PodTemplateSpec> = {}): PodTemplateSpec {
  return makeTemplate({ labels, containers: [{ name: 'c', cpuRequestMillicores: cpuMillicores, memoryRequestBytes: GiB / 4, sidecar: false }], priority, ...over });
}

interface World {
  sim: Simulation;
  cluster: Cluster;
  preemptions: string[];
  node(name: string, cpuMillicores: number, zone?: string): SimNode;
  deploy(name: string, t: PodTemplateSpec, on?: SimNode): DeploymentController;
}

function world(terminationSeconds = delays.terminationSeconds): World {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), { ...delays, terminationSeconds }, 'LeastAllocated');
  const preemptions = preemptionLog(cluster);
  let index = 0;
  return {
    sim,
    cluster,
    preemptions,
    node: (name, cpuMillicores, zone) => cluster.addNode(makePool({ name, cpuMillicores, memoryBytes: 64 * GiB, labels: zone === undefined ? {} : { [ZONE_LABEL]: zone } }), 0),
    deploy(name, t, on) {
      const pinned = on === undefined ? t : { ...t, nodeSelector: { [HOST]: on.name } };
      const spec: WorkloadSpec = { kind: 'Deployment', apiVersion: 'apps/v1', name, namespace: 'default', replicas: 1, selector: t.labels, template: pinned, source: { file: `${name}.yaml` } };
      const c = new DeploymentController(spec, { name, namespace: 'default', index: index++, kind: 'Deployment' }, cluster, sim);
      c.reconcile();
      return c;
    },
  };
}

const on = (pods: readonly SimPod[]) => pods.filter((p) => !p.removed).map((p) => p.node?.name);

describe('preemption with the victims taken out of InterPodAffinity counts', () => {
  it.each([
    {
      name: 'AntiAffinityRulesNotMatch is resolvable: the pod its required anti-affinity selects is evicted',
      low: template({ app: 'x' }, 200, 1),
      web: template({ app: 'web' }, 200, 10, { podAffinity: affinity([], [term('x')]) }),
      preempted: ['web on n-0: low'],
    },
    {
      name: 'ExistingAntiAffinityRulesNotMatch is resolvable: the lower-priority pod whose anti-affinity rejects the pod is evicted',
      low: template({ app: 'x' }, 200, 1, { podAffinity: affinity([], [term('web')]) }),
      web: template({ app: 'web' }, 200, 10),
      preempted: ['web on n-0: low'],
    },
    {
      name: 'evicting the only pod its required affinity needs leaves AffinityRulesNotMatch: no candidate',
      low: template({ app: 'db' }, 600, 1),
      web: template({ app: 'web' }, 600, 10, { podAffinity: affinity([term('db')], []) }),
      preempted: [],
    },
    {
      name: 'self-affine: with the only matching pods evicted no pair is left, and the pod matching its own term fits (first-pod rule)',
      low: template({ app: 'web', role: 'low' }, 800, 1),
      web: template({ app: 'web', role: 'p' }, 600, 10, { podAffinity: affinity([term('web')], []) }),
      preempted: ['web on n-0: low'],
    },
  ])('$name', ({ low, web, preempted }) => {
    const w = world();
    const node = w.node('n', 1000);
    const lowPods = w.deploy('low', low);
    w.sim.runUntil(30);
    expect(on(lowPods.pods)).toEqual([node.name]);
    const webPods = w.deploy('web', web);
    w.sim.runUntil(120);
    expect(w.preemptions).toEqual(preempted);
    expect(on(webPods.pods)).toEqual(preempted.length > 0 ? [node.name] : [undefined]);
    expect(on(lowPods.pods)).toEqual(preempted.length > 0 ? [] : [node.name]);
  });
});

describe('preemption with the victims taken out of PodTopologySpread counts', () => {
  // default_preemption_test.go "preemption to resolve pod topology spread filter failure": zone and
  // hostname constraints (maxSkew 1) that every node fails; node-a and node-b each become
  // candidates by evicting their lowest-priority matching pod, node-x holds only higher-priority pods.
  it('resolves ConstraintsNotMatch by evicting one low-priority matching pod', () => {
    const w = world();
    const a = w.node('node-a', 4000, 'zone1');
    const b = w.node('node-b', 4000, 'zone1');
    const x = w.node('node-x', 4000, 'zone2');
    const foo = { foo: 'x' };
    const pods = {
      a1: w.deploy('pod-a1', template({ ...foo, id: 'a1' }, 100, 5), a),
      a2: w.deploy('pod-a2', template({ ...foo, id: 'a2' }, 100, 1), a),
      b1: w.deploy('pod-b1', template({ ...foo, id: 'b1' }, 100, 1), b),
      x1: w.deploy('pod-x1', template({ ...foo, id: 'x1' }, 100, 10), x),
      x2: w.deploy('pod-x2', template({ ...foo, id: 'x2' }, 100, 10), x),
    };
    w.sim.runUntil(30);
    expect(Object.values(pods).map((c) => on(c.pods)[0])).toEqual([a.name, a.name, b.name, x.name, x.name]);
    const p = w.deploy('p', template({ ...foo, id: 'p' }, 100, 10, { hasTopologySpreadConstraints: true, topologySpreadConstraints: [spread(ZONE_LABEL), spread(HOST)] }));
    w.sim.runUntil(120);
    expect(w.preemptions).toHaveLength(1);
    expect(w.preemptions[0]).toMatch(/^p on node-(a-0: pod-a2|b-0: pod-b1)$/);
    expect(on(pods.a1.pods)).toEqual([a.name]);
    expect(on(p.pods)).toHaveLength(1);
    expect([a.name, b.name]).toContain(on(p.pods)[0]);
  });

  it('a node without a constraint key (unresolvable) is no candidate', () => {
    const w = world();
    const bare = w.node('bare', 1000);
    const low = w.deploy('low', template({ foo: 'x' }, 800, 1));
    w.sim.runUntil(30);
    expect(on(low.pods)).toEqual([bare.name]);
    const p = w.deploy('p', template({ foo: 'x' }, 800, 10, { hasTopologySpreadConstraints: true, topologySpreadConstraints: [spread(ZONE_LABEL)] }));
    w.sim.runUntil(120);
    expect(w.preemptions).toEqual([]);
    expect(on(p.pods)).toEqual([undefined]);
  });
});

describe('spreadFilter with pods removed from the node (RemovePod, criticalPaths.update)', () => {
  const c = { topologyKey: ZONE_LABEL, maxSkew: 1, nodeAffinityPolicy: 'Honor' as const, nodeTaintsPolicy: 'Ignore' as const, minDomains: 1, selfMatch: true };
  // PreFilter's minimum: 2, or 0 with fewer domains (2) than minDomains.
  const state = (minDomains: number) => ({ matchNumByDomain: [new Map([['z1', 3], ['z2', 2]])], minMatchNum: [minDomains > 2 ? 0 : 2] });
  it.each([
    { name: 'nothing removed: 3 + 1 − 2 > 1', removed: undefined, minDomains: 1, fits: false },
    { name: 'one removed: 2 + 1 − 2 = 1', removed: [1], minDomains: 1, fits: true },
    { name: 'two removed: the domain becomes the minimum, 1 + 1 − 1', removed: [2], minDomains: 1, fits: true },
    { name: 'below minDomains the minimum stays 0: 2 + 1 − 0 > 1', removed: [1], minDomains: 3, fits: false },
  ])('$name', ({ removed, minDomains, fits }) => {
    expect(spreadFilter([{ ...c, minDomains }], state(minDomains), { [ZONE_LABEL]: 'z1' }, removed).fits).toBe(fits);
  });
});

describe('the nominated pods in the count filters (RunFilterPluginsWithNominatedPods, addGENominatedPods)', () => {
  it('a lower-priority pod whose anti-affinity selects the pod nominated to a node does not take that node while the victims terminate', () => {
    const w = world(20);
    const node = w.node('n', 1000);
    const v = w.deploy('v', template({ app: 'v' }, 200, 1));
    w.sim.runUntil(30);
    const p1 = w.deploy('p1', template({ app: 'p1' }, 200, 10, { podAffinity: affinity([], [term('v')]) }));
    w.sim.runUntil(32);
    expect(w.preemptions).toEqual(['p1 on n-0: v']);
    const p2 = w.deploy('p2', template({ app: 'p2' }, 200, 5, { podAffinity: affinity([], [term('p1')]) }));
    w.sim.runUntil(40);
    expect(on(v.pods)).toEqual([node.name]); // still terminating
    expect(on(p2.pods)).toEqual([undefined]);
    w.sim.runUntil(200);
    expect(w.preemptions).toEqual(['p1 on n-0: v']);
    expect(on(p1.pods)).toEqual([node.name]);
    expect(on(p2.pods)).toEqual([undefined]);
  });
});

describe('spreadFilter with pods put on the node (AddPod: the minimum gives way to the next domain)', () => {
  const c = { topologyKey: ZONE_LABEL, maxSkew: 1, nodeAffinityPolicy: 'Honor' as const, nodeTaintsPolicy: 'Ignore' as const, minDomains: 1, selfMatch: true };
  const state = () => ({ matchNumByDomain: [new Map([['z1', 3], ['z2', 2], ['z3', 3]])], minMatchNum: [2] });
  it.each([
    { name: 'the minimum domain grows past the next: 3 + 1 − 3', zone: 'z2', added: 1, fits: true },
    { name: 'the minimum domain grows by two: 4 + 1 − 3 > 1', zone: 'z2', added: 2, fits: false },
    { name: 'another domain grows: 4 + 1 − 2 > 1', zone: 'z1', added: 1, fits: false },
  ])('$name', ({ zone, added, fits }) => {
    expect(spreadFilter([c], state(), { [ZONE_LABEL]: zone }, [-added]).fits).toBe(fits);
  });
});
