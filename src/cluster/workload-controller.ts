/**
 * What the HPA and KEDA see of a workload: the scale subresource (spec.replicas, status.replicas)
 * and its pods. The Deployment and StatefulSet controllers share the plumbing here: scale writes
 * and a reconcile at the same instant (the real controllers react within milliseconds), and pod
 * creates that admission may refuse (a full ResourceQuota): a sync that had one refused reports
 * FailedCreate and retries after the work queue's rate-limited wait (rate-limited-requeue.ts, 5 ms
 * doubling to 1000 s), or at once on any change to its own pods or its spec.replicas, as the
 * ReplicaSet and StatefulSet controllers' informers requeue it; pods of other workloads leaving
 * the quota do not wake it.
 */
import { HeldValue } from '../core/held-value.js';
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { PodTemplateSpec, WorkloadSpec } from '../scenario/types.js';
import type { Cluster } from './cluster.js';
import { podCreateForbidden, type CreateFailure } from './quota-ledger.js';
import type { PodOwner, SimPod } from './model.js';
import { podRequests, type PodRequests } from './pod-requests.js';
import { CONTROLLER_RATE_LIMIT, RateLimitedRequeue } from './rate-limited-requeue.js';
import { SpreadGroup } from './topology-spread-counts.js';

/**
 * One part of a workload whose pods share an owner with other parts (an ElasticWorkload's source
 * and units): the part sees only the pods it created, marked with its index in `partOf`.
 */
export interface PodPartition {
  index: number;
  partOf: Map<SimPod, number>;
}

/** A sync's refused pod creates: the first one's name and error, the quota, how many. */
export interface Refusal {
  pod: string;
  error: string;
  quota: string;
  pods: number;
}

export abstract class WorkloadController {
  private specReplicasValue: number;
  /** spec.replicas over time, for the summary's peak desired count (held for some time). */
  readonly specReplicasHeld: HeldValue;
  readonly requests: PodRequests;
  /**
   * This workload's pods as the system default topology spread constraints count them (the
   * ReplicaSet's or StatefulSet's selector); none when the template sets its own constraints
   * (then upstream applies no defaults; the explicit ones are topology-spread-selectors.ts's).
   */
  readonly spread: SpreadGroup | undefined;
  private reconcilePending = false;
  /** The work queue's retries after failed syncs. */
  private readonly requeue: RateLimitedRequeue;
  /** The sync in progress: its first refused pod create and how many were refused. */
  private refusal: Refusal | undefined;
  /** Pods the sync in progress created. */
  private createdInSync = 0;

  constructor(
    readonly spec: WorkloadSpec,
    readonly owner: PodOwner,
    protected readonly cluster: Cluster,
    protected readonly sim: Simulation,
    private readonly partition?: PodPartition,
  ) {
    this.specReplicasValue = spec.replicas;
    this.specReplicasHeld = new HeldValue(spec.replicas, sim.nowSeconds);
    this.requests = podRequests(spec.template);
    this.spread = spec.template.hasTopologySpreadConstraints === true ? undefined : new SpreadGroup();
    this.requeue = new RateLimitedRequeue(sim, CONTROLLER_RATE_LIMIT, `${spec.kind.toLowerCase()}/${spec.name}`, () => this.requestReconcile());
  }

  /** spec.replicas, as autoscalers write it through the scale subresource. */
  /** spec.replicas at t = 0: the manifest's (an ElasticWorkload's own, not its source's). */
  get initialReplicas(): number {
    return this.spec.replicas;
  }

  get specReplicas(): number {
    return this.specReplicasValue;
  }

  set specReplicas(replicas: number) {
    this.specReplicasValue = replicas;
    this.specReplicasHeld.set(replicas, this.sim.nowSeconds);
  }

  get pods(): SimPod[] {
    const all = this.cluster.pods(this.owner);
    const partition = this.partition;
    if (partition === undefined) return all;
    return all.filter((pod) => partition.partOf.get(pod) === partition.index);
  }

  /** Moves on at every change to one of this workload's pods, its list included (Cluster.ownerPodsVersion). */
  get podsVersion(): number {
    return this.cluster.ownerPodsVersion(this.owner);
  }

  /** status.replicas: pods that are not terminating and not finished (counted by the cluster as they change). */
  get statusReplicas(): number {
    return this.cluster.activePods(this.owner);
  }

  /**
   * Pods Running with Ready=True, terminating ones included: the divisor of the HPA's Object and
   * External Value metrics (replica_calculator.go getReadyPodsCount). Counted by the cluster as
   * they change, per owner (an ElasticWorkload's parts share their owner's count).
   */
  get runningReadyPods(): number {
    return this.cluster.runningReadyPods(this.owner);
  }

