/**
 * crashLoop: inside [from, to) every container of the workload exits as soon as it starts (a bad
 * config, a missing dependency), so the kubelet's back-off grows 0 s, 10 s, 20 s, 40 s … (CrashLoopBackOff);
 * the first restart after `to` runs normally.
 */
import { Phase } from '../core/phases.js';
import type { SimPod } from '../cluster/model.js';
import type { CrashLoopFault } from '../scenario/fault-types.js';
import { workloadNamed, type FaultEnv } from './fault-env.js';
import { containerRunning } from './pick-pods.js';

export function scheduleCrashLoop(fault: CrashLoopFault, env: FaultEnv): void {
  const workload = workloadNamed(env, fault.workload);
  const component = `faults/crashLoop/${fault.workload}`;
  const inWindow = (): boolean => env.sim.nowSeconds >= fault.fromSeconds && env.sim.nowSeconds < fault.toSeconds;
  const crash = (pod: SimPod): void => {
    if (inWindow() && env.restarter.crash(pod) !== undefined) env.fired('crashLoop');
  };
  env.sim.scheduleAt(fault.fromSeconds, Phase.LIFECYCLE, component, () => {
    for (const pod of workload.pods.filter(containerRunning)) crash(pod);
  });
  env.cluster.addListener({
    podChanged: (pod) => {
      if (pod.owner !== workload.owner || pod.containerStartSeconds !== env.sim.nowSeconds || !inWindow()) return;
      // Not inside the listener: the start transition is still being announced.
      env.sim.scheduleAfter(0, Phase.LIFECYCLE, component, () => {
        if (containerRunning(pod)) crash(pod);
      });
    },
  });
}
