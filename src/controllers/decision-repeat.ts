/**
 * Whether an autoscaler's decision repeats its previous one in everything decisions.csv's `changes`
 * detail compares: every field of the decision record but its time and the columns that move at
 * nearly every sync (src/engine/decision-log.ts: the stabilization window, metric and trigger
 * values, KEDA's last-active and cooldown clocks). When every observer only wants changes
 * (SimObserver.changesOnly), the HPA and KEDA controllers build no record for a repeat: in
 * bench-large most of a day's 5.76 million HPA syncs and 864,000 KEDA polls repeat, and building
 * their records and rows was a fifth of an HPA sync and more than half of a KEDA poll. The log still
 * compares each record it gets with the previous one, so a field listed here that the log ignores
 * only costs a record, never a row.
 */
import type { MetricObservation, MetricProposal } from '../autoscalers/hpa/evaluate-metric.js';
import type { ReconcileResult } from '../autoscalers/hpa/reconcile.js';
import type { ExecutorDecision } from '../autoscalers/keda/executor.js';
import { tallyPodClasses, type PodClassTally } from './hpa-observations.js';

/** The ScalingActive and ScalingLimited reasons an HPA shows after a sync (kept from before when the sync set none). */
export interface HpaConditionReasons {
  scalingActive: string;
  scalingLimited: string;
}

type KeyValue = number | string | boolean | null | undefined;

/** The previous decision's fields in a fixed order, compared and replaced field by field. */
class DecisionKey {
  private readonly last: KeyValue[] = [];
  private known = false;
  private index = 0;
  private same = false;

  /** Starts a decision with the columns every row has: the target's spec and status replicas, its ready pods. */
  begin(specReplicas: number, statusReplicas: number, readyPods: number): void {
    this.index = 0;
    this.same = this.known;
    this.put(specReplicas);
    this.put(statusReplicas);
    this.put(readyPods);
  }

  put(value: KeyValue): void {
    // Stored only when it differs (most fields of most decisions repeat): an unchanged field costs a
    // read, not a store into the kept array.
    const i = this.index++;
    const last = this.last;
    if (i >= last.length) {
      // A field the previous decision did not have compares as undefined (end() then tells the lengths apart).
      if (value !== undefined) this.same = false;
      last[i] = value;
    } else if (last[i] !== value) {
      this.same = false;
      last[i] = value;
    }
  }

  /** True when every field since begin() equals the previous decision's (never for the first). */
  end(): boolean {
    // A decision with fewer fields than the previous one differs from it.
    if (this.index !== this.last.length) {
      this.same = false;
      this.last.length = this.index;
    }
    this.known = true;
    return this.same;
  }
}

/** An HPA sync: the reconcile's result and, per metric, the proposal and the pods' classes. */
export class RepeatedHpaDecision {
  private readonly key = new DecisionKey();
  private readonly classes: PodClassTally = { ready: 0, unready: 0, missing: 0, ignored: 0 };

  /** True when this sync's decision has the same fields as the previous sync's; either way they are kept. */
  repeats(
    specReplicas: number,
    statusReplicas: number,
    readyPods: number,
    result: ReconcileResult,
    conditions: HpaConditionReasons,
    proposals: readonly MetricProposal[],
    observations: readonly MetricObservation[],
  ): boolean {
    const key = this.key;
    key.begin(specReplicas, statusReplicas, readyPods);
    key.put(result.metricDesiredReplicas);
    key.put(result.stabilizedReplicas);
    key.put(result.desiredReplicas);
    key.put(result.rescale);
    key.put(result.trace.path);
    key.put(result.conditions.ableToScale.reason);
    key.put(conditions.scalingActive);
    key.put(conditions.scalingLimited);
    key.put(result.trace.scaleUpLimit);
    key.put(result.trace.scaleDownLimit);
    for (let i = 0; i < proposals.length; i++) {
      const p = proposals[i]!;
      key.put(p.metricName);
      key.put(p.ok);
      key.put(p.reason);
      if (p.ok) key.put(p.desiredReplicas);
      else key.put(p.message);
      // Where a value came from when not from the metric (KEDA's fallback): part of the row's reason.
      const observation = observations[i]!;
      key.put(observation.kind === 'values' ? observation.note : undefined);
      // The §1.4 class counts of a per-pod metric (what the row's pods column shows).
      const classes = tallyPodClasses(observations[i]!, this.classes);
      key.put(classes?.ready);
      key.put(classes?.unready);
      key.put(classes?.missing);
      key.put(classes?.ignored);
    }
    return key.end();
  }
}

/**
 * A KEDA polling cycle: the executor's decision, the activity's reason, then each trigger's name,
 * activity and reason (its value aside), then end() says whether it all repeats the previous poll.
 */
export class RepeatedKedaDecision {
  private readonly key = new DecisionKey();

  begin(specReplicas: number, statusReplicas: number, readyPods: number, decision: ExecutorDecision, activityReason: string): void {
    const key = this.key;
    key.begin(specReplicas, statusReplicas, readyPods);
    key.put(decision.scaleTo);
    key.put(decision.activeCondition);
    key.put(decision.activeReason);
    key.put(decision.reason);
    key.put(activityReason);
  }

  trigger(name: string, active: boolean, reason: string): void {
    this.key.put(name);
    this.key.put(active);
    this.key.put(reason);
  }

  /** True when this poll's fields equal the previous poll's; either way they are kept. */
  end(): boolean {
    return this.key.end();
  }
}
