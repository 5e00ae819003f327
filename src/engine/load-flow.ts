/**
 * The offered load of one workload or queue over time: the fluid queue of src/load/workload-flow.ts
 * integrated exactly between events, with cumulative totals, response times, and for queues the
 * age of the oldest message and what queue scalers read. Who serves (pods, capacity) is passed in.
 */
import type { ScalerReading } from '../autoscalers/keda/types.js';
import { backlogWaitSeconds, saturatedSojournMeanSeconds, sojournMeanSeconds } from '../load/response-time.js';
import { ResponseTimeAccumulator } from '../load/response-time-accumulator.js';
import { advanceFlow, type FlowParams, type FlowResult } from '../load/workload-flow.js';
import type { LoadModelSpec } from '../scenario/types.js';
import { QueueAge } from './queue-age.js';

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
  private readonly queueAge = new QueueAge();
  private timeSeconds = 0;
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
    if (step.servedRequests > 0 && readyPods > 0) this.recordResponseTimes(step, dtSeconds, readyPods, capacityRpsPerPod);
    if (this.load.queue !== undefined) this.recordArrivals(startSeconds, nowSeconds, startBacklogRequests, step);
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
    this.totals.servedRequests += taken;
    this.inFlightMessages += taken;
    // Nothing entered: no breakpoint (the flow is settled up to its last advance, not to `nowSeconds`).
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

  /** Seconds the oldest queued message has waited (0 for an empty queue or a non-queue workload). */
  oldestMessageAgeSeconds(nowSeconds: number): number {
    if (this.load.queue === undefined || this.backlogRequests <= 0) return 0;
    return this.queueAge.oldestAgeSeconds(nowSeconds, this.backlogRequests);
  }

  /** What a queue scaler reads (kafka lag per partition, rabbitmq messages/unacked/rate, redis LLEN). */
  queueReading(servedRps: number): ScalerReading {
    const partitions = this.load.queue?.partitions ?? 1;
    const messages = Math.round(this.backlogRequests);
    // Messages being processed (delivered, not yet acked): Little's law on the pods' service time,
    // plus what Jobs hold. Kafka commits offsets after processing, so they count in the lag too.
    const unacked = Math.round(servedRps * this.load.serviceTimeSeconds) + this.inFlightMessages;
    const lag = messages + this.inFlightMessages;
    const lags = Array.from({ length: partitions }, (_, i) => Math.floor(lag / partitions) + (i < lag % partitions ? 1 : 0));
    return { kind: 'queue', messages, unacked, publishRatePerSecond: this.offeredRps, partitionLags: lags };
  }

  /**
   * Feeds the response-time mixture with the interval's two parts: while saturated (the pods serve
   * their capacity), requests wait in the backlog, if any, and then spend a saturated pod's sojourn
   * (ρ = 1, capped: 100·S); the rest of the interval has no backlog and the pods run at ρ = λ / μ
   * (src/load/response-time.ts). Dropping the excess never makes the served requests faster. A queue
   * consumer is the exception: it pulls one message at a time, so the broker, not the pod, holds the
   * queue, and a message takes S in the pod after its wait in the queue however busy the consumers.
   */
  private recordResponseTimes(step: FlowResult, dtSeconds: number, readyPods: number, capacityRpsPerPod: number): void {
    const totalCapacityRps = capacityRpsPerPod * readyPods;
    const serviceTimeSeconds = this.load.serviceTimeSeconds;
    const saturatedSeconds = Math.min(step.saturatedSeconds, dtSeconds);
    const servedSaturated = Number.isFinite(totalCapacityRps) ? Math.min(step.servedRequests, totalCapacityRps * saturatedSeconds) : 0;
    // The model's numbers straight from its formulas (response-time.ts), with no result objects: the
    // workload settles at nearly every event.
    if (servedSaturated > 0) {
      this.responseTimes.add(
        servedSaturated,
        backlogWaitSeconds(step.backlogRequestSeconds / saturatedSeconds, totalCapacityRps),
        this.load.queue === undefined ? saturatedSojournMeanSeconds(serviceTimeSeconds) : serviceTimeSeconds,
      );
    }
    const servedFree = step.servedRequests - servedSaturated;
    const freeSeconds = dtSeconds - saturatedSeconds;
    if (servedFree > 1e-12 && freeSeconds > 0) {
      this.responseTimes.add(servedFree, 0, sojournMeanSeconds(servedFree / freeSeconds / readyPods, capacityRpsPerPod, serviceTimeSeconds));
    }
  }

  /**
   * Adds the interval's arrivals to the queue-age curve (src/engine/queue-age.ts), which must bend
   * wherever the rate at which messages enter changes. Between two advances the offered rate and the
   * consumers are constant, so it does only where a bounded queue fills up: messages enter at λ until
   * then, and at the rate the consumers free room (μ) after, the rest being dropped.
   */
  private recordArrivals(startSeconds: number, nowSeconds: number, startBacklogRequests: number, step: FlowResult): void {
    let enteredRequests = step.offeredRequests - step.droppedRequests;
    const { offeredRps, readyPods, capacityRpsPerPod, maxBacklogRequests } = this.params;
    if (step.droppedRequests > 0 && startBacklogRequests < maxBacklogRequests) {
      const capacityRps = readyPods > 0 && capacityRpsPerPod > 0 ? readyPods * capacityRpsPerPod : 0;
      const fillSeconds = (maxBacklogRequests - startBacklogRequests) / (offeredRps - capacityRps);
      if (fillSeconds > 0 && startSeconds + fillSeconds < nowSeconds) {
        const enteredBeforeFill = offeredRps * fillSeconds;
        this.queueAge.record(startSeconds + fillSeconds, enteredBeforeFill, maxBacklogRequests);
        enteredRequests -= enteredBeforeFill;
      }
    }
    this.queueAge.record(nowSeconds, enteredRequests, step.backlogRequests);
    this.peakOldestAgeSeconds = Math.max(this.peakOldestAgeSeconds, this.oldestMessageAgeSeconds(nowSeconds));
  }
}
