/**
 * Pod start-up and shutdown delays used when scenario.yaml `spec.startup` leaves them unset: the
 * phases of docs/fidelity-spec.md §6 (scheduler binding, kubelet image pull, container start) and
 * the time a deleted pod keeps its resources. Not upstream defaults (these are measured latencies,
 * not flags); each value is a typical figure for a small image on a warm cluster.
 */
import type { StartupDelays } from '../scenario/types.js';

export const STARTUP_DEFAULTS: Readonly<StartupDelays> = Object.freeze({
  /** kube-scheduler: queue pop, filter/score and the binding API call for one pending pod. */
  schedulingSeconds: 1,
  /** kubelet image pull of a small image that is not yet cached on the node (a cache miss). */
  imagePullSeconds: 5,
  /** Container runtime: sandbox creation and container start, until the process runs. */
  containerStartSeconds: 1,
  /** Time a pod takes to exit on SIGTERM; capped by the pod's terminationGracePeriodSeconds (default 30). */
  terminationSeconds: 2,
  /** Relative jitter (±20%) applied to each delay from the seeded `startup` random stream. */
  jitterRatio: 0.2,
});
