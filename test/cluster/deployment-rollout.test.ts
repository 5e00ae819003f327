/**
 * A Deployment's rollout, checked on a time-stamped log of its events and pods (SimPy style): the
 * RollingUpdate steps within maxSurge and maxUnavailable, Recreate's wait for the old pods to go,
 * minReadySeconds holding the old pods back, the HPA's write during a rollout resizing both sets in
 * proportion, and a rollout whose new pods fit nowhere exceeding its progress deadline.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { DeploymentController, type DeploymentEvent } from '../../src/cluster/deployment-controller.js';
import type { RolloutSettings } from '../../src/cluster/deployment/strategy.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

/** Bound 1 s after creation, Ready 7 s after; a deleted pod is gone 2 s later. */
const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

const ROLLING = (maxSurge: number | string, maxUnavailable: number | string, minReadySeconds = 0): RolloutSettings => ({
  strategy: {
    type: 'RollingUpdate',
    maxSurge: typeof maxSurge === 'number' ? { kind: 'int', value: maxSurge } : { kind: 'percent', value: Number(maxSurge.slice(0, -1)) },
    maxUnavailable: typeof maxUnavailable === 'number' ? { kind: 'int', value: maxUnavailable } : { kind: 'percent', value: Number(maxUnavailable.slice(0, -1)) },
  },
  minReadySeconds,
  progressDeadlineSeconds: 600,
  paused: false,
});

function setUp(rollout: RolloutSettings, replicas: number, cpuMillicores = 4000) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  cluster.addNode(makePool({ cpuMillicores }), 0);
  const spec: WorkloadSpec = { kind: 'Deployment', apiVersion: 'apps/v1', name: 'web', namespace: 'default', replicas, selector: { app: 'web' }, template: makeTemplate(), rollout, source: { file: 'web.yaml' } };
  const controller = new DeploymentController(spec, { name: 'web', namespace: 'default', index: 0, kind: 'Deployment' }, cluster, sim);
  const events: [number, string][] = [];
  controller.onEvent = (e: DeploymentEvent) => events.push([sim.nowSeconds, e.message]);
  cluster.addListener({ podChanged: (pod) => controller.podChanged(pod) });
  controller.warmStart(0);
  const first = new Set(controller.pods.map((p) => p.name));
  /** Active pods of the manifest's template and of the new one. */
  const counts = (): { old: number; new: number; ready: number } => {
    const active = controller.pods.filter((p) => !p.removed && p.deletionSeconds === undefined);
    return { old: active.filter((p) => first.has(p.name)).length, new: active.filter((p) => !first.has(p.name)).length, ready: active.filter((p) => p.ready).length };
  };
  return { sim, cluster, controller, events, counts };
}

/** The ReplicaSet names in the events, as OLD and NEW. */
function named(events: readonly [number, string][], controller: DeploymentController): [number, string][] {
  const fresh = controller.rollouts[0]!.revisionName;
  return events.map(([t, m]) => [t, m.replaceAll(fresh, 'NEW').replace(/web-[a-z0-9]{6,}/g, 'OLD')]);
}

