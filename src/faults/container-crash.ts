/**
 * containerCrash: the serving container of `count` pods exits (OOMKilled, a panic); the kubelet
 * restarts it in place after the CrashLoopBackOff delay (src/cluster/container-restarter.ts).
 */
import type { ContainerCrashFault } from '../scenario/fault-types.js';
import { workloadNamed, type FaultEnv } from './fault-env.js';
import { scheduleFaultTiming } from './fault-timing.js';
import { pickPods } from './pick-pods.js';

export function scheduleContainerCrash(fault: ContainerCrashFault, env: FaultEnv): void {
  const random = env.rng.stream('faults/containerCrash');
  const workload = workloadNamed(env, fault.workload);
  scheduleFaultTiming(env.sim, fault.timing, random, `faults/containerCrash/${fault.workload}`, () => {
    const hit = pickPods(workload.pods, fault.podIndex, fault.count, random).filter((pod) => env.restarter.crash(pod) !== undefined);
    if (hit.length > 0) env.fired('containerCrash');
  });
}
