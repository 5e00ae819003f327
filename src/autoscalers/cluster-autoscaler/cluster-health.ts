/**
 * Whether the cluster is healthy enough to autoscale (clusterstate/clusterstate.go
 * updateReadinessStats, IsClusterHealthy; RunOnce returns early and forgets the unneeded nodes
 * when it is not). A registered node that is not Ready is Unready once it is older than
 * MaxNodeStartupTime (15 min); younger, it is NotStarted, which does not count. The cluster is
 * unhealthy when the Unready nodes are more than --ok-total-unready-count (3) and more than
 * --max-total-unready-percentage (45) percent of all registered nodes. Pure.
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

/** updateReadinessStats' Unready count and IsClusterHealthy's verdict for `nodes` at `nowSeconds`. */
export function clusterHealth(nodes: readonly ReadinessNode[], nowSeconds: number, startedBeforeSeconds = Number.NEGATIVE_INFINITY): ClusterHealth {
  let unready = 0;
  for (const node of nodes) if (isUnready(node, nowSeconds, startedBeforeSeconds)) unready++;
  return isClusterHealthy(unready, nodes.length);
}
