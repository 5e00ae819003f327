/**
 * The offered load of one workload or queue over time: the fluid queue of src/load/workload-flow.ts
 * integrated exactly between events, with cumulative totals, response times, and for queues the
 * age of the oldest message and what queue scalers read. Who serves (pods, capacity) is passed in.
 * The backlog is also kept as FIFO cohorts (src/load/cohort-queue.ts): they give each served request
 * its exact wait, from its admission on (also while no pod is ready), and a queue its oldest message.
 */
import type { ScalerReading } from '../autoscalers/keda/types.js';
import { CohortQueue, type WaitPieceSink } from '../load/cohort-queue.js';
import { saturatedSojournMeanSeconds, sojournMeanSeconds } from '../load/response-time.js';
import { ResponseTimeAccumulator } from '../load/response-time-accumulator.js';
import type { ResponseTimeSink } from '../load/response-time-tee.js';
import { advanceFlow, type FlowParams, type FlowResult } from '../load/workload-flow.js';
import type { LoadModelSpec } from '../scenario/types.js';

/** Cumulative counts since t = 0. */
export interface FlowTotals {
  offeredRequests: number;
  servedRequests: number;
  droppedRequests: number;
  /** ∫ backlog dt, request-seconds. */
  backlogRequestSeconds: number;
}

export interface FlowStep {
  params: FlowParams;
  step: FlowResult;
  dtSeconds: number;
}

export class LoadFlow {
  offeredRps = 0;
  backlogRequests = 0;
  readonly totals: FlowTotals = { offeredRequests: 0, servedRequests: 0, droppedRequests: 0, backlogRequestSeconds: 0 };
  readonly responseTimes = new ResponseTimeAccumulator();
  /** Time during which load was dropped or the backlog grew (arrivals above what the pods serve), seconds. */
  underProvisionedSeconds = 0;
  /** Largest age of the oldest waiting message seen at a settle, seconds (queues). */
  peakOldestAgeSeconds = 0;
  /** Messages taken by Jobs and not yet acknowledged (they finish): RabbitMQ unacked, Kafka uncommitted. */
  inFlightMessages = 0;
  /** The backlog's admitted requests by arrival (its total is kept equal to backlogRequests). */
  readonly cohorts = new CohortQueue();
  /**
   * Where served requests' response times go: the run's mixture, or while a stretch is measured
   * apart a tee that feeds its mixture too (engine/rollout-windows.ts). Swapped, never checked, so
   * a run that measures nothing apart pays nothing for it.
   */
  responseTimeSink: ResponseTimeSink = this.responseTimes;
  private timeSeconds = 0;
  /** R of the pieces the pods take from the backlog in the current advance. */
  private pieceSojournSeconds = 0;
  private readonly recordPiece: WaitPieceSink = (requests, waitFromSeconds, waitToSeconds) =>
    this.responseTimeSink.addWaitRange(requests, Math.max(0, waitFromSeconds), Math.max(0, waitToSeconds), this.pieceSojournSeconds);
  // Reused by every advance (the workload settles at nearly every event): the interval's inputs and
  // what advance returns, which is read at once and not kept.
  private readonly params: FlowParams;
  private readonly start: { backlogRequests: number } = { backlogRequests: 0 };
  private readonly advanced: FlowStep;

  constructor(readonly load: LoadModelSpec) {
    this.params = { offeredRps: 0, readyPods: 0, capacityRpsPerPod: 0, maxBacklogRequests: load.maxBacklogRequests };
    this.advanced = { params: this.params, step: advanceFlow(this.start, this.params, 0), dtSeconds: 0 };
  }

