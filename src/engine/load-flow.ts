/**
 * The offered load of one workload or queue over time: the fluid queue of src/load/workload-flow.ts
 * integrated exactly between events, with cumulative totals, response times, and for queues the
 * age of the oldest message and what queue scalers read. Who serves (pods, capacity) is passed in.
 */
import type { ScalerReading } from '../autoscalers/keda/types.js';
import { intervalResponseTime } from '../load/response-time.js';
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
  /** Largest age of the oldest waiting message seen at a settle, seconds (queues). */
  peakOldestAgeSeconds = 0;
  private readonly queueAge = new QueueAge();
  private timeSeconds = 0;

  constructor(readonly load: LoadModelSpec) {}

  /** Integrates from the last settled instant to `nowSeconds` with `readyPods` serving at `capacityRpsPerPod` each. */
  advance(nowSeconds: number, readyPods: number, capacityRpsPerPod: number): FlowStep | undefined {
    const dtSeconds = nowSeconds - this.timeSeconds;
    if (!(dtSeconds > 0)) return undefined;
    this.timeSeconds = nowSeconds;
    const params: FlowParams = { offeredRps: this.offeredRps, readyPods, capacityRpsPerPod, maxBacklogRequests: this.load.maxBacklogRequests };
    const step = advanceFlow({ backlogRequests: this.backlogRequests }, params, dtSeconds);
    const t = this.totals;
    t.offeredRequests += step.offeredRequests;
    t.servedRequests += step.servedRequests;
    t.droppedRequests += step.droppedRequests;
    t.backlogRequestSeconds += step.backlogRequestSeconds;
    this.backlogRequests = step.backlogRequests;
    if (step.servedRequests > 0 && readyPods > 0) {
      const rt = intervalResponseTime({
        servedRpsPerPod: step.servedRequestsPerPod / dtSeconds,
        capacityRpsPerPod,
        serviceTimeSeconds: this.load.serviceTimeSeconds,
        meanBacklogRequests: step.backlogRequestSeconds / dtSeconds,
        totalCapacityRps: capacityRpsPerPod * readyPods,
      });
      this.responseTimes.add(step.servedRequests, rt.waitSeconds, rt.sojournMeanSeconds);
    }
    this.recordQueue(nowSeconds);
    return { params, step, dtSeconds };
  }

  /** Removes up to `messages` whole messages from the queue (a Job picking work); returns how many. */
  take(messages: number, nowSeconds: number): number {
    const taken = Math.min(messages, Math.floor(this.backlogRequests + 1e-9));
    if (taken <= 0) return 0;
    this.backlogRequests -= taken;
    this.totals.servedRequests += taken;
    this.recordQueue(nowSeconds);
    return taken;
  }

  /** Served rate right now with `readyPods` at `capacityRpsPerPod` each, requests/s. */
  servedRps(readyPods: number, capacityRpsPerPod: number): number {
    if (readyPods === 0) return 0;
    const capacity = capacityRpsPerPod * readyPods;
    return this.backlogRequests > 0 || this.offeredRps > capacity ? capacity : this.offeredRps;
  }

  /** Seconds the oldest queued message has waited (0 for an empty queue or a non-queue workload). */
  oldestMessageAgeSeconds(nowSeconds: number): number {
    if (this.load.queue === undefined || this.backlogRequests <= 0) return 0;
    return this.queueAge.oldestAgeSeconds(nowSeconds, this.totals.servedRequests);
  }

  /** What a queue scaler reads (kafka lag per partition, rabbitmq messages/unacked/rate, redis LLEN). */
  queueReading(servedRps: number): ScalerReading {
    const partitions = this.load.queue?.partitions ?? 1;
    const messages = Math.round(this.backlogRequests);
    const lags = Array.from({ length: partitions }, (_, i) => Math.floor(messages / partitions) + (i < messages % partitions ? 1 : 0));
    // Messages being processed (delivered, not yet acked): Little's law on the service time.
    const unacked = Math.round(servedRps * this.load.serviceTimeSeconds);
    return { kind: 'queue', messages, unacked, publishRatePerSecond: this.offeredRps, partitionLags: lags };
  }

  private recordQueue(nowSeconds: number): void {
    if (this.load.queue === undefined) return;
    this.queueAge.record(nowSeconds, this.totals.offeredRequests - this.totals.droppedRequests);
    this.peakOldestAgeSeconds = Math.max(this.peakOldestAgeSeconds, this.oldestMessageAgeSeconds(nowSeconds));
  }
}
