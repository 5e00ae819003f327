/**
 * kube-scheduler's unschedulable pods (PodScheduled=False/Unschedulable) and their retries: a pod
 * no node fits waits until some node becomes more permissive (added, freed, untainted), then every
 * waiting pod is retried once, in creation order (PrioritySort's order once priorities are in use),
 * at that instant (the scheduling queue's unschedulablePods moved back to activeQ on a cluster
 * event). RelaxationLog keeps which nodes relaxed since each pod's last failure, so a retry skips a
 * pod no such node can take. Pods that PodTopologySpread or InterPodAffinity may have failed are
 * also retried when the pods those count change (spreadChanged, affinityChanged).
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { PodTemplateSpec } from '../scenario/types.js';
import type { SimNode, SimPod } from './model.js';
import { PodSlot } from './pod-slots.js';
import { mayPreempt, sortByPriority } from './pod-priority.js';
import { RelaxationLog } from './relaxation-log.js';
import { filterNode } from './scheduling-filter.js';

/** The relaxation epoch at a waiting pod's last failed (or skipped) scheduling cycle (see RelaxationLog). */
const FAILED_AT_EPOCH = new PodSlot<number>('scheduler: epoch of the last failed cycle');

/**
 * One retry of a waiting pod: the caller draws its start-up timeline whatever happens (the
 * stream's draws stay in step) and runs a scheduling cycle only when `schedule` is true; true when
 * the pod was bound. `failedAlike` is a pod of the same template and shape (or filter inputs and
 * shape) whose cycle failed earlier in this pass with no bind since: this pod's cycle would fail
 * the same way (a failed cycle changes nothing),
 * so the caller reports that failure for it without a node search, as kube-scheduler's cycle
 * would report it (its FailedScheduling event).
 */
export type RetryAttempt = (pod: SimPod, schedule: boolean, failedAlike: SimPod | undefined) => boolean;

function hasSpreadFilter(pod: SimPod): boolean {
  const explicit = pod.spreadSource?.explicit;
  return explicit !== undefined && explicit.filter.length > 0;
}

/**
 * What a template's pods are filtered on besides their requests (scheduling-filter.ts filterNode:
 * tolerations, nodeSelector, required node affinity), as text: pods of two templates with the same
 * text and requests fail a cycle on the same nodes for the same reasons.
 */
const FILTER_INPUTS = new WeakMap<PodTemplateSpec, string>();

function filterInputs(pod: SimPod): string {
  let text = FILTER_INPUTS.get(pod.template);
  if (text === undefined) {
    text = JSON.stringify([pod.tolerations, pod.nodeSelector, pod.requiredNodeAffinity ?? null]);
    FILTER_INPUTS.set(pod.template, text);
  }
  return text;
}

/**
 * A failed cycle of a retry pass that may stand for later pods alike: the pod whose cycle failed
 * (null: a shape marked failed with no such pod) and how many pods the pass had bound before it.
 */
interface PassFailure<P extends SimPod | null = SimPod | null> {
  pod: P;
  binds: number;
}

export class UnschedulableQueue {
  private readonly waiting: SimPod[] = [];
  private retryScheduled = false;
  /** Nodes that became more permissive, for retries of the waiting pods. */
  private readonly relaxations = new RelaxationLog();
  /** True during a retry pass, while the waiting pods are out of `waiting`. */
  private retrying = false;
  /** Moves on whenever the explicit spread constraints' counts or domains may have changed (spreadChanged). */
  private spreadEpoch = 0;
  /** Waiting pods with DoNotSchedule spread constraints, with spreadEpoch at their last failed cycle. */
  private readonly spreadFailedAt = new Map<SimPod, number>();
  /**
   * Waiting pods InterPodAffinity may have failed: true once a pod bound or went since their last
   * failed cycle that may let them fit (affinityChanged).
   */
  private readonly affinityFailed = new Map<SimPod, boolean>();
  /** Whether InterPodAffinity's filter applies to the pod (the cluster's inter-pod-affinity-counts.ts says). */
  affinityFilterApplies: (pod: SimPod) => boolean = () => false;
  /** Some pod has a priority (usePriorities): retries go in PrioritySort order and may preempt. */
  private priorities = false;

  /**
   * @param reportsEveryFailure whether every failed cycle's FailedScheduling is kept (decisions.csv's
   *   kube-scheduler rows): then pods get the cycles kube-scheduler would give them, even ones that
   *   cannot bind.
   */
  constructor(
    private readonly sim: Simulation,
    private readonly attempt: RetryAttempt,
    private readonly reportsEveryFailure: () => boolean = () => false,
  ) {}

  /** The waiting pods, in creation order (by priority first once priorities are in use). */
  get pods(): readonly SimPod[] {
    return this.waiting;
  }

