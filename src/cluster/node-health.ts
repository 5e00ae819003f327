/**
 * What is known of each node's health, kept apart because the kubelet and the API disagree for a
 * while after a failure (node lifecycle controller, --node-monitor-grace-period): whether the node's
 * kubelet runs (false from a nodeFailure until its recovery, whatever the API still says), and since
 * when the API has shown it NotReady (its Ready condition's lastTransitionTime). The taints the
 * controller puts on a NotReady node are named here; the Cluster sets them with the condition.
 */
import type { Taint } from '../scenario/types.js';
import type { SimNode } from './model.js';

/** node.kubernetes.io/unreachable: the taint the node lifecycle controller puts on a node whose kubelet stopped reporting. */
export const NODE_UNREACHABLE_TAINT: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };
/** The NoExecute twin of NODE_UNREACHABLE_TAINT, which the taint manager evicts on (after the pods' tolerationSeconds). */
export const NODE_UNREACHABLE_NO_EXECUTE_TAINT: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

export class NodeHealth {
  private readonly notReadySince = new Map<SimNode, number>();
  /** Nodes whose kubelet is down. */
  private readonly kubeletDown = new Set<SimNode>();

  /** Whether the node's kubelet runs (false from a nodeFailure until its recovery). */
  kubeletRunning(node: SimNode): boolean {
    return this.kubeletDown.size === 0 || !this.kubeletDown.has(node);
  }

  /** The kubelet of `node` goes down or comes back; the API hears nothing of it (Cluster.setNodeReady). */
  setKubeletRunning(node: SimNode, running: boolean): void {
    if (running) this.kubeletDown.delete(node);
    else if (!node.removed) this.kubeletDown.add(node);
  }

  /** When a NotReady node turned NotReady; undefined when Ready. */
  notReadySinceSeconds(node: SimNode): number | undefined {
    return this.notReadySince.get(node);
  }

  /** The node's Ready condition changed at `nowSeconds` (called by Cluster.setNodeReady, which also sets the taints). */
  readyChanged(node: SimNode, ready: boolean, nowSeconds: number): void {
    if (ready) this.notReadySince.delete(node);
    else this.notReadySince.set(node, nowSeconds);
  }

  /** The node is gone: its kubelet with it. */
  removed(node: SimNode): void {
    this.kubeletDown.delete(node);
  }
}
