/**
 * The Deployment/ReplicaSet controller: keeps the number of active pods equal to spec.replicas,
 * creating pods or deleting them in ReplicaSet order (controller_utils.go ActivePodsWithRanks).
 * Pods are created in slow-start batches (slow-start-batch.ts), at most 500 creates or deletes a
 * sync (burstReplicas). Rollouts are not modelled: all
 * pods come from one template.
 */
import { isActive } from './model.js';
import { choosePodsToDelete } from './replica-set-order.js';
import { slowStartBatch } from './slow-start-batch.js';
import { WorkloadController } from './workload-controller.js';

/** kube-controller-manager's ReplicaSet controller: replicaset.BurstReplicas (500). */
export const BURST_REPLICAS = 500;

export class DeploymentController extends WorkloadController {
  private created = 0;

  protected nameFor(_index: number): string {
    return `${this.spec.name}-${(this.created++).toString(36).padStart(5, '0')}`;
  }

  reconcile(): void {
    const active = this.pods.filter(isActive);
    const diff = this.specReplicas - active.length;
    // manageReplicas does at most burstReplicas creates or deletes a sync; the rest follow in the
    // next sync, once the informer has seen these (here, at the same instant).
    if (Math.abs(diff) > BURST_REPLICAS) this.requestReconcile();
    if (diff > 0) {
      slowStartBatch(Math.min(diff, BURST_REPLICAS), () => this.createPod(this.nameFor(0)) !== undefined);
    } else if (diff < 0) {
      for (const pod of choosePodsToDelete(active, Math.min(-diff, BURST_REPLICAS), this.sim.nowSeconds)) this.deletePod(pod);
    }
  }
}
