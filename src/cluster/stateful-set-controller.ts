/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go updateStatefulSet,
 * processReplica, processCondemned, runForAll): pods are named <name>-0 … <name>-(N−1); those with
 * ordinal < spec.replicas are the replicas, the others are condemned. Each sync, as upstream:
 *
 * 1. The replicas, in ordinal order (processReplica). A Failed or Succeeded pod is deleted (and made
 *    anew on a later sync, once it is gone); a missing one is created. With the default OrderedReady
 *    policy (monotonic) the pass stops at the first pod it deleted or created (one create a sync,
 *    refused or not), or that is terminating, or that is not Running and Ready, or not available
 *    (Ready for spec.minReadySeconds): pod i is created only when pods 0…i−1 are available, and
 *    nothing is deleted while one of them is not. With Parallel (burst) every missing pod is
 *    created at once (in slow-start batches, runForAll's slowStartBatch) and nothing waits; a
 *    refused create ends the sync before any deletion.
 * 2. The condemned pods, highest ordinal first (processCondemned). OrderedReady deletes one a sync
 *    and waits until it is gone (a terminating condemned pod blocks); it does not delete a condemned
 *    pod that is not Running, Ready and available unless it is the first unavailable pod (the
 *    lowest-ordinal pod that is unavailable or terminating, replicas before condemned ones), so an
 *    unhealthy condemned pod waits while a lower one is unhealthy too. Parallel deletes them all at once.
 * 3. The rolling update (stateful-set/rolling-update.ts), after a rollout (spec.rollouts, a new
 *    template as `kubectl rollout restart` makes): pods not at the update revision are deleted,
 *    highest ordinal first, as maxUnavailable allows, and step 1 re-creates each at the update
 *    revision (below the partition at the current one) once it is gone. Under OnDelete pods take
 *    the new template only when they are made anew.
 *
 * A pod's revision is the template it was made from. The status of a sync is counted over its pods
 * as the sync found them (computeReplicaStatus), less the pods it deleted for the update; once every
 * one of spec.replicas is updated and Ready the update revision becomes the current one
 * (completeRollingUpdate). With minReadySeconds the controller syncs again minReadySeconds after a
 * successful sync that found fewer available pods than spec.replicas (syncStatefulSet's
 * enqueueSSAfter, with the sync's latency: sync()) and minReadySeconds + 1 s after a pod turned
 * Ready (updatePod), the work queue keeping the earliest.
 *
 * As in the docs: "If web-0 were to fail after web-2 has been terminated and is completely shutdown,
 * but prior to web-1's termination, web-1 would not be terminated until web-0 is Running and Ready."
 */
import { Phase } from '../core/phases.js';
import type { StatefulSetEventRecord } from '../observe/records.js';
import type { RolloutSpec } from '../scenario/rollout-types.js';
import type { PodTemplateSpec } from '../scenario/types.js';
import { isRunningReady, type SimPod } from './model.js';
import { isPodAvailable } from './pod-availability.js';
import { podCreateForbidden, type CreateFailure } from './quota-ledger.js';
import { activePodCounts, RolloutLog, type RolloutRecord } from './rollout-log.js';
import { scheduleRolloutInstants } from './rollout-schedule.js';
import { slowStartBatch } from './slow-start-batch.js';
import { controllerRevisionName } from './stateful-set/revision-name.js';
import { createsAtCurrentRevision, rollingUpdateComplete, rollingUpdateStep, statefulSetRolloutStatus, type StatefulSetCounts } from './stateful-set/rolling-update.js';
import { STATEFUL_SET_UPDATE_DEFAULT, type StatefulSetUpdateStrategy } from './stateful-set/update-strategy.js';
import { WorkloadController, type Refusal } from './workload-controller.js';

/** A pod the StatefulSet controller created or deleted (the record without its time and StatefulSet). */
export type StatefulSetEvent = Omit<StatefulSetEventRecord, 'timeSeconds' | 'statefulSet'>;

/** A controller's sync after the informer event that woke it: milliseconds upstream (see sync()). */
const SYNC_LATENCY_SECONDS = 0.001;

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

export class StatefulSetController extends WorkloadController {
  /** The update revision's template (status.updateRevision) and the current one's (status.currentRevision). */
  private updateTemplate: PodTemplateSpec = this.spec.template;
  private currentTemplate: PodTemplateSpec = this.spec.template;
  private revision = 1;
  private currentRevision = 1;
  /** The last sync's status.currentReplicas (newVersionedStatefulSetPod reads the set's status). */
  private statusCurrentReplicas = 0;
  /** Some rollout has begun: every change of a pod syncs. */
  private rolledOut = false;
  private startEpochSeconds = 0;
  /** The pending minReadySeconds requeue's instant (NaN: none). */
  private requeueAtSeconds = Number.NaN;
  /** The sync in progress found fewer available pods than spec.replicas (with minReadySeconds). */
  private shortOfAvailable = false;
  /** What each rollout did (the summary's figures; its listeners measure each stretch). */
  readonly rolloutLog = new RolloutLog();
  /** Pods created and deleted from the first rollout on (SuccessfulCreate, SuccessfulDelete), as they happen. */
  onEvent: ((event: StatefulSetEvent) => void) | undefined;

  private get ordered(): boolean {
    return (this.spec.statefulSet?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  }

  private get strategy(): StatefulSetUpdateStrategy {
    return this.spec.statefulSet?.updateStrategy ?? STATEFUL_SET_UPDATE_DEFAULT;
  }

  private get minReadySeconds(): number {
    return this.spec.statefulSet?.minReadySeconds ?? 0;
  }

  /** Each rollout so far, oldest first. */
  get rollouts(): readonly RolloutRecord[] {
    return this.rolloutLog.rollouts;
  }

  protected nameFor(index: number): string {
    return `${this.spec.name}-${index}`;
  }

  override podChanged(pod: SimPod): void {
    // OrderedReady waits for readiness (scale-up and scale-down) and for termination; so does a rolling update.
    if (this.ordered || this.rolledOut) this.requestReconcile();
    else super.podChanged(pod);
    // updatePod: a pod turning Ready is looked at again minReadySeconds + 1 s later.
    const minReadySeconds = this.minReadySeconds;
    if (minReadySeconds > 0 && pod.ready && pod.readyConditionSeconds === this.sim.nowSeconds) this.requeueAfter(minReadySeconds + 1);
  }

  /** stateful_pod_control.go recordPodEvent: `create Pod web-3 in StatefulSet web failed error: …`. */
  protected override createFailure(refusal: Refusal): CreateFailure {
    const { pod, pods, quota, error } = refusal;
    const set = this.spec.name;
    return { controller: 'statefulset-controller', object: set, pods, quota, message: `create Pod ${pod} in StatefulSet ${set} failed error: ${podCreateForbidden(pod, error)}` };
  }

  /** isRunningAndAvailable (podutil.IsPodAvailable with spec.minReadySeconds). */
  private available(pod: SimPod): boolean {
    return isPodAvailable(pod, this.minReadySeconds, this.sim.nowSeconds);
  }

  /** isUnavailable: not available, or terminating. */
  private unavailable(pod: SimPod): boolean {
    return !this.available(pod) || isTerminating(pod);
  }

  reconcile(): void {
    const byOrdinal = new Map<number, SimPod>();
    for (const pod of this.pods) if (!pod.removed) byOrdinal.set(ordinalOf(pod), pod);
    // The status matters to a rollout and to the minReadySeconds requeue only; a set with neither skips counting it.
    const status = this.rolledOut || this.minReadySeconds > 0 ? this.countStatus(byOrdinal) : undefined;
    const replicas = this.specReplicas;
    const condemned = [...byOrdinal.keys()]
      .filter((o) => o >= replicas)
      .sort((a, b) => b - a)
      .map((o) => byOrdinal.get(o)!);
    if (this.ordered ? this.replicasBlockOrdered(byOrdinal, replicas) : this.replicasBlockParallel(byOrdinal, replicas)) return this.finishSync(status);
    if (this.condemnedBlock(condemned)) return this.finishSync(status);
    if (this.rolledOut) this.rollingUpdate(byOrdinal, replicas, status!);
    this.finishSync(status);
  }

  /** processCondemned over the condemned pods; true when the sync ends there. */
  private condemnedBlock(condemned: readonly SimPod[]): boolean {
    if (!this.ordered) {
      for (const pod of condemned) if (!isTerminating(pod)) this.deleteStatefulPod(pod, 'scale down');
      return false;
    }
    // One condemned pod a sync, the highest ordinal; the pass stops there whatever it does.
    const highest = condemned[0];
    if (highest === undefined) return false;
    if (isTerminating(highest)) return true; // wait until it is gone
    // Every replica is available and not terminating here, so the first unavailable pod, if any,
    // is the lowest-ordinal unavailable condemned one; an unavailable pod above it waits.
    const firstUnavailable = [...condemned].reverse().find((p) => this.unavailable(p));
    if ((!isRunningReady(highest) || !this.available(highest)) && highest !== firstUnavailable) return true;
    this.deleteStatefulPod(highest, 'scale down');
    return true;
  }

  /** OrderedReady's pass over the replicas; true when it must wait (the sync ends there). */
  private replicasBlockOrdered(byOrdinal: Map<number, SimPod>, replicas: number): boolean {
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      if (pod === undefined) {
        this.createStatefulPod(i);
        return true;
      }
      if (isFinished(pod)) {
        if (!isTerminating(pod)) this.deleteStatefulPod(pod, 'failed');
        return true;
      }
      if (isTerminating(pod) || !isRunningReady(pod) || !this.available(pod)) return true;
    }
    return false;
  }

  /** Parallel's pass: finished pods deleted, missing ones created; true when a create was refused. */
  private replicasBlockParallel(byOrdinal: Map<number, SimPod>, replicas: number): boolean {
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      if (pod !== undefined && isFinished(pod) && !isTerminating(pod)) this.deleteStatefulPod(pod, 'failed');
    }
    const missing = [...Array(replicas).keys()].filter((i) => !byOrdinal.has(i));
    let next = 0;
    return slowStartBatch(missing.length, () => this.createStatefulPod(missing[next++]!) !== undefined) < missing.length;
  }

  /** updateStatefulSetAfterInvariantEstablished: deletes the pods the update step picks (status.currentReplicas-- each). */
  private rollingUpdate(byOrdinal: Map<number, SimPod>, replicas: number, status: StatefulSetCounts): void {
    const candidates = [];
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      // A pod the pass created in this sync, or could not create, is not in the sync's pods: it
      // counts as upstream's placeholder does, unavailable, at the revision it gets.
      if (pod === undefined) candidates.push({ updated: !createsAtCurrentRevision(this.strategy, i, this.statusCurrentReplicas), terminating: false, unavailable: true });
      else candidates.push({ updated: pod.template === this.updateTemplate, terminating: isTerminating(pod), unavailable: this.unavailable(pod) });
    }
    const step = rollingUpdateStep(this.strategy, candidates);
    for (const ordinal of step.deleteOrdinals) {
      this.deleteStatefulPod(byOrdinal.get(ordinal)!, `update to revision ${this.revisionName(this.revision)}`);
      status.currentReplicas--;
    }
  }

  /** computeReplicaStatus over the pods the sync found. */
  private countStatus(byOrdinal: Map<number, SimPod>): StatefulSetCounts {
    const status: StatefulSetCounts = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
    for (const pod of byOrdinal.values()) {
      status.replicas++;
      if (isRunningReady(pod)) {
        status.readyReplicas++;
        if (this.available(pod)) status.availableReplicas++;
      }
      if (isTerminating(pod)) continue;
      if (pod.template === this.currentTemplate) status.currentReplicas++;
      if (pod.template === this.updateTemplate) status.updatedReplicas++;
    }
    return status;
  }

  /** updateStatefulSetStatus's completeRollingUpdate, the rollout's figures and completion, the minReadySeconds requeue. */
  private finishSync(status: StatefulSetCounts | undefined): void {
    if (status === undefined) return;
    const specReplicas = this.specReplicas;
    if (rollingUpdateComplete(this.strategy, specReplicas, status)) {
      status.currentReplicas = status.updatedReplicas;
      this.currentTemplate = this.updateTemplate;
      this.currentRevision = this.revision;
    }
    this.statusCurrentReplicas = status.currentReplicas;
    if (this.rolloutLog.running !== undefined) {
      const { ready, active } = activePodCounts(this.pods);
      this.rolloutLog.observe(ready, active);
      const name = this.revisionName(this.revision);
      if (statefulSetRolloutStatus(this.strategy, specReplicas, status, this.currentRevision === this.revision, name).done) this.rolloutLog.complete(this.sim.nowSeconds);
    }
    this.shortOfAvailable = this.minReadySeconds > 0 && status.availableReplicas !== specReplicas;
  }

  /**
   * syncStatefulSet: after a sync that succeeded (no refused create: that one returns its error
   * to the rate-limited queue) and found fewer available pods than spec.replicas, the set is looked
   * at again minReadySeconds later. Upstream's sync runs milliseconds after the event that woke it,
   * so its requeue lands just past minReadySeconds after a pod's Ready instant; the simulated sync
   * takes no time, so the requeue carries that latency (SYNC_LATENCY_SECONDS) for a pod Ready at a
   * whole second to be seen available then, as upstream sees it.
   */
  override sync(): void {
    this.shortOfAvailable = false;
    super.sync();
    if (this.shortOfAvailable && !this.lastSyncFailed) this.requeueAfter(this.minReadySeconds + SYNC_LATENCY_SECONDS);
  }

  /** The work queue's AddAfter: a key waits once, at the earliest instant asked (a later ask is dropped, an earlier one replaces it). */
  private requeueAfter(delaySeconds: number): void {
    const at = this.sim.nowSeconds + delaySeconds;
    if (this.requeueAtSeconds <= at) return;
    this.requeueAtSeconds = at;
    this.sim.scheduleAt(at, Phase.RECONCILE, `statefulset/${this.spec.name}`, () => {
      if (this.requeueAtSeconds !== at) return; // replaced by an earlier one, which fired
      this.requeueAtSeconds = Number.NaN;
      this.requestReconcile();
    });
  }

  private revisionName(revision: number): string {
    return controllerRevisionName(this.owner.namespace, this.spec.name, revision);
  }

  /** newVersionedStatefulSetPod: the pod at `ordinal`, at the current revision's template or the update revision's. */
  private createStatefulPod(ordinal: number): SimPod | undefined {
    const atCurrent = createsAtCurrentRevision(this.strategy, ordinal, this.statusCurrentReplicas);
    const name = this.nameFor(ordinal);
    const pod = this.createPod(name, atCurrent ? this.currentTemplate : this.updateTemplate);
    if (pod !== undefined && this.onEvent !== undefined && this.rolledOut) {
      const revision = this.revisionName(atCurrent ? this.currentRevision : this.revision);
      this.onEvent({ reason: 'SuccessfulCreate', pod: name, message: `create Pod ${name} in StatefulSet ${this.spec.name} successful`, why: `at revision ${revision}` });
    }
    return pod;
  }

  private deleteStatefulPod(pod: SimPod, why: string): void {
    this.deletePod(pod);
    if (this.rolledOut) this.onEvent?.({ reason: 'SuccessfulDelete', pod: pod.name, message: `delete Pod ${pod.name} in StatefulSet ${this.spec.name} successful`, why: `for ${why}` });
  }

  /**
   * A new pod template (a rollout): a new update revision; the next sync starts replacing pods.
   * Two restarts within one wall-clock second are one (rollout-schedule.ts).
   */
  startRollout(): void {
    const now = this.sim.nowSeconds;
    if (this.rolloutLog.sameSecondAsLast(this.startEpochSeconds, now)) return;
    if (!this.rolledOut) {
      // Until now every pod was at the one revision: the last status's currentReplicas, not counted then.
      this.statusCurrentReplicas = this.pods.filter((p) => !p.removed && p.deletionSeconds === undefined).length;
    }
    this.rolledOut = true;
    this.revision++;
    this.updateTemplate = { ...this.updateTemplate };
    this.rolloutLog.begin(this.revision, this.revisionName(this.revision), now, this.pods);
    this.requestReconcile();
  }

  /** Rollouts of this StatefulSet at their instants (spec.rollouts); `startEpochSeconds` is t = 0 on the calendar. */
  scheduleRollouts(rollouts: readonly RolloutSpec[], endSeconds: number, startEpochSeconds = 0): void {
    this.startEpochSeconds = startEpochSeconds;
    scheduleRolloutInstants(this.sim, rollouts, endSeconds, `statefulset/${this.spec.name}`, () => this.startRollout());
  }
}
