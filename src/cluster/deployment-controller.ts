/**
 * The Deployment/ReplicaSet controller: keeps the number of active pods equal to spec.replicas,
 * creating pods or deleting them in ReplicaSet order (controller_utils.go ActivePodsWithRanks).
 * Rollouts are not modelled: all pods come from one template.
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { WorkloadSpec } from '../scenario/types.js';
import type { Cluster } from './cluster.js';
import { isActive, type PodOwner, type SimPod } from './model.js';
import { templateRequests, type TemplateRequests } from './pod-requests.js';
import { choosePodsToDelete } from './replica-set-order.js';

export class DeploymentController {
  /** spec.replicas, as the HPA writes it through the scale subresource. */
  specReplicas: number;
  readonly requests: TemplateRequests;
  private created = 0;
  private reconcilePending = false;

  constructor(
    readonly spec: WorkloadSpec,
    readonly owner: PodOwner,
    private readonly cluster: Cluster,
    private readonly sim: Simulation,
  ) {
    this.specReplicas = spec.replicas;
    this.requests = templateRequests(spec.template);
  }

  get pods(): SimPod[] {
    return this.cluster.pods(this.owner);
  }

  /** status.replicas: pods that are not terminating and not finished. */
  get statusReplicas(): number {
    let n = 0;
    for (const p of this.pods) if (isActive(p)) n++;
    return n;
  }

  /** Writes spec.replicas (the scale subresource) and reconciles at this instant. */
  scale(replicas: number): void {
    this.specReplicas = replicas;
    this.requestReconcile();
  }

  requestReconcile(): void {
    if (this.reconcilePending) return;
    this.reconcilePending = true;
    this.sim.scheduleAfter(0, Phase.RECONCILE, `deployment/${this.spec.name}`, () => {
      this.reconcilePending = false;
      this.reconcile();
    });
  }

  reconcile(): void {
    const active = this.pods.filter(isActive);
    const diff = this.specReplicas - active.length;
    if (diff > 0) {
      for (let i = 0; i < diff; i++) this.createPod();
    } else if (diff < 0) {
      for (const pod of choosePodsToDelete(active, -diff)) {
        this.cluster.deletePod(pod, this.spec.template.terminationGracePeriodSeconds);
      }
    }
  }

  /**
   * Warm start: the initial replicas have been Running and Ready since `sinceSeconds`; the ones no
   * node fits are created Pending as usual. Returns the pods that start running.
   */
  warmStart(sinceSeconds: number): SimPod[] {
    const running: SimPod[] = [];
    for (let i = 0; i < this.specReplicas; i++) {
      const pod = this.cluster.createRunningPod(this.owner, this.spec.template, this.requests, this.nextName(), sinceSeconds);
      if (pod === undefined) this.createPod();
      else running.push(pod);
    }
    return running;
  }

  private nextName(): string {
    return `${this.spec.name}-${(this.created++).toString(36).padStart(5, '0')}`;
  }

  private createPod(): void {
    this.cluster.createPod(this.owner, this.spec.template, this.requests, this.nextName());
  }
}
