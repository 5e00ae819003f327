/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go): pods are named
 * <name>-0 … <name>-(N−1). With the default OrderedReady policy pod i is created only when pods
 * 0…i−1 are Running and Ready, and scale-down removes the highest ordinal first, one at a time,
 * waiting until it is gone; with Parallel all pods are created (in slow-start batches, as
 * runForAll) or deleted at once.
 */
import { podCreateForbidden, type CreateFailure } from './quota-ledger.js';
import type { SimPod } from './model.js';
import { slowStartBatch } from './slow-start-batch.js';
import { WorkloadController, type Refusal } from './workload-controller.js';

function ordinalOf(pod: SimPod): number {
  return Number(pod.name.slice(pod.name.lastIndexOf('-') + 1));
}

export class StatefulSetController extends WorkloadController {
  private get ordered(): boolean {
    return (this.spec.statefulSet?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  }

  protected nameFor(index: number): string {
    return `${this.spec.name}-${index}`;
  }

  override podChanged(pod: SimPod): void {
    // OrderedReady waits for readiness (scale-up) and for termination (scale-down).
    if (this.ordered) this.requestReconcile();
    else super.podChanged(pod);
  }

  /** stateful_pod_control.go recordPodEvent: `create Pod web-3 in StatefulSet web failed error: …`. */
  protected override createFailure(refusal: Refusal): CreateFailure {
    const { pod, pods, quota, error } = refusal;
    const set = this.spec.name;
    return { controller: 'statefulset-controller', object: set, pods, quota, message: `create Pod ${pod} in StatefulSet ${set} failed error: ${podCreateForbidden(pod, error)}` };
  }

  reconcile(): void {
    const byOrdinal = new Map<number, SimPod>();
    for (const pod of this.pods) if (!pod.removed) byOrdinal.set(ordinalOf(pod), pod);
    const replicas = this.specReplicas;
    // Scale-down first: the highest ordinal ≥ replicas goes; ordered mode waits for it to be gone.
    const condemned = [...byOrdinal.keys()].filter((o) => o >= replicas).sort((a, b) => b - a);
    if (condemned.length > 0) {
      if (this.ordered) {
        const highest = byOrdinal.get(condemned[0]!)!;
        if (highest.deletionSeconds === undefined) this.deletePod(highest);
        return;
      }
      for (const o of condemned) {
        const pod = byOrdinal.get(o)!;
        if (pod.deletionSeconds === undefined) this.deletePod(pod);
      }
    }
    if (!this.ordered) {
      // Parallel: runForAll creates the missing ordinals in slow-start batches (1, 2, 4, …).
      const missing = [...Array(replicas).keys()].filter((i) => !byOrdinal.has(i));
      let next = 0;
      slowStartBatch(missing.length, () => this.createPod(this.nameFor(missing[next++]!)) !== undefined);
      return;
    }
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      // OrderedReady: one create a sync, refused or not.
      if (pod === undefined) {
        this.createPod(this.nameFor(i));
        return;
      }
      // Do not create i+1 until pod i is Running and Ready (and not terminating).
      if (!(pod.phase === 'Running' && pod.ready && pod.deletionSeconds === undefined)) return;
    }
  }
}
