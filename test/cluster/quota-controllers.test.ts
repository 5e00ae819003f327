/**
 * Workload controllers against a full ResourceQuota, on time-stamped logs (SimPy style): the
 * ReplicaSet creates in slow-start batches until the quota refuses, reports FailedCreate once per
 * failed sync and retries 5 ms, 10 ms, 20 ms, … later (doubling to 1000 s), or at once when one
 * of its own pods changes or is added; quota freed by another workload's pods is seen only at the
 * next retry. A terminating pod whose kubelet confirms the deletion stays charged until it is gone
 * (one stuck on a dead node: quota-held-terminating.test.ts). The StatefulSet's event has its own
 * wording; its Parallel mode creates in slow-start batches too. At most 500 creates a sync.
 */
import { describe, expect, it, vi } from 'vitest';
import { DeploymentController } from '../../src/cluster/deployment-controller.js';
import { QuotaLedger, type CreateFailure } from '../../src/cluster/quota-ledger.js';
import { StatefulSetController } from '../../src/cluster/stateful-set-controller.js';
import type { WorkloadController } from '../../src/cluster/workload-controller.js';
import type { ResourceQuotaSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makeTemplate } from '../helpers/builders.js';
import { smallCluster } from '../helpers/small-cluster.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
const QUOTA: ResourceQuotaSpec = { name: 'compute', namespace: 'default', hard: { 'requests.cpu': 1000 }, scopes: [] };

function spec(name: string, kind: WorkloadSpec['kind'] = 'Deployment', policy: 'OrderedReady' | 'Parallel' = 'OrderedReady'): WorkloadSpec {
  return {
    kind,
    apiVersion: 'apps/v1',
    name,
    namespace: 'default',
    replicas: 0,
    selector: { app: name },
    // 250m each: four pods fill the quota.
    template: makeTemplate({ labels: { app: name } }),
    ...(kind === 'StatefulSet' ? { statefulSet: { podManagementPolicy: policy } } : {}),
    source: { file: `${name}.yaml` },
  };
}

function setUp(quotas: ResourceQuotaSpec[] = [QUOTA]) {
  const { sim, cluster } = smallCluster(1, DELAYS, 4);
  const ledger = new QuotaLedger(quotas);
  cluster.quotas = ledger;
  const controllers: WorkloadController[] = [];
  const failures: [number, string, CreateFailure][] = [];
  cluster.addListener({ podChanged: (pod) => controllers[pod.owner.index]?.podChanged(pod) });
  ledger.onCreateFailed((owner, failure) => failures.push([Math.round(sim.nowSeconds * 1000) / 1000, owner.name, failure]));
  const add = (name: string, kind?: WorkloadSpec['kind'], policy?: 'OrderedReady' | 'Parallel'): WorkloadController => {
    const index = controllers.length;
    const s = spec(name, kind, policy);
    const controller = kind === 'StatefulSet' ? new StatefulSetController(s, { name, namespace: 'default', index }, cluster, sim) : new DeploymentController(s, { name, namespace: 'default', index }, cluster, sim);
    controllers.push(controller);
    return controller;
  };
  const used = () => ledger.statuses()[0]!.used['requests.cpu'];
  return { sim, add, failures, used, ledger };
}

