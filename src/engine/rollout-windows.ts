/**
 * Figures over each rollout's stretch (from its start to its completion, to the next rollout that
 * superseded it, or to the end of the run): the requests offered, served and dropped, and the
 * response-time mixture, fed by the workload's load flow while the stretch is open (LoadFlow.window).
 * The flow is settled at each end first, at an instant at which it settles anyway (a rollout's
 * start and completion change pods), so the run's own figures are unchanged. Report-only.
 */
import type { DeploymentController, RolloutRecord } from '../cluster/deployment-controller.js';
import type { Simulation } from '../core/simulation.js';
import { ResponseTimeAccumulator } from '../load/response-time-accumulator.js';
import type { FlowWindow } from './load-flow.js';
import type { WorkloadRuntime } from './workload-runtime.js';

export class RolloutWindows {
  private readonly windows = new Map<RolloutRecord, FlowWindow>();

  constructor(private readonly sim: Simulation) {}

  /** Opens a window at each of `controller`'s rollouts (a workload without a load model gets none). */
  watch(controller: DeploymentController, runtime: WorkloadRuntime): void {
    const flow = runtime.flow;
    if (flow === undefined) return;
    controller.onRolloutBegin = (rollout) => {
      runtime.settle(this.sim.nowSeconds);
      const window: FlowWindow = { offeredRequests: 0, servedRequests: 0, droppedRequests: 0, responseTimes: new ResponseTimeAccumulator() };
      this.windows.set(rollout, window);
      flow.window = window;
    };
    controller.onRolloutEnd = (rollout) => {
      runtime.settle(this.sim.nowSeconds);
      if (flow.window === this.windows.get(rollout)) flow.window = undefined;
    };
  }

  /** The rollout's window: closed at its end, or still open (read after the run settled at its end). */
  of(rollout: RolloutRecord): FlowWindow | undefined {
    return this.windows.get(rollout);
  }
}
