/**
 * The kubelet's container restart back-off (CrashLoopBackOff), rule for rule as upstream with the
 * default feature gates and kubelet configuration (unchanged in effect through v1.35). Pure.
 *
 * Sources:
 * - pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff: when a sync is about to start a
 *   container that has an exited instance, `ts` is that instance's FinishedAt; if
 *   `backOff.IsInBackOffSince(key, ts)` the start fails with CrashLoopBackOff, otherwise the kubelet
 *   calls `backOff.Next(key, ts)` and starts it. A container with no exited instance (its first
 *   start) never touches the back-off. The key is getStableKey: pod UID + container (name, hash).
 * - k8s.io/client-go/util/flowcontrol/backoff.go: IsInBackOffSince is false when there is no entry
 *   for the key or when `hasExpired(ts, entry.lastUpdate)`, else `Clock.Since(ts) < entry.backoff`.
 *   Next re-creates the entry at the initial duration when there is none or it has expired, else
 *   doubles it capped at the max, and sets `entry.lastUpdate = Clock.Now()` — the time of the
 *   restart, not `ts`. GC() deletes every entry with `hasExpired(now, entry.lastUpdate)`; the kubelet
 *   calls it at the end of HandlePodCleanups (kubelet_pods.go), every housekeeping period (2 s).
 * - pkg/kubelet/kubelet.go: newCrashLoopBackOff gives initialCrashLoopBackOff = 10 s and
 *   MaxCrashLoopBackOff = v1beta1.MaxContainerBackOff = 300 s; NewMainKubelet sets
 *   `HasExpiredFunc = eventTime.Sub(lastUpdate) > 600*time.Second` (a fixed 600 s since v1.32,
 *   KEP-4603; before, flowcontrol's default 2 × max: the same 600 s at the default max).
 * - pkg/features/kube_features.go: ReduceDefaultCrashLoopBackOffDecay (alpha since 1.33, off by
 *   default; on: 1 s initial, 60 s max) and KubeletCrashLoopBackOffMax (alpha in 1.32, beta and on
 *   by default since 1.35: the max comes from the KubeletConfiguration's
 *   crashLoopBackOff.maxContainerRestartPeriod, whose default is MaxContainerBackOff, 300 s,
 *   pkg/kubelet/apis/config/v1beta1/defaults.go). The defaults are therefore still 10 s and 300 s.
 *
 * The rules, per container (the simulation's pods have one), with `f` the exit time and the entry
 * {backoff, lastUpdate}:
 * 1. No entry (the container never exited before): restart at f, at once; the entry becomes
 *    {10 s, f}.
 * 2. f − lastUpdate > 600 s (the container ran more than 10 minutes since the kubelet last started
 *    it): the entry has expired: restart at f, entry {10 s, f}. Exactly 600 s has not expired.
 * 3. Otherwise restart at f + backoff; the entry becomes {min(2 × backoff, 300 s), f + backoff}.
 *    Successive quick exits so wait 0, 10, 20, 40, 80, 160, 300, 300 … seconds.
 * 4. Quirk: when that restart, f + backoff, is more than 600 s after lastUpdate, the housekeeping GC
 *    has dropped the entry while the container waited, so Next finds none and the entry restarts
 *    at {10 s, f + backoff} instead of doubling (e.g. restarted at 10 s with a 20 s back-off, a
 *    container that exits 595 s later waits its 20 s, and its next quick exit waits 10 s, not
 *    40 s). GC runs every 2 s; the entry is taken as gone as soon as it has expired.
 *
 * Not modelled: the PLEG relist (every 1 s) that notices the exit before the sync, so rule 1's
 * restart is at the exit itself; the pod worker's requeue of a sync in back-off (pod_workers.go
 * completeWork: at the back-off's expiry, at most the 1-minute resync interval ahead, plus up to
 * 50% jitter), so a real restart comes at or somewhat after f + backoff, and a container waiting a
 * back-off longer than a minute whose entry the GC drops may be restarted at an earlier resync; a
 * liveness kill, which the kubelet restarts in the same sync as the kill, with doBackOff looking at
 * the instance that exited before (none on a first kill): here it is an exit like any other.
 */

export interface RestartBackoffConfig {
  /** The entry's first duration: the wait after the second quick exit, seconds. */
  readonly initialSeconds: number;
  /** The cap of the doubling, seconds. */
  readonly maxSeconds: number;
  /** An entry expires (and the GC drops it) when more than this passed since its lastUpdate, seconds. */
  readonly expireAfterSeconds: number;
}

export const RESTART_BACKOFF_DEFAULTS: RestartBackoffConfig = Object.freeze({
  /** pkg/kubelet/kubelet.go initialCrashLoopBackOff: the wait after the second quick exit, 10 s. */
  initialSeconds: 10,
  /** pkg/kubelet/kubelet.go MaxCrashLoopBackOff (v1beta1.MaxContainerBackOff): 300 s. */
  maxSeconds: 300,
  /** pkg/kubelet/kubelet.go HasExpiredFunc: an entry expires when more than 600 s passed since its lastUpdate. */
  expireAfterSeconds: 600,
});

/** A flowcontrol.Backoff entry for one container. */
export interface RestartBackoffEntry {
  /** backoffEntry.backoff: what the next quick exit waits, seconds. */
  readonly backoffSeconds: number;
  /** backoffEntry.lastUpdate: when the kubelet last started the container past doBackOff (Next), seconds. */
  readonly lastUpdateSeconds: number;
}

export interface RestartPlan {
  /** When the kubelet starts the container again, seconds (≥ the exit). */
  readonly restartAtSeconds: number;
  /** The entry after that restart's Next. */
  readonly entry: RestartBackoffEntry;
}

/**
 * The restart of a container that exits at `finishedAtSeconds`, given its back-off entry
 * (undefined: none), and the entry once it has restarted. Rules 1–4 of the file header.
 */
export function planRestart(
  entry: RestartBackoffEntry | undefined,
  finishedAtSeconds: number,
  config: RestartBackoffConfig = RESTART_BACKOFF_DEFAULTS,
): RestartPlan {
  const expired = (eventSeconds: number, lastUpdateSeconds: number): boolean => eventSeconds - lastUpdateSeconds > config.expireAfterSeconds;
  if (entry === undefined || expired(finishedAtSeconds, entry.lastUpdateSeconds)) {
    return { restartAtSeconds: finishedAtSeconds, entry: { backoffSeconds: config.initialSeconds, lastUpdateSeconds: finishedAtSeconds } };
  }
  const restartAtSeconds = finishedAtSeconds + entry.backoffSeconds;
  const backoffSeconds = expired(restartAtSeconds, entry.lastUpdateSeconds) ? config.initialSeconds : Math.min(entry.backoffSeconds * 2, config.maxSeconds);
  return { restartAtSeconds, entry: { backoffSeconds, lastUpdateSeconds: restartAtSeconds } };
}
