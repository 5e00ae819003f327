/**
 * The taint eviction controller (kube-controller-manager pkg/controller/tainteviction
 * taint_eviction.go), with its one piece of scheduled work per pod (taintEvictionQueue).
 * processPodOnNode runs for a pod when it is bound to a node (handlePodUpdate, with a node pool's
 * own NoExecute taints or a NotReady node's; a pod the warm start placed counts from t = 0) and for
 * every pod of a node whose NoExecute taints changed (handleNodeUpdate: the NotReady taints of
 * no-execute-tainter.ts, or their removal when the node is Ready again or the node lifecycle
 * controller untaints it):
 * - no NoExecute taint left, or every one tolerated with no tolerationSeconds: the pod's work is
 *   cancelled;
 * - a taint that no toleration matches: deleted at once (work due now);
 * - otherwise deleted after the smallest tolerationSeconds of the matching tolerations (≤ 0 counting
 *   as 0; taint-eviction.ts, the DefaultTolerationSeconds admission plugin's 300 s included),
 *   unless the pod already has work created before now, which is kept as it is: upstream takes the
 *   work's CreatedAt as the start and returns when CreatedAt + the new toleration is before now +
 *   it, which holds whenever the work is older, so a later, shorter toleration does not bring the
 *   eviction forward and a longer one does not put it off (work created at this instant is replaced).
 * A pod's work is cancelled when the pod is gone (handlePodUpdate on its deletion), and does nothing
 * when due for a pod off the node; a pod on a Node since deleted is still deleted, as upstream's
 * work still runs. The deletion uses the pod's own termination grace period.
 */
import { Phase } from '../core/phases.js';
import type { Cancellable } from '../core/sim-event.js';
import type { Simulation } from '../core/simulation.js';
import type { ClusterListener } from './cluster-listener.js';
import type { SimNode, SimPod } from './model.js';
import { admittedTolerations, taintEviction } from './taint-eviction.js';

const COMPONENT = 'taint-eviction-controller';

/** What deletes a pod (the cluster), and tells of the pods that are gone. */
export interface PodDeleter {
  deletePod(pod: SimPod, terminationGracePeriodSeconds: number): void;
  addListener(listener: ClusterListener): void;
}

interface Work {
  createdAtSeconds: number;
  due: Cancellable;
}

export class TaintManager {
  private readonly work = new Map<SimPod, Work>();

  constructor(
    private readonly sim: Simulation,
    private readonly pods: PodDeleter,
  ) {
    pods.addListener({
      podChanged: (pod) => {
        if (pod.removed && this.work.size !== 0) this.cancel(pod);
      },
    });
  }

  private cancel(pod: SimPod): void {
    this.work.get(pod)?.due.cancel();
    this.work.delete(pod);
  }

  /** handlePodUpdate: `pod` was just bound to `node`. */
  podBound(pod: SimPod, node: SimNode): void {
    if (node.taints.length > 0) this.processPodOnNode(pod, node);
  }

  /** handleNodeUpdate: `node`'s NoExecute taints changed. */
  noExecuteTaintsChanged(node: SimNode): void {
    for (const pod of node.pods) this.processPodOnNode(pod, node);
  }

  private processPodOnNode(pod: SimPod, node: SimNode): void {
    const eviction = taintEviction(admittedTolerations(pod.tolerations), node.taints);
    if (eviction.kind === 'none' || eviction.kind === 'never') {
      this.cancel(pod);
      return;
    }
    const now = this.sim.nowSeconds;
    if (eviction.kind === 'after') {
      const existing = this.work.get(pod);
      if (existing !== undefined && existing.createdAtSeconds < now) return;
    }
    this.cancel(pod);
    // At once means as soon as the controller's worker runs, after the bind or the taint change has finished.
    const delaySeconds = eviction.kind === 'after' ? eviction.delaySeconds : 0;
    const due = this.sim.scheduleAfter(delaySeconds, Phase.LIFECYCLE, COMPONENT, () => {
      this.work.delete(pod);
      if (pod.removed || pod.node !== node) return;
      this.pods.deletePod(pod, pod.template.terminationGracePeriodSeconds);
    });
    this.work.set(pod, { createdAtSeconds: now, due });
  }
}
