/**
 * Whether ResourceQuota still charges a pod, and when the resource quota controller's periodic
 * full resync next runs: pure (no clock, no state).
 * - The charge: k8s.io/kubernetes pkg/quota/v1/evaluator/core/pods.go QuotaV1Pod: a pod in a
 *   terminal phase (Succeeded, Failed) is not charged, nor one marked for deletion once
 *   `now.After(deletionTimestamp + deletionGracePeriodSeconds)` ("if pods are stuck terminating (for
 *   example, a node is lost), we do not want to charge the user for that pod in quota"). The quirk:
 *   the API server sets deletionTimestamp to the delete request's time plus the grace period
 *   (apiserver registry/rest/delete.go BeforeDelete), so the charge ends 2 × grace after the delete
 *   request, and strictly after it (After): at exactly 2 × grace the pod still counts.
 * - The resync: the controller enqueues every quota for a full recalculation each
 *   --resource-quota-sync-period (resource_quota_controller.go Run: wait.UntilWithContext(enqueueAll,
 *   resyncPeriod), first at its start; a period of 0 disables it). The grid's phase is the
 *   controller's start, unknown to a scenario: the caller draws it (resource-quota-resync.ts).
 */
import { gridIndexAfter } from '../core/period-grid.js';
import type { PodPhase } from './model.js';

/** What QuotaV1Pod reads of a pod. */
export interface QuotaChargedPod {
  phase: PodPhase;
  /** When the pod was deleted (the delete request); undefined while it is not terminating. */
  deletionSeconds: number | undefined;
  /** metadata.deletionGracePeriodSeconds. */
  deletionGracePeriodSeconds: number | undefined;
}

export interface QuotaCharge {
  charged: boolean;
  reason: string;
}

/**
 * When a pod deleted at `deletionSeconds` with `gracePeriodSeconds` stops being charged (it is
 * charged up to and including this instant): deletionTimestamp (request + grace) + grace.
 */
export function quotaChargeEndSeconds(deletionSeconds: number, gracePeriodSeconds: number): number {
  const deletionTimestampSeconds = deletionSeconds + gracePeriodSeconds;
  return deletionTimestampSeconds + gracePeriodSeconds;
}

/** QuotaV1Pod(pod, clock) at `nowSeconds`. */
export function quotaChargesPod(pod: QuotaChargedPod, nowSeconds: number): QuotaCharge {
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return { charged: false, reason: `terminal phase ${pod.phase}` };
  if (pod.deletionSeconds === undefined || pod.deletionGracePeriodSeconds === undefined) return { charged: true, reason: 'not terminating' };
  const grace = pod.deletionGracePeriodSeconds;
  const deletionTimestamp = pod.deletionSeconds + grace;
  const end = quotaChargeEndSeconds(pod.deletionSeconds, grace);
  const how = `deletionTimestamp ${deletionTimestamp} s (deleted at ${pod.deletionSeconds} s + ${grace} s grace) + ${grace} s = ${end} s`;
  return nowSeconds > end ? { charged: false, reason: `${how} has passed` } : { charged: true, reason: `terminating: ${how} not yet passed` };
}

/**
 * The first full resync strictly after `afterSeconds` on the grid firstSeconds + k · periodSeconds
 * (k ≥ 0), or undefined when the periodic resync is disabled (period 0).
 */
export function nextResyncSeconds(firstSeconds: number, periodSeconds: number, afterSeconds: number): number | undefined {
  if (!(periodSeconds > 0)) return undefined;
  return firstSeconds + gridIndexAfter(firstSeconds, periodSeconds, afterSeconds) * periodSeconds;
}
