/**
 * Deleting one node the scale-down chose, on the simulation clock (core/scaledown/actuation
 * actuator.go deleteNodesAsync, drain.go Evictor.drainNodeWithPodsBasedOnPodPriority,
 * initiateEviction, evictPod, waitPodsToDisappear). The node is tainted ToBeDeletedByClusterAutoscaler
 * in the loop that chose it; deleteNodesAsync then sleeps --node-delete-delay-after-taint (5 s)
 * before it does anything else, for empty nodes and for nodes to drain alike, and looks at the node
 * again (GetPodsToMove on a fresh snapshot, drainability.ts): a pod that now blocks the drain (a
 * budget that allows no disruption now, a pod without a controller that landed there), or for an
 * empty node any pod to move ("new pods scheduled"), fails the deletion at once: the taint comes off
 * and the node stays (CleanUpAndRecordFailedScaleDownEvent). An empty node is then deleted from the
 * cloud. A node to drain has its pods evicted, each with its
 * terminationGracePeriodSeconds capped at --max-graceful-termination-sec, as their
 * PodDisruptionBudgets allow (scale-down/eviction.ts: a refused pod is tried again every 10 s for up
 * to 2 min; if one is still refused the drain fails, the taint comes off and the node stays). Once
 * every pod is evicted, waitPodsToDisappear looks for them at once and then every 5 s; the node is
 * deleted at the first look that finds them all gone. Billing runs until then. DeleteNodes
 * terminates the instance; the Node object and any pod left on it go as upstream's controllers take
 * them (src/cloud/node-teardown.ts: NotReady, then the cloud node lifecycle controller, then the pod GC).
 *
 * drainNodeWithPodsBasedOnPodPriority groups pods by priority only under --drain-priority-config
 * (not modelled); by default every pod is one group, evicted at once, whatever its priority.
 * Expendable pods (priority below the cutoff) are not evicted: the CA's snapshot leaves them out, and
 * they are still bound to the node when its instance goes.
 *
 * Not modelled: the give-up after max-graceful-termination-sec + 30 s of waiting for evicted pods to
 * go (a simulated pod is gone within its termination time).
 */
import { podsToMoveForDrain, type DrainOptions } from '../../autoscalers/cluster-autoscaler/scale-down/drainability.js';
import { evictionRound, EVICTION_RETRY_SECONDS, retriesEviction } from '../../autoscalers/cluster-autoscaler/scale-down/eviction.js';
import type { CaPdb, CaPod } from '../../autoscalers/cluster-autoscaler/types.js';
import type { NodeGroup } from '../../cloud/node-group.js';
import type { Cluster } from '../../cluster/cluster.js';
import type { SimNode, SimPod } from '../../cluster/model.js';
import { Phase } from '../../core/phases.js';
import type { Simulation } from '../../core/simulation.js';
import { isExpendableSimPod, TO_BE_DELETED_TAINT } from './snapshot.js';

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
  /** --expendable-pods-priority-cutoff: pods below it are not in the CA's snapshot, and not evicted. */
  expendablePodsPriorityCutoff: number;
  /** PodDisruptionBudgets with status.disruptionsAllowed as of now. */
  pdbs: () => CaPdb[];
  /** --skip-nodes-with-system-pods and --skip-nodes-with-local-storage, for the look after the delay. */
  drainRules: Pick<DrainOptions, 'skipNodesWithSystemPods' | 'skipNodesWithLocalStorage'>;
  /** A pod as the budgets see it (namespace and labels). */
  view: (pod: SimPod) => CaPod;
  /**
   * Called once the deletion ends: the node deleted here, gone another way meanwhile (a spot
   * interruption), or kept because a budget refused an eviction for 2 min (the taint is off again).
   */
  done: (outcome: 'deleted' | 'gone' | 'drainFailed' | 'notDrainable') => void;
}

/** Starts the deletion of a node already tainted: delay, drain if needed, poll, delete. */
export function startNodeDeletion(input: NodeDeletionInput): void {
  const { sim, cluster, group, node } = input;
  // Gone another way meanwhile: its instance terminated (a spot interruption) or its Node deleted.
  const gone = (): boolean => node.removed || node.instanceGoneSeconds !== undefined;
  const deleteNow = (): void => {
    if (gone()) {
      input.done('gone');
      return;
    }
    group.deleteNode(node);
    input.done('deleted');
  };
  // The deletion fails (CleanUpAndRecordFailedScaleDownEvent): the taint comes off and the node stays.
  const keep = (outcome: 'notDrainable' | 'drainFailed'): void => {
    cluster.setTaint(node, TO_BE_DELETED_TAINT, false);
    input.done(outcome);
  };
  sim.scheduleAfter(NODE_DELETE_DELAY_AFTER_TAINT_SECONDS, Phase.LIFECYCLE, 'cluster-autoscaler/delete', () => {
    if (gone()) {
      deleteNow();
      return;
    }
    // The CA's snapshot leaves expendable pods out (they go with the node); an empty node is looked at
    // with no budgets (pdbs nil upstream). The drain evicts the snapshot's pods.
    const toEvict: SimPod[] = cluster.podsOn(node).filter((p) => !isExpendableSimPod(p, input.expendablePodsPriorityCutoff));
    const again = podsToMoveForDrain(toEvict.map(input.view), { ...input.drainRules, pdbs: input.empty ? [] : input.pdbs(), nowSeconds: sim.nowSeconds });
    if (!again.ok || (input.empty && again.podsToMove.length > 0)) {
      keep('notDrainable');
      return;
    }
    if (input.empty) {
      deleteNow();
      return;
    }
    const drainStart = sim.nowSeconds;
    const look = (): void => {
      if (gone() || toEvict.every((p) => p.removed || p.node !== node)) {
        deleteNow();
        return;
      }
      sim.scheduleAfter(POD_GONE_POLL_SECONDS, Phase.LIFECYCLE, 'cluster-autoscaler/drain', look);
    };
    const evict = (pods: readonly SimPod[]): void => {
      if (gone()) {
        input.done('gone');
        return;
      }
      // A pod already terminating or gone counts as evicted (the eviction finds it deleting or NotFound).
      const round = evictionRound(
        pods.filter((p) => !p.removed && p.deletionSeconds === undefined),
        input.view,
        input.pdbs(),
      );
      for (const pod of round.evicted) cluster.deletePod(pod, Math.min(pod.template.terminationGracePeriodSeconds, input.maxGracefulTerminationSeconds));
      if (round.refused.length === 0) {
        look();
        return;
      }
      if (retriesEviction(drainStart, sim.nowSeconds)) {
        sim.scheduleAfter(EVICTION_RETRY_SECONDS, Phase.LIFECYCLE, 'cluster-autoscaler/drain', () => evict(round.refused));
        return;
      }
      // The drain failed (AbortNodeDeletionDueToError): the node is untainted and stays.
      keep('drainFailed');
    };
    evict(toEvict);
  });
}
