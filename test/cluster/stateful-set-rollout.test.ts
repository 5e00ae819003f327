/**
 * A StatefulSet's rolling update, checked on a time-stamped log of its pods (SimPy style): highest
 * ordinal first, one at a time under the defaults and each pod re-created at the update revision
 * once gone; the partition holding lower ordinals back; maxUnavailable letting Parallel replace
 * several at once; OnDelete replacing nothing; minReadySeconds holding the next pod back until the
 * requeue finds the last one available; and the re-created pod's revision without a rollingUpdate
 * (newVersionedStatefulSetPod's precedence quirk).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { QuotaLedger } from '../../src/cluster/quota-ledger.js';
import { StatefulSetController, type StatefulSetEvent } from '../../src/cluster/stateful-set-controller.js';
import type { StatefulSetSettings } from '../../src/cluster/stateful-set/update-strategy.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

const round3 = (t: number): number => Math.round(t * 1000) / 1000;

/** Bound 1 s after creation, Ready 7 s after; a deleted pod is gone 2 s later. */
const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function setUp(settings: StatefulSetSettings, replicas: number) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  cluster.addNode(makePool({ cpuMillicores: 8000 }), 0);
  const spec: WorkloadSpec = { kind: 'StatefulSet', apiVersion: 'apps/v1', name: 'db', namespace: 'default', replicas, selector: { app: 'db' }, template: makeTemplate(), statefulSet: settings, source: { file: 'db.yaml' } };
  const controller = new StatefulSetController(spec, { name: 'db', namespace: 'default', index: 0 }, cluster, sim);
  const log: string[] = [];
  const events: string[] = [];
  controller.onEvent = (e: StatefulSetEvent) => events.push(`${round3(sim.nowSeconds)} ${e.reason} ${e.pod} ${e.why}`);
  const first = new Set<object>();
  cluster.addListener({
    podChanged: (pod) => {
      const state = pod.removed ? 'gone' : pod.deletionSeconds !== undefined ? 'deleting' : pod.ready ? 'ready' : null;
      if (state !== null) log.push(`${round3(sim.nowSeconds)} ${pod.name} ${state}${first.has(pod) || state === 'gone' || state === 'deleting' ? '' : ' (new)'}`);
      controller.podChanged(pod);
    },
  });
  for (const pod of controller.warmStart(0)) first.add(pod);
  return { sim, cluster, controller, log, events };
}

const ROLLING = (partition: number, maxUnavailable: number | string): StatefulSetSettings['updateStrategy'] => ({
  type: 'RollingUpdate',
  rollingUpdate: { partition, maxUnavailable: typeof maxUnavailable === 'number' ? { kind: 'int', value: maxUnavailable } : { kind: 'percent', value: Number(maxUnavailable.slice(0, -1)) } },
});

/** The log from t > 0 (the warm start's pods are Ready at 0). */
const after0 = (log: string[]): string[] => log.filter((l) => !l.startsWith('0 '));

/** The rollout's figures: started, completed, superseded, pods. */
const figures = (controller: StatefulSetController) =>
  controller.rollouts.map((r) => ({ started: r.startedSeconds, completed: r.completedSeconds, readyAtStart: r.readyPodsAtStart, minReady: r.minReadyPods, peak: r.peakPods }));

