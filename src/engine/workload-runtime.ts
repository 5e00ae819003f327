/**
 * One workload at run time: its controller (Deployment or StatefulSet), its offered load (a
 * LoadFlow served by its ready pods), and the CPU and memory its pods use (the usage probe
 * metrics-server scrapes). Integrals are settled lazily: only when the load, the number of serving
 * pods, or an observer's clock moves. Serving pods use the same CPU at every instant, so one integral
 * serves them all, unless their CPU caps differ by where they run (an ElasticWorkload split between
 * ECS nodes and ECI): then each cap has its own integral (capacity-classes.ts).
 */
import type { ScalerReading } from '../autoscalers/keda/types.js';
import type { ClusterListener, UsageState } from '../cluster/cluster-listener.js';
import type { SimPod } from '../cluster/model.js';
import { PodSlot } from '../cluster/pod-slots.js';
import type { WorkloadController } from '../cluster/workload-controller.js';
import { HeldValue } from '../core/held-value.js';
import type { Simulation } from '../core/simulation.js';
import { capacityRpsPerPod, perPodCpuMillicoreSeconds } from '../load/workload-flow.js';
import type { UsageProbe, WorkingSet } from '../metrics/metrics-server.js';
import type { SharedUsage } from '../metrics/scrape-group.js';
import type { LoadModelSpec } from '../scenario/types.js';
import { ColdStarts } from './cold-starts.js';
import type { CpuCaps } from './capacity.js';
import { CapacityClasses } from './capacity-classes.js';
import { LoadFlow, type FlowTotals } from './load-flow.js';
import { CPU_ACCOUNTS, MEMORY_ACCOUNTS, PodUsageLedger } from './pod-usage-ledger.js';

/**
 * Lifetime CPU of a restarted pod when its container last started, millicore-seconds: the kubelet's
 * counter restarts at 0. On the pod (see PodSlot): metrics-server reads it for every pod it scrapes.
 */
const CPU_AT_CONTAINER_START = new PodSlot<number>('workload CPU at container start');

const NO_LOAD: Readonly<FlowTotals> = Object.freeze({ offeredRequests: 0, servedRequests: 0, droppedRequests: 0, backlogRequestSeconds: 0 });

export class WorkloadRuntime implements ClusterListener, UsageProbe, SharedUsage {
  servingPods = 0;
  /** Endpoints whose containers are down (isUnreachableEndpoint): they take a share of the load and lose it. */
  unreachablePods = 0;
  /** ∫ serving pods dt, pod-seconds. */
  servingPodSeconds = 0;
  /** The serving pods over time, for the summary's least and most ready (held for some time). */
  readonly servingHeld = new HeldValue(0);
  readonly coldStarts = new ColdStarts();
  /** The load (absent when the scenario gives this workload no load model). */
  readonly flow: LoadFlow | undefined;
  /** Requests/s one ready pod serves at most (load model and CPU cap; of class 0 with classes). */
  readonly capacityRpsPerPod: number;
  /** The pods' classes when their CPU caps differ by where they run; undefined when one cap applies to all. */
  private readonly classes: CapacityClasses | undefined;
  /** The most CPU a serving pod may use (of class 0 with classes), millicores. */
  private readonly cpuCapMillicores: number;
  private timeSeconds = 0;
  /** ∫ CPU of one serving pod dt, millicore-seconds. */
  private servingCpuIntegral = 0;
  /** ∫ working set of one serving pod dt, byte-seconds. */
  private servingMemoryIntegral = 0;
  private readonly ledger: PodUsageLedger;
  private readonly memoryLedger: PodUsageLedger;
  readonly baseCpuMillicores: number;
  /**
   * Its pods share their numbers, so metrics-server scrapes it per usage state
   * (src/metrics/scrape-group.ts); the cluster's listener reports usage changes to metrics-server first.
   */
  readonly shared: SharedUsage = this;

  /** @param cpuCaps the most CPU its pods may use, by where they run (src/engine/capacity.ts); undefined without a load. */
  constructor(
    private readonly sim: Simulation,
    readonly controller: WorkloadController,
    readonly load: LoadModelSpec | undefined,
    cpuCaps: CpuCaps | undefined,
  ) {
    const split = load === undefined || cpuCaps === undefined ? undefined : CapacityClasses.of(load, cpuCaps);
    this.classes = split?.classes;
    this.cpuCapMillicores = split?.capMillicores ?? Infinity;
    this.flow = load === undefined ? undefined : new LoadFlow(load);
    this.capacityRpsPerPod = load === undefined ? 0 : capacityRpsPerPod(load, this.cpuCapMillicores);
    this.baseCpuMillicores = load?.baseCpuMillicores ?? 0;
    this.ledger = new PodUsageLedger(this.baseCpuMillicores, CPU_ACCOUNTS);
    this.memoryLedger = new PodUsageLedger(load?.baseMemoryBytes ?? 0, MEMORY_ACCOUNTS);
  }

  get name(): string {
    return this.controller.spec.name;
  }

  /** Cumulative offered/served/dropped counts (all 0 for a workload without a load model). */
  get totals(): Readonly<FlowTotals> {
    return this.flow?.totals ?? NO_LOAD;
  }

