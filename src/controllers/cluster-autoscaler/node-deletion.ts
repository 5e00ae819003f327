/**
 * Deleting one node the scale-down chose, on the simulation clock (core/scaledown/actuation
 * actuator.go deleteNodesAsync, drain.go Evictor.drainNodeWithPodsBasedOnPodPriority,
 * waitPodsToDisappear). The node is tainted ToBeDeletedByClusterAutoscaler in the loop that chose
 * it; deleteNodesAsync then sleeps --node-delete-delay-after-taint (5 s) before it does anything
 * else, for empty nodes and for nodes to drain alike. An empty node is then deleted from the cloud.
 * A node to drain has its pods evicted (each with its terminationGracePeriodSeconds capped at
 * --max-graceful-termination-sec), and waitPodsToDisappear looks for them at once and then every
 * 5 s; the node is deleted at the first look that finds them all gone. Billing runs until then.
 *
 * Not modelled: eviction retries against a PodDisruptionBudget (the planner checked the budgets in
 * the same loop) and the give-up after max-graceful-termination-sec + 30 s (a simulated pod is gone
 * within its termination time).
 */
import type { NodeGroup } from '../../cloud/node-group.js';
import type { Cluster } from '../../cluster/cluster.js';
import type { SimNode, SimPod } from '../../cluster/model.js';
import { Phase } from '../../core/phases.js';
import type { Simulation } from '../../core/simulation.js';

/** --node-delete-delay-after-taint=5s (deleteNodesAsync sleeps it before deleting or draining). */
export const NODE_DELETE_DELAY_AFTER_TAINT_SECONDS = 5;
/** waitPodsToDisappear polls the evicted pods every 5 s (drain.go, time.Sleep(5 * time.Second)). */
export const POD_GONE_POLL_SECONDS = 5;

export interface NodeDeletionInput {
  sim: Simulation;
  cluster: Cluster;
  group: NodeGroup;
  node: SimNode;
  /** No pod to move: deleted without a drain. */
  empty: boolean;
  /** --max-graceful-termination-sec */
  maxGracefulTerminationSeconds: number;
  /** Called once the node is gone, deleted here (true) or another way meanwhile (false). */
  done: (deleted: boolean) => void;
}

/** Starts the deletion of a node already tainted: delay, drain if needed, poll, delete. */
export function startNodeDeletion(input: NodeDeletionInput): void {
  const { sim, cluster, group, node } = input;
  const deleteNow = (): void => {
    if (node.removed) {
      input.done(false);
      return;
    }
    group.deleteNode(node);
    input.done(true);
  };
  sim.scheduleAfter(NODE_DELETE_DELAY_AFTER_TAINT_SECONDS, Phase.LIFECYCLE, 'cluster-autoscaler/delete', () => {
    if (input.empty || node.removed) {
      deleteNow();
      return;
    }
    const evicted: SimPod[] = cluster.podsOn(node);
    for (const pod of evicted) cluster.deletePod(pod, Math.min(pod.template.terminationGracePeriodSeconds, input.maxGracefulTerminationSeconds));
    const look = (): void => {
      if (node.removed || evicted.every((p) => p.removed || p.node !== node)) {
        deleteNow();
        return;
      }
      sim.scheduleAfter(POD_GONE_POLL_SECONDS, Phase.LIFECYCLE, 'cluster-autoscaler/drain', look);
    };
    look();
  });
}