  /**
   * Integrates from the last settled instant to `nowSeconds` with `readyPods` serving at
   * `capacityRpsPerPod` each. `unreachablePods` more endpoints take their share of the offered rate
   * and answer nothing (isUnreachableEndpoint): that share is dropped, the rest flows to the ready
   * pods (see lostShare). The step returned is valid until the next advance.
   */
  advance(nowSeconds: number, readyPods: number, capacityRpsPerPod: number, unreachablePods = 0): FlowStep | undefined {
    const startSeconds = this.timeSeconds;
    const dtSeconds = nowSeconds - startSeconds;
    if (!(dtSeconds > 0)) return undefined;
    this.timeSeconds = nowSeconds;
    const params = this.params;
    const lostRps = this.offeredRps * this.lostShare(readyPods, unreachablePods);
    params.offeredRps = lostRps > 0 ? this.offeredRps - lostRps : this.offeredRps;
    params.readyPods = readyPods;
    params.capacityRpsPerPod = capacityRpsPerPod;
    this.start.backlogRequests = this.backlogRequests;
    const step = advanceFlow(this.start, params, dtSeconds, this.advanced.step);
    const t = this.totals;
    t.offeredRequests += step.offeredRequests;
    t.servedRequests += step.servedRequests;
    t.droppedRequests += step.droppedRequests;
    if (lostRps > 0) {
      const lostRequests = lostRps * dtSeconds;
      t.offeredRequests += lostRequests;
      t.droppedRequests += lostRequests;
    }
    t.backlogRequestSeconds += step.backlogRequestSeconds;
    if (lostRps > 0 || step.droppedRequests > 0 || step.backlogRequests > this.backlogRequests + 1e-9) this.underProvisionedSeconds += dtSeconds;
    const startBacklogRequests = this.backlogRequests;
    this.backlogRequests = step.backlogRequests;
    // Without a backlog before or after, and below capacity, nothing queues: the common path.
    const queued = startBacklogRequests > 0 || step.saturatedSeconds > 0 || step.backlogRequests > 0;
    const servedFromBacklog = queued ? this.queueThrough(startSeconds, dtSeconds, startBacklogRequests, step) : 0;
    if (step.servedRequests > 0 && readyPods > 0) this.recordUnqueued(step, servedFromBacklog, dtSeconds, readyPods, capacityRpsPerPod);
    if (this.load.queue !== undefined) this.peakOldestAgeSeconds = Math.max(this.peakOldestAgeSeconds, this.oldestMessageAgeSeconds(nowSeconds));
    // `step` is advanced.step, filled in place.
    this.advanced.dtSeconds = dtSeconds;
    return this.advanced;
  }

  /**
   * A Job takes up to `messages` whole messages (they leave the ready backlog and stay in flight
   * until `acknowledge`); returns how many it got.
   */
  take(messages: number, nowSeconds: number): number {
    const taken = Math.min(messages, Math.floor(this.backlogRequests + 1e-9));
    if (taken <= 0) return 0;
    // A backlog within 1e-9 below a whole number gives that number: never leave it negative.
    this.backlogRequests = Math.max(0, this.backlogRequests - taken);
    // The oldest messages go (FIFO); the cohorts end at the last advance, not at `nowSeconds`.
    this.cohorts.discardOldest(taken);
    this.cohorts.reconcile(this.backlogRequests, this.timeSeconds);
    this.totals.servedRequests += taken;
    this.inFlightMessages += taken;
    this.peakOldestAgeSeconds = Math.max(this.peakOldestAgeSeconds, this.oldestMessageAgeSeconds(nowSeconds));
    return taken;
  }

  /** The Job that took `messages` finished: they are acknowledged (committed) and leave the queue for good. */
  acknowledge(messages: number): void {
    this.inFlightMessages = Math.max(0, this.inFlightMessages - messages);
  }

  /**
   * The share of the offered rate that the Service's endpoints send to `unreachablePods` among
   * `readyPods` + `unreachablePods` (kube-proxy spreads connections evenly over the endpoints). 0
   * for a queue: consumers pull, so a dead one takes no messages and loses none.
   */
  lostShare(readyPods: number, unreachablePods: number): number {
    if (unreachablePods <= 0 || this.load.queue !== undefined) return 0;
    return unreachablePods / (readyPods + unreachablePods);
  }

  /** Served rate right now with `readyPods` at `capacityRpsPerPod` each (and `unreachablePods` taking their share), requests/s. */
  servedRps(readyPods: number, capacityRpsPerPod: number, unreachablePods = 0): number {
    if (readyPods === 0) return 0;
    const capacity = capacityRpsPerPod * readyPods;
    const share = this.lostShare(readyPods, unreachablePods);
    const offeredRps = share > 0 ? this.offeredRps * (1 - share) : this.offeredRps;
    return this.backlogRequests > 0 || offeredRps > capacity ? capacity : offeredRps;
  }

  /**
   * Seconds the oldest queued message has waited: since the head cohort's start (0 for an empty queue
   * or a non-queue workload).
   */
  oldestMessageAgeSeconds(nowSeconds: number): number {
    if (this.load.queue === undefined || this.backlogRequests <= 0) return 0;
    const oldestSeconds = this.cohorts.oldestArrivalSeconds();
    return Number.isNaN(oldestSeconds) ? 0 : Math.max(0, nowSeconds - oldestSeconds);
  }