  get offeredRps(): number {
    return this.flow?.offeredRps ?? 0;
  }

  get backlogRequests(): number {
    return this.flow?.backlogRequests ?? 0;
  }

  /** Integrates from the last settled instant to `nowSeconds` with the current rates and pods. */
  settle(nowSeconds: number): void {
    const dt = nowSeconds - this.timeSeconds;
    if (!(dt > 0)) return;
    this.timeSeconds = nowSeconds;
    this.servingPodSeconds += this.servingPods * dt;
    const flow = this.flow;
    if (flow === undefined) return;
    const advanced = flow.advance(nowSeconds, this.servingPods, this.effectiveCapacityRpsPerPod(), this.unreachablePods);
    if (advanced === undefined) return;
    const classes = this.classes;
    if (classes !== undefined) {
      classes.advance(advanced, this.partitionFactor());
      this.servingCpuIntegral = classes.cpuIntegrals[0]!;
      this.servingMemoryIntegral = classes.memoryIntegrals[0]!;
      return;
    }
    this.servingCpuIntegral += perPodCpuMillicoreSeconds(flow.load, advanced.params, advanced.step, dt, this.cpuCapMillicores);
    this.servingMemoryIntegral += flow.load.baseMemoryBytes * dt + flow.load.memoryBytesPerRequestPerSecond * advanced.step.servedRequestsPerPod;
  }

  /** Sets the rate in force at t = 0 before any pod exists (warm start follows; no cold start yet). */
  primeOfferedRps(rps: number): void {
    if (this.flow) this.flow.offeredRps = rps;
  }

  /** After the warm start: work with no serving pod is a cold start from t = 0. */
  startIdleCheck(nowSeconds: number): void {
    if (this.servingPods === 0 && this.offeredRps > 0) this.coldStarts.workWaiting(nowSeconds);
  }

  /** A trace breakpoint: the offered rate changes at `nowSeconds`. */
  setOfferedRps(rps: number, nowSeconds: number): void {
    if (this.flow === undefined) return;
    this.settle(nowSeconds);
    this.flow.offeredRps = rps;
    if (rps > 0 && this.servingPods === 0) this.coldStarts.workWaiting(nowSeconds);
  }

  /**
   * Per-pod capacity as the flow sees it: a queue with P partitions keeps at most P consumers busy,
   * so with more ready pods the extra ones idle and the capacity is averaged over all of them.
   */
  effectiveCapacityRpsPerPod(): number {
    const capacity = this.classes === undefined ? this.capacityRpsPerPod : this.classes.meanCapacityRps(this.servingPods);
    const partitions = this.load?.queue?.partitions;
    if (partitions === undefined || this.servingPods <= partitions) return capacity;
    return (capacity * partitions) / this.servingPods;
  }

  /** The share of its capacity each serving pod can use: partitions ÷ consumers when a queue has fewer partitions, else 1. */
  private partitionFactor(): number {
    const partitions = this.load?.queue?.partitions;
    return partitions === undefined || this.servingPods <= partitions ? 1 : partitions / this.servingPods;
  }

  /** Served requests per second per serving pod right now (after settle). */
  servedRpsPerPod(): number {
    if (this.flow === undefined || this.servingPods === 0) return 0;
    return this.flow.servedRps(this.servingPods, this.effectiveCapacityRpsPerPod(), this.unreachablePods) / this.servingPods;
  }

  /** Current CPU of a serving pod (`pod`, when their caps differ), millicores. */
  servingCpuMillicores(pod?: SimPod): number {
    const classes = this.classes;
    if (classes !== undefined && pod !== undefined && this.load !== undefined) {
      return classes.cpuMillicores(classes.classOf(pod), this.servedRpsPerPod() * this.servingPods, this.partitionFactor());
    }
    const cpu = this.baseCpuMillicores + (this.load?.cpuMillicoreSecondsPerRequest ?? 0) * this.servedRpsPerPod();
    return Math.min(cpu, this.cpuCapMillicores);
  }

  /** What a queue scaler reads now. */
  queueReading(nowSeconds: number): ScalerReading {
    if (this.flow === undefined) return { kind: 'error', message: `workload ${this.name} has no queue` };
    this.settle(nowSeconds);
    return this.flow.queueReading(this.servedRpsPerPod() * this.servingPods);
  }

  usageStateChanging(pod: SimPod, from: UsageState, to: UsageState): void {
    const nowSeconds = this.sim.nowSeconds;
    this.settle(nowSeconds);
    const cpuIntegral = this.cpuIntegralOf(pod);
    this.ledger.change(pod, to, nowSeconds, cpuIntegral);
    this.memoryLedger.change(pod, to, nowSeconds, this.memoryIntegralOf(pod));
    if (from === 'none' && to !== 'none' && pod.restartCount > 0) {
      CPU_AT_CONTAINER_START.set(pod, this.ledger.cumulativeAt(pod, nowSeconds, cpuIntegral));
    }
    if (pod.removed) CPU_AT_CONTAINER_START.clear(pod);
    if (from === 'serving') this.servingPods--;
    if (to === 'serving') this.servingPods++;
    this.servingHeld.set(this.servingPods, nowSeconds);
    const classes = this.classes;
    if (classes !== undefined && (from === 'serving') !== (to === 'serving')) classes.serving[classes.classOf(pod)]! += to === 'serving' ? 1 : -1;
    if (this.servingPods === 0 && (this.backlogRequests > 0 || this.offeredRps > 0)) this.coldStarts.workWaiting(nowSeconds);
    if (to === 'serving' && this.servingPods === 1) this.coldStarts.servingStarted(nowSeconds);
  }

