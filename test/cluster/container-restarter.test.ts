/**
 * The kubelet's in-place restarts (SimPy-style time-stamped logs): a crashed container leaves the
 * endpoints at once, restarts after the CrashLoopBackOff delay (at once after its first exit, then
 * 10 s doubling to 300 s; the back-off starts over when the container exits more than 600 s after
 * the kubelet last started it), becomes Ready after its readiness probe, and counts in restartCount.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { ContainerRestarter } from '../../src/cluster/container-restarter.js';
import type { SimPod } from '../../src/cluster/model.js';
import { planRestart, type RestartBackoffEntry } from '../../src/cluster/restart-backoff.js';
import { Phase } from '../../src/core/phases.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
const PROBE = { initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };

function setUp() {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  cluster.addNode(makePool(), 0);
  const template = makeTemplate({ containers: [{ name: 'web', cpuRequestMillicores: 250, sidecar: false, readinessProbe: PROBE }] });
  const owner = { name: 'web', namespace: 'default', index: 0 };
  const pod = cluster.createRunningPod(owner, template, { cpuMillicores: 250, memoryBytes: 0 }, 'web-0', -600) as SimPod;
  const log: string[] = [];
  cluster.addListener({
    usageStateChanging: (p, from, to) => log.push(`${sim.nowSeconds} ${p.name} ${from}→${to} ready=${p.ready} restarts=${p.restartCount}`),
  });
  return { sim, cluster, pod, log, restarter: new ContainerRestarter(cluster, sim) };
}

/** Folds planRestart over a container's exits (each at or after the previous restart): the restart times. */
function restartTimes(exits: number[]): number[] {
  let entry: RestartBackoffEntry | undefined;
  return exits.map((finishedAt) => {
    const plan = planRestart(entry, finishedAt);
    entry = plan.entry;
    return plan.restartAtSeconds;
  });
}

describe('planRestart (CrashLoopBackOff: doBackOff over flowcontrol.Backoff)', () => {
  it.each([
    ['the first exit restarts at once (no entry: not in back-off)', [100], [100]],
    // Each exit right at its restart: waits 0, 10, 20, 40, 80, 160, then the 300 s cap, twice.
    ['quick exits wait 0, 10, 20, 40, 80, 160, 300, 300 s', [0, 0, 10, 30, 70, 150, 310, 610], [0, 10, 30, 70, 150, 310, 610, 910]],
    ['at the cap, an exit 200 s after the restart still waits 300 s', [0, 0, 10, 30, 70, 150, 310, 810], [0, 10, 30, 70, 150, 310, 610, 1110]],
    ['an exit 290 s after the restart keeps doubling (20 s, then 40 s)', [0, 0, 300, 320], [0, 10, 320, 360]],
    // Restarted at 10 s; the exit at 611 s is 601 s later: expired, at once, and back to 10 s.
    ['an exit more than 600 s after the last restart starts over: at once, then 10 s', [0, 0, 611, 611], [0, 10, 611, 621]],
    // Restarted at 10 s; the exit at 610 s is exactly 600 s later: not expired, it waits its 20 s; by
    // the restart at 630 s the GC has dropped the entry (620 s > 600 s), so the next wait is 10 s.
    ['exactly 600 s is not expired: it waits its back-off, then the dropped entry starts over at 10 s', [0, 0, 610, 630], [0, 10, 630, 640]],
    ['an exit 595 s after the restart waits 20 s, past 600 s: the next wait is 10 s, not 40 s', [0, 0, 605, 625], [0, 10, 625, 635]],
  ])('%s', (_name, exits, restarts) => {
    expect(restartTimes(exits)).toEqual(restarts);
  });

  it('records the entry of each restart: Next at the restart, not at the exit', () => {
    expect(planRestart(undefined, 5)).toEqual({ restartAtSeconds: 5, entry: { backoffSeconds: 10, lastUpdateSeconds: 5 } });
    expect(planRestart({ backoffSeconds: 160, lastUpdateSeconds: 100 }, 120)).toEqual({ restartAtSeconds: 280, entry: { backoffSeconds: 300, lastUpdateSeconds: 280 } });
    expect(planRestart({ backoffSeconds: 10, lastUpdateSeconds: 0 }, 700)).toEqual({ restartAtSeconds: 700, entry: { backoffSeconds: 10, lastUpdateSeconds: 700 } });
  });

  it('takes another configuration (ReduceDefaultCrashLoopBackOffDecay: 1 s to 60 s)', () => {
    const reduced = { initialSeconds: 1, maxSeconds: 60, expireAfterSeconds: 600 };
    let entry: RestartBackoffEntry | undefined;
    const waits: number[] = [];
    let t = 0;
    for (let i = 0; i < 9; i++) {
      const plan = planRestart(entry, t, reduced);
      waits.push(plan.restartAtSeconds - t);
      entry = plan.entry;
      t = plan.restartAtSeconds;
    }
    expect(waits).toEqual([0, 1, 2, 4, 8, 16, 32, 60, 60]);
  });
});

