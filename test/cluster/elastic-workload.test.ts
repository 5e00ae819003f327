/**
 * ElasticWorkload (docs/fidelity-spec.md §5.1): the source Deployment takes replicas up to its max,
 * the units the excess in order; scale-in empties the units first. The worked example of the
 * Alibaba doc: min 2, max 4, replicas 6 → source 4 on ECS, unit 2 on ECI.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { distributeElastic, ElasticWorkloadController } from '../../src/cluster/elastic-workload-controller.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { ElasticWorkloadSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

describe('distributeElastic', () => {
  it.each([
    ['the doc example: 6 with source max 4 → 4 + 2', 6, [{ min: 2, max: 4 }, { min: 0, max: 10 }], [4, 2]],
    ['up to the source max everything stays on the source', 3, [{ min: 2, max: 4 }, { min: 0, max: 10 }], [3, 0]],
    ['the source never goes below its min', 1, [{ min: 2, max: 4 }, { min: 0, max: 10 }], [2, 0]],
    ['units fill in order, each up to its max', 9, [{ min: 1, max: 2 }, { min: 0, max: 3 }, { min: 0, max: 10 }], [2, 3, 4]],
  ])('%s', (_n, total, parts, expected) => {
    expect(distributeElastic(total, parts)).toEqual(expected);
  });
});

describe('ElasticWorkloadController', () => {
  function setUp() {
    const sim = new Simulation();
    const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
    const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
    cluster.addNode(makePool({ name: 'ecs' }), 0);
    cluster.addNode(makePool({ name: 'eci', cpuMillicores: 1_000_000, memoryBytes: 2 ** 40, maxPods: 10_000, labels: { type: 'virtual-kubelet' } }), 0);
    const source: WorkloadSpec = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      name: 'chat',
      namespace: 'default',
      replicas: 1,
      selector: { app: 'chat' },
      template: makeTemplate({ nodeSelector: {} }),
      source: { file: 'chat.yaml' },
    };
    const elastic: ElasticWorkloadSpec = {
      name: 'chat',
      namespace: 'default',
      sourceTarget: { kind: 'Deployment', name: 'chat', min: 2, max: 4 },
      replicas: 6,
      elasticUnits: [{ name: 'virtual-kubelet', labels: { 'alibabacloud.com/eci': 'true' }, annotations: {}, nodeSelector: { type: 'virtual-kubelet' }, tolerations: [] }],
      source: { file: 'ew.yaml' },
    };
    const controller = new ElasticWorkloadController(elastic, source, { name: 'chat', namespace: 'default', index: 0 }, cluster, sim);
    cluster.addListener({ podChanged: (pod) => controller.podChanged(pod) });
    return { sim, cluster, controller };
  }

  it('starts 4 source pods on ECS and 2 unit pods on the virtual node', () => {
    const { sim, controller } = setUp();
    controller.warmStart(-600);
    sim.runUntil(60);
    expect(controller.podsPerPart()).toEqual([4, 2]);
    const unitPods = controller.pods.filter((p) => controller.partName(p) === 'chat-unit-virtual-kubelet');
    expect(unitPods.map((p) => p.node?.pool.name)).toEqual(['eci', 'eci']);
    expect(unitPods.every((p) => p.template.labels['alibabacloud.com/eci'] === 'true')).toBe(true);
  });

  it('scales in from the unit first: 6 → 4 removes both virtual pods', () => {
    const { sim, controller } = setUp();
    controller.warmStart(-600);
    sim.runUntil(60);
    controller.scale(4);
    sim.runUntil(120);
    expect(controller.podsPerPart()).toEqual([4, 0]);
    controller.scale(7);
    sim.runUntil(180);
    expect(controller.podsPerPart()).toEqual([4, 3]);
  });
});

describe('ElasticWorkloadController over a StatefulSet (OrderedReady kept)', () => {
  function setUp() {
    const sim = new Simulation();
    const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
    const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
    cluster.addNode(makePool({ name: 'ecs' }), 0);
    const source: WorkloadSpec = {
      kind: 'StatefulSet',
      apiVersion: 'apps/v1',
      name: 'db',
      namespace: 'default',
      replicas: 1,
      selector: { app: 'db' },
      template: makeTemplate({ nodeSelector: {} }),
      statefulSet: { podManagementPolicy: 'OrderedReady', serviceName: 'db' },
      source: { file: 'db.yaml' },
    };
    const elastic: ElasticWorkloadSpec = {
      name: 'db',
      namespace: 'default',
      sourceTarget: { kind: 'StatefulSet', name: 'db', min: 1, max: 10 },
      replicas: 1,
      elasticUnits: [{ name: 'vk', labels: {}, annotations: {}, nodeSelector: { type: 'virtual-kubelet' }, tolerations: [] }],
      source: { file: 'ew.yaml' },
    };
    const controller = new ElasticWorkloadController(elastic, source, { name: 'db', namespace: 'default', index: 0 }, cluster, sim);
    cluster.addListener({ podChanged: (pod) => controller.podChanged(pod) });
    return { sim, controller };
  }

  it('scales 1 → 3 one pod at a time, each after the previous is Ready, named by ordinal', () => {
    const { sim, controller } = setUp();
    controller.warmStart(-600);
    sim.runUntil(10);
    controller.scale(3);
    sim.runUntil(11);
    expect(controller.pods.map((p) => p.name)).toEqual(['db-0', 'db-1']);
    sim.runUntil(120);
    const [, second, third] = controller.pods;
    expect(controller.pods.map((p) => p.name)).toEqual(['db-0', 'db-1', 'db-2']);
    expect(third!.createdSeconds).toBe(second!.readyConditionSeconds);
  });

  it('scales 3 → 1 from the highest ordinal, deleting the next only once the previous is gone', () => {
    const { sim, controller } = setUp();
    controller.warmStart(-600);
    controller.scale(3);
    sim.runUntil(120);
    controller.scale(1);
    sim.runUntil(121);
    expect(controller.pods.filter((p) => p.deletionSeconds !== undefined).map((p) => p.name)).toEqual(['db-2']);
    sim.runUntil(200);
    expect(controller.pods.map((p) => p.name)).toEqual(['db-0']);
  });
});
