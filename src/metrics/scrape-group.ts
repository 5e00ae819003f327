/**
 * One workload's side of metrics-server when its pods share their numbers (issue 7: a scrape costs
 * per workload and per state group, not per pod). Every running pod of a workload in the same usage
 * state uses the same CPU at every instant: a serving pod follows the workload's per-serving-pod
 * integral, an idle one its base rate (src/engine/pod-usage-ledger.ts). A pod whose usage state
 * held over the whole window between two scrapes therefore has the same rate as every other such
 * pod in that state: ∆integral ÷ window when serving, the base rate when idle. Such a pod is
 * "shared": the group holds one sample per state (serving, base), made once per scrape, and the pod
 * holds nothing of its own until its usage state changes.
 *
 * Every other pod is scraped one by one as pod.go Store does ("own" pods): a pod whose usage state
 * changed since its last point (it started, restarted, became ready or stopped serving, is going
 * away), a container younger than one resolution (the fresh-container rule), and every pod at a
 * workload's first scrape and after a metrics-server outage. The caller reports a change of a pod's
 * usage state to metrics-server before the pod's account moves on (MetricsServer.usageChanging), so
 * a shared pod's last point is read from the account it followed.
 */
import type { UsageState } from '../cluster/cluster-listener.js';
import type { SimPod } from '../cluster/model.js';
import type { PodSample } from './metrics-server.js';

/**
 * What a workload's usage probe offers when its pods share their numbers: the shared integral, the
 * base rate, and each pod's counter as a function of the integral.
 */
export interface SharedUsage {
  /** The workload's ∫ CPU of one serving pod dt at `nowSeconds` (millicore-seconds), settled to then. */
  cpuIntegralAt(nowSeconds: number): number;
  /** CPU of a running pod that serves nothing, millicores. */
  readonly baseCpuMillicores: number;
  /**
   * The pod's container CPU counter at `timeSeconds` (millicore-seconds) given the workload's
   * integral then, as the probe's own counter computes it; valid while the pod keeps the usage state
   * it has had since usageSinceSeconds.
   */
  cpuCumulativeWith(pod: SimPod, timeSeconds: number, integral: number): number;
  /** When the pod's usage state last changed (undefined: it never had one). */
  usageSinceSeconds(pod: SimPod): number | undefined;
}

/** The usage state of a shared pod (one of the group's two samples). */
export type SharedState = Exclude<UsageState, 'none'>;

function emptySample(): PodSample {
  return { cpuMilli: 0, memoryBytes: 0, timestampSeconds: 0, windowSeconds: 0 };
}

export class ScrapeGroup {
  /** The workload's last two scrapes at which it was settled, and its serving integral at each. */
  lastSeconds: number | undefined = undefined;
  previousSeconds: number | undefined = undefined;
  lastIntegral = 0;
  previousIntegral = 0;
  /** The samples of the shared pods in each state, made at the last scrape. */
  readonly serving: PodSample = emptySample();
  readonly base: PodSample = emptySample();
  /** Pods scraped one by one at the next scrape (may hold pods that no longer run: they drop out). */
  readonly own = new Set<SimPod>();
  /** How many pods are shared now. */
  sharedCount = 0;
  /** How many times every shared pod was made to scrape on its own at once (MetricsServer.unshareAll). */
  resets = 0;
  /** Scrape every pod of the workload next time (its first scrape, and after an outage). */
  scrapeAll = true;

  constructor(
    readonly usage: SharedUsage,
    /** The metrics-server life (since its last outage) this group belongs to. */
    readonly generation: object,
  ) {}

  /** Settles the workload at a scrape at `nowSeconds` and records its integral (once per scrape). */
  record(nowSeconds: number): void {
    if (this.lastSeconds === nowSeconds) return;
    this.previousSeconds = this.lastSeconds;
    this.previousIntegral = this.lastIntegral;
    this.lastSeconds = nowSeconds;
    this.lastIntegral = this.usage.cpuIntegralAt(nowSeconds);
  }

  /** The serving integral at a recorded scrape time, or undefined when none was recorded then. */
  integralAt(timeSeconds: number): number | undefined {
    if (timeSeconds === this.lastSeconds) return this.lastIntegral;
    if (timeSeconds === this.previousSeconds) return this.previousIntegral;
    return undefined;
  }

  /** The sample a shared pod in `state` has from the last scrape. */
  sampleOf(state: SharedState): PodSample {
    return state === 'serving' ? this.serving : this.base;
  }
}
