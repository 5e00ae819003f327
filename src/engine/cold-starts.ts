/**
 * Cold starts: work arrives while no pod serves (scaled to zero), and waits until the first pod is
 * ready. Each one is recorded with its delay (first arrival after idle → first ready pod).
 */
export interface ColdStartSummary {
  count: number;
  meanDelaySeconds: number;
  maxDelaySeconds: number;
}

export class ColdStarts {
  private openedAtSeconds: number | undefined;
  private count = 0;
  private totalDelaySeconds = 0;
  private maxDelaySeconds = 0;

  /** Work is waiting with no serving pod: opens a cold start unless one is open. */
  workWaiting(nowSeconds: number): void {
    this.openedAtSeconds ??= nowSeconds;
  }

  /** The first pod became ready: closes the open cold start. */
  servingStarted(nowSeconds: number): void {
    if (this.openedAtSeconds === undefined) return;
    const delay = nowSeconds - this.openedAtSeconds;
    this.count++;
    this.totalDelaySeconds += delay;
    this.maxDelaySeconds = Math.max(this.maxDelaySeconds, delay);
    this.openedAtSeconds = undefined;
  }

  summary(): ColdStartSummary {
    return {
      count: this.count,
      meanDelaySeconds: this.count > 0 ? this.totalDelaySeconds / this.count : 0,
      maxDelaySeconds: this.maxDelaySeconds,
    };
  }
}
