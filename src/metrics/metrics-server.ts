/**
 * metrics-server: scrapes every pod each metric resolution; CPU is the rate between the two most
 * recent scrapes (pkg/storage/types.go resourceUsage), with the first-sample rule of
 * pkg/storage/pod.go (a container that started at least 10 s and less than one resolution before the
 * scrape gets a synthetic zero point at its start time; a restart drops the history); memory is the working set at the last scrape.
 * During an outage (a metricsServerOutage fault) it neither scrapes nor serves, and comes back empty.
 */
import { isServing, type SimPod } from '../cluster/model.js';
import { PodSlot } from '../cluster/pod-slots.js';

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

/** The working set `pod` reports: the serving one while it serves, else the idle one. */
export function workingSetOf(pod: SimPod, workingSet: WorkingSet): number {
  return isServing(pod) ? workingSet.servingBytes : workingSet.idleBytes;
}

/** A PodMetrics item as metrics.k8s.io serves it (PodMetric in the HPA's metrics client). */
export interface PodSample {
  /** CPU usage in millicores as Quantity.MilliValue gives it (rounded up from nanocores). */
  cpuMilli: number;
  memoryBytes: number;
  timestampSeconds: number;
  windowSeconds: number;
}

/**
 * What metrics-server holds for one pod: the last scrape point, and the sample served from it (its
 * own PodSample fields, updated in place at each scrape: one object per pod for the HPA to read).
 */
interface PodScrapeState extends PodSample {
  /** The server (and its life since the last outage) this state belongs to; stale otherwise. */
  generation: object;
  cpuCumulativeMilliSeconds: number;
  timeSeconds: number;
  containerStartSeconds: number;
  /** Whether the sample fields hold a rate (a point alone does not make one). */
  sampled: boolean;
}

/** Kept on the pod, not in a Map keyed by pod (see PodSlot). */
const SCRAPE_STATE = new PodSlot<PodScrapeState>('metrics-server');

function storePoint(state: PodScrapeState, cpuCumulativeMilliSeconds: number, timeSeconds: number, containerStartSeconds: number, sampled: boolean): void {
  state.cpuCumulativeMilliSeconds = cpuCumulativeMilliSeconds;
  state.timeSeconds = timeSeconds;
  state.containerStartSeconds = containerStartSeconds;
  state.sampled = sampled;
}

/** The sample served for a rate: CPU rounded up to whole millicores, as Quantity.MilliValue does from nanocores. */
function storeSample(sample: PodSample, rateMillicores: number, memoryBytes: number, timestampSeconds: number, windowSeconds: number): void {
  sample.cpuMilli = Math.ceil(Math.round(rateMillicores * 1e6) / 1e6);
  sample.memoryBytes = memoryBytes;
  sample.timestampSeconds = timestampSeconds;
  sample.windowSeconds = windowSeconds;
}

/** pod.go: a fresh container needs to have run this long before its synthetic first point is used. */
const FRESH_CONTAINER_MIN_AGE_SECONDS = 10;

export class MetricsServer {
  /** Replaced at each outage, which makes every pod's state stale (the restarted server holds nothing). */
  private generation: object = {};
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
    this.generation = {};
  }

  /** One scrape of one workload's `pods` at `nowSeconds`, read through the workload's `probe`. */
  scrape(pods: Iterable<SimPod>, nowSeconds: number, probe: UsageProbe): void {
    if (!this.up) return;
    let workingSet: WorkingSet | undefined;
    for (const pod of pods) {
      const started = pod.containerStartSeconds;
      if (started === undefined || pod.removed || pod.phase !== 'Running') continue;
      const cumulative = probe.cpuCumulativeMilliSeconds(pod, nowSeconds);
      const state = this.state(pod);
      // pod.go Store: the fresh-container rule is checked first, with 10 s <= age < resolution.
      const age = nowSeconds - started;
      let rateMillicores: number | undefined;
      let windowSeconds = 0;
      if (age >= FRESH_CONTAINER_MIN_AGE_SECONDS && age < this.resolutionSeconds) {
        windowSeconds = age;
        rateMillicores = cumulative / age;
      } else if (state !== undefined && state.containerStartSeconds === started && state.timeSeconds < nowSeconds) {
        windowSeconds = nowSeconds - state.timeSeconds;
        rateMillicores = (cumulative - state.cpuCumulativeMilliSeconds) / windowSeconds;
      }
      // The state is updated in place: a scrape allocates only for a pod seen the first time.
      const next = state ?? this.newState(pod);
      storePoint(next, cumulative, nowSeconds, started, rateMillicores !== undefined);
      if (rateMillicores === undefined) continue;
      workingSet ??= probe.workingSetBytes(nowSeconds);
      storeSample(next, rateMillicores, workingSetOf(pod, workingSet), nowSeconds, windowSeconds);
    }
  }

  /**
   * The latest sample of a pod, as the HPA reads it from metrics.k8s.io; undefined = missing. The
   * object is updated in place by the next scrape: read it, don't keep it.
   */
  sample(pod: SimPod): PodSample | undefined {
    if (!this.up) return undefined;
    const state = this.state(pod);
    return state?.sampled ? state : undefined;
  }

  /**
   * Warm start: gives a pod the scrape point and the sample metrics-server would hold had it been
   * running before t = 0, with the pod using `cpuMillicores` steadily; the HPA sees a sample at
   * once and the next scrape reports the rate since `timeSeconds`.
   */
  prime(pod: SimPod, cpuMillicores: number, memoryBytes: number, timeSeconds: number): void {
    const started = pod.containerStartSeconds;
    if (started === undefined) return;
    const state = this.state(pod) ?? this.newState(pod);
    // The pod's counter reads 0 at t = 0, so at an earlier scrape it read cpu × t.
    storePoint(state, cpuMillicores * timeSeconds, timeSeconds, started, true);
    storeSample(state, cpuMillicores, memoryBytes, timeSeconds, this.resolutionSeconds);
  }

  /** Drops the state of a pod that is gone. */
  forget(pod: SimPod): void {
    if (this.state(pod) !== undefined) SCRAPE_STATE.clear(pod);
  }

  /** The pod's state if this server (since its last outage) made it. */
  private state(pod: SimPod): PodScrapeState | undefined {
    const state = SCRAPE_STATE.get(pod);
    return state !== undefined && state.generation === this.generation ? state : undefined;
  }

  private newState(pod: SimPod): PodScrapeState {
    const state: PodScrapeState = {
      generation: this.generation,
      cpuCumulativeMilliSeconds: 0,
      timeSeconds: 0,
      containerStartSeconds: 0,
      sampled: false,
      cpuMilli: 0,
      memoryBytes: 0,
      timestampSeconds: 0,
      windowSeconds: 0,
    };
    SCRAPE_STATE.set(pod, state);
    return state;
  }
}
