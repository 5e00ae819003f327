/**
 * StatefulSet ordering, checked on a time-stamped log of pod events (SimPy style): OrderedReady
 * creates pod i only after pod i−1 is Running and Ready and removes the highest ordinal first, one
 * at a time; Parallel creates and deletes all at once.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
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
  return { sim, controller, log };
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
});
