/**
 * What happens to a node whose kubelet stops, shared by a nodeFailure (src/faults/node-failure.ts)
 * and a node whose cloud instance is gone (src/cloud/node-teardown.ts). At once the kubelet is gone:
 * the pods' containers stop (no usage, no metrics) and nothing new starts there, but the API hears
 * nothing. After --node-monitor-grace-period without a status update, the node lifecycle controller
 * (kube-controller-manager pkg/controller/nodelifecycle node_lifecycle_controller.go
 * monitorNodeHealth) sets the node's Ready condition to Unknown, taints it
 * node.kubernetes.io/unreachable NoSchedule and NoExecute (Cluster.setNodeReady) and marks its pods
 * Ready=False (MarkPodsNotReady), so the endpoints drop them.
 */
import type { Cluster } from './cluster.js';
import type { SimNode } from './model.js';

/**
 * kube-controller-manager --node-monitor-grace-period: 50 s since v1.32 (kubernetes/kubernetes PR
 * #126287, pkg/controller/nodelifecycle/config/v1alpha1/defaults.go
 * RecommendedDefaultNodeLifecycleControllerConfiguration; 40 s before).
 */
export const NODE_MONITOR_GRACE_PERIOD_SECONDS = 50;

/** The kubelet dies: containers stop, the API still shows the node and its pods as they were. */
export function stopKubelet(cluster: Cluster, node: SimNode): void {
  cluster.health.setKubeletRunning(node, false);
  for (const pod of cluster.podsOn(node)) cluster.loseContainers(pod);
}

/** The node lifecycle controller after the grace period: Ready Unknown, the unreachable taints, MarkPodsNotReady. */
export function markNodeUnreachable(cluster: Cluster, node: SimNode): void {
  cluster.setNodeReady(node, false);
  for (const pod of cluster.podsOn(node)) cluster.setPodReady(pod, false);
}
