/**
 * The billing ledger: one record per node life (from the cloud request to deletion) and per virtual
 * pod life (from the image pull start, after the sandbox phase that follows binding, to pod end), and per pool the integrals the cost
 * report compares: allocatable, requested and used CPU and memory over time. It only records.
 */
import type { NodeBillingRecord, VirtualPodBillingRecord, VirtualPricing, VirtualPodSize } from '../cloud/types.js';
import type { SimNode, SimPod } from '../cluster/model.js';
import type { NodePoolSpec } from '../scenario/types.js';

/** What one pod used over its life. */
export interface PodUse {
  cpuMillicoreSeconds: number;
  memoryByteSeconds: number;
}

/** Time integrals of one pool's capacity and use. */
export interface PoolUsage {
  pool: string;
  cpuAllocatableMillicoreSeconds: number;
  memoryAllocatableByteSeconds: number;
  cpuRequestedMillicoreSeconds: number;
  memoryRequestedByteSeconds: number;
  cpuUsedMillicoreSeconds: number;
  memoryUsedByteSeconds: number;
  /** Σ node-seconds (node pools) or pod-seconds (virtual pools). */
  lifeSeconds: number;
}

interface PoolState {
  usage: PoolUsage;
  sinceSeconds: number;
  cpuAllocatable: number;
  memoryAllocatable: number;
  cpuRequested: number;
  memoryRequested: number;
  units: number;
}

export class BillingLedger {
  readonly nodes: NodeBillingRecord[] = [];
  readonly virtualPods: VirtualPodBillingRecord[] = [];
  private readonly openNodes = new Map<string, NodeBillingRecord>();
  private readonly openPods = new Map<SimPod, VirtualPodBillingRecord>();
  private readonly pools = new Map<string, PoolState>();

  /** A node was requested from the cloud (billing starts) — also the initial nodes at t = 0. */
  nodeRequested(name: string, pool: NodePoolSpec, nowSeconds: number): void {
    if (pool.billing === undefined || pool.virtual !== undefined) return;
    const record: NodeBillingRecord = {
      node: name,
      pool: pool.name,
      billing: pool.billing,
      startSeconds: nowSeconds,
      endSeconds: undefined,
      cpuMillicores: pool.cpuMillicores,
      memoryBytes: pool.memoryBytes,
    };
    this.nodes.push(record);
    this.openNodes.set(name, record);
  }

  /** The node registered after its boot: idle cost counts the billed time before this as capacity that did not exist. */
  nodeJoined(name: string, nowSeconds: number): void {
    const record = this.openNodes.get(name);
    if (record !== undefined) record.joinedSeconds = nowSeconds;
  }

  nodeGone(name: string, nowSeconds: number): void {
    const record = this.openNodes.get(name);
    if (record === undefined) return;
    record.endSeconds = nowSeconds;
    this.openNodes.delete(name);
  }

  /** A pod was bound to a virtual node: the provider bills it from `startSeconds`, when its image pull starts. */
  virtualPodStarted(pod: SimPod, pool: NodePoolSpec, size: VirtualPodSize, pricing: VirtualPricing, startSeconds: number): void {
    const record: VirtualPodBillingRecord = { pod: pod.name, workload: pod.owner.name, pool: pool.name, pricing, size, startSeconds, endSeconds: undefined };
    this.virtualPods.push(record);
    this.openPods.set(pod, record);
  }

  virtualPodEnded(pod: SimPod, nowSeconds: number): void {
    const record = this.openPods.get(pod);
    if (record === undefined) return;
    record.endSeconds = nowSeconds;
    this.openPods.delete(pod);
  }

  /** Settles a pool's integrals to now, then applies a change of its capacity or requests. */
  change(pool: string, nowSeconds: number, delta: Partial<Pick<PoolState, 'cpuAllocatable' | 'memoryAllocatable' | 'cpuRequested' | 'memoryRequested' | 'units'>>): void {
    const s = this.state(pool, nowSeconds);
    this.settle(s, nowSeconds);
    s.cpuAllocatable += delta.cpuAllocatable ?? 0;
    s.memoryAllocatable += delta.memoryAllocatable ?? 0;
    s.cpuRequested += delta.cpuRequested ?? 0;
    s.memoryRequested += delta.memoryRequested ?? 0;
    s.units += delta.units ?? 0;
  }

  /** What a pod used on a pool over its life (added when the pod is gone, or at the end). */
  addUsed(pool: string, used: PodUse, nowSeconds: number): void {
    const u = this.state(pool, nowSeconds).usage;
    u.cpuUsedMillicoreSeconds += used.cpuMillicoreSeconds;
    u.memoryUsedByteSeconds += used.memoryByteSeconds;
  }

  /** The integrals of every pool, settled to `nowSeconds`. */
  usage(nowSeconds: number): PoolUsage[] {
    return [...this.pools.values()].map((s) => {
      this.settle(s, nowSeconds);
      return { ...s.usage };
    });
  }

  isNode(node: SimNode): boolean {
    return this.openNodes.has(node.name);
  }

  private state(pool: string, nowSeconds: number): PoolState {
    let s = this.pools.get(pool);
    if (s === undefined) {
      s = {
        usage: { pool, cpuAllocatableMillicoreSeconds: 0, memoryAllocatableByteSeconds: 0, cpuRequestedMillicoreSeconds: 0, memoryRequestedByteSeconds: 0, cpuUsedMillicoreSeconds: 0, memoryUsedByteSeconds: 0, lifeSeconds: 0 },
        sinceSeconds: nowSeconds,
        cpuAllocatable: 0,
        memoryAllocatable: 0,
        cpuRequested: 0,
        memoryRequested: 0,
        units: 0,
      };
      this.pools.set(pool, s);
    }
    return s;
  }

  private settle(s: PoolState, nowSeconds: number): void {
    const dt = nowSeconds - s.sinceSeconds;
    if (dt <= 0) return;
    const u = s.usage;
    u.cpuAllocatableMillicoreSeconds += s.cpuAllocatable * dt;
    u.memoryAllocatableByteSeconds += s.memoryAllocatable * dt;
    u.cpuRequestedMillicoreSeconds += s.cpuRequested * dt;
    u.memoryRequestedByteSeconds += s.memoryRequested * dt;
    u.lifeSeconds += s.units * dt;
    s.sinceSeconds = nowSeconds;
  }
}
