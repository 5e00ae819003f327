/**
 * A Deployment whose spec.replicas changed (the HPA's write, a scaling event) in the deployment
 * controller (pkg/controller/deployment/sync.go isScalingEvent, scale; deployment_util.go
 * FindActiveOrLatest, IsSaturated, GetProportion, getReplicaSetFraction). With one active
 * ReplicaSet (or none) that set takes the whole size; when the new set is saturated the old ones go
 * to 0; during a RollingUpdate every active set is resized in proportion to its share of the
 * max-replicas annotation, largest set first, the leftover going to the first. Go's
 * integer.RoundToInt32 rounds half away from zero. Pure.
 */
import { goRound } from '../../units/go-numbers.js';
import { activeReplicaSets, olderFirst, replicaCount, scaleReplicaSet, type DeploymentView, type ReplicaSetScaling, type ReplicaSetView } from './replica-sets.js';
import { maxSurge } from './strategy.js';

/** isScalingEvent: some active set's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(d: DeploymentView, sets: readonly (ReplicaSetView | undefined)[]): boolean {
  return activeReplicaSets(sets).some((rs) => rs.desiredReplicas !== undefined && rs.desiredReplicas !== d.replicas);
}

function newestFirst(sets: readonly ReplicaSetView[]): ReplicaSetView[] {
  return [...sets].sort((a, b) => olderFirst(b, a));
}

/** FindActiveOrLatest: the only active set; the newest when none is active; undefined when several are. */
function findActiveOrLatest(newSet: ReplicaSetView | undefined, oldSets: readonly ReplicaSetView[]): ReplicaSetView | undefined {
  if (newSet === undefined && oldSets.length === 0) return undefined;
  const sorted = newestFirst(oldSets);
  const active = activeReplicaSets([...sorted, newSet]);
  if (active.length === 0) return newSet ?? sorted[0];
  return active.length === 1 ? active[0] : undefined;
}

/** IsSaturated: the new set has spec.replicas pods, all available, and was sized for this spec.replicas. */
export function isSaturated(d: DeploymentView, rs: ReplicaSetView | undefined): boolean {
  if (rs === undefined || rs.desiredReplicas === undefined) return false;
  return rs.replicas === d.replicas && rs.desiredReplicas === d.replicas && rs.availableReplicas === d.replicas;
}

/** getReplicaSetFraction: how many replicas `rs` gains (or loses) to keep its share at the new size. */
export function replicaSetFraction(rs: ReplicaSetView, d: DeploymentView): number {
  if (d.replicas === 0) return -rs.replicas;
  const maxReplicas = d.replicas + maxSurge(d.strategy, d.replicas);
  let before = rs.maxReplicas;
  if (before === undefined || before === 0) {
    before = d.statusReplicas;
    if (before === 0) return 0;
  }
  // float64(replicas * maxReplicas) / float64(before): the product first, then one division.
  return goRound((rs.replicas * maxReplicas) / before) - rs.replicas;
}

/** GetProportion (GetReplicaSetProportion before 1.31): the set's fraction, bounded by what is left to add (or remove). */
function replicaSetProportion(rs: ReplicaSetView, d: DeploymentView, toAdd: number, added: number): number {
  if (rs.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** controller.ReplicaSetsBySizeNewer (scaling up) / BySizeOlder (down): larger first, ties newer (older) first. */
function bySize(newerFirst: boolean): (a: ReplicaSetView, b: ReplicaSetView) => number {
  return (a, b) => (a.replicas !== b.replicas ? b.replicas - a.replicas : newerFirst ? olderFirst(b, a) : olderFirst(a, b));
}

/** scale: resizes the sets for a changed spec.replicas, appending the events to `events`. */
export function scaleForReplicas(d: DeploymentView, newSet: ReplicaSetView | undefined, oldSets: readonly ReplicaSetView[], events: ReplicaSetScaling[]): void {
  const only = findActiveOrLatest(newSet, oldSets);
  if (only !== undefined) {
    if (only.replicas !== d.replicas) scaleReplicaSet(only, d.replicas, d, events);
    return;
  }
  if (isSaturated(d, newSet)) {
    // FindActiveOrLatest sorted the caller's old sets newest first, in place: they go in that order.
    for (const old of activeReplicaSets(newestFirst(oldSets))) scaleReplicaSet(old, 0, d, events);
    return;
  }
  if (d.strategy.type !== 'RollingUpdate') return;
  const sets = activeReplicaSets([...oldSets, newSet]);
  const allowedSize = d.replicas > 0 ? d.replicas + maxSurge(d.strategy, d.replicas) : 0;
  const toAdd = allowedSize - replicaCount(sets);
  if (toAdd > 0) sets.sort(bySize(true));
  else if (toAdd < 0) sets.sort(bySize(false));
  let added = 0;
  const sizes = sets.map((rs) => {
    if (toAdd === 0) return rs.replicas;
    const proportion = replicaSetProportion(rs, d, toAdd, added);
    added += proportion;
    return rs.replicas + proportion;
  });
  if (sizes.length > 0 && toAdd !== 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  sets.forEach((rs, i) => scaleReplicaSet(rs, sizes[i]!, d, events));
}
