/**
 * The serving pods of one workload whose CPU caps differ by where they run (capacity.ts: an
 * ElasticWorkload's ECS pods at the node's CPU, its ECI pods at their billed size), in classes of
 * one cap each. Class 0 is the one metrics-server's per-state groups follow; the pods of the other
 * classes are scraped one by one. Per class: how many pods serve, what one of them serves at most,
 * and ∫ CPU and ∫ working set of one serving pod dt, integrated over each step of the workload's
 * fluid queue with the served rate split by capacity-share.ts. A workload whose pods all get one
 * cap has no classes: WorkloadRuntime keeps its one integral as before. Every class's cap is finite
 * (a limit, an ordinary pool's CPU, a virtual size), so is its capacity.
 */
import type { SimPod } from '../cluster/model.js';
import { servedLevelRps } from '../load/capacity-share.js';
import { capacityRpsPerPod, perPodCpuMillicores } from '../load/workload-flow.js';
import type { LoadModelSpec } from '../scenario/types.js';
import type { CpuCaps } from './capacity.js';
import type { FlowStep } from './load-flow.js';

export class CapacityClasses {
  /** CPU cap of a pod of each class, millicores. */
  readonly capsMillicores: number[] = [];
  /** Requests/s one pod of each class serves at most (before a queue's partition limit). */
  readonly capacityRps: number[] = [];
  /** Serving pods per class. */
  readonly serving: number[];
  /** ∫ CPU of one serving pod of each class dt, millicore-seconds. */
  readonly cpuIntegrals: number[];
  /** ∫ working set of one serving pod of each class dt, byte-seconds. */
  readonly memoryIntegrals: number[];
  /** Class indexes by capacity, smallest first. */
  private readonly ascending: number[];
  private readonly classByPool = new Map<string, number>();
  /** Scratch: capacities with a queue's partition limit applied. */
  private readonly effectiveRps: number[];

  private constructor(
    private readonly load: LoadModelSpec,
    caps: CpuCaps,
  ) {
    if (caps.ordinaryReachable) this.classOfCap(caps.ordinary.cpuCapMillicores);
    for (const [pool, cap] of caps.byVirtualPool) this.classByPool.set(pool, this.classOfCap(cap.cpuCapMillicores));
    const count = this.capsMillicores.length;
    this.serving = new Array<number>(count).fill(0);
    this.cpuIntegrals = new Array<number>(count).fill(0);
    this.memoryIntegrals = new Array<number>(count).fill(0);
    this.effectiveRps = new Array<number>(count).fill(0);
    this.ascending = [...this.capacityRps.keys()].sort((a, b) => this.capacityRps[a]! - this.capacityRps[b]!);
  }

  /**
   * The classes of a workload whose pods may get more than one cap (`classes` undefined when they
   * all get one), and the cap of class 0: the one every pod gets when there are no classes.
   */
  static of(load: LoadModelSpec, caps: CpuCaps): { classes: CapacityClasses | undefined; capMillicores: number } {
    const classes = new CapacityClasses(load, caps);
    const count = classes.capsMillicores.length;
    return { classes: count > 1 ? classes : undefined, capMillicores: classes.capsMillicores[0] ?? caps.ordinary.cpuCapMillicores };
  }

  /** The class of a pod that runs (bound to a node): its virtual pool's, else the ordinary one. */
  classOf(pod: SimPod): number {
    const pool = pod.node?.pool.name;
    return pool === undefined ? 0 : (this.classByPool.get(pool) ?? 0);
  }

  /** The mean capacity of the serving pods (what the fluid queue sees per pod), requests/s. */
  meanCapacityRps(servingPods: number): number {
    if (servingPods <= 0) return this.capacityRps[0]!;
    let total = 0;
    for (let k = 0; k < this.serving.length; k++) if (this.serving[k]! > 0) total += this.serving[k]! * this.capacityRps[k]!;
    return total / servingPods;
  }

  /**
   * Requests/s a serving pod of class `k` serves while the workload serves `servedRps`; `factor`
   * scales every capacity (a queue with fewer partitions than consumers).
   */
  servedRpsPerPod(k: number, servedRps: number, factor: number): number {
    const effective = this.effective(factor);
    return Math.min(effective[k]!, servedLevelRps(servedRps, this.serving, effective, this.ascending));
  }

  /** CPU of a serving pod of class `k` now, millicores. */
  cpuMillicores(k: number, servedRps: number, factor: number): number {
    return perPodCpuMillicores(this.load, this.servedRpsPerPod(k, servedRps, factor), this.capsMillicores[k]!);
  }

  /**
   * Integrates every class over one step of the fluid queue: while saturated each pod serves its
   * capacity, otherwise the offered rate is split by level (capacity-share.ts).
   */
  advance(advanced: FlowStep, factor: number): void {
    const { params, step, dtSeconds } = advanced;
    const load = this.load;
    const effective = this.effective(factor);
    const saturatedSeconds = params.readyPods > 0 ? Math.min(step.saturatedSeconds, dtSeconds) : 0;
    const freeSeconds = dtSeconds - saturatedSeconds;
    const level = params.readyPods > 0 ? servedLevelRps(params.offeredRps, this.serving, effective, this.ascending) : 0;
    for (let k = 0; k < effective.length; k++) {
      const cap = this.capsMillicores[k]!;
      const freeRps = Math.min(effective[k]!, level);
      let cpu = freeSeconds > 0 ? perPodCpuMillicores(load, freeRps, cap) * freeSeconds : 0;
      let servedRequests = freeRps * freeSeconds;
      if (saturatedSeconds > 0) {
        cpu += perPodCpuMillicores(load, effective[k]!, cap) * saturatedSeconds;
        servedRequests += effective[k]! * saturatedSeconds;
      }
      this.cpuIntegrals[k] = this.cpuIntegrals[k]! + cpu;
      this.memoryIntegrals[k] = this.memoryIntegrals[k]! + load.baseMemoryBytes * dtSeconds + load.memoryBytesPerRequestPerSecond * servedRequests;
    }
  }

  /** The class with cap `capMillicores`, made on first sight. */
  private classOfCap(capMillicores: number): number {
    const known = this.capsMillicores.indexOf(capMillicores);
    if (known >= 0) return known;
    this.capsMillicores.push(capMillicores);
    this.capacityRps.push(capacityRpsPerPod(this.load, capMillicores));
    return this.capsMillicores.length - 1;
  }

  private effective(factor: number): number[] {
    const out = this.effectiveRps;
    for (let k = 0; k < out.length; k++) out[k] = this.capacityRps[k]! * factor;
    return out;
  }
}
