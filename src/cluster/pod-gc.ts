/**
 * The pod garbage collector's orphan sweep (kube-controller-manager
 * pkg/controller/podgc/gc_controller.go gcOrphaned, discoverDeletedNodes, markFailedAndDeletePodWithCondition).
 * Every gcCheckPeriod (20 s: `wait.UntilWithContext(ctx, gcc.gc, gcc.gcCheckPeriod)`) the controller
 * lists pods and nodes; each node name a pod is bound to that the node informer no longer lists is
 * put in a delaying queue with AddAfter(quarantineTime = 40 s), where a name already waiting keeps
 * its earlier time (client-go util/workqueue delaying_queue.go insert: "update the time only if it
 * would cause the item to be queued sooner"). The same sweep then takes the names whose time has
 * come (nodeQueue.Len() counts only those), GETs each node, and for one still NotFound deletes every
 * pod bound to it: patched to phase Failed with DisruptionTarget=True (reason DeletionByPodGC)
 * unless already Succeeded or Failed (PodDisruptionConditions, on by default since 1.26, GA 1.31,
 * then unconditional), then deleted with grace 0, so at once, with no kubelet to confirm it. So the
 * pods of a Node deleted at t go at G + 40 s, G the first sweep after t; their controllers replace
 * them then (a ReplicaSet counts a Failed pod gone; a StatefulSet re-creates the ordinal once the pod
 * object is gone). Upstream's period is sliding (the next sweep starts 20 s after the last one
 * returned), so the sweep 40 s after G starts just after the name's time: the model's grid is exact
 * and counts a time equal to the sweep's as come.
 * The controller started before the scenario: its grid's phase is drawn from the seeded `podgc`
 * stream, uniform over one period (src/core/period-grid.ts). Only sweeps that can delete something are scheduled, from the
 * first after a Node with pods is deleted until those pods are gone.
 * Not modelled: gcTerminated (--terminated-pod-gc-threshold 12500: finished pods are removed here
 * at once), gcTerminating (the node.kubernetes.io/out-of-service taint), gcUnscheduledTerminating
 * (an unbound pod's deletion is immediate here).
 */
import { Phase } from '../core/phases.js';
import { PeriodGrid } from '../core/period-grid.js';
import type { RandomStream } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import type { Cluster } from './cluster.js';
import type { SimNode } from './model.js';

export const POD_GC_DEFAULTS = Object.freeze({
  /** gc_controller.go gcCheckPeriod. */
  gcCheckPeriodSeconds: 20,
  /** gc_controller.go quarantineTime: how long a missing node's name waits before the GET that confirms it is gone. */
  quarantineSeconds: 40,
});

/**
 * The sweeps from the one that first sees a name to the one that deletes its pods: the first sweep
 * starting at or after the name's time (2 for 40 s over 20 s; the sliding period makes "at" "after").
 */
export const QUARANTINE_SWEEPS = Math.ceil(POD_GC_DEFAULTS.quarantineSeconds / POD_GC_DEFAULTS.gcCheckPeriodSeconds);

export class PodGc {
  /** The sweeps' instants. */
  readonly grid: PeriodGrid;
  /** Pods force-deleted so far. */
  deletedPods = 0;
  /** Deleted nodes whose pods are not all gone, with the sweep that deletes them (undefined: no sweep has seen the node yet). */
  private readonly missing = new Map<SimNode, number | undefined>();
  /** The sweep scheduled next (its grid index), if any. */
  private nextSweep: number | undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    phase: RandomStream,
  ) {
    this.grid = new PeriodGrid(POD_GC_DEFAULTS.gcCheckPeriodSeconds, phase);
    cluster.addListener({ nodeRemoved: (node) => this.nodeDeleted(node) });
  }

  /** A Node object was deleted: pods still bound to it are orphans from the next sweep on. */
  private nodeDeleted(node: SimNode): void {
    if (node.pods.length === 0) return;
    this.missing.set(node, undefined);
    // A sweep already scheduled is at the next grid instant; it schedules the next while orphans remain.
    if (this.nextSweep === undefined) this.arm(this.grid.indexAfter(this.sim.nowSeconds));
  }

  private arm(k: number): void {
    this.nextSweep = k;
    this.sim.scheduleAt(this.grid.at(k), Phase.CONTROL, 'pod-garbage-collector', () => {
      this.nextSweep = undefined;
      this.sweep(k);
    });
  }

  /** gcOrphaned at sweep `k`: quarantine the names seen for the first time, delete the pods of those whose time has come. */
  private sweep(k: number): void {
    for (const [node, deleteAtSweep] of this.missing) {
      // Pods leave node.pods when they are gone another way (a graceful deletion's end).
      if (node.pods.length === 0) this.missing.delete(node);
      else if (deleteAtSweep === undefined) this.missing.set(node, k + QUARANTINE_SWEEPS);
      else if (deleteAtSweep <= k) {
        this.missing.delete(node);
        for (const pod of [...node.pods]) {
          this.cluster.finishPod(pod, 'Failed');
          this.deletedPods++;
        }
      }
    }
    if (this.missing.size > 0) this.arm(k + 1);
  }
}
