/**
 * Counts, per target workload, the replica changes autoscalers write (HPA rescales and KEDA's
 * executor writes on a ScaledObject's target) and how often the direction flips (up after down or
 * down after up): the comparison's scale events and flapping. An observer of the writes only (not
 * of every decision), so a run that keeps no decisions builds no decision records for it.
 */
import type { SimObserver } from '../observe/observer.js';
import type { ReplicaWriteRecord } from '../observe/records.js';

export class ScaleEventCounter implements SimObserver {
  scaleEvents = 0;
  directionChanges = 0;
  private readonly lastDirection = new Map<string, number>();

  replicasWritten(r: ReplicaWriteRecord): void {
    this.count(r.target, r.toReplicas - r.fromReplicas);
  }

  private count(target: string, change: number): void {
    const direction = Math.sign(change);
    if (direction === 0) return;
    this.scaleEvents++;
    const last = this.lastDirection.get(target);
    if (last !== undefined && last !== direction) this.directionChanges++;
    this.lastDirection.set(target, direction);
  }
}
