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
 * each progress check (rollout-status.ts). Events go to `onEvent`: ScalingReplicaSet, and the
 * Progressing condition turning NewReplicaSetAvailable (complete) or ProgressDeadlineExceeded.
 */
import { Phase } from '../core/phases.js';
import type { PodTemplateSpec, RolloutSpec } from '../scenario/types.js';
import { syncDeployment } from './deployment/deployment-sync.js';
import { replicaSetName } from './deployment/replica-set-name.js';
import type { ReplicaSetView } from './deployment/replica-sets.js';
import { nextProgressing, progressCheckAfterSeconds, type DeploymentStatus, type ProgressingCondition } from './deployment/rollout-status.js';
import { DEPLOYMENT_DEFAULTS, maxSurge, type RolloutSettings } from './deployment/strategy.js';
import { isActive, type SimPod } from './model.js';
import { choosePodsToDelete } from './replica-set-order.js';
import { slowStartBatch } from './slow-start-batch.js';
import { SpreadGroup } from './topology-spread-counts.js';
import { WorkloadController } from './workload-controller.js';

/** kube-controller-manager's ReplicaSet controller: replicaset.BurstReplicas (500). */
export const BURST_REPLICAS = 500;

/** A ReplicaSet: what the deployment controller reads of it, and its template and pods' spread counts. */
interface ReplicaSet extends ReplicaSetView {
  template: PodTemplateSpec;
  spread: SpreadGroup | undefined;
}

/** An event of the Deployment: ScalingReplicaSet, or its Progressing condition changing reason. */
export interface DeploymentEvent {
  reason: string;
  /** The ReplicaSet it concerns. */
  replicaSet: string;
  message: string;
}

/** One rollout: its revision, when it began, completed, and first exceeded its progress deadline. */
export interface RolloutRecord {
  revision: number;
  replicaSet: string;
  startedSeconds: number;
  completedSeconds: number | undefined;
  deadlineExceededSeconds: number | undefined;
  /** When the next rollout began before this one completed. */
  supersededSeconds: number | undefined;
  /** Ready, active pods when it began, the fewest and the most active pods while it ran (at each sync). */
  readyPodsAtStart: number;
  minReadyPods: number;
  peakPods: number;
}

export class DeploymentController extends WorkloadController {
  private created = 0;
  private readonly sets: ReplicaSet[] = [];
  /** The Deployment's pod template: the manifest's until the first rollout. */
  private template: PodTemplateSpec = this.spec.template;
  private revision = 1;
  /** Each rollout so far, oldest first. */
  readonly rollouts: RolloutRecord[] = [];
  /** ScalingReplicaSet events and Progressing condition changes, as they happen. */
  onEvent: ((event: DeploymentEvent) => void) | undefined;
  /** A rollout begins, and ends (complete, or superseded by the next): for figures over its stretch. */
  onRolloutBegin: ((rollout: RolloutRecord) => void) | undefined;
  onRolloutEnd: ((rollout: RolloutRecord) => void) | undefined;
  private status: DeploymentStatus = { replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 };
  private progressing: ProgressingCondition | undefined;
  private progressCheckSeconds = Number.NaN;

  private get settings(): RolloutSettings {
    return this.spec.rollout ?? DEPLOYMENT_DEFAULTS;
  }

  protected nameFor(_index: number): string {
    return `${this.spec.name}-${(this.created++).toString(36).padStart(5, '0')}`;
  }

  /** The first ReplicaSet, made with the Deployment (its pods are the warm start's). */
  private firstSet(): ReplicaSet {
    if (this.sets.length === 0) {
      const d = this.specReplicas;
      this.sets.push({ name: this.setName(1), createdSeconds: 0, replicas: d, availableReplicas: 0, desiredReplicas: undefined, maxReplicas: undefined, template: this.spec.template, spread: this.spread });
    }
    return this.sets[0]!;
  }

  private setName(revision: number): string {
    return replicaSetName(this.owner.namespace, this.spec.name, revision);
  }

  /** A new pod template (a rollout): the next sync creates its ReplicaSet. */
  startRollout(): void {
    const now = this.sim.nowSeconds;
    if (this.rollouts.length === 0) {
      // The one set has followed spec.replicas; its annotations are those of its last scale.
      const first = this.firstSet();
      const d = this.specReplicas;
      first.desiredReplicas = d;
      first.maxReplicas = d + maxSurge(this.settings.strategy, d);
    }
    const previous = this.rollouts[this.rollouts.length - 1];
    if (previous !== undefined && previous.completedSeconds === undefined) {
      previous.supersededSeconds = now;
      this.onRolloutEnd?.(previous);
    }
    this.revision++;
    this.template = { ...this.template };
    let ready = 0;
    let active = 0;
    for (const pod of this.pods) {
      if (pod.removed || !isActive(pod)) continue;
      active++;
      if (pod.ready) ready++;
    }
    const rollout: RolloutRecord = {
      revision: this.revision,
      replicaSet: this.setName(this.revision),
      startedSeconds: now,
      completedSeconds: undefined,
      deadlineExceededSeconds: undefined,
      supersededSeconds: undefined,
      readyPodsAtStart: ready,
      minReadyPods: ready,
      peakPods: active,
    };
    this.rollouts.push(rollout);
    this.onRolloutBegin?.(rollout);
    this.requestReconcile();
  }

  override podChanged(pod: SimPod): void {
    if (this.rollouts.length === 0) {
      super.podChanged(pod);
      return;
    }
    this.requestReconcile();
    const minReady = this.settings.minReadySeconds;
    if (minReady > 0 && pod.ready && pod.readyConditionSeconds === this.sim.nowSeconds) {
      this.sim.scheduleAfter(minReady + 1, Phase.RECONCILE, `deployment/${this.spec.name}`, () => this.requestReconcile());
    }
  }

