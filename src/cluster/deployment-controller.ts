/**
 * The Deployment controller and the ReplicaSet controllers under it. Until the Deployment's first
 * rollout it has one ReplicaSet, which takes spec.replicas (sync.go scale with one active set):
 * its controller keeps that many active pods, creating pods in slow-start batches
 * (slow-start-batch.ts) and deleting them in ReplicaSet order (controller_utils.go
 * ActivePodsWithRanks), at most 500 creates or deletes a sync (burstReplicas).
 *
 * A rollout (spec.rollouts: a new pod template, as `kubectl rollout restart` makes) gives the
 * Deployment a new template; from then on each sync is deployment-sync.ts's over every ReplicaSet
 * (the new one created with the next sync, sized by the strategy), and each set's pods follow its
 * spec.replicas: a set deletes its own pods, ranked by the active pods of all the Deployment's sets
 * on each node (getPodsRankedByRelatedPodsOnSameNode). Pods belong to the set whose template made
 * them; each set's pods have their own system-default spread counts, as DefaultSelector adds the
 * ReplicaSet's selector (with its pod-template-hash) to the pods'. The controller then syncs at
 * every change of one of its pods (the sets' status moves with them), a pod's availability
 * minReadySeconds + 1 s after it became Ready (the ReplicaSet controller's enqueueAfter), and at
 * each progress check (rollout-status.ts). Old sets at 0 with no pod left are forgotten
 * (replica-set-list.ts), so a long run of rollouts costs what its live sets cost. Events go to
 * `onEvent`: ScalingReplicaSet, and the Progressing condition turning NewReplicaSetAvailable
 * (complete) or ProgressDeadlineExceeded, and back to ReplicaSetUpdated after a stall; with
 * progressDeadlineSeconds at math.MaxInt32 there is no condition, and a rollout's completion is
 * only in the summary (rollout-log.ts).
 */
import { Phase } from '../core/phases.js';
import type { DeploymentEventRecord } from '../observe/records.js';
import type { RolloutSpec } from '../scenario/rollout-types.js';
import type { PodTemplateSpec } from '../scenario/types.js';
import { syncDeployment } from './deployment/deployment-sync.js';
import { ReplicaSetList, type ReplicaSet } from './deployment/replica-set-list.js';
import { replicaSetName } from './deployment/replica-set-name.js';
import { replicasAnnotations, type ReplicaSetView } from './deployment/replica-sets.js';
import { RolloutLog, type RolloutRecord } from './rollout-log.js';
import { deploymentComplete, nextProgressing, progressCheckAfterSeconds, type DeploymentStatus, type ProgressingCondition } from './deployment/rollout-status.js';
import { DEPLOYMENT_DEFAULTS, NO_PROGRESS_DEADLINE, type RolloutSettings } from './deployment/strategy.js';
import { isActive, type SimPod } from './model.js';
import { isPodAvailable } from './pod-availability.js';
import { choosePodsToDelete } from './replica-set-order.js';
import { scheduleRolloutInstants } from './rollout-schedule.js';
import { slowStartBatch } from './slow-start-batch.js';
import { SpreadGroup } from './topology-spread-counts.js';
import { WorkloadController } from './workload-controller.js';

/** kube-controller-manager's ReplicaSet controller: replicaset.BurstReplicas (500). */
export const BURST_REPLICAS = 500;

/** An event of the Deployment: ScalingReplicaSet, or its Progressing condition changing reason (the record without its time and Deployment). */
export type DeploymentEvent = Omit<DeploymentEventRecord, 'timeSeconds' | 'deployment'>;

