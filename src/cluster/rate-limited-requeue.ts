/**
 * A controller's work-queue key after failed syncs (client-go util/workqueue): AddRateLimited
 * waits baseSeconds · 2^requeues, at most maxSeconds (ItemExponentialFailureRateLimiter; the
 * count grows with every failed sync and Forget, after a sync that succeeds, clears it); a key
 * already waiting keeps the earlier of its two times (the delaying queue's waitingForQueue), and a
 * wait already scheduled still fires after a Forget (a sync that then finds nothing to do).
 * The ReplicaSet and StatefulSet controllers use DefaultControllerRateLimiter (5 ms to 1000 s;
 * its overall 10-per-second bucket is not modelled), the Job controller 1 s to 60 s
 * (job_controller.go DefaultJobApiBackOff, MaxJobApiBackOff).
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';

export interface RateLimit {
  baseSeconds: number;
  maxSeconds: number;
}

/** workqueue.DefaultControllerRateLimiter's per-item limiter: 5 ms · 2^n up to 1000 s. */
export const CONTROLLER_RATE_LIMIT: RateLimit = Object.freeze({ baseSeconds: 0.005, maxSeconds: 1000 });

/** job_controller.go NewTypedItemExponentialFailureRateLimiter(DefaultJobApiBackOff 1 s, MaxJobApiBackOff 1 min). */
export const JOB_RATE_LIMIT: RateLimit = Object.freeze({ baseSeconds: 1, maxSeconds: 60 });

/** ItemExponentialFailureRateLimiter.When for the `requeues`-th failure (0 for the first). */
export function rateLimitedDelaySeconds(requeues: number, limit: RateLimit): number {
  return Math.min(limit.baseSeconds * 2 ** requeues, limit.maxSeconds);
}

export class RateLimitedRequeue {
  private requeues = 0;
  private waitingUntilSeconds = Number.POSITIVE_INFINITY;
  private token = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly limit: RateLimit,
    private readonly component: string,
    private readonly sync: () => void,
  ) {}

  /** Whether the last sync failed (NumRequeues > 0). */
  get failing(): boolean {
    return this.requeues > 0;
  }

  /** AddRateLimited after a failed sync. */
  failed(): void {
    const delay = rateLimitedDelaySeconds(this.requeues++, this.limit);
    const at = this.sim.nowSeconds + delay;
    if (at >= this.waitingUntilSeconds) return;
    this.waitingUntilSeconds = at;
    const token = ++this.token;
    this.sim.scheduleAfter(delay, Phase.RECONCILE, this.component, () => {
      if (token !== this.token) return;
      this.waitingUntilSeconds = Number.POSITIVE_INFINITY;
      this.sync();
    });
  }

  /** Forget after a sync that succeeded. */
  forget(): void {
    this.requeues = 0;
  }
}
