/**
 * The kubelet's restartPolicy: Always for a pod's serving container: when it exits (a crash, or a
 * kill after failed liveness probes) the pod stays bound and Running with Ready=False, and the
 * container is restarted in place after the CrashLoopBackOff delay (src/cluster/restart-backoff.ts:
 * at once after its first exit, then 10 s doubling to 300 s); Ready returns after the readiness
 * probe, as at the first start (kuberuntime SyncPod / doBackOff).
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { Cluster } from './cluster.js';
import type { SimPod } from './model.js';
import { planRestart, RESTART_BACKOFF_DEFAULTS, type RestartBackoffEntry } from './restart-backoff.js';
import { probeReadySeconds } from './startup-timeline.js';

export class ContainerRestarter {
  /** The kubelet's flowcontrol.Backoff entry of each pod's container (keyed by pod UID + container upstream). */
  private readonly entries = new WeakMap<SimPod, RestartBackoffEntry>();
  /**
   * The back-off entry each crashed pod's waiting restart records when it happens (Next runs at the
   * start; planRestart makes a new entry per crash, so it also tells the restart apart); a kubelet
   * restart (restart()) supersedes it.
   */
  private readonly pending = new WeakMap<SimPod, RestartBackoffEntry>();

  constructor(
    private readonly cluster: Cluster,
    private readonly sim: Simulation,
  ) {}

  /**
   * The container of `pod` exits now: Ready=False at once, restart after the back-off. Returns the
   * delay before the restart, seconds (0 after its first exit), or undefined when the container was
   * not running.
   */
  crash(pod: SimPod): number | undefined {
    if (pod.containerStartSeconds === undefined || !this.cluster.stopContainer(pod)) return undefined;
    const now = this.sim.nowSeconds;
    const plan = planRestart(this.entries.get(pod), now);
    const entry = plan.entry;
    this.pending.set(pod, entry);
    const delaySeconds = plan.restartAtSeconds - now;
    this.sim.scheduleAfter(delaySeconds, Phase.LIFECYCLE, 'kubelet/restart', () => {
      if (this.pending.get(pod) !== entry) return;
      this.pending.delete(pod);
      if (this.canStart(pod)) {
        this.entries.set(pod, entry);
        this.start(pod);
      }
    });
    return delaySeconds;
  }

  /**
   * The pod's kubelet comes back (nodeFailure recovery): a new kubelet has an empty back-off
   * (NewMainKubelet creates it), so it starts the container at once unless the pod is gone or being
   * deleted, or its node is NotReady or its kubelet down; a container that ran before has an exited
   * instance, so doBackOff's Next records a fresh entry (10 s, now).
   */
  restart(pod: SimPod): void {
    this.pending.delete(pod);
    this.entries.delete(pod);
    if (!this.canStart(pod)) return;
    const ranBefore = pod.phase === 'Running';
    this.start(pod);
    if (ranBefore && pod.containerStartSeconds === this.sim.nowSeconds) {
      this.entries.set(pod, { backoffSeconds: RESTART_BACKOFF_DEFAULTS.initialSeconds, lastUpdateSeconds: this.sim.nowSeconds });
    }
  }

  private canStart(pod: SimPod): boolean {
    const node = pod.node;
    return !pod.removed && pod.deletionSeconds === undefined && node?.ready !== false && (node === undefined || this.cluster.health.kubeletRunning(node));
  }

  private start(pod: SimPod): void {
    this.cluster.startContainer(pod, readyAfterStartSeconds(pod));
  }
}

/** Container start → Ready: the serving container's startup and readiness probes. */
export function readyAfterStartSeconds(pod: SimPod): number {
  const serving = pod.template.containers[0];
  return probeReadySeconds(serving?.readinessProbe, serving?.startupProbe);
}
