/**
 * The kubelet's in-place restarts (SimPy-style time-stamped logs): a crashed container leaves the
 * endpoints at once, restarts after the CrashLoopBackOff delay (10 s doubling to 300 s, reset after
 * 10 minutes of running), becomes Ready after its readiness probe, and counts in restartCount.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { ContainerRestarter } from '../../src/cluster/container-restarter.js';
import type { SimPod } from '../../src/cluster/model.js';
import { calculateRestartDelaySeconds } from '../../src/cluster/restart-backoff.js';
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

describe('calculateRestartDelaySeconds (CrashLoopBackOff)', () => {
  it.each([
    ['first crash: 10 s', undefined, 30, 10],
    ['second crash soon after: doubles to 20 s', 10, 5, 20],
    ['doubles again: 40 s', 20, 5, 40],
    ['capped at 300 s', 160, 5, 300],
    ['stays at the cap', 300, 5, 300],
    ['a container that ran 10 minutes resets to 10 s', 300, 600, 10],
    ['9 minutes of running is not enough', 300, 540, 300],
  ])('%s', (_name, previous, ran, expected) => {
    expect(calculateRestartDelaySeconds(previous, ran)).toBe(expected);
  });
});

describe('ContainerRestarter', () => {
  it('crash → NotReady at once → restart after 10 s → Ready after the readiness probe; restartCount 1', () => {
    const { sim, cluster, pod, log, restarter } = setUp();
    sim.scheduleAt(100, Phase.LIFECYCLE, 'test', () => restarter.crash(pod));
    sim.runUntil(200);
    expect(log).toEqual([
      '100 web-0 serving→none ready=false restarts=0',
      '110 web-0 none→base ready=false restarts=1',
      '115 web-0 base→serving ready=true restarts=1',
    ]);
    expect(pod.phase).toBe('Running');
    expect(pod.node?.name).toBe('pool-0');
    expect(pod.containerStartSeconds).toBe(110);
    expect(pod.readyConditionSeconds).toBe(115);
    expect(cluster.restartsByOwner[0]).toBe(1);
  });

  it('consecutive crashes back off 10, 20, 40 … capped at 300 s', () => {
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
    expect(delays.map(([, d]) => d)).toEqual([10, 20, 40, 80, 160, 300, 300]);
    expect(delays.map(([t]) => t)).toEqual([100, 111, 132, 173, 254, 415, 716]);
    // The restart after the crash at 716 s is due at 1016 s.
    expect(pod.restartCount).toBe(6);
  });

  it('a container that ran 10 minutes crashes with the back-off reset to 10 s', () => {
    const { sim, pod, restarter } = setUp();
    const delays: number[] = [];
    for (const t of [100, 115, 800]) sim.scheduleAt(t, Phase.LIFECYCLE, 'test', () => delays.push(restarter.crash(pod) ?? -1));
    sim.runUntil(1000);
    // 100: first crash (10 s); 115: ran 5 s → 20 s; 800: ran 665 s → reset.
    expect(delays).toEqual([10, 20, 10]);
  });

  it('a crash while the container is down does nothing; a deleted pod is not restarted', () => {
    const { sim, cluster, pod, restarter } = setUp();
    const results: (number | undefined)[] = [];
    sim.scheduleAt(100, Phase.LIFECYCLE, 'test', () => results.push(restarter.crash(pod)));
    sim.scheduleAt(105, Phase.LIFECYCLE, 'test', () => results.push(restarter.crash(pod)));
    sim.scheduleAt(106, Phase.LIFECYCLE, 'test', () => cluster.deletePod(pod, 30));
    sim.runUntil(200);
    expect(results).toEqual([10, undefined]);
    expect(pod.restartCount).toBe(0);
    expect(pod.removed).toBe(true);
  });
});
