/**
 * StatefulSet ordering, checked on a time-stamped log of pod events (SimPy style): OrderedReady
 * creates pod i only after pod i−1 is Running and Ready and removes the highest ordinal first, one
 * at a time, and only while every lower pod is Running and Ready (stateful_set_control.go
 * processReplica, then processCondemned with its first-unhealthy-pod rule); Parallel creates and
 * deletes all at once.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import type { SimPod } from '../../src/cluster/model.js';
import { QuotaLedger } from '../../src/cluster/quota-ledger.js';
import { StatefulSetController } from '../../src/cluster/stateful-set-controller.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function setUp(policy: 'OrderedReady' | 'Parallel') {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  cluster.addNode(makePool(), 0);
  const spec: WorkloadSpec = {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    name: 'mysql',
    namespace: 'default',
    replicas: 0,
    selector: { app: 'mysql' },
    template: makeTemplate(),
    statefulSet: { podManagementPolicy: policy },
    source: { file: 'mysql.yaml' },
  };
  const controller = new StatefulSetController(spec, { name: 'mysql', namespace: 'default', index: 0 }, cluster, sim);
  const log: [number, string, string][] = [];
  const seen = new Map<string, string>();
  cluster.addListener({
    podChanged: (pod) => {
      const state = pod.removed ? 'gone' : pod.deletionSeconds !== undefined ? 'deleting' : pod.ready ? 'ready' : pod.phase === 'Running' ? 'running' : 'bound';
      if (seen.get(pod.name) !== state) log.push([sim.nowSeconds, pod.name, state]);
      seen.set(pod.name, state);
      controller.podChanged(pod);
    },
  });
  return { sim, cluster, controller, log };
}

/** The pod named `name`, not gone. */
function podNamed(controller: StatefulSetController, name: string): SimPod {
  return controller.pods.find((p) => p.name === name && !p.removed)!;
}