describe('Deployment rollout', () => {
  it('RollingUpdate maxSurge 1, maxUnavailable 0: one new pod at a time, an old one removed as each new one turns Ready', () => {
    const { sim, controller, events, counts } = setUp(ROLLING(1, 0), 4);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    sim.runUntil(200);
    expect(named(events, controller)).toEqual([
      [100, 'Scaled up replica set NEW from 0 to 1'],
      [107, 'Scaled down replica set OLD from 4 to 3'],
      [107, 'Scaled up replica set NEW from 1 to 2'],
      [114, 'Scaled down replica set OLD from 3 to 2'],
      [114, 'Scaled up replica set NEW from 2 to 3'],
      [121, 'Scaled down replica set OLD from 2 to 1'],
      [121, 'Scaled up replica set NEW from 3 to 4'],
      [128, 'Scaled down replica set OLD from 1 to 0'],
      [128, 'ReplicaSet "NEW" has successfully progressed.'],
    ]);
    expect(counts()).toEqual({ old: 0, new: 4, ready: 4 });
    expect(controller.rollouts).toMatchObject([{ revision: 2, startedSeconds: 100, completedSeconds: 128, deadlineExceededSeconds: undefined }]);
  });

  it('RollingUpdate at the defaults (25%, 25%) of 8 replicas: 2 surge and 2 unavailable from the first step', () => {
    const { sim, controller, events } = setUp(ROLLING('25%', '25%'), 8);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    sim.runUntil(100.5);
    expect(named(events, controller)).toEqual([
      [100, 'Scaled up replica set NEW from 0 to 2'],
      [100, 'Scaled down replica set OLD from 8 to 6'],
      [100, 'Scaled up replica set NEW from 2 to 4'],
    ]);
    sim.runUntil(300);
    expect(controller.rollouts[0]!.completedSeconds).toBeDefined();
  });

  it('Recreate: every old pod goes, and only once they are gone is the new set made at full size', () => {
    const { sim, controller, events, counts } = setUp({ strategy: { type: 'Recreate' }, minReadySeconds: 0, progressDeadlineSeconds: 600, paused: false }, 3);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    sim.runUntil(101);
    expect(counts()).toEqual({ old: 0, new: 0, ready: 0 });
    sim.runUntil(200);
    expect(named(events, controller)).toEqual([
      [100, 'Scaled down replica set OLD from 3 to 0'],
      [102, 'Scaled up replica set NEW from 0 to 3'],
      [109, 'ReplicaSet "NEW" has successfully progressed.'],
    ]);
    expect(counts()).toEqual({ old: 0, new: 3, ready: 3 });
  });

  it('minReadySeconds: an old pod goes only after a new one has been Ready that long (plus the requeue second)', () => {
    const { sim, controller, events } = setUp(ROLLING(1, 0, 10), 2);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    sim.runUntil(200);
    // Ready at 107, available once 107 + 10 < now: the ReplicaSet controller looks again at 118.
    expect(named(events, controller).slice(0, 3)).toEqual([
      [100, 'Scaled up replica set NEW from 0 to 1'],
      [118, 'Scaled down replica set OLD from 2 to 1'],
      [118, 'Scaled up replica set NEW from 1 to 2'],
    ]);
  });

  it("the HPA's write during a rollout resizes both sets in proportion to their max-replicas annotation", () => {
    const { sim, controller, events } = setUp(ROLLING('25%', '25%'), 8);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    // Old 6 and new 4 (max-replicas 10); 8 → 16: allowed 16 + 4 = 20, 10 to add: old +6, new +4.
    sim.scheduleAt(101, 4, 'test', () => controller.scale(16));
    sim.runUntil(101.5);
    expect(named(events, controller).filter(([t]) => t === 101)).toEqual([
      [101, 'Scaled up replica set OLD from 6 to 12'],
      [101, 'Scaled up replica set NEW from 4 to 8'],
    ]);
  });

  it('new pods that fit no node: the rollout stalls, old pods stay, and the progress deadline is exceeded 600 s after the last progress', () => {
    // 1000m fits 4 pods of 250m: the surge pod never binds.
    const { sim, controller, events, counts } = setUp(ROLLING(1, 0), 4, 1000);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    sim.runUntil(2000);
    expect(counts()).toEqual({ old: 4, new: 1, ready: 4 });
    const deadline = named(events, controller).find(([, m]) => m.includes('timed out'));
    // Created at 100 (NewReplicaSetCreated); timed out once 100 + 600 < now: checked at 701.
    expect(deadline).toEqual([701, 'ReplicaSet "NEW" has timed out progressing.']);
    expect(controller.rollouts[0]).toMatchObject({ completedSeconds: undefined, deadlineExceededSeconds: 701 });
  });

  it('a second rollout before the first completes supersedes it; the newest set takes the rest', () => {
    const { sim, controller } = setUp(ROLLING(1, 0), 4);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    sim.scheduleAt(110, 4, 'test', () => controller.startRollout());
    sim.runUntil(400);
    expect(controller.rollouts.map((r) => [r.revision, r.supersededSeconds, r.completedSeconds !== undefined])).toEqual([
      [2, 110, false],
      [3, undefined, true],
    ]);
    const active = controller.pods.filter((p) => !p.removed && p.deletionSeconds === undefined);
    expect(active).toHaveLength(4);
  });

  it('two rollouts within one second make one revision (kubectl stamps the template in whole seconds)', () => {
    const { sim, controller } = setUp(ROLLING(1, 0), 2);
    sim.scheduleAt(100.2, 4, 'test', () => controller.startRollout());
    sim.scheduleAt(100.7, 4, 'test', () => controller.startRollout());
    sim.scheduleAt(101, 4, 'test', () => controller.startRollout());
    sim.runUntil(300);
    expect(controller.rollouts.map((r) => [r.revision, r.startedSeconds, r.supersededSeconds])).toEqual([
      [2, 100.2, 101],
      [3, 101, undefined],
    ]);
  });

  it('old ReplicaSets at 0 with no pod left are forgotten, but the newest old one', () => {
    const { sim, controller } = setUp(ROLLING(1, 0), 2);
    for (let i = 0; i < 6; i++) sim.scheduleAt(100 + 100 * i, 4, 'test', () => controller.startRollout());
    sim.runUntil(1000);
    expect(controller.rollouts).toHaveLength(6);
    expect(controller.rollouts.every((r) => r.completedSeconds !== undefined)).toBe(true);
    expect(controller.replicaSets.map((rs) => [rs.name, rs.replicas])).toEqual([
      [controller.rollouts[4]!.revisionName, 0],
      [controller.rollouts[5]!.revisionName, 2],
    ]);
  });

  it('pods Ready less than minReadySeconds before the first rollout get the ReplicaSet controller\'s look at their availability', () => {
    // The third pod, made at 0, is Ready at 7 and available once 7 + 10 < now: looked at 18.
    const { sim, controller } = setUp(ROLLING(1, 0, 10), 2);
    sim.scheduleAt(0, 4, 'test', () => controller.scale(3));
    const looks: number[] = [];
    sim.scheduleAt(8, 4, 'test', () => {
      const request = controller.requestReconcile.bind(controller);
      controller.requestReconcile = () => {
        looks.push(sim.nowSeconds);
        request();
      };
      controller.startRollout();
    });
    sim.runUntil(25);
    // 9, 11, 15: the new pod's events; 18: the old pod's look (the new pod's own comes at 26).
    expect(looks.filter((t) => t > 8)).toEqual([9, 11, 15, 15, 18]);
  });

  it('with progressDeadlineSeconds at math.MaxInt32 there is no condition: no condition event, the completion still recorded', () => {
    const { sim, controller, events } = setUp({ ...ROLLING(1, 0), progressDeadlineSeconds: 2147483647 }, 2);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    sim.runUntil(300);
    expect(events.every(([, m]) => m.startsWith('Scaled '))).toBe(true);
    expect(controller.rollouts[0]!.completedSeconds).toBe(114);
  });

  it('a stalled rollout that progresses again says so, and then completes', () => {
    const { sim, cluster, controller, events } = setUp(ROLLING(1, 0), 4, 1000);
    sim.scheduleAt(100, 4, 'test', () => controller.startRollout());
    sim.scheduleAt(800, 4, 'test', () => cluster.addNode(makePool({ name: 'more', cpuMillicores: 1000 }), 0));
    sim.runUntil(1200);
    const reasons = named(events, controller).filter(([, m]) => !m.startsWith('Scaled '));
    expect(reasons.map(([t, m]) => [t, m])).toEqual([
      [701, 'ReplicaSet "NEW" has timed out progressing.'],
      // Bound when the node comes at 800, Ready at 806 (pull 5 s, start 1 s): more ready pods.
      [806, 'ReplicaSet "NEW" is progressing.'],
      [expect.any(Number), 'ReplicaSet "NEW" has successfully progressed.'],
    ]);
    expect(controller.rollouts[0]).toMatchObject({ deadlineExceededSeconds: 701 });
    expect(controller.rollouts[0]!.completedSeconds).toBeGreaterThan(806);
  });

  it('the one-revision rule counts wall-clock seconds: a start half a second past the minute moves the boundary', () => {
    const { sim, controller } = setUp(ROLLING(1, 0), 2);
    controller.scheduleRollouts(
      [
        { workload: 'web', namespace: 'default', atSeconds: 100.2 },
        { workload: 'web', namespace: 'default', atSeconds: 100.7 },
      ],
      300,
      1_000_000.5,
    );
    sim.runUntil(300);
    // 1000100.7 and 1000101.2 on the wall clock: two seconds, two revisions.
    expect(controller.rollouts.map((r) => r.revision)).toEqual([2, 3]);
  });

  it('repeats every period while the run lasts, each scheduled as the one before fires', () => {
    const { sim, controller } = setUp(ROLLING(1, 0), 2);
    controller.scheduleRollouts([{ workload: 'web', namespace: 'default', atSeconds: 100, everySeconds: 60 }], 300);
    sim.runUntil(400);
    expect(controller.rollouts.map((r) => r.startedSeconds)).toEqual([100, 160, 220, 280]);
  });
});