describe('a Deployment against a full quota', () => {
  it('creates what fits in slow-start batches, then one FailedCreate per failed sync, retried 5 ms · 2^n later', () => {
    const { sim, add, failures, used, ledger } = setUp();
    const web = add('web');
    web.scale(7);
    sim.runUntil(0.2);
    expect(web.statusReplicas).toBe(4);
    expect(used()).toBe(1000);
    // Batches 1 and 2 succeed; the batch of 4 has one create admitted and three refused.
    expect(failures[0]).toEqual([
      0,
      'web',
      { controller: 'replicaset-controller', object: 'web', pods: 3, quota: 'compute', message: 'Error creating: pods "web-00004" is forbidden: exceeded quota: compute, requested: requests.cpu=250m, used: requests.cpu=1, limited: requests.cpu=1' },
    ]);
    // The four pods it created come back as add events and requeue the key at once: a second
    // failed sync at t = 0. Later syncs stop at the first refused create (a batch of one) and wait
    // 5 ms, then 20, 40, 80 ms (the 10 ms wait of the second failure lost to the earlier 5 ms one).
    expect(failures.map(([t, , f]) => [t, f.pods])).toEqual([
      [0, 3],
      [0, 1],
      [0.005, 1],
      [0.025, 1],
      [0.065, 1],
      [0.145, 1],
    ]);
    expect(ledger.statuses()[0]).toMatchObject({ peakUsed: { 'requests.cpu': 1000 }, failedCreates: 6, refusedPods: 8 });
  });

  it('its own pods’ changes retry at once; quota freed by another workload waits for the next retry', () => {
    const { sim, add, failures, used } = setUp();
    const batch = add('batch');
    const web = add('web');
    batch.scale(4);
    sim.runUntil(50);
    web.scale(2);
    sim.runUntil(60);
    // No pod of web yet, so nothing of its own wakes it: retries at 50 + 0.005·(2^n − 1).
    expect(failures.filter(([, o]) => o === 'web').map(([t]) => t)).toEqual([50, 50.005, 50.015, 50.035, 50.075, 50.155, 50.315, 50.635, 51.275, 52.555, 55.115]);
    // batch scales down at 60; its pods terminate for 2 s and stay charged until gone.
    batch.scale(0);
    sim.runUntil(61);
    expect(used()).toBe(1000);
    sim.runUntil(62.01);
    expect(used()).toBe(0);
    // web's next retry is at 50 + 0.005·(2^12 − 1) = 70.475: its pods are created then, not at 62.
    sim.runUntil(70.47);
    expect(web.statusReplicas).toBe(0);
    sim.runUntil(70.48);
    expect(web.statusReplicas).toBe(2);
    expect(used()).toBe(500);
    // One more refusal at 60.235, while batch's pods still terminated; none once the quota had room.
    expect(failures.filter(([t]) => t > 60).map(([t]) => t)).toEqual([60.235]);
  });
});

describe('a warm start beyond the quota', () => {
  it('starts what fits as running pods; the first sync reports the rest at t = 0 and backs off', () => {
    const { sim, add, failures, used } = setUp();
    const web = add('web');
    web.specReplicas = 6;
    expect(web.warmStart(-3600)).toHaveLength(4);
    expect(used()).toBe(1000);
    sim.runUntil(0.01);
    expect(failures.map(([t, , f]) => [t, f.pods])).toEqual([
      [0, 1],
      [0.005, 1],
    ]);
  });
});

describe('burstReplicas', () => {
  it('a scale-up of 1,200 pods takes three syncs at the same instant: 500, 500 and 200 creates', () => {
    const { sim, add } = setUp([]);
    const web = add('web');
    const reconcile = vi.spyOn(web, 'reconcile');
    web.scale(1200);
    sim.runUntil(0.001);
    expect(reconcile).toHaveBeenCalledTimes(3);
    expect(web.statusReplicas).toBe(1200);
  });
});

describe('a StatefulSet against a full quota', () => {
  it('reports the StatefulSet controller’s event, ordinal by ordinal', () => {
    const { sim, add, failures } = setUp();
    const mysql = add('mysql', 'StatefulSet');
    mysql.scale(5);
    sim.runUntil(100);
    expect(mysql.statusReplicas).toBe(4);
    expect(failures[0]?.[2]).toEqual({
      controller: 'statefulset-controller',
      object: 'mysql',
      pods: 1,
      quota: 'compute',
      message: 'create Pod mysql-4 in StatefulSet mysql failed error: pods "mysql-4" is forbidden: exceeded quota: compute, requested: requests.cpu=250m, used: requests.cpu=1, limited: requests.cpu=1',
    });
  });

  it('Parallel: slow-start batches of 1, 2, 4: the batch of four has one create admitted and three refused', () => {
    const { sim, add, failures } = setUp();
    const mysql = add('mysql', 'StatefulSet', 'Parallel');
    mysql.scale(7);
    sim.runUntil(0.001);
    expect(mysql.statusReplicas).toBe(4);
    expect(failures[0]?.[2]).toMatchObject({ pods: 3, message: expect.stringContaining('create Pod mysql-4 in StatefulSet mysql failed') });
  });
});