export class DeploymentController extends WorkloadController {
  private created = 0;
  private readonly sets = new ReplicaSetList();
  /** The ReplicaSet of the manifest's template, made at the first sync. */
  private first: ReplicaSet | undefined = undefined;
  /** The Deployment's pod template: the manifest's until the first rollout. */
  private template: PodTemplateSpec = this.spec.template;
  private revision = 1;
  /** What each rollout did (the summary's figures; its listeners measure each stretch). */
  readonly rolloutLog = new RolloutLog();
  /** ScalingReplicaSet events and Progressing condition changes, as they happen. */
  onEvent: ((event: DeploymentEvent) => void) | undefined;
  private status: DeploymentStatus = { replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 };
  private progressing: ProgressingCondition | undefined;
  private progressCheckSeconds = Number.NaN;
  /** Some rollout has begun: every sync is the deployment controller's over the sets (a plain field: podChanged reads it at every pod change). */
  private rolledOut = false;
  /** The calendar instant of t = 0 (Unix seconds): kubectl stamps a restart with the wall clock's second. */
  private startEpochSeconds = 0;

  /** Each rollout so far, oldest first. */
  get rollouts(): readonly RolloutRecord[] {
    return this.rolloutLog.rollouts;
  }

  /** The ReplicaSets kept, oldest first. */
  get replicaSets(): readonly ReplicaSetView[] {
    return this.sets.all;
  }

  private get settings(): RolloutSettings {
    return this.spec.rollout ?? DEPLOYMENT_DEFAULTS;
  }

  protected nameFor(_index: number): string {
    return `${this.spec.name}-${(this.created++).toString(36).padStart(5, '0')}`;
  }

  /** The first ReplicaSet, made with the Deployment (its pods are the warm start's). */
  private firstSet(): ReplicaSet {
    let first = this.first;
    if (first === undefined) {
      const d = this.specReplicas;
      first = { name: this.setName(1), createdSeconds: 0, replicas: d, availableReplicas: 0, desiredReplicas: undefined, maxReplicas: undefined, template: this.spec.template, spread: this.spread };
      this.sets.add(first);
      this.first = first;
    }
    return first;
  }

  private setName(revision: number): string {
    return replicaSetName(this.owner.namespace, this.spec.name, revision);
  }

  /**
   * A new pod template (a rollout): the next sync creates its ReplicaSet. kubectl rollout restart
   * stamps the template with the wall-clock time in whole seconds, so a second restart within the
   * same calendar second changes nothing.
   */
  startRollout(): void {
    const now = this.sim.nowSeconds;
    if (this.rolloutLog.sameSecondAsLast(this.startEpochSeconds, now)) return;
    if (this.rollouts.length === 0) this.beforeFirstRollout();
    this.rolledOut = true;
    this.revision++;
    this.template = { ...this.template };
    this.rolloutLog.begin(this.revision, this.setName(this.revision), now, this.pods);
    this.requestReconcile();
  }

  /**
   * The one set has followed spec.replicas, so its annotations are those of its last scale; and its
   * pods that turned Ready less than minReadySeconds ago become available later, when the
   * ReplicaSet controller looks again (until now nothing needed their availability).
   */
  private beforeFirstRollout(): void {
    Object.assign(this.firstSet(), replicasAnnotations({ replicas: this.specReplicas, strategy: this.settings.strategy }));
    const minReadySeconds = this.settings.minReadySeconds;
    if (minReadySeconds === 0) return;
    const now = this.sim.nowSeconds;
    const looksSeconds = new Set<number>();
    for (const pod of this.pods) {
      const readySinceSeconds = pod.readyConditionSeconds;
      if (pod.removed || !isActive(pod) || !pod.ready || readySinceSeconds === undefined) continue;
      const atSeconds = readySinceSeconds + minReadySeconds + 1;
      if (atSeconds > now) looksSeconds.add(atSeconds);
    }
    for (const atSeconds of [...looksSeconds].sort((a, b) => a - b)) this.sim.scheduleAt(atSeconds, Phase.RECONCILE, `deployment/${this.spec.name}`, () => this.requestReconcile());
  }

  override podChanged(pod: SimPod): void {
    if (!this.rolledOut) {
      super.podChanged(pod);
      return;
    }
    this.requestReconcile();
    const minReadySeconds = this.settings.minReadySeconds;
    if (minReadySeconds > 0 && pod.ready && pod.readyConditionSeconds === this.sim.nowSeconds) {
      this.sim.scheduleAfter(minReadySeconds + 1, Phase.RECONCILE, `deployment/${this.spec.name}`, () => this.requestReconcile());
    }
  }

