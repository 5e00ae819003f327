/**
 * A Deployment's ReplicaSets, oldest first, each with its pod template (a pod belongs to the set
 * whose template made it) and its pods' system-default spread counts. An old set at 0 replicas
 * with no pod left (terminating and finished ones counted) is never written again: no rollback is
 * modelled, and the steps that touch old sets skip those at 0. It is forgotten, as upstream's
 * revisionHistoryLimit would forget it, only sooner, so the per-sync work follows the sets that
 * still matter, however many rollouts ran. The newest old set is kept all the same (a cheap
 * precaution: FindActiveOrLatest's fallback names it, though no scaling event reaches that fallback
 * while a set is active).
 */
import type { PodTemplateSpec } from '../../scenario/types.js';
import type { SpreadGroup } from '../topology-spread-counts.js';
import type { ReplicaSetView } from './replica-sets.js';

export interface ReplicaSet extends ReplicaSetView {
  template: PodTemplateSpec;
  spread: SpreadGroup | undefined;
}

export class ReplicaSetList {
  private sets: ReplicaSet[] = [];
  private readonly byTemplate = new Map<PodTemplateSpec, ReplicaSet>();

  get all(): readonly ReplicaSet[] {
    return this.sets;
  }

  add(set: ReplicaSet): void {
    this.sets.push(set);
    this.byTemplate.set(set.template, set);
  }

  /** The set whose template is `template` (the one that made a pod), if it is still kept. */
  of(template: PodTemplateSpec): ReplicaSet | undefined {
    return this.byTemplate.get(template);
  }

  /** Forgets the old sets at 0 replicas without pods (`podsOf`: the set's pods not gone), but the newest old one. */
  forgetSpent(newSet: ReplicaSet | undefined, podsOf: (set: ReplicaSet) => number): void {
    const old = this.sets.filter((s) => s !== newSet);
    const newestOld = old[old.length - 1];
    const spent = (s: ReplicaSet): boolean => s !== newSet && s !== newestOld && s.replicas === 0 && podsOf(s) === 0;
    if (!this.sets.some(spent)) return;
    for (const s of this.sets) if (spent(s)) this.byTemplate.delete(s.template);
    this.sets = this.sets.filter((s) => !spent(s));
  }
}
