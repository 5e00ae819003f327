/**
 * Figures over each rollout's stretch (from its start to its completion, to the next rollout that
 * superseded it, or to the end of the run): the requests offered, served and dropped (the load
 * flow's totals at each end, subtracted) and their response-time quantiles, from a mixture fed
 * beside the run's while the stretch is open (LoadFlow.responseTimeSink, a tee then). The flow is
 * settled at each end first, at an instant at which it settles anyway (a rollout's start and
 * completion change pods), so the run's own figures are unchanged. A closed stretch keeps only its
 * figures, so a run of thousands of rollouts holds one mixture at a time. Report-only.
 */
import type { RolloutLog, RolloutRecord } from '../cluster/rollout-log.js';
import type { Simulation } from '../core/simulation.js';
import { ResponseTimeAccumulator } from '../load/response-time-accumulator.js';
import { ResponseTimeTee } from '../load/response-time-tee.js';
import type { FlowTotals, LoadFlow } from './load-flow.js';
import type { WorkloadRuntime } from './workload-runtime.js';

/** A stretch's requests and their response times (NaN when it served none). */
export interface WindowFigures {
  offeredRequests: number;
  servedRequests: number;
  droppedRequests: number;
  responseTimeSeconds: { p50: number; p95: number; p99: number };
}

/** An open stretch: the flow's totals at its start and its own mixture. */
interface OpenWindow {
  flow: LoadFlow;
  start: Pick<FlowTotals, 'offeredRequests' | 'servedRequests' | 'droppedRequests'>;
  responseTimes: ResponseTimeAccumulator;
}

function figuresOf(window: OpenWindow): WindowFigures {
  const t = window.flow.totals;
  const rt = window.responseTimes;
  return {
    offeredRequests: t.offeredRequests - window.start.offeredRequests,
    servedRequests: t.servedRequests - window.start.servedRequests,
    droppedRequests: t.droppedRequests - window.start.droppedRequests,
    responseTimeSeconds: { p50: rt.quantileSeconds(0.5), p95: rt.quantileSeconds(0.95), p99: rt.quantileSeconds(0.99) },
  };
}

export class RolloutWindows {
  private readonly closed = new Map<RolloutRecord, WindowFigures>();
  private readonly open = new Map<RolloutRecord, OpenWindow>();

  constructor(private readonly sim: Simulation) {}

  /** Opens a window at each rollout of `log` (a workload without a load model gets none). */
  watch(log: RolloutLog, runtime: WorkloadRuntime): void {
    const flow = runtime.flow;
    if (flow === undefined) return;
    log.onBegin = (rollout) => {
      runtime.settle(this.sim.nowSeconds);
      const { offeredRequests, servedRequests, droppedRequests } = flow.totals;
      const responseTimes = new ResponseTimeAccumulator();
      this.open.set(rollout, { flow, start: { offeredRequests, servedRequests, droppedRequests }, responseTimes });
      flow.responseTimeSink = new ResponseTimeTee(flow.responseTimes, responseTimes);
    };
    log.onEnd = (rollout) => {
      runtime.settle(this.sim.nowSeconds);
      const window = this.open.get(rollout);
      if (window === undefined) return;
      this.open.delete(rollout);
      this.closed.set(rollout, figuresOf(window));
      flow.responseTimeSink = flow.responseTimes;
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
