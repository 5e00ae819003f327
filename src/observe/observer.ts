/**
 * Observer hooks (vitest reporter style): optional callbacks the simulation calls; observers only
 * record, they never change the run.
 */
import type {
  CaDecisionRecord,
  DeploymentEventRecord,
  FailedCreateRecord,
  FailedSchedulingRecord,
  HpaDecisionRecord,
  KedaDecisionRecord,
  PreemptionRecord,
  ReplicaWriteRecord,
  StatefulSetEventRecord,
} from './records.js';

export interface SimObserver {
  /**
   * Set by an observer that only needs an HPA or KEDA decision when it differs from the same
   * autoscaler's previous one in something other than the columns that move at nearly every sync
   * (the time, the stabilization window, metric and trigger values, KEDA's clocks: what
   * decisions.csv's `changes` detail compares). When every listener says so, the HPA and KEDA
   * controllers build no record for a decision that repeats the previous one.
   */
  readonly changesOnly?: boolean;
  hpaDecision?(record: HpaDecisionRecord): void;
  kedaDecision?(record: KedaDecisionRecord): void;
  caDecision?(record: CaDecisionRecord): void;
  /** An HPA or a ScaledObject changed its target's spec.replicas. */
  replicasWritten?(record: ReplicaWriteRecord): void;
  /** kube-scheduler preempted pods for a pending pod (only in runs with pod priorities). */
  preemption?(record: PreemptionRecord): void;
  /** kube-scheduler found no node for a pod, with a message unlike the pod's previous one. */
  failedScheduling?(record: FailedSchedulingRecord): void;
  /** A controller's pod creates were forbidden by a ResourceQuota (runs with quotas only). */
  failedCreate?(record: FailedCreateRecord): void;
  /** A Deployment's rollout scaled a ReplicaSet or changed its Progressing condition (spec.rollouts). */
  deploymentEvent?(record: DeploymentEventRecord): void;
  /** A StatefulSet with a rollout (spec.rollouts) created or deleted a pod, from its first rollout on. */
  statefulSetEvent?(record: StatefulSetEventRecord): void;
}

/** Whether `observer` would do anything with `hook`: controllers skip building records nobody keeps. */
export function listensTo(observer: SimObserver, hook: keyof SimObserver): boolean {
  return observer instanceof ObserverHub ? observer.listens(hook) : typeof observer[hook] === 'function';
}

/** Whether some observer of `hook` wants every record, repeated decisions included. */
export function wantsEvery(observer: SimObserver, hook: keyof SimObserver): boolean {
  if (observer instanceof ObserverHub) return observer.wantsEvery(hook);
  return typeof observer[hook] === 'function' && observer.changesOnly !== true;
}

/** Fans one hook call out to many observers. */
export class ObserverHub implements SimObserver {
  private readonly observers: SimObserver[];
  /**
   * Per hook, the answers of listens() and wantsEvery(): the controllers ask at every sync, and an
   * observer's hooks do not change, so each is worked out once (add() forgets them).
   */
  private readonly listening = new Map<keyof SimObserver, boolean>();
  private readonly wantingEvery = new Map<keyof SimObserver, boolean>();

  constructor(observers: readonly SimObserver[] = []) {
    this.observers = [...observers];
  }

  add(observer: SimObserver): void {
    this.observers.push(observer);
    this.listening.clear();
    this.wantingEvery.clear();
  }

  /** True when some observer implements `hook`. */
  listens(hook: keyof SimObserver): boolean {
    return this.remembered(this.listening, hook, listensTo);
  }

  /** True when some observer implements `hook` and wants repeated decisions too. */
  wantsEvery(hook: keyof SimObserver): boolean {
    return this.remembered(this.wantingEvery, hook, wantsEvery);
  }

  /** Whether `test` holds for some observer and `hook`, from `answers` once worked out. */
  private remembered(answers: Map<keyof SimObserver, boolean>, hook: keyof SimObserver, test: (observer: SimObserver, hook: keyof SimObserver) => boolean): boolean {
    let answer = answers.get(hook);
    if (answer === undefined) {
      answer = this.observers.some((o) => test(o, hook));
      answers.set(hook, answer);
    }
    return answer;
  }

  hpaDecision(record: HpaDecisionRecord): void {
    for (const o of this.observers) o.hpaDecision?.(record);
  }

  kedaDecision(record: KedaDecisionRecord): void {
    for (const o of this.observers) o.kedaDecision?.(record);
  }

  caDecision(record: CaDecisionRecord): void {
    for (const o of this.observers) o.caDecision?.(record);
  }

  replicasWritten(record: ReplicaWriteRecord): void {
    for (const o of this.observers) o.replicasWritten?.(record);
  }

  preemption(record: PreemptionRecord): void {
    for (const o of this.observers) o.preemption?.(record);
  }

  failedScheduling(record: FailedSchedulingRecord): void {
    for (const o of this.observers) o.failedScheduling?.(record);
  }

  failedCreate(record: FailedCreateRecord): void {
    for (const o of this.observers) o.failedCreate?.(record);
  }

  deploymentEvent(record: DeploymentEventRecord): void {
    for (const o of this.observers) o.deploymentEvent?.(record);
  }

  statefulSetEvent(record: StatefulSetEventRecord): void {
    for (const o of this.observers) o.statefulSetEvent?.(record);
  }
}
