/**
 * The kubelet's container restart back-off (CrashLoopBackOff): kuberuntime_manager.go doBackOff
 * over a flowcontrol.Backoff of 10 s doubling to 300 s, forgotten once the container has run for
 * 10 minutes ("If a container has run for 10 minutes without a problem, the kubelet resets the
 * restart backoff timer", Pod Lifecycle docs). Pure.
 */

export const RESTART_BACKOFF_DEFAULTS = Object.freeze({
  /** pkg/kubelet/kubelet.go backOffPeriod: the first restart waits 10 s. */
  initialSeconds: 10,
  /** pkg/kubelet/kubelet.go MaxContainerBackOff: 300 s. */
  maxSeconds: 300,
  /** flowcontrol.Backoff forgets an entry after 2 × max without a failure: 10 minutes of running. */
  resetAfterRunningSeconds: 600,
});

export type RestartBackoffConfig = typeof RESTART_BACKOFF_DEFAULTS;

/**
 * Seconds from a container's exit to its restart. `previousDelaySeconds` is the delay before the
 * restart that started the exiting container (undefined: it never crashed before); `ranSeconds`
 * is how long it ran. First crash, or a container that ran ≥ 10 min: 10 s; otherwise the previous
 * delay doubled, capped at 300 s (10, 20, 40, 80, 160, 300, 300 …).
 */
export function calculateRestartDelaySeconds(
  previousDelaySeconds: number | undefined,
  ranSeconds: number,
  config: RestartBackoffConfig = RESTART_BACKOFF_DEFAULTS,
): number {
  if (previousDelaySeconds === undefined || ranSeconds >= config.resetAfterRunningSeconds) return config.initialSeconds;
  return Math.min(previousDelaySeconds * 2, config.maxSeconds);
}