describe('StatefulSet rolling update', () => {
  it('replaces the highest ordinal first, one at a time, each once the one before is Ready (the defaults)', () => {
    const { sim, controller, log, events } = setUp({ podManagementPolicy: 'OrderedReady' }, 3);
    controller.scheduleRollouts([{ workload: 'db', namespace: 'default', atSeconds: 100 }], 1000);
    sim.runUntil(200);
    expect(after0(log)).toEqual([
      '100 db-2 deleting',
      '102 db-2 gone',
      '109 db-2 ready (new)',
      '109 db-1 deleting',
      '111 db-1 gone',
      '118 db-1 ready (new)',
      '118 db-0 deleting',
      '120 db-0 gone',
      '127 db-0 ready (new)',
    ]);
    const revision = controller.rollouts[0]!.revisionName;
    expect(revision).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(events.slice(0, 2)).toEqual([`100 SuccessfulDelete db-2 for update to revision ${revision}`, `102 SuccessfulCreate db-2 at revision ${revision}`]);
    expect(events).toHaveLength(6);
    // kubectl's partitioned status: done at the sync that finds all three Ready and updated.
    expect(figures(controller)).toEqual([{ started: 100, completed: 127, readyAtStart: 3, minReady: 2, peak: 3 }]);
  });

  it('keeps ordinals below the partition at the current revision, and is complete once the rest are updated', () => {
    const { sim, controller, log } = setUp({ podManagementPolicy: 'OrderedReady', updateStrategy: ROLLING(2, 1) }, 3);
    controller.scheduleRollouts([{ workload: 'db', namespace: 'default', atSeconds: 100 }], 1000);
    sim.runUntil(200);
    expect(after0(log)).toEqual(['100 db-2 deleting', '102 db-2 gone', '109 db-2 ready (new)']);
    expect(figures(controller)).toEqual([{ started: 100, completed: 109, readyAtStart: 3, minReady: 2, peak: 3 }]);
  });

  it('lets Parallel replace maxUnavailable pods at once (50% of 4)', () => {
    const { sim, controller, log } = setUp({ podManagementPolicy: 'Parallel', updateStrategy: ROLLING(0, '50%') }, 4);
    controller.scheduleRollouts([{ workload: 'db', namespace: 'default', atSeconds: 100 }], 1000);
    sim.runUntil(200);
    expect(after0(log)).toEqual([
      '100 db-3 deleting',
      '100 db-2 deleting',
      '102 db-3 gone',
      '102 db-2 gone',
      '109 db-2 ready (new)',
      '109 db-3 ready (new)',
      '109 db-1 deleting',
      '109 db-0 deleting',
      '111 db-1 gone',
      '111 db-0 gone',
      '118 db-0 ready (new)',
      '118 db-1 ready (new)',
    ]);
    expect(figures(controller)).toEqual([{ started: 100, completed: 118, readyAtStart: 4, minReady: 2, peak: 4 }]);
  });

  it('replaces nothing under OnDelete until a pod is deleted, which comes back at the update revision; never complete', () => {
    const { sim, cluster, controller, log, events } = setUp({ podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'OnDelete' } }, 2);
    controller.scheduleRollouts([{ workload: 'db', namespace: 'default', atSeconds: 100 }], 1000);
    sim.runUntil(150);
    expect(after0(log)).toEqual([]);
    cluster.deletePod(controller.pods.find((p) => p.name === 'db-0')!, 2);
    sim.runUntil(300);
    expect(after0(log)).toEqual(['150 db-0 deleting', '152 db-0 gone', '159 db-0 ready (new)']);
    expect(events).toEqual([`152 SuccessfulCreate db-0 at revision ${controller.rollouts[0]!.revisionName}`]);
    expect(figures(controller)).toEqual([{ started: 100, completed: undefined, readyAtStart: 2, minReady: 1, peak: 2 }]);
  });

  it('waits minReadySeconds for each new pod: the requeue a sync short of available pods asks for, the work queue keeping the earliest', () => {
    const { sim, controller, log } = setUp({ podManagementPolicy: 'OrderedReady', minReadySeconds: 10 }, 2);
    controller.scheduleRollouts([{ workload: 'db', namespace: 'default', atSeconds: 100 }], 1000);
    sim.runUntil(300);
    // db-1 Ready at 109 is available after 119; the requeue asked at 102 (gone db-1 made anew)
    // fires at 112.001, too early, and asks for 122.002, where db-0 goes; the one updatePod asked
    // for at 120 was later than the pending one and dropped.
    expect(after0(log)).toEqual(['100 db-1 deleting', '102 db-1 gone', '109 db-1 ready (new)', '122.002 db-0 deleting', '124.002 db-0 gone', '131.002 db-0 ready (new)']);
    // Complete once both are Ready and updated (kubectl does not wait for availability).
    expect(figures(controller)).toEqual([{ started: 100, completed: 131.002, readyAtStart: 2, minReady: 1, peak: 2 }]);
  });

  it('sees a pod Ready at a whole second available at the requeue minReadySeconds later, as upstream sees it a few milliseconds after', () => {
    const { sim, controller, log } = setUp({ podManagementPolicy: 'OrderedReady', minReadySeconds: 7 }, 2);
    controller.scheduleRollouts([{ workload: 'db', namespace: 'default', atSeconds: 100 }], 1000);
    sim.runUntil(300);
    // The requeue asked at 102 fires at 109.001, just after db-1's Ready, and asks for 116.002:
    // 109 + 7 < 116.002, so db-0 goes then.
    expect(after0(log).slice(0, 4)).toEqual(['100 db-1 deleting', '102 db-1 gone', '109 db-1 ready (new)', '116.002 db-0 deleting']);
  });

  it('asks for no minReadySeconds requeue after a sync whose create a ResourceQuota refused: the rate-limited retry only', () => {
    const refusedSyncs = (minReadySeconds: number): number => {
      const { sim, cluster, controller } = setUp({ podManagementPolicy: 'OrderedReady', minReadySeconds }, 1);
      // 250m a pod: the quota holds two, and the set asks for three.
      cluster.quotas = new QuotaLedger([{ name: 'compute', namespace: 'default', hard: { 'requests.cpu': 500 }, scopes: [] }]);
      cluster.quotas.charge('default', makeTemplate());
      let refused = 0;
      cluster.quotas.onCreateFailed(() => refused++);
      controller.scale(3);
      sim.runUntil(3600);
      return refused;
    };
    const withoutMinReady = refusedSyncs(0);
    expect(withoutMinReady).toBeGreaterThan(5);
    expect(refusedSyncs(10)).toBe(withoutMinReady);
  });

  it('re-creates a lost pod at the current revision below status.currentReplicas when the strategy has no rollingUpdate, and replaces it again', () => {
    const run = (updateStrategy: StatefulSetSettings['updateStrategy']) => {
      const { sim, cluster, controller, log, events } = setUp({ podManagementPolicy: 'OrderedReady', updateStrategy }, 3);
      controller.scheduleRollouts([{ workload: 'db', namespace: 'default', atSeconds: 100 }], 1000);
      sim.runUntil(105);
      cluster.deletePod(controller.pods.find((p) => p.name === 'db-0')!, 2);
      sim.runUntil(300);
      return { log: after0(log), events, controller };
    };
    const quirk = run({ type: 'RollingUpdate', rollingUpdate: undefined });
    expect(quirk.log).toEqual([
      '100 db-2 deleting',
      '102 db-2 gone',
      '105 db-0 deleting',
      '107 db-0 gone',
      '109 db-2 ready (new)',
      '114 db-0 ready (new)',
      '114 db-1 deleting',
      '116 db-1 gone',
      '123 db-1 ready (new)',
      '123 db-0 deleting',
      '125 db-0 gone',
      '132 db-0 ready (new)',
    ]);
    expect(quirk.events.find((e) => e.startsWith('107 '))).toMatch(/^107 SuccessfulCreate db-0 at revision db-\w+$/);
    expect(quirk.events.find((e) => e.startsWith('107 '))).not.toContain(quirk.controller.rollouts[0]!.revisionName);
    // Without a rollingUpdate, kubectl waits for the update revision to become the current one.
    expect(figures(quirk.controller)).toEqual([{ started: 100, completed: 132, readyAtStart: 3, minReady: 1, peak: 3 }]);
    const partitioned = run(ROLLING(0, 1));
    expect(partitioned.events.find((e) => e.startsWith('107 '))).toBe(`107 SuccessfulCreate db-0 at revision ${partitioned.controller.rollouts[0]!.revisionName}`);
    expect(partitioned.log.filter((l) => l.includes('db-0 deleting'))).toEqual(['105 db-0 deleting']);
  });

  it('makes two restarts within one wall-clock second one revision, and a second rollout supersedes the first', () => {
    const { sim, controller } = setUp({ podManagementPolicy: 'OrderedReady' }, 3);
    controller.scheduleRollouts(
      [
        { workload: 'db', namespace: 'default', atSeconds: 100 },
        { workload: 'db', namespace: 'default', atSeconds: 100.5 },
        { workload: 'db', namespace: 'default', atSeconds: 112 },
      ],
      1000,
    );
    sim.runUntil(300);
    expect(controller.rollouts.map((r) => [r.revision, r.startedSeconds, r.supersededSeconds, r.completedSeconds])).toEqual([
      [2, 100, 112, undefined],
      [3, 112, undefined, 145],
    ]);
  });
});
