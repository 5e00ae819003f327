/**
 * The Deployment/ReplicaSet controller: keeps the number of active pods equal to spec.replicas,
 * creating pods or deleting them in ReplicaSet order (controller_utils.go ActivePodsWithRanks).
 * Rollouts are not modelled: all pods come from one template.
 */
import { isActive } from './model.js';
import { choosePodsToDelete } from './replica-set-order.js';
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
      for (let i = 0; i < diff; i++) this.createPod(this.nameFor(i));
    } else if (diff < 0) {
      for (const pod of choosePodsToDelete(active, -diff, this.sim.nowSeconds)) this.deletePod(pod);
    }
  }
}
