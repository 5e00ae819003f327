/**
 * DefaultPreemption next to InterPodAffinity: the dry run takes no node where the preemptor fails
 * InterPodAffinity's filter (the victims are not taken out of its counts), and a nominated pod is
 * checked against that filter before it binds on its nominated node. Without both, the preemptor
 * below would evict the cheaper victims on the node its required anti-affinity forbids and bind there.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { DeploymentController } from '../../src/cluster/deployment-controller.js';
import type { SimPod } from '../../src/cluster/model.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { PodAffinityTermSpec } from '../../src/scenario/pod-affinity-types.js';
import type { PodTemplateSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';
import { preemptionLog } from '../helpers/small-cluster.js';

const GiB = 2 ** 30;
const HOST = 'kubernetes.io/hostname';
const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function template(app: string, cpuMillicores: number, priority: number, over: Partial<PodTemplateSpec> = {}): PodTemplateSpec {
  return makeTemplate({ labels: { app }, containers: [{ name: app, cpuRequestMillicores: cpuMillicores, memoryRequestBytes: GiB / 4, sidecar: false }], priority, ...over });
}

function antiAffinityTo(app: string): PodAffinityTermSpec {
  return { labelSelector: { matchLabels: { app }, matchExpressions: [] }, namespaces: undefined, namespaceSelector: undefined, topologyKey: HOST, matchLabelKeys: [], mismatchLabelKeys: [] };
}

describe('preemption and InterPodAffinity', () => {
  it('preempts on the node its anti-affinity allows, though the other node has cheaper victims', () => {
    const sim = new Simulation();
    const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
    const preemptions = preemptionLog(cluster);
    let index = 0;
    const deploy = (name: string, t: PodTemplateSpec): DeploymentController => {
      const spec: WorkloadSpec = { kind: 'Deployment', apiVersion: 'apps/v1', name, namespace: 'default', replicas: 1, selector: t.labels, template: t, source: { file: `${name}.yaml` } };
      const c = new DeploymentController(spec, { name, namespace: 'default', index: index++, kind: 'Deployment' }, cluster, sim);
      c.reconcile();
      return c;
    };
    const pool = makePool({ name: 'n', cpuMillicores: 1000, memoryBytes: 64 * GiB });
    const first = cluster.addNode(pool, 0);
    // The first node holds the pod web must not share a host with, and the cheapest victim (priority 1).
    const guard = deploy('guard', template('guard', 200, 100));
    const low = deploy('low', template('low', 800, 1));
    sim.runUntil(30);
    const second = cluster.addNode(pool, 1);
    const mid = deploy('mid', template('mid', 1000, 5));
    sim.runUntil(60);
    const on = (pods: readonly SimPod[]) => pods.filter((p) => !p.removed).map((p) => p.node?.name);
    expect([on(guard.pods), on(low.pods), on(mid.pods)]).toEqual([[first.name], [first.name], [second.name]]);

    const web = deploy('web', template('web', 600, 10, { podAffinity: { affinity: { required: [], preferred: [] }, antiAffinity: { required: [antiAffinityTo('guard')], preferred: [] } } }));
    sim.runUntil(120);
    expect(preemptions).toEqual([`web on ${second.name}: mid`]);
    expect(on(web.pods)).toEqual([second.name]);
    expect(on(low.pods)).toEqual([first.name]);
  });
});
