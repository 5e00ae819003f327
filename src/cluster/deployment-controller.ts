/**
 * The Deployment/ReplicaSet controller: keeps the number of active pods equal to spec.replicas,
 * creating pods or deleting them in ReplicaSet order (controller_utils.go ActivePodsWithRanks).
 * Pods are created in slow-start batches (slow-start-batch.ts). Rollouts are not modelled: all
 * pods come from one template.
 */
import { isActive } from './model.js';
import { choosePodsToDelete } from './replica-set-order.js';
import { slowStartBatch } from './slow-start-batch.js';
import { WorkloadController } from './workload-controller.js';

export class DeploymentController extends WorkloadController {
  private created = 0;

  protected nameFor(_index: number): string {
    return `${this.spec.name}-${(this.created++).toString(36).padStart(5, '0')}`;
  }

  reconcile(): void {
    const active = this.pods.filter(isActive);
    const diff = this.specReplicas - active.length;
    if (diff > 0) {
      slowStartBatch(diff, () => this.createPod(this.nameFor(0)) !== undefined);
    } else if (diff < 0) {
      for (const pod of choosePodsToDelete(active, -diff, this.sim.nowSeconds)) this.deletePod(pod);
    }
  }
}
