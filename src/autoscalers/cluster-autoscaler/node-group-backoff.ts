/**
 * Node-group backoff after a failed scale-up (utils/backoff/exponential_backoff.go, registered by
 * clusterstate.go updateScaleRequests when a scale-up's nodes do not register within
 * max-node-provision-time): the group is skipped by scale-up (orchestrator
 * IsNodeGroupReadyToScaleUp, BackoffReason) until the backoff ends. The first failure backs off
 * for the initial duration; a failure after the backoff ended doubles it, up to the maximum; one
 * during the backoff keeps it; a failure more than the reset timeout after the last one starts
 * again at the initial duration, and data that old is dropped (RemoveStaleBackoffData). Pure.
 */

export interface BackoffSettings {
  /** --initial-node-group-backoff-duration (default 5m). */
  initialSeconds: number;
  /** --max-node-group-backoff-duration (default 30m). */
  maxSeconds: number;
  /** --node-group-backoff-reset-timeout (default 3h). */
  resetSeconds: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = Object.freeze({ initialSeconds: 300, maxSeconds: 1800, resetSeconds: 10_800 });

export interface BackoffEntry {
  durationSeconds: number;
  untilSeconds: number;
  lastFailureSeconds: number;
}

/** exponentialBackoff.Backoff: the entry after a failure at `nowSeconds`. */
export function registerFailure(previous: BackoffEntry | undefined, nowSeconds: number, settings: BackoffSettings = DEFAULT_BACKOFF): BackoffEntry {
  let durationSeconds = settings.initialSeconds;
  if (previous !== undefined) {
    // Concurrent failures within a backoff do not lengthen it.
    durationSeconds = previous.untilSeconds < nowSeconds ? Math.min(2 * previous.durationSeconds, settings.maxSeconds) : previous.durationSeconds;
    if (previous.lastFailureSeconds + settings.resetSeconds < nowSeconds) durationSeconds = settings.initialSeconds;
  }
  return { durationSeconds, untilSeconds: nowSeconds + durationSeconds, lastFailureSeconds: nowSeconds };
}

/** BackoffStatus: whether the group is still backed off at `nowSeconds` (strictly before its end). */
export function isBackedOff(entry: BackoffEntry | undefined, nowSeconds: number): boolean {
  return entry !== undefined && entry.untilSeconds > nowSeconds;
}

/** RemoveStaleBackoffData: whether the entry is old enough to forget. */
export function isStale(entry: BackoffEntry, nowSeconds: number, settings: BackoffSettings = DEFAULT_BACKOFF): boolean {
  return entry.lastFailureSeconds + settings.resetSeconds < nowSeconds;
}