  /**
   * Pod priorities are in use: each retry pass takes the waiting pods in PrioritySort order (higher
   * priority first, then creation order), and a pod that may preempt gets its cycle even when no
   * node that relaxed fits it (its PostFilter may still find victims), as does every pod of the
   * same template and shape as one that failed (one may hold a nomination the other lacks).
   */
  usePriorities(): void {
    this.priorities = true;
  }

  /** A pod no node fits now: it waits (PodScheduled=False/Unschedulable). */
  add(pod: SimPod): void {
    pod.unschedulable = true;
    this.waiting.push(pod);
    FAILED_AT_EPOCH.set(pod, this.relaxations.now);
    if (hasSpreadFilter(pod)) this.spreadFailedAt.set(pod, this.spreadEpoch);
    if (this.affinityFilterApplies(pod)) this.affinityFailed.set(pod, false);
  }

  /** The pod was bound: no failure of it is remembered. */
  bound(pod: SimPod): void {
    pod.unschedulable = false;
    FAILED_AT_EPOCH.clear(pod);
    this.spreadFailedAt.delete(pod);
    this.affinityFailed.delete(pod);
  }

  /** The pod is gone: it no longer waits. */
  remove(pod: SimPod): void {
    const at = this.waiting.indexOf(pod);
    if (at >= 0) this.waiting.splice(at, 1);
    FAILED_AT_EPOCH.clear(pod);
    this.spreadFailedAt.delete(pod);
    this.affinityFailed.delete(pod);
  }

  /** `node` may now fit pods it did not: log it and retry the waiting pods. */
  relaxed(node: SimNode): void {
    // With no pod waiting, no earlier relaxation can matter to a later failure.
    if (!this.retrying && this.waiting.length === 0) this.relaxations.forgetUpTo(this.relaxations.now);
    this.relaxations.relaxed(node);
    this.requestRetry();
  }

  /**
   * The explicit spread constraints' counts or domains may have changed: a pod an explicit
   * selector matches bound or started terminating, a node was removed, or a node's taints changed
   * (nodeTaintsPolicy Honor). A waiting pod with DoNotSchedule constraints may now fit a node that
   * did not relax (PodTopologySpread's events: pod add and delete, node delete and taint update);
   * the waiting pods are retried when one has such constraints.
   */
  spreadChanged(): void {
    this.spreadEpoch++;
    if (this.spreadFailedAt.size > 0) this.requestRetry();
  }

  /**
   * A pod bound or went while InterPodAffinity is in play: a waiting pod it may help (`mayHelp`, the
   * plugin's queueing hint for pod add and delete events) may fit a node that did not relax.
   */
  affinityChanged(mayHelp: (waiting: SimPod) => boolean): void {
    if (this.affinityFailed.size === 0) return;
    let any = false;
    for (const [pod, flagged] of this.affinityFailed) {
      if (flagged || !mayHelp(pod)) continue;
      this.affinityFailed.set(pod, true);
      any = true;
    }
    if (any) this.requestRetry();
  }

  /**
   * Whether a scheduling cycle for a waiting pod could bind it: a node that became more permissive
   * since its last failure passes the filters (RelaxationLog says why the others cannot). A pod
   * with DoNotSchedule spread constraints may also fit a node that did not relax once the spread
   * counts or domains moved since its failure (spreadChanged); a node added only adds a domain,
   * which can lower the minimum but never raise it.
   */
  private mayFitNow(pod: SimPod): boolean {
    const spreadAt = this.spreadFailedAt.get(pod);
    if (spreadAt !== undefined && spreadAt !== this.spreadEpoch) return true;
    if (this.affinityFailed.get(pod) === true) return true;
    const failedAt = FAILED_AT_EPOCH.get(pod);
    return failedAt === undefined || this.relaxations.anyRelaxedSince(failedAt, (node) => filterNode(pod, node) === 'Fits');
  }

