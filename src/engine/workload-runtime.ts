/**
 * One workload at run time: its Deployment controller, the offered load from its trace, the fluid
 * queue that turns offered into served/dropped/backlog (src/load/workload-flow.ts), and the CPU and
 * memory its pods use (the usage probe metrics-server scrapes). Integrals are settled lazily: only
 * when the load, the number of serving pods, or an observer's clock moves.
 */
import type { ClusterListener, UsageState } from '../cluster/cluster.js';
import type { DeploymentController } from '../cluster/deployment-controller.js';
import type { SimPod } from '../cluster/model.js';
import { advanceFlow, capacityRpsPerPod, perPodCpuMillicoreSeconds, type FlowParams } from '../load/workload-flow.js';
import { intervalResponseTime } from '../load/response-time.js';
import { ResponseTimeAccumulator } from '../load/response-time-accumulator.js';
import type { Simulation } from '../core/simulation.js';
import type { UsageProbe } from '../metrics/metrics-server.js';
import type { LoadModelSpec } from '../scenario/types.js';
import { PodCpuLedger } from './pod-cpu-ledger.js';

/** Cumulative request counts since t = 0. */
export interface FlowTotals {
  offeredRequests: number;
  servedRequests: number;
  droppedRequests: number;
  /** ∫ backlog dt, request-seconds. */
  backlogRequestSeconds: number;
  /** ∫ serving pods dt, pod-seconds. */
  servingPodSeconds: number;
}

export class WorkloadRuntime implements ClusterListener, UsageProbe {
  servingPods = 0;
  backlogRequests = 0;
  offeredRps = 0;
  readonly totals: FlowTotals = { offeredRequests: 0, servedRequests: 0, droppedRequests: 0, backlogRequestSeconds: 0, servingPodSeconds: 0 };
  readonly responseTimes = new ResponseTimeAccumulator();
  private flowTimeSeconds = 0;
  /** ∫ CPU of one serving pod dt, millicore-seconds. */
  private servingCpuIntegral = 0;
  private readonly ledger: PodCpuLedger;
  private readonly baseCpuMillicores: number;

  /** Requests/s one ready pod serves at most (load model and CPU cap). */
  readonly capacityRpsPerPod: number;

  /** @param cpuCapMillicores the most CPU a serving pod may use (src/engine/capacity.ts). */
  constructor(
    private readonly sim: Simulation,
    readonly deployment: DeploymentController,
    readonly load: LoadModelSpec | undefined,
    private readonly cpuCapMillicores: number,
  ) {
    this.capacityRpsPerPod = load === undefined ? 0 : capacityRpsPerPod(load, cpuCapMillicores);
    this.baseCpuMillicores = load?.baseCpuMillicores ?? 0;
    this.ledger = new PodCpuLedger(this.baseCpuMillicores);
  }

  get name(): string {
    return this.deployment.spec.name;
  }

  /** Integrates the flow from the last settled instant to `nowSeconds` with the current rates. */
  settle(nowSeconds: number): void {
    const dt = nowSeconds - this.flowTimeSeconds;
    if (!(dt > 0)) return;
    this.flowTimeSeconds = nowSeconds;
    this.totals.servingPodSeconds += this.servingPods * dt;
    const load = this.load;
    if (load === undefined) return;
    const params: FlowParams = {
      offeredRps: this.offeredRps,
      readyPods: this.servingPods,
      capacityRpsPerPod: this.capacityRpsPerPod,
      maxBacklogRequests: load.maxBacklogRequests,
    };
    const step = advanceFlow({ backlogRequests: this.backlogRequests }, params, dt);
    this.totals.offeredRequests += step.offeredRequests;
    this.totals.servedRequests += step.servedRequests;
    this.totals.droppedRequests += step.droppedRequests;
    this.totals.backlogRequestSeconds += step.backlogRequestSeconds;
    this.backlogRequests = step.backlogRequests;
    this.servingCpuIntegral += perPodCpuMillicoreSeconds(load, params, step, dt, this.cpuCapMillicores);
    if (step.servedRequests > 0) {
      const rt = intervalResponseTime({
        servedRpsPerPod: step.servedRequestsPerPod / dt,
        capacityRpsPerPod: this.capacityRpsPerPod,
        serviceTimeSeconds: load.serviceTimeSeconds,
        meanBacklogRequests: step.backlogRequestSeconds / dt,
        totalCapacityRps: this.capacityRpsPerPod * this.servingPods,
      });
      this.responseTimes.add(step.servedRequests, rt.waitSeconds, rt.sojournMeanSeconds);
    }
  }

  /** A trace breakpoint: the offered rate changes at `nowSeconds`. */
  setOfferedRps(rps: number, nowSeconds: number): void {
    this.settle(nowSeconds);
    this.offeredRps = rps;
  }

  usageStateChanging(pod: SimPod, from: UsageState, to: UsageState): void {
    const nowSeconds = this.sim.nowSeconds;
    this.settle(nowSeconds);
    this.ledger.change(pod, to, nowSeconds, this.servingCpuIntegral);
    if (from === 'serving') this.servingPods--;
    if (to === 'serving') this.servingPods++;
  }

  /** Served requests per second per serving pod right now (after settle). */
  servedRpsPerPod(): number {
    if (this.servingPods === 0) return 0;
    const capacity = this.capacityRpsPerPod * this.servingPods;
    const served = this.backlogRequests > 0 || this.offeredRps > capacity ? capacity : this.offeredRps;
    return served / this.servingPods;
  }

  /** Current per-pod CPU of a serving pod, millicores. */
  servingCpuMillicores(): number {
    const cpu = this.baseCpuMillicores + (this.load?.cpuMillicoreSecondsPerRequest ?? 0) * this.servedRpsPerPod();
    return Math.min(cpu, this.cpuCapMillicores);
  }

  /** Starts the counter of a pod that was already running before t = 0 (warm start). */
  seedPod(pod: SimPod, state: UsageState): void {
    this.ledger.seed(pod, state, 0, this.flowTimeSeconds, this.servingCpuIntegral);
    if (state === 'serving') this.servingPods++;
  }

  cpuCumulativeMilliSeconds(pod: SimPod, nowSeconds: number): number {
    this.settle(nowSeconds);
    return this.ledger.cumulativeMilliSeconds(pod, nowSeconds, this.servingCpuIntegral);
  }

  memoryWorkingSetBytes(pod: SimPod, nowSeconds: number): number {
    const load = this.load;
    if (load === undefined) return 0;
    this.settle(nowSeconds);
    const serving = pod.phase === 'Running' && pod.ready && pod.deletionSeconds === undefined;
    return Math.round(load.baseMemoryBytes + (serving ? load.memoryBytesPerRequestPerSecond * this.servedRpsPerPod() : 0));
  }
}