  unreachableEndpointChanging(_pod: SimPod, unreachable: boolean): void {
    this.settle(this.sim.nowSeconds);
    this.unreachablePods += unreachable ? 1 : -1;
  }

  /** Starts the counter of a pod that was already running before t = 0 (warm start). */
  seedPod(pod: SimPod, state: UsageState): void {
    this.ledger.seed(pod, state, 0, this.timeSeconds, this.cpuIntegralOf(pod));
    this.memoryLedger.seed(pod, state, 0, this.timeSeconds, this.memoryIntegralOf(pod));
    if (state !== 'serving') return;
    this.servingPods++;
    this.servingHeld.set(this.servingPods, this.timeSeconds);
    if (this.classes !== undefined) this.classes.serving[this.classes.classOf(pod)]!++;
  }

  /** ∫ CPU of one serving pod dt of `pod`'s class (settled), millicore-seconds. */
  private cpuIntegralOf(pod: SimPod): number {
    const classes = this.classes;
    return classes === undefined ? this.servingCpuIntegral : classes.cpuIntegrals[classes.classOf(pod)]!;
  }

  /** ∫ working set of one serving pod dt of `pod`'s class (settled), byte-seconds. */
  private memoryIntegralOf(pod: SimPod): number {
    const classes = this.classes;
    return classes === undefined ? this.servingMemoryIntegral : classes.memoryIntegrals[classes.classOf(pod)]!;
  }

  /** CPU of the pod's current container since it started, millicore-seconds (what metrics-server reads). */
  cpuCumulativeMilliSeconds(pod: SimPod, nowSeconds: number): number {
    this.settle(nowSeconds);
    return this.cpuCumulativeWith(pod, nowSeconds, this.cpuIntegralOf(pod));
  }

  /** Settles to `nowSeconds` and returns ∫ CPU of one serving pod dt (millicore-seconds). */
  cpuIntegralAt(nowSeconds: number): number {
    this.settle(nowSeconds);
    return this.servingCpuIntegral;
  }

  /** cpuCumulativeMilliSeconds at `timeSeconds` given the serving integral of its class then (no settling). */
  cpuCumulativeWith(pod: SimPod, timeSeconds: number, integral: number): number {
    return this.ledger.cumulativeAt(pod, timeSeconds, integral) - (CPU_AT_CONTAINER_START.get(pod) ?? 0);
  }

  /** When the pod's usage state last changed; undefined for a pod outside class 0, which never shares metrics-server's samples. */
  usageSinceSeconds(pod: SimPod): number | undefined {
    if (this.classes !== undefined && this.classes.classOf(pod) !== 0) return undefined;
    return this.ledger.sinceSeconds(pod);
  }

  /** CPU of the pod over its whole life, restarts included, millicore-seconds (the cost report's CPU used). */
  cpuLifetimeMilliSeconds(pod: SimPod, nowSeconds: number): number {
    this.settle(nowSeconds);
    return this.ledger.cumulativeAt(pod, nowSeconds, this.cpuIntegralOf(pod));
  }

  /** ∫ working set of `pod` since its containers started, byte-seconds (the cost report's memory used). */
  memoryCumulativeByteSeconds(pod: SimPod, nowSeconds: number): number {
    this.settle(nowSeconds);
    return this.memoryLedger.cumulativeAt(pod, nowSeconds, this.memoryIntegralOf(pod));
  }

  /** Working set of a serving pod and of an idle one now, bytes (what metrics-server reads). */
  workingSetBytes(nowSeconds: number): WorkingSet {
    const load = this.load;
    if (load === undefined) return { servingBytes: 0, idleBytes: 0 };
    this.settle(nowSeconds);
    const classes = this.classes;
    if (classes !== undefined) {
      const servedRps = this.servedRpsPerPod() * this.servingPods;
      const factor = this.partitionFactor();
      const servingBytesOf = (pod: SimPod): number => Math.round(load.baseMemoryBytes + load.memoryBytesPerRequestPerSecond * classes.servedRpsPerPod(classes.classOf(pod), servedRps, factor));
      return { servingBytes: Math.round(load.baseMemoryBytes + load.memoryBytesPerRequestPerSecond * classes.servedRpsPerPod(0, servedRps, factor)), idleBytes: Math.round(load.baseMemoryBytes), servingBytesOf };
    }
    return {
      servingBytes: Math.round(load.baseMemoryBytes + load.memoryBytesPerRequestPerSecond * this.servedRpsPerPod()),
      idleBytes: Math.round(load.baseMemoryBytes),
    };
  }
}
