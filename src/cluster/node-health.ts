/**
 * What is known of each node's health, kept apart because the kubelet and the API disagree for a
 * while after a failure (node lifecycle controller, --node-monitor-grace-period): whether the node's
 * kubelet runs (false from a nodeFailure until its recovery, whatever the API still says), when it
 * last started (its Lease renewals count from then: node-not-ready-time.ts), and since when the API
 * has shown it NotReady (its Ready condition's lastTransitionTime). The taints the controller puts
 * on a NotReady node are named here; the Cluster sets the NoSchedule one with the condition, the
 * node lifecycle controller the NoExecute one a pass later (node-lifecycle.ts).
 */
import type { Taint } from '../scenario/types.js';
import type { SimNode } from './model.js';

/** node.kubernetes.io/unreachable: the taint the node lifecycle controller puts on a node whose kubelet stopped reporting. */
export const NODE_UNREACHABLE_TAINT: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };
/** kubectl cordon sets spec.unschedulable; TaintNodesByCondition shows it as this taint, which the scheduler's filter reads (how this cluster records a cordon). */
export const NODE_UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
/** The NoExecute twin of NODE_UNREACHABLE_TAINT, which the taint manager evicts on (after the pods' tolerationSeconds). */
export const NODE_UNREACHABLE_NO_EXECUTE_TAINT: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

/**
 * node.kubernetes.io/not-ready: a node whose kubelet runs but reports Ready=False. The
 * TaintNodesByCondition admission plugin (plugin/pkg/admission/nodetaint) puts the NoSchedule one on
 * every new Node and the node lifecycle controller keeps it while the condition is not True; the
 * controller adds the NoExecute one (doNoExecuteTaintingPass).
 */
export const NODE_NOT_READY_TAINT: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };
export const NODE_NOT_READY_NO_EXECUTE_TAINT: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
/** Every taint a NotReady condition puts on a node: a node Ready again has none of them. */
export const NODE_CONDITION_TAINTS: readonly Taint[] = [NODE_UNREACHABLE_TAINT, NODE_UNREACHABLE_NO_EXECUTE_TAINT, NODE_NOT_READY_TAINT, NODE_NOT_READY_NO_EXECUTE_TAINT];

export class NodeHealth {
  private readonly notReadySince = new Map<SimNode, number>();
  /** Nodes whose kubelet is down. */
  private readonly kubeletDown = new Set<SimNode>();
  /** Per node whose kubelet is down, the pod terminations that wait for it to come back. */
  private readonly heldTerminations = new Map<SimNode, (() => void)[]>();
  /** When a kubelet that came back started again (its Lease renewals count from then); others started at registration. */
  private readonly kubeletRestarted = new Map<SimNode, number>();

  /** Whether the node's kubelet runs (false from a nodeFailure until its recovery, and once its instance or Node object is gone). */
  kubeletRunning(node: SimNode): boolean {
    return !node.removed && (this.kubeletDown.size === 0 || !this.kubeletDown.has(node));
  }

  /** When the node's kubelet last started: the node's registration, or its return after a failure. */
  kubeletStartedSeconds(node: SimNode): number {
    return this.kubeletRestarted.get(node) ?? node.createdSeconds;
  }

  /** The kubelet of `node` goes down or comes back (at `nowSeconds`); the API hears nothing of it (Cluster.setNodeReady). */
  setKubeletRunning(node: SimNode, running: boolean, nowSeconds?: number): void {
    if (!running) {
      if (!node.removed) this.kubeletDown.add(node);
      return;
    }
    this.kubeletDown.delete(node);
    if (nowSeconds !== undefined) this.kubeletRestarted.set(node, nowSeconds);
    const held = this.heldTerminations.get(node);
    this.heldTerminations.delete(node);
    for (const finish of held ?? []) finish();
  }

  /**
   * Ends the termination of a pod on `node` once its grace period has passed: at once while the
   * node's kubelet runs, else when it comes back. A pod deleted on a node whose kubelet is gone
   * stays Terminating, as upstream, where only the kubelet confirms a graceful deletion: the taint
   * manager's eviction marks it, the ReplicaSet controller replaces it (a terminating pod is not
   * counted), a StatefulSet does not re-create its ordinal while the old pod exists, and the pod is
   * gone when the kubelet returns, or once its Node object is deleted, when the pod GC force-deletes
   * it (pod-gc.ts). Returns false when the termination is held. A deletion with grace 0 is not
   * graceful: the API server removes the pod at once, with no kubelet to confirm it (the pod
   * strategy's CheckGracefulDelete, then BeforeDelete in
   * staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go), so it is never held.
   */
  finishTermination(node: SimNode | undefined, gracePeriodSeconds: number, finish: () => void): boolean {
    if (node === undefined || gracePeriodSeconds === 0 || this.kubeletRunning(node)) {
      finish();
      return true;
    }
    // On a deleted Node no kubelet comes back: the pod GC deletes the pod (pod-gc.ts).
    if (node.removed) return false;
    const held = this.heldTerminations.get(node);
    if (held === undefined) this.heldTerminations.set(node, [finish]);
    else held.push(finish);
    return false;
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

  /** The Node object is deleted: no kubelet will confirm its pods' terminations; the pod GC deletes them (pod-gc.ts). */
  removed(node: SimNode): void {
    this.kubeletDown.delete(node);
    this.heldTerminations.delete(node);
    this.kubeletRestarted.delete(node);
  }
}
