/**
 * The kubelet's restartPolicy: Always for a pod's serving container: when it exits (a crash, or a
 * kill after failed liveness probes) the pod stays bound and Running with Ready=False, and the
 * container is restarted in place after the CrashLoopBackOff delay (src/cluster/restart-backoff.ts);
 * Ready returns after the readiness probe, as at the first start (kuberuntime SyncPod / doBackOff).
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { Cluster } from './cluster.js';
import type { SimPod } from './model.js';
import { calculateRestartDelaySeconds } from './restart-backoff.js';
import { probeReadySeconds } from './startup-timeline.js';

export class ContainerRestarter {
  /** The back-off delay each crashed pod last waited. */
  private readonly delays = new Map<SimPod, number>();

  constructor(
    private readonly cluster: Cluster,
    private readonly sim: Simulation,
  ) {}

  /**
   * The container of `pod` exits now: Ready=False at once, restart after the back-off. Returns the
   * delay before the restart, seconds, or undefined when the container was not running.
   */
  crash(pod: SimPod): number | undefined {
    const started = pod.containerStartSeconds;
    if (started === undefined || !this.cluster.stopContainer(pod)) return undefined;
    const delaySeconds = calculateRestartDelaySeconds(this.delays.get(pod), this.sim.nowSeconds - started);
    this.delays.set(pod, delaySeconds);
    this.sim.scheduleAfter(delaySeconds, Phase.LIFECYCLE, 'kubelet/restart', () => this.restart(pod));
    return delaySeconds;
  }

  /** Starts the container again unless the pod is gone or being deleted, or its node is NotReady or its kubelet down. */
  restart(pod: SimPod): void {
    if (pod.removed) {
      this.delays.delete(pod);
      return;
    }
    const node = pod.node;
    if (pod.deletionSeconds !== undefined || node?.ready === false || (node !== undefined && !this.cluster.health.kubeletRunning(node))) return;
    this.cluster.startContainer(pod, readyAfterStartSeconds(pod));
  }
}

/** Container start → Ready: the serving container's startup and readiness probes. */
export function readyAfterStartSeconds(pod: SimPod): number {
  const serving = pod.template.containers[0];
  return probeReadySeconds(serving?.readinessProbe, serving?.startupProbe);
}
