/**
 * readinessFlap: inside [from, to) the readiness probe of the workload's pods fails every other
 * period, the pods alternating: in period k the pods at even positions (oldest first) are NotReady
 * when k is even and the others when k is odd, so traffic moves between them (endpoints hold the
 * ready pods only). A pod the fault turned NotReady is Ready again in its next period and at `to`,
 * if its container is still the one probed.
 */
import { isActive, type SimPod } from '../cluster/model.js';
import { Phase } from '../core/phases.js';
import type { ReadinessFlapFault } from '../scenario/fault-types.js';
import { workloadNamed, type FaultEnv } from './fault-env.js';

export function scheduleReadinessFlap(fault: ReadinessFlapFault, env: FaultEnv): void {
  const workload = workloadNamed(env, fault.workload);
  const component = `faults/readinessFlap/${fault.workload}`;
  /** Pods this fault turned NotReady, with the container start they were probed on. */
  const down = new Map<SimPod, number | undefined>();
  const restore = (pod: SimPod): void => {
    if (pod.containerStartSeconds === down.get(pod)) env.cluster.setPodReady(pod, true);
    down.delete(pod);
  };
  env.sim.every(
    fault.fromSeconds,
    fault.periodSeconds,
    Phase.LIFECYCLE,
    component,
    (k) => {
      let failed = 0;
      workload.pods.filter(isActive).forEach((pod, i) => {
        if ((k + i) % 2 === 1) {
          if (down.has(pod)) restore(pod);
        } else if (pod.ready && pod.containerStartSeconds !== undefined) {
          down.set(pod, pod.containerStartSeconds);
          env.cluster.setPodReady(pod, false);
          failed++;
        }
      });
      if (failed > 0) env.fired('readinessFlap');
    },
    fault.toSeconds,
  );
  env.sim.scheduleAt(fault.toSeconds, Phase.LIFECYCLE, component, () => {
    for (const pod of [...down.keys()]) restore(pod);
  });
}
