/**
 * A queue no Deployment consumes (scenario.yaml spec.queues): messages arrive from a trace and
 * wait until a ScaledJob's Job takes them. The same fluid queue as a workload's, with no pods.
 */
import type { ScalerReading } from '../autoscalers/keda/types.js';
import type { LoadModelSpec, StandaloneQueueSpec } from '../scenario/types.js';
import { LoadFlow } from './load-flow.js';

function queueLoadModel(spec: StandaloneQueueSpec): LoadModelSpec {
  return {
    workload: spec.name,
    trace: spec.trace,
    cpuMillicoreSecondsPerRequest: 0,
    baseCpuMillicores: 0,
    baseMemoryBytes: 0,
    memoryBytesPerRequestPerSecond: 0,
    maxBacklogRequests: spec.maxMessages,
    serviceTimeSeconds: 0,
    queue: { name: spec.name, messagesPerSecondPerPod: 0, maxMessages: spec.maxMessages },
  };
}

export class StandaloneQueue {
  readonly flow: LoadFlow;

  constructor(readonly spec: StandaloneQueueSpec) {
    this.flow = new LoadFlow(queueLoadModel(spec));
  }

  get name(): string {
    return this.spec.name;
  }

  /** Integrates arrivals up to `nowSeconds` (nobody serves a standalone queue). */
  settle(nowSeconds: number): void {
    this.flow.advance(nowSeconds, 0, 0);
  }

  setOfferedRps(rps: number, nowSeconds: number): void {
    this.settle(nowSeconds);
    this.flow.offeredRps = rps;
  }

  queueReading(nowSeconds: number): ScalerReading {
    this.settle(nowSeconds);
    return this.flow.queueReading(0);
  }
}
