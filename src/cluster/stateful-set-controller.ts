/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go updateStatefulSet,
 * processReplica, processCondemned, runForAll): pods are named <name>-0 … <name>-(N−1); those with
 * ordinal < spec.replicas are the replicas, the others are condemned. Each sync, as upstream:
 *
 * 1. The replicas, in ordinal order (processReplica). A Failed or Succeeded pod is deleted (and made
 *    anew on a later sync, once it is gone); a missing one is created. With the default OrderedReady
 *    policy (monotonic) the pass stops at the first pod it deleted or created (one create a sync,
 *    refused or not), or that is terminating, or that is not Running and Ready: pod i is created
 *    only when pods 0…i−1 are Running and Ready, and nothing is deleted while one of them is not.
 *    With Parallel (burst) every missing pod is created at once (in slow-start batches, runForAll's
 *    slowStartBatch) and nothing waits; a refused create ends the sync before any deletion.
 * 2. The condemned pods, highest ordinal first (processCondemned). OrderedReady deletes one a sync
 *    and waits until it is gone (a terminating condemned pod blocks); it does not delete a condemned
 *    pod that is not Running and Ready unless it is the first unhealthy pod (the lowest-ordinal pod
 *    that is not Running and Ready or is terminating, replicas before condemned ones), so an
 *    unhealthy condemned pod waits while a lower one is unhealthy too. Parallel deletes them all at once.
 *
 * As in the docs: "If web-0 were to fail after web-2 has been terminated and is completely shutdown,
 * but prior to web-1's termination, web-1 would not be terminated until web-0 is Running and Ready."
 * spec.minReadySeconds is not modelled (0: available = Running and Ready), nor are rolling updates.
 */
import { podCreateForbidden, type CreateFailure } from './quota-ledger.js';
import { isRunningReady, type SimPod } from './model.js';
import { slowStartBatch } from './slow-start-batch.js';
import { WorkloadController, type Refusal } from './workload-controller.js';

function ordinalOf(pod: SimPod): number {
  return Number(pod.name.slice(pod.name.lastIndexOf('-') + 1));
}

function isTerminating(pod: SimPod): boolean {
  return pod.deletionSeconds !== undefined;
}

/** isFailed || isSucceeded: a finished pod the controller deletes to make it anew. */
function isFinished(pod: SimPod): boolean {
  return pod.phase === 'Failed' || pod.phase === 'Succeeded';
}

/** isUnavailable with minReadySeconds 0: not Running and Ready, or terminating. */
function isUnhealthy(pod: SimPod): boolean {
  return !isRunningReady(pod) || isTerminating(pod);
}

export class StatefulSetController extends WorkloadController {
  private get ordered(): boolean {
    return (this.spec.statefulSet?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  }

  protected nameFor(index: number): string {
    return `${this.spec.name}-${index}`;
  }

  override podChanged(pod: SimPod): void {
    // OrderedReady waits for readiness (scale-up and scale-down) and for termination.
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
    const condemned = [...byOrdinal.keys()]
      .filter((o) => o >= replicas)
      .sort((a, b) => b - a)
      .map((o) => byOrdinal.get(o)!);
    if (this.ordered ? this.replicasBlockOrdered(byOrdinal, replicas) : this.replicasBlockParallel(byOrdinal, replicas)) return;
    if (!this.ordered) {
      for (const pod of condemned) if (!isTerminating(pod)) this.deletePod(pod);
      return;
    }
    // One condemned pod a sync, the highest ordinal; the pass stops there whatever it does.
    const highest = condemned[0];
    if (highest === undefined || isTerminating(highest)) return; // wait until it is gone
    // Every replica is Running, Ready and not terminating here, so the first unhealthy pod, if any,
    // is the lowest-ordinal unhealthy condemned one; a not-Ready pod above it waits.
    const firstUnhealthy = [...condemned].reverse().find(isUnhealthy);
    if (!isRunningReady(highest) && highest !== firstUnhealthy) return;
    this.deletePod(highest);
  }

  /** OrderedReady's pass over the replicas; true when it must wait (the sync ends there). */
  private replicasBlockOrdered(byOrdinal: Map<number, SimPod>, replicas: number): boolean {
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      if (pod === undefined) {
        this.createPod(this.nameFor(i));
        return true;
      }
      if (isFinished(pod)) {
        this.deletePod(pod);
        return true;
      }
      if (isUnhealthy(pod)) return true;
    }
    return false;
  }

  /** Parallel's pass: finished pods deleted, missing ones created; true when a create was refused. */
  private replicasBlockParallel(byOrdinal: Map<number, SimPod>, replicas: number): boolean {
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      if (pod !== undefined && isFinished(pod)) this.deletePod(pod);
    }
    const missing = [...Array(replicas).keys()].filter((i) => !byOrdinal.has(i));
    let next = 0;
    return slowStartBatch(missing.length, () => this.createPod(this.nameFor(missing[next++]!)) !== undefined) < missing.length;
  }
}
