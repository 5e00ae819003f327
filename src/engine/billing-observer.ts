/**
 * Feeds the billing ledger from cluster events: node capacity from registration to the instance's
 * termination (with their DaemonSet pods' requests), pod requests while pods are bound to a node
 * whose instance runs, the CPU each pod used (when it is gone or its node's instance is, or at the
 * end), and the life of every pod on a virtual node (billed per pod, sized up to the provider's
 * valid sizes, from the image pull start to its end).
 */
import type { VirtualPodSize } from '../cloud/types.js';
import { roundUpToVirtualSize } from '../cloud/virtual-size.js';
import type { ClusterListener } from '../cluster/cluster-listener.js';
import { daemonSetRequests, type SimNode, type SimPod } from '../cluster/model.js';
import type { Simulation } from '../core/simulation.js';
import type { BillingLedger, PodUse } from './billing-ledger.js';

/** What a pod used since its containers started. */
export type PodUseReader = (pod: SimPod, nowSeconds: number) => PodUse;

export class BillingObserver implements ClusterListener {
  /** Pods whose requests are counted on their pool, with that pool. */
  private readonly counted = new Map<SimPod, SimNode>();
  private readonly sizes = new Map<SimPod, VirtualPodSize>();

  constructor(
    private readonly sim: Simulation,
    private readonly ledger: BillingLedger,
    private readonly useOf: PodUseReader,
  ) {}

  nodeAdded(node: SimNode): void {
    if (node.pool.virtual !== undefined) return;
    this.ledger.change(node.pool.name, this.sim.nowSeconds, { cpuAllocatable: node.cpuAllocatableMillicores, memoryAllocatable: node.memoryAllocatableBytes, units: 1 });
    this.daemonSetRequested(node, 1);
  }

  /** The instance is gone: its capacity ends now, though its Node object may stay a while (node-teardown.ts). */
  nodeTerminated(node: SimNode): void {
    if (node.pool.virtual !== undefined) return;
    // Pods still bound there hold no room on the pool any more; their containers stopped with it.
    for (const pod of node.pods) if (this.counted.has(pod)) this.release(pod, node, this.sim.nowSeconds);
    this.ledger.change(node.pool.name, this.sim.nowSeconds, { cpuAllocatable: -node.cpuAllocatableMillicores, memoryAllocatable: -node.memoryAllocatableBytes, units: -1 });
    this.daemonSetRequested(node, -1);
  }

  /** The node's DaemonSet pods request their share for the node's life (they are not SimPods). */
  private daemonSetRequested(node: SimNode, sign: 1 | -1): void {
    const daemon = daemonSetRequests(node.pool);
    if (daemon.pods > 0) this.ledger.change(node.pool.name, this.sim.nowSeconds, { cpuRequested: sign * daemon.cpu, memoryRequested: sign * daemon.memory });
  }

  /**
   * A pod that stops using resources because it is gone: its CPU is read now, before the workload's
   * CPU ledger forgets it (this observer is registered ahead of the workloads).
   */
  usageStateChanging(pod: SimPod): void {
    const node = this.counted.get(pod);
    if (pod.removed && node !== undefined) this.release(pod, node, this.sim.nowSeconds);
  }

  podChanged(pod: SimPod): void {
    const node = pod.node;
    if (node === undefined) return;
    const now = this.sim.nowSeconds;
    if (!pod.removed && !this.counted.has(pod) && node.instanceGoneSeconds === undefined) {
      this.counted.set(pod, node);
      const virtual = node.pool.virtual;
      this.ledger.change(node.pool.name, now, { cpuRequested: pod.cpuRequestMillicores, memoryRequested: pod.memoryRequestBytes, ...(virtual ? { units: 1 } : {}) });
      if (virtual !== undefined) {
        const sized = roundUpToVirtualSize({ cpuMillicores: pod.cpuRequestMillicores, memoryBytes: pod.memoryRequestBytes }, virtual.pricing);
        if ('size' in sized) {
          // A virtual pod's capacity is the size it is billed for: idle there is the rounding waste.
          this.sizes.set(pod, sized.size);
          this.ledger.change(node.pool.name, now, { cpuAllocatable: sized.size.cpuMillicores, memoryAllocatable: sized.size.memoryBytes });
          // The charge starts when the image pull starts, after the sandbox (§5.2); a warm pod's, at t = 0.
          this.ledger.virtualPodStarted(pod, node.pool, sized.size, virtual.pricing, Math.max(now, pod.imagePullStartSeconds ?? now));
        }
      }
    } else if (pod.removed && this.counted.has(pod)) {
      this.release(pod, node, now);
    }
  }

  /** Adds the CPU of the pods still running at the end of the run. */
  finish(nowSeconds: number): void {
    for (const [pod, node] of this.counted) this.ledger.addUsed(node.pool.name, this.useOf(pod, nowSeconds), nowSeconds);
  }

  private release(pod: SimPod, node: SimNode, now: number): void {
    this.counted.delete(pod);
    const virtual = node.pool.virtual !== undefined;
    this.ledger.change(node.pool.name, now, { cpuRequested: -pod.cpuRequestMillicores, memoryRequested: -pod.memoryRequestBytes, ...(virtual ? { units: -1 } : {}) });
    this.ledger.addUsed(node.pool.name, this.useOf(pod, now), now);
    const size = this.sizes.get(pod);
    if (size !== undefined) {
      this.sizes.delete(pod);
      this.ledger.change(node.pool.name, now, { cpuAllocatable: -size.cpuMillicores, memoryAllocatable: -size.memoryBytes });
    }
    if (virtual) this.ledger.virtualPodEnded(pod, now);
  }
}
