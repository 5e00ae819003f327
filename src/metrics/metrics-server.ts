/**
 * metrics-server: scrapes every pod each metric resolution; CPU is the rate between the two most
 * recent scrapes (pkg/storage/types.go resourceUsage), with the first-sample rule of
 * pkg/storage/pod.go (a container that started at least 10 s and less than one resolution before the
 * scrape gets a synthetic zero point at its start time; a restart drops the history); memory is the working set at the last scrape.
 * A scrape stores only the pods it found running (pod.go Store replaces the last batch), so a pod
 * whose container stops (crashed, gone, its node down) keeps being served its last sample until the
 * next scrape, which drops it.
 * During an outage (a metricsServerOutage fault) it neither scrapes nor serves, and comes back empty.
 * A workload whose probe shares its pods' numbers (src/metrics/scrape-group.ts) is scraped per
 * workload and per usage state: pods whose state held since their last point take the state's
 * sample, made once; the others are scraped one by one.
 */
import { isServing, type SimPod } from '../cluster/model.js';
import { PodSlot } from '../cluster/pod-slots.js';
import { ScrapeGroup, type SharedState, type SharedUsage } from './scrape-group.js';

/** What the kubelets' summary API would report for the pods of one workload at a scrape. */
export interface UsageProbe {
  /** Cumulative CPU of the pod since its containers started, millicore-seconds. */
  cpuCumulativeMilliSeconds(pod: SimPod, nowSeconds: number): number;
  /**
   * Working set now, bytes, of a serving pod and of one that serves nothing (the same for every pod
   * of the workload: read once per scrape, not per pod).
   */
  workingSetBytes(nowSeconds: number): WorkingSet;
  /**
   * Present when the workload's pods share their numbers (scrape-group.ts); its owner then calls
   * MetricsServer.usageChanging before each change of a pod's usage state.
   */
  readonly shared?: SharedUsage | undefined;
}

export interface WorkingSet {
  servingBytes: number;
  idleBytes: number;
  /** A serving pod's own, when serving pods differ (their CPU caps differ by where they run). */
  servingBytesOf?: ((pod: SimPod) => number) | undefined;
}

