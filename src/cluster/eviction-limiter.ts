/**
 * A zone's NoExecute tainting limiter (kube-controller-manager pkg/controller/nodelifecycle/scheduler
 * rate_limited_queue.go): a token bucket of burst 1 (EvictionRateLimiterBurst) at a rate per second
 * (client-go flowcontrol.NewTokenBucketRateLimiter over golang.org/x/time/rate, full when made), or,
 * at a rate of 0, one that refuses everything (NewFakeNeverRateLimiter, which reports a QPS of 1).
 * SwapLimiter keeps the limiter when the rate is unchanged; otherwise the new one is drained when
 * the old one had no token left ("if q.limiter.TryAccept() == false { newLimiter.TryAccept() }").
 * With a burst of 1 the bucket is a single instant: when it next holds its token.
 */
export class EvictionLimiter {
  /** When the bucket next holds its one token (−∞: it does now). */
  private tokenAtSeconds = Number.NEGATIVE_INFINITY;

  private constructor(readonly ratePerSecond: number) {}

  /** A full bucket at `ratePerSecond` (0 or less: one that never accepts). */
  static full(ratePerSecond: number): EvictionLimiter {
    return new EvictionLimiter(Math.max(0, ratePerSecond));
  }

  /** The QPS the limiter reports: the fake never-limiter says 1. */
  get reportedQps(): number {
    return this.ratePerSecond === 0 ? 1 : this.ratePerSecond;
  }

  /** TryAccept at `nowSeconds`: takes the token if there is one. */
  tryAccept(nowSeconds: number): boolean {
    if (this.ratePerSecond === 0 || nowSeconds < this.tokenAtSeconds) return false;
    this.tokenAtSeconds = nowSeconds + 1 / this.ratePerSecond;
    return true;
  }

  /** When the next TryAccept can succeed (undefined: never). */
  nextTokenSeconds(nowSeconds: number): number | undefined {
    return this.ratePerSecond === 0 ? undefined : Math.max(nowSeconds, this.tokenAtSeconds);
  }

  /** SwapLimiter at `nowSeconds`: the limiter to use at `ratePerSecond` from now. */
  swap(ratePerSecond: number, nowSeconds: number): EvictionLimiter {
    const rate = Math.max(0, ratePerSecond);
    if (this.reportedQps === rate) return this;
    const next = EvictionLimiter.full(rate);
    if (rate > 0 && !this.tryAccept(nowSeconds)) next.tryAccept(nowSeconds);
    return next;
  }
}
