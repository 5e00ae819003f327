/**
 * One round of the drain's eviction calls (core/scaledown/actuation/drain.go Evictor.evictPod, one
 * per pod, against the API server's eviction subresource): a pod is evicted when every
 * PodDisruptionBudget covering it allows a disruption; each eviction uses one disruption of those
 * budgets at once (the API server decrements status.disruptionsAllowed), so in one round a budget
 * that allows one disruption lets one of its pods go and refuses the next (429). A refused pod is
 * tried again EvictionRetryTime (10 s) later, until --max-pod-eviction-time (2 min) after the drain
 * started; a pod still refused then fails the drain. Pure.
 */
import type { CaPdb, CaPod } from '../types.js';
import { consumeDisruptions, pdbMatchesPod } from './pdb.js';

/** drain.go DefaultEvictionRetryTime */
export const EVICTION_RETRY_SECONDS = 10;
/** --max-pod-eviction-time=2m */
export const MAX_POD_EVICTION_TIME_SECONDS = 120;

export interface EvictionRound<P> {
  /** Evicted in this round, in order. */
  evicted: P[];
  /** Refused by a budget (TooManyRequests): tried again next round. */
  refused: P[];
}

/** Which of `pods` (with their CaPod view) the budgets let go now, in order. */
export function evictionRound<P>(pods: readonly P[], view: (pod: P) => CaPod, pdbs: readonly CaPdb[]): EvictionRound<P> {
  let budgets: readonly CaPdb[] = pdbs;
  const evicted: P[] = [];
  const refused: P[] = [];
  for (const pod of pods) {
    const ca = view(pod);
    if (budgets.some((pdb) => pdbMatchesPod(pdb, ca) && pdb.disruptionsAllowed < 1)) {
      refused.push(pod);
      continue;
    }
    evicted.push(pod);
    if (budgets.length > 0) budgets = consumeDisruptions(budgets, [ca]);
  }
  return { evicted, refused };
}

/**
 * evictPod's retry loop: whether a pod refused at `attemptSeconds` is tried again (one more attempt
 * EvictionRetryTime later, while that is strictly before the drain's start + max-pod-eviction-time).
 */
export function retriesEviction(drainStartSeconds: number, attemptSeconds: number): boolean {
  return attemptSeconds + EVICTION_RETRY_SECONDS < drainStartSeconds + MAX_POD_EVICTION_TIME_SECONDS;
}