/** The working set `pod` reports: the serving one while it serves, else the idle one. */
export function workingSetOf(pod: SimPod, workingSet: WorkingSet): number {
  if (!isServing(pod)) return workingSet.idleBytes;
  return workingSet.servingBytesOf === undefined ? workingSet.servingBytes : workingSet.servingBytesOf(pod);
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
  /**
   * Set while the pod is shared: from its group's first scrape after `joinedSeconds` on, its point
   * and sample are those the group's state gives (see ScrapeGroup); its own fields hold its point
   * and sample at `joinedSeconds`.
   */
  shared: ScrapeGroup | undefined;
  sharedState: SharedState;
  joinedSeconds: number;
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

/**
 * CPU rate over a window in which a pod's usage state held, millicores: what every pod in that state
 * used (a serving pod ∆integral ÷ window, an idle one the base rate). The per-pod scrape of such a
 * pod and its group's sample both use it, so the two give the same bits.
 */
function heldRateMillicores(usage: SharedUsage, state: SharedState, integralBefore: number, integralNow: number, windowSeconds: number): number {
  return state === 'serving' ? (integralNow - integralBefore) / windowSeconds : usage.baseCpuMillicores;
}

/** The usage state of a pod that runs (usageStateOf's, never 'none' for a pod metrics-server scrapes). */
function sharedStateOf(pod: SimPod): SharedState {
  return isServing(pod) ? 'serving' : 'base';
}

export class MetricsServer {
  /** Replaced at each outage, which makes every pod's state stale (the restarted server holds nothing). */
  private generation: object = {};
  /** False during an outage: metrics.k8s.io answers 503 ServiceUnavailable. */
  private up = true;
  /** Per workload probe that shares its pods' numbers, in this life of the server. */
  private readonly groups = new Map<UsageProbe, ScrapeGroup>();
  /** The working set of the workload being scraped, once read. */
  private scrapeWorkingSet: WorkingSet | undefined;

  /**
   * Whether pods whose usage state held share their group's samples (the default); false scrapes
   * every pod one by one with the same arithmetic: the reference the tests compare the shared
   * scrape with. Set it before the first scrape.
   */
  sharedScrapes = true;

  constructor(readonly resolutionSeconds: number) {}

  get available(): boolean {
    return this.up;
  }

  /**
   * The server's life since its last outage: a new object each time it goes down, when every
   * sample it held becomes stale. Whoever keeps something derived from the samples compares it.
   */
  get epoch(): object {
    return this.generation;
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

  /**
   * One scrape of one workload's `pods` at `nowSeconds`, read through the workload's `probe`: each
   * pod, or, when the probe shares its pods' numbers, the group's samples and the pods not shared.
   */
  scrape(pods: Iterable<SimPod>, nowSeconds: number, probe: UsageProbe): void {
    if (!this.up) return;
    this.scrapeWorkingSet = undefined;
    const usage = probe.shared;
    if (usage === undefined) {
      for (const pod of pods) if (!this.scrapePod(pod, nowSeconds, probe, undefined, undefined)) this.forget(pod);
      return;
    }
    const group = this.groupOf(probe, usage);
    if (group.sharedCount > 0) {
      const lastSeconds = group.lastSeconds!;
      // Scrapes closer than one resolution would let the fresh-container rule apply: scrape each pod.
      if (nowSeconds - lastSeconds < this.resolutionSeconds) this.unshareAll(group, pods);
      else this.scrapeShared(group, probe, lastSeconds, nowSeconds);
    }
    const all = group.scrapeAll;
    group.scrapeAll = false;
    for (const pod of all ? pods : group.own) {
      const since = usage.usageSinceSeconds(pod);
      if (!this.scrapePod(pod, nowSeconds, probe, group, since)) {
        group.own.delete(pod);
        this.forget(pod);
        continue;
      }
      // Its point is now; it shares its group's samples from the next scrape on while its usage state holds.
      if (this.sharedScrapes && since !== undefined && since <= nowSeconds) {
        const state = this.state(pod)!;
        state.shared = group;
        state.sharedState = sharedStateOf(pod);
        state.joinedSeconds = nowSeconds;
        group.sharedCount++;
        group.own.delete(pod);
      } else group.own.add(pod);
    }
  }

  /** The group's samples at `nowSeconds` for the pods that shared them since `lastSeconds`. */
  private scrapeShared(group: ScrapeGroup, probe: UsageProbe, lastSeconds: number, nowSeconds: number): void {
    const usage = group.usage;
    const integralBefore = group.lastIntegral;
    group.record(nowSeconds);
    const windowSeconds = nowSeconds - lastSeconds;
    const workingSet = (this.scrapeWorkingSet = probe.workingSetBytes(nowSeconds));
    const servingRate = heldRateMillicores(usage, 'serving', integralBefore, group.lastIntegral, windowSeconds);
    storeSample(group.serving, servingRate, workingSet.servingBytes, nowSeconds, windowSeconds);
    storeSample(group.base, heldRateMillicores(usage, 'base', integralBefore, group.lastIntegral, windowSeconds), workingSet.idleBytes, nowSeconds, windowSeconds);
  }

  /**
   * Called before a pod's usage state changes (its account moves on): a shared pod takes its point
   * and sample of the last scrape while its account still gives them, and is scraped on its own
   * until its state holds again.
   */
  usageChanging(pod: SimPod, probe: UsageProbe): void {
    const group = this.sharedSamples(probe);
    if (group === undefined) return;
    const state = this.state(pod);
    if (state?.shared !== undefined) this.unshare(state, pod, group);
    group.own.add(pod);
  }

  /** The group's samples of `probe`'s workload when some of its pods share them (the HPA's class counts read them). */
  sharedSamples(probe: UsageProbe): ScrapeGroup | undefined {
    const group = this.groups.get(probe);
    return group !== undefined && group.generation === this.generation ? group : undefined;
  }

  /** Gives a shared pod its own point and sample at its group's last scrape (a per-pod scrape's). */
  private unshare(state: PodScrapeState, pod: SimPod, group: ScrapeGroup): void {
    const lastSeconds = group.lastSeconds!;
    if (state.joinedSeconds !== lastSeconds) {
      const sample = group.sampleOf(state.sharedState);
      storePoint(state, group.usage.cpuCumulativeWith(pod, lastSeconds, group.lastIntegral), lastSeconds, state.containerStartSeconds, true);
      state.cpuMilli = sample.cpuMilli;
      state.memoryBytes = sample.memoryBytes;
      state.timestampSeconds = sample.timestampSeconds;
      state.windowSeconds = sample.windowSeconds;
    }
    state.shared = undefined;
    group.sharedCount--;
  }

  /** Every shared pod of `group` (among the workload's `pods`) is scraped on its own from now on. */
  private unshareAll(group: ScrapeGroup, pods: Iterable<SimPod>): void {
    group.resets++;
    for (const pod of pods) {
      const state = this.state(pod);
      if (state?.shared !== group) continue;
      this.unshare(state, pod, group);
      group.own.add(pod);
    }
  }

  /** The probe's group in this life of the server (a new one after an outage: every pod is scraped again). */
  private groupOf(probe: UsageProbe, usage: SharedUsage): ScrapeGroup {
    let group = this.groups.get(probe);
    if (group === undefined || group.generation !== this.generation) this.groups.set(probe, (group = new ScrapeGroup(usage, this.generation)));
    return group;
  }

  /**
   * The per-pod scrape (pod.go Store); false when the pod does not run (nothing scraped).
   * `sinceSeconds`: when its usage state last changed (read once by the caller, with `group`).
   */
  private scrapePod(pod: SimPod, nowSeconds: number, probe: UsageProbe, group: ScrapeGroup | undefined, sinceSeconds: number | undefined): boolean {
    const started = pod.containerStartSeconds;
    if (started === undefined || pod.removed || pod.phase !== 'Running') return false;
    group?.record(nowSeconds);
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
      rateMillicores = this.heldRate(pod, state.timeSeconds, group, sinceSeconds) ?? (cumulative - state.cpuCumulativeMilliSeconds) / windowSeconds;
    }
    // The state is updated in place: a scrape allocates only for a pod seen the first time.
    const next = state ?? this.newState(pod);
    storePoint(next, cumulative, nowSeconds, started, rateMillicores !== undefined);
    if (rateMillicores === undefined) return true;
    this.scrapeWorkingSet ??= probe.workingSetBytes(nowSeconds);
    storeSample(next, rateMillicores, workingSetOf(pod, this.scrapeWorkingSet), nowSeconds, windowSeconds);
    return true;
  }

  /**
   * The rate of a pod whose usage state held since its point at `pointSeconds` (the rate its group's
   * sample has), or undefined when it changed since or the workload's integral then is not known.
   */
  private heldRate(pod: SimPod, pointSeconds: number, group: ScrapeGroup | undefined, sinceSeconds: number | undefined): number | undefined {
    if (group === undefined || sinceSeconds === undefined || sinceSeconds > pointSeconds) return undefined;
    const before = group.integralAt(pointSeconds);
    if (before === undefined) return undefined;
    return heldRateMillicores(group.usage, sharedStateOf(pod), before, group.lastIntegral, group.lastSeconds! - pointSeconds);
  }

  /**
   * The latest sample of a pod, as the HPA reads it from metrics.k8s.io; undefined = missing. The
   * object is updated in place by the next scrape: read it, don't keep it.
   */
  sample(pod: SimPod): PodSample | undefined {
    if (!this.up) return undefined;
    const state = this.state(pod);
    if (state === undefined) return undefined;
    const group = state.shared;
    if (group !== undefined && state.joinedSeconds !== group.lastSeconds) return group.sampleOf(state.sharedState);
    return state.sampled ? state : undefined;
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

  /** Drops the state of a pod a scrape found not running (or that is gone). */
  forget(pod: SimPod): void {
    const state = this.state(pod);
    if (state === undefined) return;
    if (state.shared !== undefined) state.shared.sharedCount--;
    SCRAPE_STATE.clear(pod);
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
      shared: undefined,
      sharedState: 'base',
      joinedSeconds: 0,
      cpuMilli: 0,
      memoryBytes: 0,
      timestampSeconds: 0,
      windowSeconds: 0,
    };
    SCRAPE_STATE.set(pod, state);
    return state;
  }
}
