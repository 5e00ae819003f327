/**
 * Named series behind HPA Pods, Object and External metrics: a trace, or a quantity modelled by a
 * workload (offered/served/dropped rate, backlog). `delaySeconds` models the metrics pipeline
 * (exporter scrape + Prometheus + adapter): the HPA sees the value from that long ago. Workload
 * quantities are sampled every `sampleIntervalSeconds` so that a delayed value can be looked up.
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import { valueAt } from '../load/step-series.js';
import type { MetricSeriesSpec, TraceBinding, WorkloadQuantity } from '../scenario/types.js';
import type { WorkloadRuntime } from './workload-runtime.js';

export interface MetricSeries {
  readonly spec: MetricSeriesSpec;
  /** The value the metrics API serves at `nowSeconds`, in plain units. */
  valueAt(nowSeconds: number): number;
}

export function workloadQuantity(w: WorkloadRuntime, quantity: WorkloadQuantity, nowSeconds: number): number {
  w.settle(nowSeconds);
  const served = w.servedRpsPerPod() * w.servingPods;
  switch (quantity) {
    case 'offeredRequestsPerSecond':
      return w.offeredRps;
    case 'servedRequestsPerSecond':
      return served;
    case 'backlogRequests':
      return w.backlogRequests;
    case 'droppedRequestsPerSecond': {
      const full = w.load !== undefined && w.backlogRequests >= w.load.maxBacklogRequests;
      return full ? Math.max(0, w.offeredRps - served) : 0;
    }
  }
}

class TraceSeries implements MetricSeries {
  constructor(
    readonly spec: MetricSeriesSpec,
    private readonly trace: TraceBinding,
  ) {}

  valueAt(nowSeconds: number): number {
    return valueAt(this.trace.rate, nowSeconds - this.spec.delaySeconds, this.trace.loop) * this.spec.scale;
  }
}

class WorkloadSeries implements MetricSeries {
  private readonly sampleTimes: number[] = [];
  private readonly sampleValues: number[] = [];

  constructor(
    readonly spec: MetricSeriesSpec,
    private readonly workload: WorkloadRuntime,
    private readonly quantity: WorkloadQuantity,
    sim: Simulation,
    sampleIntervalSeconds: number,
  ) {
    if (spec.delaySeconds > 0) {
      sim.every(0, sampleIntervalSeconds, Phase.METRICS, `series/${spec.name}`, () => {
        this.sampleTimes.push(sim.nowSeconds);
        this.sampleValues.push(workloadQuantity(workload, quantity, sim.nowSeconds));
        // Keep only what a lookup can still need.
        const keep = Math.ceil(spec.delaySeconds / sampleIntervalSeconds) + 2;
        if (this.sampleTimes.length > 2 * keep) {
          this.sampleTimes.splice(0, this.sampleTimes.length - keep);
          this.sampleValues.splice(0, this.sampleValues.length - keep);
        }
      });
    }
  }

  valueAt(nowSeconds: number): number {
    if (this.spec.delaySeconds <= 0) return workloadQuantity(this.workload, this.quantity, nowSeconds) * this.spec.scale;
    const cutoff = nowSeconds - this.spec.delaySeconds;
    for (let i = this.sampleTimes.length - 1; i >= 0; i--) {
      if (this.sampleTimes[i]! <= cutoff) return this.sampleValues[i]! * this.spec.scale;
    }
    return 0;
  }
}

export function createMetricSeries(
  spec: MetricSeriesSpec,
  traces: ReadonlyMap<string, TraceBinding>,
  workloads: ReadonlyMap<string, WorkloadRuntime>,
  sim: Simulation,
  sampleIntervalSeconds: number,
): MetricSeries {
  const source = spec.source;
  if (source.kind === 'trace') {
    const trace = traces.get(source.trace);
    if (trace === undefined) throw new Error(`series ${spec.name}: no trace named ${source.trace}`);
    return new TraceSeries(spec, trace);
  }
  const workload = workloads.get(source.workload);
  if (workload === undefined) throw new Error(`series ${spec.name}: no workload named ${source.workload}`);
  return new WorkloadSeries(spec, workload, source.quantity, sim, sampleIntervalSeconds);
}
