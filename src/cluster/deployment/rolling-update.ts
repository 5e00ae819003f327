/**
 * One RollingUpdate step of the deployment controller (pkg/controller/deployment/rolling.go
 * rolloutRolling; deployment_util.go NewRSNewReplicas): scale the new ReplicaSet up as far as
 * maxSurge lets the sets' spec.replicas exceed the Deployment's, and if it did not move, scale the
 * old ones down as far as maxUnavailable lets the available pods fall below it: first the old
 * sets' unavailable pods (cleanupUnhealthyReplicas), then available ones (oldest set first).
 * Upstream's quirks kept: the surge counts the sets' spec.replicas, not pods, so terminating old
 * pods are not counted; the new set's unavailable pods hold the old ones back. Pure: works on the
 * views given and returns the events.
 */
import { activeReplicaSets, availableCount, olderFirst, replicaCount, scaleReplicaSetAndRecordEvent, type DeploymentView, type ReplicaSetScaling, type ReplicaSetView } from './replica-sets.js';
import { maxUnavailable, scaledValue } from './strategy.js';

/** NewRSNewReplicas: the new set's size this step (RollingUpdate: within spec.replicas + maxSurge in all; Recreate: spec.replicas). */
export function newReplicaSetReplicas(d: DeploymentView, allSets: readonly ReplicaSetView[], newSet: ReplicaSetView): number {
  const strategy = d.strategy;
  if (strategy.type === 'Recreate') return d.replicas;
  const surge = scaledValue(strategy.maxSurge, d.replicas, true);
  const current = replicaCount(allSets);
  const maxTotal = d.replicas + surge;
  if (current >= maxTotal) return newSet.replicas;
  const scaleUp = Math.min(maxTotal - current, d.replicas - newSet.replicas);
  return newSet.replicas + scaleUp;
}

/** reconcileNewReplicaSet: whether the new set was scaled. */
export function reconcileNewReplicaSet(d: DeploymentView, allSets: readonly ReplicaSetView[], newSet: ReplicaSetView, events: ReplicaSetScaling[]): boolean {
  if (newSet.replicas === d.replicas) return false;
  if (newSet.replicas > d.replicas) return scaleReplicaSetAndRecordEvent(newSet, d.replicas, d, events);
  return scaleReplicaSetAndRecordEvent(newSet, newReplicaSetReplicas(d, allSets, newSet), d, events);
}

/**
 * cleanupUnhealthyReplicas: scales old sets down by their unavailable pods, at most `maxCleanup` in
 * all; returns how many, or undefined where upstream returns its error ("got invalid request to
 * scale down"): a set counting more available pods than its spec.replicas (a status not yet caught
 * up), which would be scaled up. The sets scaled before it stay scaled.
 */
export function cleanupUnhealthyReplicas(d: DeploymentView, oldSets: ReplicaSetView[], maxCleanup: number, events: ReplicaSetScaling[]): number | undefined {
  oldSets.sort(olderFirst);
  let total = 0;
  for (const rs of oldSets) {
    if (total >= maxCleanup) break;
    if (rs.replicas === 0 || rs.replicas === rs.availableReplicas) continue;
    const count = Math.min(maxCleanup - total, rs.replicas - rs.availableReplicas);
    if (rs.replicas - count > rs.replicas) return undefined;
    scaleReplicaSetAndRecordEvent(rs, rs.replicas - count, d, events);
    total += count;
  }
  return total;
}

/** scaleDownOldReplicaSetsForRollingUpdate: scales old sets down (oldest first) while more pods are available than spec.replicas − maxUnavailable. */
export function scaleDownOldReplicaSets(d: DeploymentView, allSets: readonly ReplicaSetView[], oldSets: ReplicaSetView[], events: ReplicaSetScaling[]): number {
  const minAvailable = d.replicas - maxUnavailable(d.strategy, d.replicas);
  const available = availableCount(allSets);
  if (available <= minAvailable) return 0;
  oldSets.sort(olderFirst);
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of oldSets) {
    if (total >= toScaleDown) break;
    if (rs.replicas === 0) continue;
    const count = Math.min(rs.replicas, toScaleDown - total);
    scaleReplicaSetAndRecordEvent(rs, rs.replicas - count, d, events);
    total += count;
  }
  return total;
}

/** reconcileOldReplicaSets: whether any old set was scaled down. `oldSets`: every old set (the active ones are taken here). */
export function reconcileOldReplicaSets(d: DeploymentView, oldSets: readonly ReplicaSetView[], newSet: ReplicaSetView, events: ReplicaSetScaling[]): boolean {
  const oldPods = replicaCount(oldSets);
  if (oldPods === 0) return false;
  const allPods = oldPods + newSet.replicas;
  const minAvailable = d.replicas - maxUnavailable(d.strategy, d.replicas);
  const newUnavailable = newSet.replicas - newSet.availableReplicas;
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const active = activeReplicaSets(oldSets);
  const cleaned = cleanupUnhealthyReplicas(d, active, maxScaledDown, events);
  // reconcileOldReplicaSets turns cleanup's error into "nothing scaled".
  if (cleaned === undefined) return false;
  const scaledDown = scaleDownOldReplicaSets(d, [...active, newSet], active, events);
  return cleaned + scaledDown > 0;
}

/** rolloutRolling's steps after the new set exists: scale up, or else scale down. Returns whether a set was scaled. */
export function rollingUpdateStep(d: DeploymentView, oldSets: readonly ReplicaSetView[], newSet: ReplicaSetView, events: ReplicaSetScaling[]): boolean {
  if (reconcileNewReplicaSet(d, [...oldSets, newSet], newSet, events)) return true;
  return reconcileOldReplicaSets(d, oldSets, newSet, events);
}