  reconcile(): void {
    if (this.rollouts.length === 0) {
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

  /** IsPodAvailable: Ready, and for minReadySeconds (strictly before now, whole seconds) when that is set. */
  private available(pod: SimPod): boolean {
    const minReady = this.settings.minReadySeconds;
    if (!pod.ready) return false;
    if (minReady === 0) return true;
    return pod.readyConditionSeconds !== undefined && Math.floor(pod.readyConditionSeconds) + minReady < this.sim.nowSeconds;
  }

  private syncRollout(): void {
    const now = this.sim.nowSeconds;
    const activeBySet = new Map<ReplicaSet, SimPod[]>(this.sets.map((s) => [s, []]));
    const allActive: SimPod[] = [];
    let oldPodsRunning = false;
    let ready = 0;
    for (const pod of this.pods) {
      if (pod.removed) continue;
      if (pod.template !== this.template && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') oldPodsRunning = true;
      if (!isActive(pod)) continue;
      allActive.push(pod);
      if (pod.ready) ready++;
      activeBySet.get(this.sets.find((s) => s.template === pod.template)!)?.push(pod);
    }
    for (const set of this.sets) set.availableReplicas = activeBySet.get(set)!.filter((p) => this.available(p)).length;
    const current = this.rollouts[this.rollouts.length - 1]!;
    if (current.completedSeconds === undefined) {
      current.minReadyPods = Math.min(current.minReadyPods, ready);
      current.peakPods = Math.max(current.peakPods, allActive.length);
    }
    const newSet = this.sets.find((s) => s.template === this.template);
    const result = syncDeployment({
      deployment: { replicas: this.specReplicas, strategy: this.settings.strategy, statusReplicas: this.status.replicas },
      oldSets: this.sets.filter((s) => s !== newSet),
      newSet,
      newSetName: this.setName(this.revision),
      nowSeconds: now,
      oldPodsRunning,
    });
    let changed = false;
    for (const view of [...result.oldSets, ...(result.newSet ? [result.newSet] : [])]) {
      const set = this.sets.find((s) => s.name === view.name);
      if (set === undefined) {
        this.sets.push({ ...view, template: this.template, spread: this.template.hasTopologySpreadConstraints === true ? undefined : new SpreadGroup() });
        activeBySet.set(this.sets[this.sets.length - 1]!, []);
        changed = true;
        this.progressing = { reason: 'NewReplicaSetCreated', lastUpdateSeconds: now };
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
    for (const set of this.sets) this.manage(set, activeBySet.get(set)!, allActive);
  }

  /** calculateStatus, then (after a rollout step) syncRolloutStatus's Progressing condition and its progress check. */
  private updateStatus(activeBySet: Map<ReplicaSet, SimPod[]>, replicas: number, readyReplicas: number, rolloutStep: boolean): void {
    const now = this.sim.nowSeconds;
    const newSet = this.sets.find((s) => s.template === this.template);
    let availableReplicas = 0;
    for (const set of this.sets) availableReplicas += set.availableReplicas;
    const status: DeploymentStatus = { replicas, updatedReplicas: newSet === undefined ? 0 : activeBySet.get(newSet)!.length, readyReplicas, availableReplicas };
    const before = this.status;
    this.status = status;
    if (!rolloutStep) return;
    const deadline = this.settings.progressDeadlineSeconds;
    const condition = nextProgressing(this.progressing, before, status, this.specReplicas, deadline, now);
    if (condition !== this.progressing && condition !== undefined && condition.reason !== this.progressing?.reason) this.conditionChanged(condition, newSet?.name ?? '');
    this.progressing = condition;
    const after = progressCheckAfterSeconds(condition, this.specReplicas, status, deadline, now);
    if (after === undefined || this.progressCheckSeconds === now + after) return;
    this.progressCheckSeconds = now + after;
    this.sim.scheduleAfter(after, Phase.RECONCILE, `deployment/${this.spec.name}`, () => this.requestReconcile());
  }

  /**
   * Records a rollout's completion or stall and tells the listener (NewReplicaSetAvailable,
   * ProgressDeadlineExceeded; a return to ReplicaSetUpdated is only the condition's).
   */
  private conditionChanged(condition: ProgressingCondition, replicaSet: string): void {
    const rollout = this.rollouts[this.rollouts.length - 1];
    const now = this.sim.nowSeconds;
    const subject = replicaSet === '' ? `Deployment "${this.spec.name}"` : `ReplicaSet "${replicaSet}"`;
    if (condition.reason === 'NewReplicaSetAvailable') {
      if (rollout !== undefined && rollout.completedSeconds === undefined && rollout.supersededSeconds === undefined) {
        rollout.completedSeconds = now;
        this.onRolloutEnd?.(rollout);
      }
      this.onEvent?.({ reason: condition.reason, replicaSet, message: `${subject} has successfully progressed.` });
    } else if (condition.reason === 'ProgressDeadlineExceeded') {
      if (rollout !== undefined) rollout.deadlineExceededSeconds ??= now;
      this.onEvent?.({ reason: condition.reason, replicaSet, message: `${subject} has timed out progressing.` });
    }
  }

  /** Rollouts of this Deployment at their instants (spec.rollouts). */
  scheduleRollouts(rollouts: readonly RolloutSpec[], endSeconds: number): void {
    for (const r of rollouts) {
      const step = r.everySeconds;
      for (let t = r.atSeconds; t < endSeconds; t += step ?? Number.POSITIVE_INFINITY) {
        this.sim.scheduleAt(t, Phase.CONTROL, `deployment/${this.spec.name}`, () => this.startRollout());
        if (step === undefined) break;
      }
    }
  }
}
