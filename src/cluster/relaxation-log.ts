/**
 * Which nodes became more permissive, and when: the log that lets a scheduling retry skip the full
 * node search for a pod that cannot fit anywhere yet.
 *
 * Why this is exact. A node passes or fails kube-scheduler's filters (src/cluster/scheduling-filter.ts)
 * by its labels, its taints, its pod count and its requested CPU and memory. Between two events that
 * make it more permissive — a pod leaving it, a taint removed, the node itself added — a node can only
 * get stricter (pods bound, taints added). So a pod that every node failed at epoch e still fails
 * every node not logged after e. A failed scheduling cycle changes nothing (no random draw, and the
 * search start comes back to where it was, see placePod), so when no node logged after e passes the
 * filters the pod's cycle would fail, and running it is not needed.
 *
 * Upstream's scheduler reaches the same end its own way: an unschedulable pod waits in the
 * unschedulable queue until a cluster event that may make it schedulable (queueing hints; the
 * kube-scheduler's NodeAdd, AssignedPodDelete, NodeTaintChange) moves it back.
 */
import type { SimNode } from './model.js';

export class RelaxationLog {
  /** Bumped at each relaxation; a pod's failure is stamped with its value then. */
  private epoch = 0;
  private readonly epochs: number[] = [];
  private readonly nodes: SimNode[] = [];

  /** The epoch now: stamp a failed pod with it. */
  get now(): number {
    return this.epoch;
  }

  /** `node` may now fit pods it did not fit before. */
  relaxed(node: SimNode): void {
    this.epoch++;
    this.epochs.push(this.epoch);
    this.nodes.push(node);
  }

  /** Whether some node relaxed after `sinceEpoch` (and still in the cluster) passes `fits`. */
  anyRelaxedSince(sinceEpoch: number, fits: (node: SimNode) => boolean): boolean {
    for (let i = this.firstAfter(sinceEpoch); i < this.nodes.length; i++) {
      const node = this.nodes[i]!;
      if (!node.removed && fits(node)) return true;
    }
    return false;
  }

  /** Forgets relaxations at or before `epoch` (no waiting pod failed earlier than that). */
  forgetUpTo(epoch: number): void {
    const keep = this.firstAfter(epoch);
    if (keep === 0) return;
    this.epochs.splice(0, keep);
    this.nodes.splice(0, keep);
  }

  /** Index of the first entry with an epoch greater than `epoch` (entries are in epoch order). */
  private firstAfter(epoch: number): number {
    let lo = 0;
    let hi = this.epochs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.epochs[mid]! <= epoch) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