  /** What a queue scaler reads at the last settled instant (kafka lag per partition, rabbitmq messages/unacked/rate, redis LLEN, Pub/Sub's oldest unacked age). */
  queueReading(servedRps: number): ScalerReading {
    const partitions = this.load.queue?.partitions ?? 1;
    const messages = Math.round(this.backlogRequests);
    // Messages being processed (delivered, not yet acked): Little's law on the pods' service time,
    // plus what Jobs hold. Kafka commits offsets after processing, so they count in the lag too.
    const unacked = Math.round(servedRps * this.load.serviceTimeSeconds) + this.inFlightMessages;
    const lag = messages + this.inFlightMessages;
    const lags = spreadOverPartitions(lag, partitions);
    // Committed offsets: every message taken off the queue so far, spread as the lag is.
    const consumerOffsets = spreadOverPartitions(Math.floor(this.totals.servedRequests), partitions);
    // The oldest unacknowledged message: the head of the backlog, or one a consumer holds, taken a
    // service time ago at most once it was the head (the fluid queue keeps no age for in-flight ones).
    const oldestUnackedAgeSeconds = this.oldestMessageAgeSeconds(this.timeSeconds) + (unacked > 0 ? this.load.serviceTimeSeconds : 0);
    return { kind: 'queue', messages, unacked, publishRatePerSecond: this.offeredRps, deliverRatePerSecond: servedRps, partitionLags: lags, consumerOffsets, oldestUnackedAgeSeconds };
  }

  /**
   * Moves the interval's backlog through the cohorts (workload-flow.ts's cases): requests enter at λ
   * while the pods are saturated and the backlog is not full (from the start, until it drains or
   * fills: saturatedSeconds − fullSeconds), then at μ while it is full (the excess is dropped, tail
   * drop); the pods take min(served, μ × saturatedSeconds) from the head, one after another at μ from
   * the interval's start (a backlog at unbounded capacity all at once). Each piece taken is recorded
   * with its waits and the pod's sojourn: the saturated R = 100·S (ρ = 1, capped; a queue consumer,
   * which pulls one message at a time, S; at unbounded capacity ρ = 0, R = S). Returns the requests
   * the pods took from the backlog.
   */
  private queueThrough(startSeconds: number, dtSeconds: number, startBacklogRequests: number, step: FlowResult): number {
    const { offeredRps, readyPods, capacityRpsPerPod, maxBacklogRequests } = this.params;
    const cohorts = this.cohorts;
    if (startBacklogRequests > maxBacklogRequests) cohorts.discardNewest(startBacklogRequests - maxBacklogRequests);
    const capacityRps = readyPods > 0 && capacityRpsPerPod > 0 ? readyPods * capacityRpsPerPod : 0;
    const saturatedSeconds = Math.min(step.saturatedSeconds, dtSeconds);
    const fullSeconds = Math.min(step.fullSeconds, saturatedSeconds);
    const enteringSeconds = saturatedSeconds - fullSeconds;
    cohorts.enqueue(startSeconds, startSeconds + enteringSeconds, offeredRps * enteringSeconds);
    if (fullSeconds > 0 && Number.isFinite(capacityRps)) {
      cohorts.enqueue(startSeconds + enteringSeconds, startSeconds + saturatedSeconds, capacityRps * fullSeconds);
    }
    let servedFromBacklog = 0;
    if (capacityRps > 0) {
      const finite = Number.isFinite(capacityRps);
      servedFromBacklog = finite ? Math.min(step.servedRequests, capacityRps * saturatedSeconds) : Math.min(startBacklogRequests, maxBacklogRequests);
      const serviceTimeSeconds = this.load.serviceTimeSeconds;
      this.pieceSojournSeconds = !finite || this.load.queue !== undefined ? serviceTimeSeconds : saturatedSojournMeanSeconds(serviceTimeSeconds);
      cohorts.dequeue(servedFromBacklog, startSeconds, capacityRps, this.recordPiece);
    }
    cohorts.reconcile(step.backlogRequests, startSeconds + dtSeconds);
    return servedFromBacklog;
  }

  /**
   * Feeds the response-time mixture with what the pods served straight away, without a backlog:
   * after the backlog drained, or all along below capacity, the pods run at ρ = λ / μ and a request
   * spends R = S / (1 − ρ) in the pod (src/load/response-time.ts), with no wait.
   */
  private recordUnqueued(step: FlowResult, servedFromBacklog: number, dtSeconds: number, readyPods: number, capacityRpsPerPod: number): void {
    const saturatedSeconds = Math.min(step.saturatedSeconds, dtSeconds);
    const servedFree = step.servedRequests - servedFromBacklog;
    const freeSeconds = dtSeconds - saturatedSeconds;
    if (servedFree > 1e-12 && freeSeconds > 0) {
      this.responseTimeSink.add(servedFree, 0, sojournMeanSeconds(servedFree / freeSeconds / readyPods, capacityRpsPerPod, this.load.serviceTimeSeconds));
    }
  }
}

/** `count` spread over `partitions` as evenly as whole numbers allow, the first ones one higher. */
function spreadOverPartitions(count: number, partitions: number): number[] {
  return Array.from({ length: partitions }, (_, i) => Math.floor(count / partitions) + (i < count % partitions ? 1 : 0));
}
