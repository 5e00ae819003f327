/**
 * metrics-server: scrapes every pod each metric resolution; CPU is the rate between the two most
 * recent scrapes (pkg/storage/types.go resourceUsage), with the first-sample rule of
 * pkg/storage/pod.go (a container that started at least 10 s and less than one resolution before the
 * scrape gets a synthetic zero point at its start time; a restart drops the history); memory is the working set at the last scrape.
 * During an outage (a metricsServerOutage fault) it neither scrapes nor serves, and comes back empty.
 */
import { isServing, type SimPod } from '../cluster/model.js';

/** What the kubelets' summary API would report for the pods of one workload at a scrape. */
export interface UsageProbe {
  /** Cumulative CPU of the pod since its containers started, millicore-seconds. */
  cpuCumulativeMilliSeconds(pod: SimPod, nowSeconds: number): number;
  /**
   * Working set now, bytes, of a serving pod and of one that serves nothing (the same for every pod
   * of the workload: read once per scrape, not per pod).
   */
  workingSetBytes(nowSeconds: number): WorkingSet;
}

export interface WorkingSet {
  servingBytes: number;
  idleBytes: number;
}

/** A PodMetrics item as metrics.k8s.io serves it (PodMetric in the HPA's metrics client). */
export interface PodSample {
  /** CPU usage in millicores as Quantity.MilliValue gives it (rounded up from nanocores). */
  cpuMilli: number;
  memoryBytes: number;
  timestampSeconds: number;
  windowSeconds: number;
}

interface ScrapePoint {
  cpuCumulativeMilliSeconds: number;
  timeSeconds: number;
  containerStartSeconds: number;
}

/** pod.go: a fresh container needs to have run this long before its synthetic first point is used. */
const FRESH_CONTAINER_MIN_AGE_SECONDS = 10;

export class MetricsServer {
  private readonly points = new Map<SimPod, ScrapePoint>();
  private readonly samples = new Map<SimPod, PodSample>();
  /** False during an outage: metrics.k8s.io answers 503 ServiceUnavailable. */
  private up = true;

  constructor(readonly resolutionSeconds: number) {}

  get available(): boolean {
    return this.up;
  }

  /**
   * Down: scrapes stop and the API serves nothing. Up again: the restarted server holds no points,
   * so each pod has a sample again only after two scrapes (or the fresh-container rule).
   */
  setAvailable(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    this.points.clear();
    this.samples.clear();
  }

  /** One scrape of one workload's `pods` at `nowSeconds`, read through the workload's `probe`. */
  scrape(pods: Iterable<SimPod>, nowSeconds: number, probe: UsageProbe): void {
    if (!this.up) return;
    let workingSet: WorkingSet | undefined;
    for (const pod of pods) {
      const started = pod.containerStartSeconds;
      if (started === undefined || pod.removed || pod.phase !== 'Running') continue;
      const cumulative = probe.cpuCumulativeMilliSeconds(pod, nowSeconds);
      const previous = this.points.get(pod);
      // pod.go Store: the fresh-container rule is checked first, with 10 s <= age < resolution.
      const age = nowSeconds - started;
      let rateMillicores: number | undefined;
      let windowSeconds = 0;
      if (age >= FRESH_CONTAINER_MIN_AGE_SECONDS && age < this.resolutionSeconds) {
        windowSeconds = age;
        rateMillicores = cumulative / age;
      } else if (previous !== undefined && previous.containerStartSeconds === started && previous.timeSeconds < nowSeconds) {
        windowSeconds = nowSeconds - previous.timeSeconds;
        rateMillicores = (cumulative - previous.cpuCumulativeMilliSeconds) / windowSeconds;
      }
      // Points and samples are updated in place: a scrape allocates only for a pod seen the first time.
      if (previous === undefined) this.points.set(pod, { cpuCumulativeMilliSeconds: cumulative, timeSeconds: nowSeconds, containerStartSeconds: started });
      else {
        previous.cpuCumulativeMilliSeconds = cumulative;
        previous.timeSeconds = nowSeconds;
        previous.containerStartSeconds = started;
      }
      if (rateMillicores === undefined) {
        this.samples.delete(pod);
        continue;
      }
      const cpuMilli = Math.ceil(Math.round(rateMillicores * 1e6) / 1e6);
      workingSet ??= probe.workingSetBytes(nowSeconds);
      const memoryBytes = isServing(pod) ? workingSet.servingBytes : workingSet.idleBytes;
      const sample = this.samples.get(pod);
      if (sample === undefined) this.samples.set(pod, { cpuMilli, memoryBytes, timestampSeconds: nowSeconds, windowSeconds });
      else {
        sample.cpuMilli = cpuMilli;
        sample.memoryBytes = memoryBytes;
        sample.timestampSeconds = nowSeconds;
        sample.windowSeconds = windowSeconds;
      }
    }
  }

  /**
   * The latest sample of a pod, as the HPA reads it from metrics.k8s.io; undefined = missing. The
   * object is updated in place by the next scrape: read it, don't keep it.
   */
  sample(pod: SimPod): PodSample | undefined {
    return this.up ? this.samples.get(pod) : undefined;
  }

  /**
   * Warm start: gives a pod the scrape point and the sample metrics-server would hold had it been
   * running before t = 0, with the pod using `cpuMillicores` steadily; the HPA sees a sample at
   * once and the next scrape reports the rate since `timeSeconds`.
   */
  prime(pod: SimPod, cpuMillicores: number, memoryBytes: number, timeSeconds: number): void {
    const started = pod.containerStartSeconds;
    if (started === undefined) return;
    // The pod's counter reads 0 at t = 0, so at an earlier scrape it read cpu × t.
    this.points.set(pod, { cpuCumulativeMilliSeconds: cpuMillicores * timeSeconds, timeSeconds, containerStartSeconds: started });
    this.samples.set(pod, {
      cpuMilli: Math.ceil(Math.round(cpuMillicores * 1e6) / 1e6),
      memoryBytes,
      timestampSeconds: timeSeconds,
      windowSeconds: this.resolutionSeconds,
    });
  }

  /** Drops the state of a pod that is gone. */
  forget(pod: SimPod): void {
    this.points.delete(pod);
    this.samples.delete(pod);
  }
}
