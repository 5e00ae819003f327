/**
 * Whether an HPA sync repeats the previous sync's decision in everything decisions.csv's `changes`
 * detail compares: every field of the decision record but its time, its stabilization window and
 * its metric values (src/engine/decision-log.ts, volatile columns). When every observer only wants
 * changes (SimObserver.changesOnly), the controller builds no record for a repeat: in bench-large
 * most of the 5.76 million syncs a day repeat, and their records and rows were a quarter of the
 * cost of a sync. The log still compares each record it gets with the previous one, so a field
 * listed here that the log ignores only costs a record, never a row.
 */
import type { MetricObservation, MetricProposal } from '../autoscalers/hpa/evaluate-metric.js';
import type { ReconcileResult } from '../autoscalers/hpa/reconcile.js';

type KeyValue = number | string | boolean | undefined;

export class RepeatedHpaDecision {
  /** The previous decision's fields, in a fixed order. */
  private readonly last: KeyValue[] = [];
  private known = false;
  private index = 0;
  private same = false;

  /**
   * True when this sync's decision has the same fields as the previous sync's; either way this
   * sync's fields are kept for the next comparison.
   */
  repeats(
    specReplicas: number,
    statusReplicas: number,
    readyPods: number,
    result: ReconcileResult,
    proposals: readonly MetricProposal[],
    observations: readonly MetricObservation[],
  ): boolean {
    this.index = 0;
    this.same = this.known;
    this.put(specReplicas);
    this.put(statusReplicas);
    this.put(readyPods);
    this.put(result.metricDesiredReplicas);
    this.put(result.stabilizedReplicas);
    this.put(result.desiredReplicas);
    this.put(result.rescale);
    this.put(result.trace.path);
    this.put(result.conditions.ableToScale.reason);
    this.put(result.conditions.scalingActive.reason);
    this.put(result.conditions.scalingLimited.reason);
    this.put(result.trace.scaleUpLimit);
    this.put(result.trace.scaleDownLimit);
    for (let i = 0; i < proposals.length; i++) {
      const p = proposals[i]!;
      this.put(p.metricName);
      this.put(p.ok);
      this.put(p.reason);
      if (p.ok) this.put(p.desiredReplicas);
      else this.put(p.message);
      this.putPodClasses(observations[i]!);
    }
    this.known = true;
    return this.same;
  }

  private put(value: KeyValue): void {
    if (this.same && this.last[this.index] !== value) this.same = false;
    this.last[this.index++] = value;
  }

  /** The §1.4 class counts of a pod-based metric (what the row's pods column shows). */
  private putPodClasses(observation: MetricObservation): void {
    if (observation.kind !== 'pods') {
      this.put(undefined);
      return;
    }
    let ready = 0;
    let unready = 0;
    let missing = 0;
    let ignored = 0;
    for (const pod of observation.pods) {
      if (pod.class === 'ready') ready++;
      else if (pod.class === 'unready') unready++;
      else if (pod.class === 'missing') missing++;
      else ignored++;
    }
    this.put(ready);
    this.put(unready);
    this.put(missing);
    this.put(ignored);
  }
}