  /**
   * Retries every waiting pod, in creation order, once at the current instant. A failed attempt
   * changes nothing (no node, no random draw, the search start comes back to where it was), so a
   * pod with the same template and requests as one that just failed in this pass fails too and is
   * not filtered against every node again (after a bind, only where failureOutlivesBinds says the
   * failure still holds); nor is a pod of another template filtered on the same
   * inputs (requests, tolerations, nodeSelector, required node affinity; no spread or inter-pod
   * affinity filter, no priorities) while no pod bound since that failure; nor a pod that no node
   * relaxed since its last failure can take (mayFitNow). Which pods bind is the same either way.
   *
   * When every failure is reported (reportsEveryFailure: decisions.csv keeps kube-scheduler's
   * FailedScheduling), which pods get a cycle is decided as the pass starts, as kube-scheduler's
   * queueing hints decide at the cluster event which unschedulable pods move to the active queue: a
   * pod a relaxed node may take then gets its cycle even when pods before it in the pass fill that
   * node, and fails it with its own message (the node count and reasons of now); a pod of the same
   * template and shape as one whose cycle failed with no bind since reports that failure, without
   * a node search.
   * Those cycles bind nothing, so runs that keep no such rows (sweeps, comparisons, the benchmark)
   * skip them.
   */
  private requestRetry(): void {
    if (this.retryScheduled || this.waiting.length === 0) return;
    this.retryScheduled = true;
    this.sim.scheduleAfter(0, Phase.SCHEDULE, 'scheduler', () => {
      this.retryScheduled = false;
      this.retrying = true;
      this.retryPass(this.waiting.splice(0));
      this.retrying = false;
      // Every pod still waiting failed at some epoch of this pass or later: older entries are spent.
      let oldest = this.relaxations.now;
      for (const pod of this.waiting) oldest = Math.min(oldest, FAILED_AT_EPOCH.get(pod) ?? oldest);
      this.relaxations.forgetUpTo(oldest);
    });
  }

  /**
   * The key under which a pod's failed cycle stands for other templates' pods too, or undefined
   * when it cannot: a pod filtered on more than its template's filterInputs and requests
   * (PodTopologySpread's or InterPodAffinity's DoNotSchedule filters count other pods; with
   * priorities, nominated pods hold room by priority and a failure may preempt).
   */
  private sharedFailureKey(pod: SimPod, shape: string): string | undefined {
    if (this.priorities || hasSpreadFilter(pod) || this.affinityFilterApplies(pod)) return undefined;
    return `${shape}/${filterInputs(pod)}`;
  }

  /**
   * Whether a failure of the pod's template and shape earlier in the pass, with binds since, still
   * stands for the pod. A bind only takes room, so for a pod filtered on its requests and node alone
   * the failure still says which pods bind; but a pod that spread or inter-pod affinity filters may
   * fit after a bind (the pod it must join bound), and a reported failure must give the node counts
   * and reasons of now (kube-scheduler runs the cycle).
   */
  private failureOutlivesBinds(pod: SimPod, reporting: boolean): boolean {
    return !reporting && !hasSpreadFilter(pod) && !this.affinityFilterApplies(pod);
  }

  /** One pass over `waiting` (requestRetry says which pods get a cycle); the failed ones wait again. */
  private retryPass(waiting: SimPod[]): void {
    if (this.priorities) sortByPriority(waiting);
    const reporting = this.reportsEveryFailure();
    const requeued = reporting ? waiting.map((pod) => this.mayFitNow(pod)) : undefined;
    // Per template and shape, the pods that failed in this pass (the one whose cycle ran, or null)
    // and the binds of the pass before that failure.
    const failed = new Map<PodTemplateSpec, Map<string, PassFailure>>();
    // Per filter inputs and shape, across templates: the pod whose cycle failed and the binds of the
    // pass before it. It stands for another template's pod only while nothing bound since: a bind
    // changes the nodes, and so what a cycle's failure reports.
    const failedShared = new Map<string, PassFailure<SimPod>>();
    let binds = 0;
    waiting.forEach((pod, i) => {
      if (pod.removed || pod.deletionSeconds !== undefined) return;
      const shape = `${pod.cpuRequestMillicores}/${pod.memoryRequestBytes}`;
      const preempting = this.priorities && mayPreempt(pod);
      const sameTemplate = preempting ? undefined : failed.get(pod.template)?.get(shape);
      const earlier = sameTemplate !== undefined && (sameTemplate.binds === binds || this.failureOutlivesBinds(pod, reporting)) ? sameTemplate.pod : undefined;
      const key = earlier === undefined ? this.sharedFailureKey(pod, shape) : undefined;
      const shared = key === undefined ? undefined : failedShared.get(key);
      const alike = earlier ?? (shared !== undefined && shared.binds === binds ? shared.pod : undefined);
      const schedule = preempting || (requeued === undefined ? earlier === undefined && alike === undefined && this.mayFitNow(pod) : alike === undefined && requeued[i]!);
      if (this.attempt(pod, schedule, requeued?.[i] === true ? alike : undefined)) {
        binds++;
        return;
      }
      this.add(pod);
      const byShape = failed.get(pod.template) ?? new Map<string, PassFailure>();
      failed.set(pod.template, byShape);
      // A pod whose cycle ran is the reference for those alike; one skipped marks the shape failed,
      // with the other template's pod whose failure stood for it (the reference for the rest of its
      // template), unless a reference of its own template stands.
      if (schedule) {
        byShape.set(shape, { pod, binds });
        if (key !== undefined) failedShared.set(key, { pod, binds });
      } else if (earlier === undefined) byShape.set(shape, { pod: alike ?? null, binds });
    });
  }
}
