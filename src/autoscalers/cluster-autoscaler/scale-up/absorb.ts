/**
 * Pods the capacity already on its way will take (core/static_autoscaler.go addUpcomingNodesToClusterSnapshot
 * with processors/podlistprocessor filterOutSchedulable): upcoming nodes join the snapshot as copies of
 * their group's template, then each pending pod, most important first, is placed on the first node with
 * room (PodTopologySpread and InterPodAffinity counted over the whole snapshot as the pods land). Those pods do not
 * trigger another scale-up.
 *
 * The snapshot holds every registered node, NotReady ones too: RunOnce initializes it with allNodes
 * (obtainNodeLists, then initializeClusterSnapshot(allNodes, …)); readyNodes feed only the
 * --max-nodes-total check and the templates. A NotReady node carries the node lifecycle controller's
 * node.kubernetes.io/unreachable (or not-ready) NoSchedule taint, so the TaintToleration filter keeps
 * the pods that do not tolerate it off it, while a pod that does (a blanket `operator: Exists`) fits
 * its free room, as the scheduler would bind it there; and its pods count for PodTopologySpread and
 * InterPodAffinity, as the scheduler counts them.
 *
 * Nodes the scale-down is deleting stay too: nothing between obtainNodeLists and the pod list
 * processors drops them (the filterOutSchedulable processor runs with ScheduleAnywhere), and
 * upstream relies on their being there: the CurrentlyDrainedNodes processor reads their pods from
 * this snapshot, and the scale-down planner's injectPods notes "the pods won't schedule back on the
 * drained nodes due to taints". So the ToBeDeletedByClusterAutoscaler NoSchedule taint keeps the pods
 * that do not tolerate it off such a node, a pod that does (a blanket `operator: Exists`) takes its
 * free room, and its pods and its labels count for PodTopologySpread and InterPodAffinity (its
 * terminating pods do not, as countPodsMatchSelector skips them). Only scale-down's planner leaves
 * them out (planner.go UpdateClusterState: filterOutOngoingDeletions; removal-simulation.ts).
 */
import { addPodToNode, checkPredicates, cloneNode, nodeFromCaNode, nodeFromTemplate, type SimulatedNode } from '../simulated-node.js';
import { anyRequiredAnti, snapshotAffinity } from '../affinity-predicate.js';
import { snapshotSpread } from '../spread-predicate.js';
import type { CaNode, CaNodeGroup, CaNodeTemplate, CaPod } from '../types.js';

/** A group's upcoming nodes (GetUpcomingNodes): requested and not registered yet, or registered and NotStarted. */
export interface UpcomingNodes {
  group: string;
  count: number;
  /** Defaults to the group's template. */
  template?: CaNodeTemplate;
}

export interface AbsorbResult {
  /** Pods that fit on existing or upcoming nodes. */
  absorbed: CaPod[];
  remaining: CaPod[];
  /** The snapshot after the absorbed pods were placed (the scale-up simulations' starting point). */
  nodes: SimulatedNode[];
}

/** The snapshot nodes: every existing node (NotReady ones and those being deleted too, with their taints), then the upcoming nodes. */
export function snapshotNodes(nodes: readonly CaNode[], upcoming: readonly UpcomingNodes[], groups: ReadonlyMap<string, CaNodeGroup>): SimulatedNode[] {
  const result = nodes.map(nodeFromCaNode);
  for (const u of upcoming) {
    const template = u.template ?? groups.get(u.group)?.template;
    if (template === undefined) continue;
    for (let i = 0; i < u.count; i++) result.push(nodeFromTemplate(template, `${u.group}-upcoming-${i}`, u.group));
  }
  return result;
}

/**
 * Places pending pods (priority descending, stable) first-fit onto `nodes`; a node is copied when a
 * pod first lands on it (inputs untouched).
 */
export function absorbPendingPods(pods: readonly CaPod[], nodes: readonly SimulatedNode[]): AbsorbResult {
  const state = [...nodes];
  const copied = new Uint8Array(state.length);
  const ordered = [...pods].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  const absorbed = new Set<CaPod>();
  let requiredAntiPlaced = anyRequiredAnti([state]);
  for (const pod of ordered) {
    const spread = snapshotSpread(pod, state);
    const affinity = snapshotAffinity(pod, [state], requiredAntiPlaced);
    const i = state.findIndex((n) => checkPredicates(pod, n, spread, affinity) === 'Fits');
    if (i < 0) continue;
    if (copied[i] === 0) {
      state[i] = cloneNode(state[i]!);
      copied[i] = 1;
    }
    addPodToNode(state[i]!, pod);
    if ((pod.podAffinity?.requiredAnti.length ?? 0) > 0) requiredAntiPlaced = true;
    absorbed.add(pod);
  }
  return { absorbed: pods.filter((p) => absorbed.has(p)), remaining: pods.filter((p) => !absorbed.has(p)), nodes: state };
}
