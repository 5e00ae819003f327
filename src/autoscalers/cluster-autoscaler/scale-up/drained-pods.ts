/**
 * The pods of nodes the scale-down is draining, counted as pending by the next loops
 * (core/podlistprocessor/currently_drained_nodes.go, the pod list processor after
 * filterOutExpendable and before filterOutSchedulable): for each node with a drain in progress
 * (ActuationStatus.DeletionsInProgress, the drained list; empty-node deletions are not in it), its
 * pods in the cluster snapshot that are not terminating (no deletionTimestamp) and that a controller
 * would recreate (pod_util.FilterRecreatablePods: not DaemonSet, mirror or static pods; a pod with
 * no controller is kept), in node order then pod order. They join the unschedulable pods with their
 * node name cleared, so filterOutSchedulable puts them on free room or on upcoming nodes, where they
 * stay for the rest of the loop (scale-down's planner sees that room taken), and those that fit
 * nowhere take part in the scale-up. The drained node keeps them in the snapshot, and its
 * ToBeDeletedByClusterAutoscaler taint keeps them off it (a pod that tolerates every taint may land
 * back there, as upstream's ScheduleAnywhere allows). Upstream adds them "to optimize scale-up
 * latency" (planner.go injectRecentlyEvictedPods): a drain whose pods will not fit elsewhere starts
 * its scale-up before the evictions, not after. Terminal pods are not in this snapshot.
 */
import { isDaemonSetPod, isMirrorPod } from '../pod-kind.js';
import type { CaNode, CaPod } from '../types.js';

/** Recreatable, not terminating pods of the `nodes` named in `draining` (currentlyDrainedPods + FilterRecreatablePods). */
export function podsOfDrainedNodes(nodes: readonly CaNode[], draining: ReadonlySet<string>): CaPod[] {
  const pods: CaPod[] = [];
  if (draining.size === 0) return pods;
  for (const node of nodes) {
    if (!draining.has(node.name)) continue;
    for (const pod of node.pods) {
      if (pod.deletionSeconds !== undefined || pod.terminal === true || isDaemonSetPod(pod) || isMirrorPod(pod)) continue;
      pods.push(pod);
    }
  }
  return pods;
}
