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

/**
 * The previous decision's fields in a fixed order, compared and replaced field by field: KEDA's
 * polls, whose fields vary with the triggers (an HPA sync's live in RepeatedHpaDecision itself).
 */
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

/** The class counts of the metric being compared, written by tallyPodClasses (one for every HPA: never re-entered). */
const CLASSES: PodClassTally = { ready: 0, unready: 0, missing: 0, ignored: 0 };

/**
 * One metric's fields of the previous sync, compared and replaced field by field: its name, whether
 * its proposal is valid, its reason, the proposal's count (or, failed, its message), the note of a
 * value served by someone other than the metric (KEDA's fallback: part of the row's reason) and the
 * §1.4 class counts of a per-pod metric (the row's pods column).
 */
class MetricKey {
  private metricName: string | undefined = undefined;
  private ok: boolean | undefined = undefined;
  private reason: string | undefined = undefined;
  private answer: number | string | undefined = undefined;
  private note: string | undefined = undefined;
  private ready: number | undefined = undefined;
  private unready: number | undefined = undefined;
  private missing: number | undefined = undefined;
  private ignored: number | undefined = undefined;

  /** Whether the metric's fields equal the previous sync's; either way the new ones are kept (a field is stored only when it differs). */
  sameMetric(p: MetricProposal, observation: MetricObservation): boolean {
    let same = true;
    if (this.metricName !== p.metricName) {
      this.metricName = p.metricName;
      same = false;
    }
    if (this.ok !== p.ok) {
      this.ok = p.ok;
      same = false;
    }
    if (this.reason !== p.reason) {
      this.reason = p.reason;
      same = false;
    }
    const answer = p.ok ? p.desiredReplicas : p.message;
    if (this.answer !== answer) {
      this.answer = answer;
      same = false;
    }
    const note = observation.kind === 'values' ? observation.note : undefined;
    if (this.note !== note) {
      this.note = note;
      same = false;
    }
    const classes = tallyPodClasses(observation, CLASSES);
    const ready = classes?.ready;
    const unready = classes?.unready;
    const missing = classes?.missing;
    const ignored = classes?.ignored;
    if (this.ready !== ready || this.unready !== unready || this.missing !== missing || this.ignored !== ignored) {
      this.ready = ready;
      this.unready = unready;
      this.missing = missing;
      this.ignored = ignored;
      same = false;
    }
    return same;
  }
}

/**
 * An HPA sync: the reconcile's result and, per metric, the proposal and the pods' classes. The
 * previous sync's fields are kept in this one object, the first metric's among them (it extends
 * MetricKey), so that a sync's check touches one object where a list of fields touched four (the
 * checker, its key, the key's array and the array's store): in bench-large each HPA's objects are
 * met once per sync period, after a thousand other HPAs', so each is a first touch of memory.
 */
export class RepeatedHpaDecision extends MetricKey {
  private known = false;
  private specReplicas = 0;
  private statusReplicas = 0;
  private readyPods = 0;
  private metricDesiredReplicas: number | undefined = undefined;
  private stabilizedReplicas: number | undefined = undefined;
  private desiredReplicas = 0;
  private rescale = false;
  private path = '';
  private ableToScale = '';
  private scalingActive = '';
  private scalingLimited = '';
  private scaleUpLimit: number | undefined = undefined;
  private scaleDownLimit: number | undefined = undefined;
  private metricCount = 0;
  /** The second metric's fields and on. */
  private readonly more: MetricKey[] = [];

  /** True when this sync's decision has the same fields as the previous sync's (never for the first); either way they are kept. */
  repeats(
    specReplicas: number,
    statusReplicas: number,
    readyPods: number,
    result: ReconcileResult,
    conditions: HpaConditionReasons,
    proposals: readonly MetricProposal[],
    observations: readonly MetricObservation[],
  ): boolean {
    let same = this.known;
    this.known = true;
    if (this.specReplicas !== specReplicas || this.statusReplicas !== statusReplicas || this.readyPods !== readyPods) {
      this.specReplicas = specReplicas;
      this.statusReplicas = statusReplicas;
      this.readyPods = readyPods;
      same = false;
    }
    if (this.metricDesiredReplicas !== result.metricDesiredReplicas || this.stabilizedReplicas !== result.stabilizedReplicas || this.desiredReplicas !== result.desiredReplicas || this.rescale !== result.rescale) {
      this.metricDesiredReplicas = result.metricDesiredReplicas;
      this.stabilizedReplicas = result.stabilizedReplicas;
      this.desiredReplicas = result.desiredReplicas;
      this.rescale = result.rescale;
      same = false;
    }
    const trace = result.trace;
    const ableToScale = result.conditions.ableToScale.reason;
    if (this.path !== trace.path || this.ableToScale !== ableToScale || this.scalingActive !== conditions.scalingActive || this.scalingLimited !== conditions.scalingLimited) {
      this.path = trace.path;
      this.ableToScale = ableToScale;
      this.scalingActive = conditions.scalingActive;
      this.scalingLimited = conditions.scalingLimited;
      same = false;
    }
    if (this.scaleUpLimit !== trace.scaleUpLimit || this.scaleDownLimit !== trace.scaleDownLimit) {
      this.scaleUpLimit = trace.scaleUpLimit;
      this.scaleDownLimit = trace.scaleDownLimit;
      same = false;
    }
    // A decision with another number of metrics differs (a spec's metrics do not change during a run).
    if (this.metricCount !== proposals.length) {
      this.metricCount = proposals.length;
      same = false;
    }
    for (let i = 0; i < proposals.length; i++) {
      const key: MetricKey = i === 0 ? this : (this.more[i - 1] ??= new MetricKey());
      if (!key.sameMetric(proposals[i]!, observations[i]!)) same = false;
    }
    return same;
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
