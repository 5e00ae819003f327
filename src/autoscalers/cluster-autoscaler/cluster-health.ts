/**
 * Whether the cluster is healthy enough to autoscale (clusterstate/clusterstate.go
 * updateReadinessStats, IsClusterHealthy; RunOnce returns early and forgets the unneeded nodes
 * when it is not). A registered node that is not Ready is Unready once it is older than
 * MaxNodeStartupTime (15 min); younger, it is NotStarted, which does not count. The cluster is
 * unhealthy when the Unready nodes are more than --ok-total-unready-count (3) and more than
 * --max-total-unready-percentage (45) percent of all registered nodes. A node group is healthy
 * enough to scale up (IsNodeGroupHealthy, read by IsNodeGroupSafeToScaleUp) unless too many of the
 * nodes it should have are not Ready. Pure.
 */

/** clusterstate.go MaxNodeStartupTime: a NotReady node younger than this is still starting. */
export const MAX_NODE_STARTUP_TIME_SECONDS = 900;
/** --ok-total-unready-count=3 */
export const OK_TOTAL_UNREADY_COUNT = 3;
/** --max-total-unready-percentage=45 */
export const MAX_TOTAL_UNREADY_PERCENTAGE = 45;

export interface ReadinessNode {
  readonly ready: boolean;
  /** metadata.creationTimestamp of the Node object. */
  readonly createdSeconds: number;
}

export interface ClusterHealth {
  healthy: boolean;
  /** Registered nodes not Ready and past their start-up time. */
  unready: number;
  /** Registered nodes. */
  registered: number;
}

/**
 * updateReadinessStats' Unready: not Ready and past its start-up time (a NotReady node younger than
 * that is NotStarted). Nodes created at or before `startedBeforeSeconds` (a warm start's) were
 * started long before.
 */
export function isUnready(node: ReadinessNode, nowSeconds: number, startedBeforeSeconds = Number.NEGATIVE_INFINITY): boolean {
  if (node.ready) return false;
  return !(node.createdSeconds > startedBeforeSeconds && node.createdSeconds + MAX_NODE_STARTUP_TIME_SECONDS > nowSeconds);
}

/**
 * updateReadinessStats' NotStarted: registered, not Ready and younger than MaxNodeStartupTime (the
 * warm start's nodes, created at or before `startedBeforeSeconds`, never are). RunOnce takes such a
 * node of a node group for an upcoming one (GetUpcomingNodes; see the cluster-autoscaler controller).
 */
export function isNotStarted(node: ReadinessNode, nowSeconds: number, startedBeforeSeconds = Number.NEGATIVE_INFINITY): boolean {
  return !node.ready && !isUnready(node, nowSeconds, startedBeforeSeconds);
}

/** IsClusterHealthy for `unready` Unready nodes among `registered`. */
export function isClusterHealthy(unready: number, registered: number): ClusterHealth {
  const healthy = !(unready > OK_TOTAL_UNREADY_COUNT && unready > (MAX_TOTAL_UNREADY_PERCENTAGE / 100) * registered);
  return { healthy, unready, registered };
}

/** A node group's readiness (updateReadinessStats per group) and acceptable range (updateAcceptableRanges). */
export interface GroupReadiness {
  ready: number;
  unready: number;
  notStarted: number;
  /** Requested nodes not registered yet (the group's Unregistered instances). */
  unregistered: number;
  /** The group's target size. */
  target: number;
  /** The Increase of the group's open scale-up request (0 without one). */
  requestedIncrease: number;
}

export interface GroupHealth {
  healthy: boolean;
  /** Ready nodes short of the acceptable range's MinNodes (target less the open request's Increase). */
  unjustifiedUnready: number;
}

/**
 * IsNodeGroupHealthy: MinNodes is the target less the open scale-up request's Increase; the group is
 * unhealthy when its Ready nodes fall short of MinNodes by more than --ok-total-unready-count and by
 * more than --max-total-unready-percentage of its Ready, Unready and NotStarted nodes. A group with
 * no registered or requested node has no readiness: healthy when its target is 0 or MinNodes is 0.
 */
export function nodeGroupHealth(group: GroupReadiness): GroupHealth {
  const minNodes = group.target - group.requestedIncrease;
  if (group.ready + group.unready + group.notStarted + group.unregistered === 0) {
    return { healthy: group.target === 0 || minNodes === 0, unjustifiedUnready: Math.max(0, minNodes) };
  }
  const unjustifiedUnready = Math.max(0, minNodes - group.ready);
  const counted = group.ready + group.unready + group.notStarted;
  const healthy = !(unjustifiedUnready > OK_TOTAL_UNREADY_COUNT && unjustifiedUnready > (MAX_TOTAL_UNREADY_PERCENTAGE / 100) * counted);
  return { healthy, unjustifiedUnready };
}

/** updateReadinessStats' Unready count and IsClusterHealthy's verdict for `nodes` at `nowSeconds`. */
export function clusterHealth(nodes: readonly ReadinessNode[], nowSeconds: number, startedBeforeSeconds = Number.NEGATIVE_INFINITY): ClusterHealth {
  let unready = 0;
  for (const node of nodes) if (isUnready(node, nowSeconds, startedBeforeSeconds)) unready++;
  return isClusterHealthy(unready, nodes.length);
}
