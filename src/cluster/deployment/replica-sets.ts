/**
 * A Deployment's ReplicaSets as the deployment controller reads and writes them: spec.replicas,
 * status.availableReplicas and the two annotations it keeps on each (deployment.kubernetes.io/
 * desired-replicas and max-replicas), with the helpers of pkg/controller/controller_utils.go and
 * deployment/util that the rollout steps share (FilterActiveReplicaSets, the sort orders,
 * GetReplicaCountForReplicaSets, scaleReplicaSet). Pure: a step works on its own copies and
 * returns the ScalingReplicaSet events it would record.
 */
import { maxSurge, type DeploymentStrategy } from './strategy.js';

export interface ReplicaSetView {
  name: string;
  /** metadata.creationTimestamp in simulation seconds (compared in whole seconds, as the API stores it). */
  createdSeconds: number;
  /** spec.replicas. */
  replicas: number;
  /** status.availableReplicas: active pods Ready for minReadySeconds. */
  availableReplicas: number;
  /** deployment.kubernetes.io/desired-replicas: the Deployment's spec.replicas when this set was last scaled; undefined when absent. */
  desiredReplicas: number | undefined;
  /** deployment.kubernetes.io/max-replicas: spec.replicas + maxSurge then. */
  maxReplicas: number | undefined;
}

/** What the deployment controller reads of the Deployment. */
export interface DeploymentView {
  /** spec.replicas. */
  replicas: number;
  strategy: DeploymentStrategy;
  /** status.replicas: the sets' active pods (getReplicaSetFraction's fallback). */
  statusReplicas: number;
}

/** A ScalingReplicaSet event: the set, its size before and after. */
export interface ReplicaSetScaling {
  replicaSet: string;
  fromReplicas: number;
  toReplicas: number;
  message: string;
}

/** controller.FilterActiveReplicaSets: sets with spec.replicas above 0. */
export function activeReplicaSets(sets: readonly (ReplicaSetView | undefined)[]): ReplicaSetView[] {
  return sets.filter((rs): rs is ReplicaSetView => rs !== undefined && rs.replicas > 0);
}

/** controller.ReplicaSetsByCreationTimestamp.Less: older first, ties by name. */
export function olderFirst(a: ReplicaSetView, b: ReplicaSetView): number {
  const ta = Math.floor(a.createdSeconds);
  const tb = Math.floor(b.createdSeconds);
  if (ta !== tb) return ta - tb;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function replicaCount(sets: readonly (ReplicaSetView | undefined)[]): number {
  let total = 0;
  for (const rs of sets) if (rs !== undefined) total += rs.replicas;
  return total;
}

/** GetAvailableReplicaCountForReplicaSets: the sum of status.availableReplicas. */
export function availableCount(sets: readonly (ReplicaSetView | undefined)[]): number {
  let total = 0;
  for (const rs of sets) if (rs !== undefined) total += rs.availableReplicas;
  return total;
}

/** The replica annotations for `d` as SetReplicasAnnotations writes them: desired = spec.replicas, max = spec.replicas + maxSurge. */
export function replicasAnnotations(d: Pick<DeploymentView, 'replicas' | 'strategy'>): Pick<ReplicaSetView, 'desiredReplicas' | 'maxReplicas'> {
  return { desiredReplicas: d.replicas, maxReplicas: d.replicas + maxSurge(d.strategy, d.replicas) };
}

/**
 * scaleReplicaSet: writes the size and the replica annotations when either differs; records
 * `Scaled <up|down> replica set <name> from <m> to <n>` when the size changed, the direction the
 * set's own (the form of Kubernetes 1.31, #125118; before, the caller's direction and "to n from m").
 * Returns whether the size changed.
 */
export function scaleReplicaSet(rs: ReplicaSetView, newScale: number, d: DeploymentView, events: ReplicaSetScaling[]): boolean {
  const { desiredReplicas, maxReplicas } = replicasAnnotations(d);
  const sizeNeedsUpdate = rs.replicas !== newScale;
  if (!sizeNeedsUpdate && rs.desiredReplicas === desiredReplicas && rs.maxReplicas === maxReplicas) return false;
  const oldScale = rs.replicas;
  rs.replicas = newScale;
  rs.desiredReplicas = desiredReplicas;
  rs.maxReplicas = maxReplicas;
  if (!sizeNeedsUpdate) return false;
  const operation = oldScale < newScale ? 'up' : 'down';
  events.push({ replicaSet: rs.name, fromReplicas: oldScale, toReplicas: newScale, message: `Scaled ${operation} replica set ${rs.name} from ${oldScale} to ${newScale}` });
  return true;
}

/** scaleReplicaSetAndRecordEvent: nothing when the size is already right (annotations left as they are). */
export function scaleReplicaSetAndRecordEvent(rs: ReplicaSetView, newScale: number, d: DeploymentView, events: ReplicaSetScaling[]): boolean {
  if (rs.replicas === newScale) return false;
  return scaleReplicaSet(rs, newScale, d, events);
}