describe('ContainerRestarter', () => {
  it('crash → NotReady at once → restarted at once (its first exit) → Ready after the readiness probe; restartCount 1', () => {
    const { sim, cluster, pod, log, restarter } = setUp();
    sim.scheduleAt(100, Phase.LIFECYCLE, 'test', () => restarter.crash(pod));
    sim.runUntil(200);
    expect(log).toEqual([
      '100 web-0 serving→none ready=false restarts=0',
      '100 web-0 none→base ready=false restarts=1',
      '105 web-0 base→serving ready=true restarts=1',
    ]);
    expect(pod.phase).toBe('Running');
    expect(pod.node?.name).toBe('pool-0');
    expect(pod.containerStartSeconds).toBe(100);
    expect(pod.readyConditionSeconds).toBe(105);
    expect(cluster.restartsByOwner[0]).toBe(1);
  });

  it('consecutive crashes back off 0, 10, 20, 40 … capped at 300 s', () => {
    const { sim, pod, restarter } = setUp();
    const delays: [number, number][] = [];
    // Crash the container 1 s after each start.
    const crash = (): void => {
      const delay = restarter.crash(pod);
      if (delay !== undefined) delays.push([sim.nowSeconds, delay]);
    };
    sim.scheduleAt(100, Phase.LIFECYCLE, 'test', crash);
    const watch = (): void => {
      sim.scheduleAfter(1, Phase.OBSERVE, 'watch', () => {
        if (pod.containerStartSeconds === sim.nowSeconds - 1) sim.scheduleAfter(0, Phase.LIFECYCLE, 'test', crash);
        watch();
      });
    };
    watch();
    sim.runUntil(1000);
    expect(delays.map(([, d]) => d)).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
    expect(delays.map(([t]) => t)).toEqual([100, 101, 112, 133, 174, 255, 416, 717]);
    // The restart after the crash at 717 s is due at 1017 s.
    expect(pod.restartCount).toBe(7);
  });

  it('a container that exits more than 600 s after its last restart starts over (at once); exactly 600 s does not', () => {
    const { sim, pod, restarter } = setUp();
    const delays: number[] = [];
    for (const t of [100, 105, 715, 736, 1400]) sim.scheduleAt(t, Phase.LIFECYCLE, 'test', () => delays.push(restarter.crash(pod) ?? -1));
    sim.runUntil(1500);
    // 100: first exit, at once; 105: 10 s (restart at 115); 715: exactly 600 s after 115, 20 s, but
    // the entry is dropped by the restart at 735 (620 s): 736 waits 10 s (restart at 746); 1400 is
    // 654 s after it: at once.
    expect(delays).toEqual([0, 10, 20, 10, 0]);
    expect(pod.restartCount).toBe(5);
  });

  it('a crash while the container is down does nothing; a deleted pod is not restarted', () => {
    const { sim, cluster, pod, restarter } = setUp();
    const results: (number | undefined)[] = [];
    sim.scheduleAt(100, Phase.LIFECYCLE, 'test', () => results.push(restarter.crash(pod)));
    sim.scheduleAt(101, Phase.LIFECYCLE, 'test', () => results.push(restarter.crash(pod)));
    sim.scheduleAt(105, Phase.LIFECYCLE, 'test', () => results.push(restarter.crash(pod)));
    sim.scheduleAt(106, Phase.LIFECYCLE, 'test', () => cluster.deletePod(pod, 30));
    sim.runUntil(200);
    expect(results).toEqual([0, 10, undefined]);
    // Restarted once at 100 s; the restart due at 111 s finds the pod being deleted.
    expect(pod.restartCount).toBe(1);
    expect(pod.removed).toBe(true);
  });

  it('a kubelet that comes back starts the container at once with a fresh back-off; the superseded restart does nothing', () => {
    const { sim, pod, log, restarter } = setUp();
    const delays: (number | undefined)[] = [];
    sim.scheduleAt(100, Phase.LIFECYCLE, 'test', () => delays.push(restarter.crash(pod)));
    sim.scheduleAt(101, Phase.LIFECYCLE, 'test', () => delays.push(restarter.crash(pod)));
    // The recovered kubelet (nodeFailure) starts it before the back-off's 111 s.
    sim.scheduleAt(105, Phase.LIFECYCLE, 'test', () => restarter.restart(pod));
    sim.scheduleAt(106, Phase.LIFECYCLE, 'test', () => delays.push(restarter.crash(pod)));
    sim.runUntil(200);
    // 106: the new kubelet's entry (10 s, 105 s), not the old one's 20 s.
    expect(delays).toEqual([0, 10, 10]);
    expect(log.filter((l) => l.includes('none→base')).map((l) => l.split(' ')[0])).toEqual(['100', '105', '116']);
    expect(pod.restartCount).toBe(3);
  });
});