  /** Writes spec.replicas (the scale subresource) and reconciles at this instant. */
  scale(replicas: number): void {
    this.specReplicas = replicas;
    this.requestReconcile();
  }

  /**
   * A pod of this workload changed (bound, started, ready, deleting, gone). A pod deleted or gone
   * from outside (an eviction, a drained or lost node) is replaced: the controller reconciles, as the
   * ReplicaSet and StatefulSet controllers do on their pod informer events; while its syncs fail
   * (a full quota), every change of one of its pods syncs it again, as each event requeues its key.
   */
  podChanged(pod: SimPod): void {
    if (pod.deletionSeconds !== undefined || pod.removed || this.requeue.failing) this.requestReconcile();
  }

  requestReconcile(): void {
    if (this.reconcilePending) return;
    this.reconcilePending = true;
    this.sim.scheduleAfter(0, Phase.RECONCILE, `${this.spec.kind.toLowerCase()}/${this.spec.name}`, () => {
      this.reconcilePending = false;
      this.sync();
    });
  }

  /** The last sync had pod creates refused (its work queue retries it at the rate limiter's pace). */
  protected get lastSyncFailed(): boolean {
    return this.requeue.failing;
  }

  /** One sync: reconcile, then report refused creates and back off, or forget past failures. */
  sync(): void {
    this.refusal = undefined;
    this.createdInSync = 0;
    this.reconcile();
    const refusal = this.takeRefusal();
    if (refusal === undefined) {
      this.requeue.forget();
      return;
    }
    this.cluster.quotas?.createFailed(this.owner, this.createFailure(refusal));
    this.requeue.failed();
    // The pods it did create come back as informer add events, which requeue the key at once: the
    // next sync follows now (and meets the full quota again), not after the backoff.
    if (this.createdInSync > 0) this.requestReconcile();
  }

  /** What the sync's creates had refused (createPod records it). */
  private takeRefusal(): Refusal | undefined {
    const refusal = this.refusal;
    this.refusal = undefined;
    return refusal;
  }

  /** The FailedCreate event for refused creates (the ReplicaSet controller's; the StatefulSet's differs). */
  protected createFailure(refusal: Refusal): CreateFailure {
    const { pod, pods, quota, error } = refusal;
    return { controller: 'replicaset-controller', object: this.spec.name, pods, quota, message: `Error creating: ${podCreateForbidden(pod, error)}` };
  }

  /**
   * Warm start: the initial replicas have been Running and Ready since `sinceSeconds`; the ones no
   * node fits are created Pending as usual. Returns the pods that start running.
   */
  warmStart(sinceSeconds: number): SimPod[] {
    const running: SimPod[] = [];
    for (let i = 0; i < this.specReplicas; i++) {
      // A refused pod is left to the first sync, which reports it and backs off.
      if (this.cluster.quotas?.admit(this.owner.namespace, this.spec.template).admitted === false) {
        this.requestReconcile();
        break;
      }
      const pod = this.cluster.createRunningPod(this.owner, this.spec.template, this.requests, this.nameFor(i), sinceSeconds, this.spread);
      if (pod === undefined) this.createPod(this.nameFor(i));
      else running.push(this.mark(pod));
    }
    return running;
  }

  /**
   * Creates a pod unless admission refuses it (then undefined, and the sync will report it); from
   * the workload's template unless another is given (a Deployment's new ReplicaSet), with the
   * system-default spread counts that go with it.
   */
  protected createPod(name: string, template: PodTemplateSpec = this.spec.template, spread: SpreadGroup | undefined = this.spread): SimPod | undefined {
    const admission = this.cluster.quotas?.admit(this.owner.namespace, template);
    if (admission !== undefined && !admission.admitted) {
      if (this.refusal === undefined) this.refusal = { pod: name, error: admission.message, quota: admission.quota.name, pods: 0 };
      this.refusal.pods++;
      return undefined;
    }
    this.createdInSync++;
    return this.mark(this.cluster.createPod(this.owner, template, this.requests, name, spread));
  }

  private mark(pod: SimPod): SimPod {
    if (this.partition !== undefined) this.partition.partOf.set(pod, this.partition.index);
    return pod;
  }

  protected deletePod(pod: SimPod): void {
    this.cluster.deletePod(pod, this.spec.template.terminationGracePeriodSeconds);
  }

  /** The name of the `index`-th pod this controller creates (warm start included). */
  protected abstract nameFor(index: number): string;

  /** Brings the pods towards spec.replicas. */
  abstract reconcile(): void;
}
