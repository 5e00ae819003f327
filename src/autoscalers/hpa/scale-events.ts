/**
 * Scale-event history for the behavior rate limits (§1.11): horizontal.go `getReplicasChangePerPeriod`,
 * `markScaleEventsOutdated` and `storeScaleEvent`, as pure functions of (events, now).
 */
import { longestPolicyPeriodSeconds, type ResolvedBehavior } from './behavior-rules.js';
import type { HpaHistory, TimestampedScaleEvent } from './types.js';

/** Σ replicaChange of the events strictly younger than `periodSeconds` (timestamp.After(now − period)). */
export function sumReplicaChangeInPeriod(events: readonly TimestampedScaleEvent[], periodSeconds: number, nowSeconds: number): number {
  let sum = 0;
  for (const event of events) if (nowSeconds - event.timestampSeconds < periodSeconds) sum += event.replicaChange;
  return sum;
}

/**
 * Appends `{replicaChange, now}` after marking events older than `longestPeriodSeconds` outdated
 * (strictly: timestamp.Before(now − period)); the last outdated slot is overwritten instead of
 * appending when there is one. Returns a new list.
 */
export function appendScaleEvent(
  events: readonly TimestampedScaleEvent[],
  replicaChange: number,
  longestPeriodSeconds: number,
  nowSeconds: number,
): TimestampedScaleEvent[] {
  const next = events.map((e) => ({ ...e, outdated: e.outdated || nowSeconds - e.timestampSeconds > longestPeriodSeconds }));
  let reuseIndex = -1;
  next.forEach((event, index) => {
    if (event.outdated) reuseIndex = index;
  });
  const event: TimestampedScaleEvent = { replicaChange, timestampSeconds: nowSeconds, outdated: false };
  if (reuseIndex >= 0) next[reuseIndex] = event;
  else next.push(event);
  return next;
}

export interface StoreScaleEventResult {
  history: HpaHistory;
  /** Which list received the event; null when nothing was stored. */
  stored: 'scaleUp' | 'scaleDown' | null;
}

/**
 * `storeScaleEvent`: after the HPA actually rescaled from `prevReplicas` to `newReplicas`, records
 * |change| in the scale-up or scale-down list. Nothing is stored when `behavior` is null (the legacy
 * path never reads events) or when the count did not change. The input history is not mutated.
 */
export function storeScaleEvent(
  history: HpaHistory,
  behavior: ResolvedBehavior | null,
  prevReplicas: number,
  newReplicas: number,
  nowSeconds: number,
): StoreScaleEventResult {
  if (behavior === null || newReplicas === prevReplicas) return { history, stored: null };
  if (newReplicas > prevReplicas) {
    const period = longestPolicyPeriodSeconds(behavior.scaleUp);
    const scaleUpEvents = appendScaleEvent(history.scaleUpEvents, newReplicas - prevReplicas, period, nowSeconds);
    return { history: { ...history, scaleUpEvents }, stored: 'scaleUp' };
  }
  const period = longestPolicyPeriodSeconds(behavior.scaleDown);
  const scaleDownEvents = appendScaleEvent(history.scaleDownEvents, prevReplicas - newReplicas, period, nowSeconds);
  return { history: { ...history, scaleDownEvents }, stored: 'scaleDown' };
}
