/**
 * Counts, per target workload, the replica changes autoscalers write (HPA rescales and KEDA's 0↔1
 * writes) and how often the direction flips (up after down or down after up): the comparison's
 * scale events and flapping. An observer: it only records.
 */
import type { SimObserver } from '../observe/observer.js';
import type { HpaDecisionRecord, KedaDecisionRecord } from '../observe/records.js';

export class ScaleEventCounter implements SimObserver {
  scaleEvents = 0;
  directionChanges = 0;
  private readonly lastDirection = new Map<string, number>();

  hpaDecision(r: HpaDecisionRecord): void {
    if (r.rescale) this.count(r.target, r.desiredReplicas - r.specReplicas);
  }

  kedaDecision(r: KedaDecisionRecord): void {
    if (r.scaleTo !== undefined && r.scaleTo !== r.specReplicas && !r.target.startsWith('jobs/')) this.count(r.target, r.scaleTo - r.specReplicas);
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
