/**
 * livenessFailure: a pod's serving container stops answering its liveness probe; after
 * failureThreshold consecutive failures, one periodSeconds apart (defaults 3 × 10 s,
 * SetDefaults_Probe), the kubelet kills it and restarts it like a crash (prober_manager /
 * kuberuntime killContainer "failed liveness probe, will be restarted"). Readiness is untouched
 * until the kill.
 */
import { Phase } from '../core/phases.js';
import type { LivenessFailureFault } from '../scenario/fault-types.js';
import { workloadNamed, type FaultEnv } from './fault-env.js';
import { scheduleFaultTiming } from './fault-timing.js';
import { pickPods } from './pick-pods.js';

/** When the container sets no livenessProbe, the failing probe is taken with the SetDefaults_Probe values. */
const LIVENESS_PROBE_DEFAULTS = Object.freeze({
  /** SetDefaults_Probe: periodSeconds = 10. */
  periodSeconds: 10,
  /** SetDefaults_Probe: failureThreshold = 3. */
  failureThreshold: 3,
});

export function scheduleLivenessFailure(fault: LivenessFailureFault, env: FaultEnv): void {
  const random = env.rng.stream('faults/livenessFailure');
  const workload = workloadNamed(env, fault.workload);
  const component = `faults/livenessFailure/${fault.workload}`;
  scheduleFaultTiming(env.sim, fault.timing, random, component, () => {
    for (const pod of pickPods(workload.pods, fault.podIndex, 1, random)) {
      const probe = pod.template.containers[0]?.livenessProbe;
      const killAfterSeconds = (probe?.periodSeconds ?? LIVENESS_PROBE_DEFAULTS.periodSeconds) * (probe?.failureThreshold ?? LIVENESS_PROBE_DEFAULTS.failureThreshold);
      const started = pod.containerStartSeconds;
      env.sim.scheduleAfter(killAfterSeconds, Phase.LIFECYCLE, component, () => {
        if (pod.containerStartSeconds === started && env.restarter.crash(pod) !== undefined) env.fired('livenessFailure');
      });
    }
  });
}