describe('StatefulSet controller', () => {
  it('OrderedReady: creates mysql-1 only after mysql-0 is Ready, mysql-2 after mysql-1', () => {
    const { sim, controller, log } = setUp('OrderedReady');
    controller.scale(3);
    sim.runUntil(100);
    const ready = log.filter(([, , s]) => s === 'ready');
    expect(ready.map(([t, n]) => [n, t])).toEqual([
      ['mysql-0', 7],
      ['mysql-1', 14],
      ['mysql-2', 21],
    ]);
    // mysql-1 is bound one scheduling delay after mysql-0 turned Ready.
    expect(log.find(([, n, s]) => n === 'mysql-1' && s === 'bound')?.[0]).toBe(8);
  });

  it('OrderedReady: scale-down removes the highest ordinal first and waits until it is gone', () => {
    const { sim, controller, log } = setUp('OrderedReady');
    controller.scale(3);
    sim.runUntil(100);
    log.length = 0;
    controller.scale(1);
    sim.runUntil(200);
    expect(log).toEqual([
      [100, 'mysql-2', 'deleting'],
      [102, 'mysql-2', 'gone'],
      [102, 'mysql-1', 'deleting'],
      [104, 'mysql-1', 'gone'],
    ]);
    expect(controller.statusReplicas).toBe(1);
  });

  it('Parallel: creates and deletes every pod at once', () => {
    const { sim, controller, log } = setUp('Parallel');
    controller.scale(3);
    sim.runUntil(100);
    expect(log.filter(([, , s]) => s === 'ready').map(([t]) => t)).toEqual([7, 7, 7]);
    log.length = 0;
    controller.scale(0);
    sim.runUntil(200);
    expect(log.filter(([, , s]) => s === 'deleting').map(([t, n]) => [t, n])).toEqual([
      [100, 'mysql-2'],
      [100, 'mysql-1'],
      [100, 'mysql-0'],
    ]);
  });

  it('OrderedReady: scale-down waits while a lower pod is not Ready, then removes the highest first', () => {
    const { sim, cluster, controller, log } = setUp('OrderedReady');
    controller.scale(3);
    sim.runUntil(100);
    log.length = 0;
    // mysql-0's container exits (Ready=False) as the autoscaler asks for one replica.
    cluster.stopContainer(podNamed(controller, 'mysql-0'));
    controller.scale(1);
    sim.runUntil(150);
    expect(log).toEqual([[100, 'mysql-0', 'running']]);
    expect(controller.statusReplicas).toBe(3);
    // The kubelet restarts it; Ready 5 s later, and only then does the scale-down proceed.
    cluster.startContainer(podNamed(controller, 'mysql-0'), 5);
    sim.runUntil(300);
    expect(log).toEqual([
      [100, 'mysql-0', 'running'],
      [155, 'mysql-0', 'ready'],
      [155, 'mysql-2', 'deleting'],
      [157, 'mysql-2', 'gone'],
      [157, 'mysql-1', 'deleting'],
      [159, 'mysql-1', 'gone'],
    ]);
    expect(controller.statusReplicas).toBe(1);
  });

  it('OrderedReady: a pod failing after the highest is gone holds the next deletion (the docs\' web-0 case)', () => {
    const { sim, cluster, controller, log } = setUp('OrderedReady');
    controller.scale(3);
    sim.runUntil(100);
    log.length = 0;
    controller.scale(1);
    sim.runUntil(101);
    // mysql-2 is terminating (gone at 102) when mysql-0 fails.
    cluster.stopContainer(podNamed(controller, 'mysql-0'));
    sim.runUntil(120);
    cluster.startContainer(podNamed(controller, 'mysql-0'), 5);
    sim.runUntil(300);
    expect(log).toEqual([
      [100, 'mysql-2', 'deleting'],
      [101, 'mysql-0', 'running'],
      [102, 'mysql-2', 'gone'],
      [125, 'mysql-0', 'ready'],
      [125, 'mysql-1', 'deleting'],
      [127, 'mysql-1', 'gone'],
    ]);
  });

  it('OrderedReady: a terminating lower pod is replaced and Ready before any condemned pod goes', () => {
    const { sim, cluster, controller, log } = setUp('OrderedReady');
    controller.scale(3);
    sim.runUntil(100);
    log.length = 0;
    // mysql-0 is deleted from outside (an eviction) as the set is scaled to one replica.
    cluster.deletePod(podNamed(controller, 'mysql-0'), 30);
    controller.scale(1);
    sim.runUntil(300);
    expect(log).toEqual([
      [100, 'mysql-0', 'deleting'],
      [102, 'mysql-0', 'gone'],
      [103, 'mysql-0', 'bound'],
      [109, 'mysql-0', 'running'],
      [109, 'mysql-0', 'ready'],
      [109, 'mysql-2', 'deleting'],
      [111, 'mysql-2', 'gone'],
      [111, 'mysql-1', 'deleting'],
      [113, 'mysql-1', 'gone'],
    ]);
  });

  it('OrderedReady: a not-Ready condemned pod waits for a lower not-Ready condemned pod (first unhealthy pod)', () => {
    const { sim, cluster, controller, log } = setUp('OrderedReady');
    controller.scale(3);
    sim.runUntil(100);
    log.length = 0;
    cluster.stopContainer(podNamed(controller, 'mysql-1'));
    cluster.stopContainer(podNamed(controller, 'mysql-2'));
    controller.scale(1);
    sim.runUntil(150);
    // mysql-1 is the first unhealthy pod: mysql-2, not Ready either, may not go before it is Ready.
    expect(log.filter(([, , s]) => s === 'deleting')).toEqual([]);
    cluster.startContainer(podNamed(controller, 'mysql-1'), 5);
    sim.runUntil(300);
    expect(log.slice(2)).toEqual([
      [155, 'mysql-1', 'ready'],
      // Now mysql-2 is the first unhealthy pod: deleted though not Ready.
      [155, 'mysql-2', 'deleting'],
      [157, 'mysql-2', 'gone'],
      [157, 'mysql-1', 'deleting'],
      [159, 'mysql-1', 'gone'],
    ]);
  });

  it('OrderedReady: the first unhealthy condemned pod is deleted though not Ready', () => {
    const { sim, cluster, controller, log } = setUp('OrderedReady');
    controller.scale(3);
    sim.runUntil(100);
    log.length = 0;
    cluster.stopContainer(podNamed(controller, 'mysql-1'));
    controller.scale(1);
    sim.runUntil(300);
    expect(log).toEqual([
      [100, 'mysql-1', 'running'],
      [100, 'mysql-2', 'deleting'],
      [102, 'mysql-2', 'gone'],
      [102, 'mysql-1', 'deleting'],
      [104, 'mysql-1', 'gone'],
    ]);
  });

  it('Parallel: deletes every condemned pod at once though a lower pod is not Ready', () => {
    const { sim, cluster, controller, log } = setUp('Parallel');
    controller.scale(3);
    sim.runUntil(100);
    log.length = 0;
    cluster.stopContainer(podNamed(controller, 'mysql-0'));
    controller.scale(1);
    sim.runUntil(200);
    expect(log).toEqual([
      [100, 'mysql-0', 'running'],
      [100, 'mysql-2', 'deleting'],
      [100, 'mysql-1', 'deleting'],
      [102, 'mysql-2', 'gone'],
      [102, 'mysql-1', 'gone'],
    ]);
  });

  it('Parallel: a refused create ends the sync before any deletion (runForAll returns first)', () => {
    const { sim, cluster, controller, log } = setUp('Parallel');
    // 250m a pod: four fill the quota.
    const ledger = new QuotaLedger([{ name: 'compute', namespace: 'default', hard: { 'requests.cpu': 1000 }, scopes: [] }]);
    cluster.quotas = ledger;
    controller.scale(4);
    sim.runUntil(100);
    log.length = 0;
    // mysql-1 is evicted; before it is gone another pod of the namespace is charged, so its
    // replacement is refused.
    cluster.deletePod(podNamed(controller, 'mysql-1'), 30);
    sim.runUntil(101);
    const other = makeTemplate();
    ledger.charge('default', other);
    sim.runUntil(103);
    controller.scale(2);
    sim.runUntil(200);
    expect(log).toEqual([
      [100, 'mysql-1', 'deleting'],
      [102, 'mysql-1', 'gone'],
    ]);
    expect(controller.statusReplicas).toBe(3);
    // Room again: the next retry creates mysql-1, then deletes the condemned pods
    ledger.release('default', other);
    sim.runUntil(3000);
    // (the rate-limited retry at 264.555 s), in the same sync: mysql-1 is bound one scheduling delay later.
    const bound = log.find(([, n, s]) => n === 'mysql-1' && s === 'bound')![0];
    expect(log.filter(([, , s]) => s === 'deleting').slice(1)).toEqual([
      [bound - 1, 'mysql-3', 'deleting'],
      [bound - 1, 'mysql-2', 'deleting'],
    ]);
    expect(bound - 1).toBeGreaterThan(200);
    expect(controller.statusReplicas).toBe(2);
  });
});