  reconcile(): void {
    if (!this.rolledOut) {
      const only = this.firstSet();
      only.replicas = this.specReplicas;
      const active = this.pods.filter(isActive);
      this.manage(only, active, active);
      return;
    }
    this.syncRollout();
  }

  /** The ReplicaSet controller's manageReplicas for `set`: its active pods towards its spec.replicas. */
  private manage(set: ReplicaSet, active: SimPod[], related: readonly SimPod[]): void {
    const diff = set.replicas - active.length;
    // manageReplicas does at most burstReplicas creates or deletes a sync; the rest follow in the
    // next sync, once the informer has seen these (here, at the same instant).
    if (Math.abs(diff) > BURST_REPLICAS) this.requestReconcile();
    if (diff > 0) {
      slowStartBatch(Math.min(diff, BURST_REPLICAS), () => this.createPod(this.nameFor(0), set.template, set.spread) !== undefined);
    } else if (diff < 0) {
      for (const pod of choosePodsToDelete(active, Math.min(-diff, BURST_REPLICAS), this.sim.nowSeconds, related)) this.deletePod(pod);
    }
  }

  private available(pod: SimPod): boolean {
    return isPodAvailable(pod, this.settings.minReadySeconds, this.sim.nowSeconds);
  }

  private syncRollout(): void {
    const now = this.sim.nowSeconds;
    const activeBySet = new Map<ReplicaSet, SimPod[]>(this.sets.all.map((s) => [s, []]));
    const podsBySet = new Map<ReplicaSet, number>();
    const allActive: SimPod[] = [];
    let oldPodsRunning = false;
    let ready = 0;
    for (const pod of this.pods) {
      if (pod.removed) continue;
      const set = this.sets.of(pod.template);
      if (set !== undefined) podsBySet.set(set, (podsBySet.get(set) ?? 0) + 1);
      if (pod.template !== this.template && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') oldPodsRunning = true;
      if (!isActive(pod)) continue;
      allActive.push(pod);
      if (pod.ready) ready++;
      if (set !== undefined) activeBySet.get(set)!.push(pod);
    }
    for (const set of this.sets.all) set.availableReplicas = activeBySet.get(set)!.filter((p) => this.available(p)).length;
    this.rolloutLog.observe(ready, allActive.length);
    const newSet = this.sets.of(this.template);
    const result = syncDeployment({
      deployment: { replicas: this.specReplicas, strategy: this.settings.strategy, statusReplicas: this.status.replicas },
      oldSets: this.sets.all.filter((s) => s !== newSet),
      newSet,
      newSetName: this.setName(this.revision),
      nowSeconds: now,
      oldPodsRunning,
    });
    let changed = false;
    for (const view of [...result.oldSets, ...(result.newSet ? [result.newSet] : [])]) {
      const set = view === result.newSet && result.createdNewSet ? undefined : this.sets.all.find((s) => s.name === view.name);
      if (set === undefined) {
        const created: ReplicaSet = { ...view, template: this.template, spread: this.template.hasTopologySpreadConstraints === true ? undefined : new SpreadGroup() };
        this.sets.add(created);
        activeBySet.set(created, []);
        changed = true;
        if (this.hasDeadline) this.progressing = { reason: 'NewReplicaSetCreated', lastUpdateSeconds: now };
        continue;
      }
      if (set.replicas !== view.replicas || set.desiredReplicas !== view.desiredReplicas || set.maxReplicas !== view.maxReplicas) changed = true;
      set.replicas = view.replicas;
      set.desiredReplicas = view.desiredReplicas;
      set.maxReplicas = view.maxReplicas;
    }
    for (const e of result.events) this.onEvent?.({ reason: 'ScalingReplicaSet', replicaSet: e.replicaSet, message: e.message });
    // Each write to a ReplicaSet comes back to the Deployment as an update event: it syncs again.
    if (changed) this.requestReconcile();
    this.updateStatus(activeBySet, allActive.length, ready, result.path !== 'scale');
    for (const set of this.sets.all) this.manage(set, activeBySet.get(set)!, allActive);
    this.sets.forgetSpent(this.sets.of(this.template), (set) => podsBySet.get(set) ?? 0);
  }

  /** HasProgressDeadline: spec.progressDeadlineSeconds is not math.MaxInt32. */
  private get hasDeadline(): boolean {
    return this.settings.progressDeadlineSeconds !== NO_PROGRESS_DEADLINE;
  }

  /**
   * calculateStatus; after a rollout step, the rollout's completion (DeploymentComplete, as
   * `kubectl rollout status` judges it) and, with a progress deadline, syncRolloutStatus's
   * Progressing condition and its progress check.
   */
  private updateStatus(activeBySet: Map<ReplicaSet, SimPod[]>, replicas: number, readyReplicas: number, rolloutStep: boolean): void {
    const now = this.sim.nowSeconds;
    const newSet = this.sets.of(this.template);
    let availableReplicas = 0;
    for (const set of this.sets.all) availableReplicas += set.availableReplicas;
    const status: DeploymentStatus = { replicas, updatedReplicas: newSet === undefined ? 0 : activeBySet.get(newSet)!.length, readyReplicas, availableReplicas };
    const before = this.status;
    this.status = status;
    if (!rolloutStep) return;
    if (deploymentComplete(this.specReplicas, status)) this.rolloutLog.complete(now);
    if (!this.hasDeadline) return;
    const deadline = this.settings.progressDeadlineSeconds;
    const condition = nextProgressing(this.progressing, before, status, this.specReplicas, deadline, now);
    if (condition !== undefined && condition.reason !== this.progressing?.reason) this.conditionChanged(condition, this.progressing, newSet?.name ?? '');
    this.progressing = condition;
    const after = progressCheckAfterSeconds(condition, this.specReplicas, status, deadline, now);
    if (after === undefined || this.progressCheckSeconds === now + after) return;
    this.progressCheckSeconds = now + after;
    this.sim.scheduleAfter(after, Phase.RECONCILE, `deployment/${this.spec.name}`, () => this.requestReconcile());
  }

  /**
   * Tells the listener of the Progressing condition turning NewReplicaSetAvailable (complete) or
   * ProgressDeadlineExceeded, and of its return to ReplicaSetUpdated after a stall (the rollout
   * progresses again); records the stall.
   */
  private conditionChanged(condition: ProgressingCondition, before: ProgressingCondition | undefined, replicaSet: string): void {
    const subject = replicaSet === '' ? `Deployment "${this.spec.name}"` : `ReplicaSet "${replicaSet}"`;
    if (condition.reason === 'NewReplicaSetAvailable') {
      this.onEvent?.({ reason: condition.reason, replicaSet, message: `${subject} has successfully progressed.` });
    } else if (condition.reason === 'ProgressDeadlineExceeded') {
      this.rolloutLog.deadlineExceeded(this.sim.nowSeconds);
      this.onEvent?.({ reason: condition.reason, replicaSet, message: `${subject} has timed out progressing.` });
    } else if (condition.reason === 'ReplicaSetUpdated' && before?.reason === 'ProgressDeadlineExceeded') {
      this.onEvent?.({ reason: condition.reason, replicaSet, message: `${subject} is progressing.` });
    }
  }

  /**
   * Rollouts of this Deployment at their instants (spec.rollouts), each repeat scheduled when the
   * one before fires; `startEpochSeconds` is t = 0 on the calendar (two restarts in one wall-clock
   * second are one).
   */
  scheduleRollouts(rollouts: readonly RolloutSpec[], endSeconds: number, startEpochSeconds = 0): void {
    this.startEpochSeconds = startEpochSeconds;
    scheduleRolloutInstants(this.sim, rollouts, endSeconds, `deployment/${this.spec.name}`, () => this.startRollout());
  }
}
