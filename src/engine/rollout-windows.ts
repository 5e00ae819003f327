/**
 * Figures over each rollout's stretch (from its start to its completion, to the next rollout that
 * superseded it, or to the end of the run): the requests offered, served and dropped, and their
 * response-time quantiles, from a mixture the workload's load flow feeds while the stretch is open
 * (LoadFlow.window). The flow is settled at each end first, at an instant at which it settles anyway
 * (a rollout's start and completion change pods), so the run's own figures are unchanged. A closed
 * stretch keeps only its figures, so a run of thousands of rollouts holds one mixture at a time.
 * Report-only.
 */
import type { DeploymentController } from '../cluster/deployment-controller.js';
import type { RolloutRecord } from '../cluster/deployment/rollout-log.js';
import type { Simulation } from '../core/simulation.js';
import { ResponseTimeAccumulator } from '../load/response-time-accumulator.js';
import type { FlowWindow } from './load-flow.js';
import type { WorkloadRuntime } from './workload-runtime.js';

/** A stretch's requests and their response times (NaN when it served none). */
export interface WindowFigures {
  offeredRequests: number;
  servedRequests: number;
  droppedRequests: number;
  responseTimeSeconds: { p50: number; p95: number; p99: number };
}

function figuresOf(window: FlowWindow): WindowFigures {
  const rt = window.responseTimes;
  return {
    offeredRequests: window.offeredRequests,
    servedRequests: window.servedRequests,
    droppedRequests: window.droppedRequests,
    responseTimeSeconds: { p50: rt.quantileSeconds(0.5), p95: rt.quantileSeconds(0.95), p99: rt.quantileSeconds(0.99) },
  };
}

export class RolloutWindows {
  private readonly closed = new Map<RolloutRecord, WindowFigures>();
  private readonly open = new Map<RolloutRecord, FlowWindow>();

  constructor(private readonly sim: Simulation) {}

  /** Opens a window at each of `controller`'s rollouts (a workload without a load model gets none). */
  watch(controller: DeploymentController, runtime: WorkloadRuntime): void {
    const flow = runtime.flow;
    if (flow === undefined) return;
    controller.rolloutLog.onBegin = (rollout) => {
      runtime.settle(this.sim.nowSeconds);
      const window: FlowWindow = { offeredRequests: 0, servedRequests: 0, droppedRequests: 0, responseTimes: new ResponseTimeAccumulator() };
      this.open.set(rollout, window);
      flow.window = window;
    };
    controller.rolloutLog.onEnd = (rollout) => {
      runtime.settle(this.sim.nowSeconds);
      const window = this.open.get(rollout);
      if (window === undefined) return;
      this.open.delete(rollout);
      this.closed.set(rollout, figuresOf(window));
      if (flow.window === window) flow.window = undefined;
    };
  }

  /** The rollout's figures: closed at its end, or so far (read after the run settled at its end). */
  of(rollout: RolloutRecord): WindowFigures | undefined {
    const closed = this.closed.get(rollout);
    if (closed !== undefined) return closed;
    const window = this.open.get(rollout);
    return window === undefined ? undefined : figuresOf(window);
  }
}
