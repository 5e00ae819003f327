/**
 * What the cluster tells its listeners (src/cluster/cluster.ts calls them): nodes added, their cloud
 * instances terminated and their Node objects deleted, every lifecycle step of a pod, and each
 * change of a pod's usage state, which the workloads' usage ledgers and the billing observer settle
 * their integrals on.
 */
import { isServing, type SimNode, type SimPod } from './model.js';
import type { PlacementFilterReason } from './place-pod.js';

/** What a pod consumes: nothing (not started or gone), its idle base, or base plus served traffic. */
export type UsageState = 'none' | 'base' | 'serving';

export function usageStateOf(pod: SimPod): UsageState {
  if (pod.removed || pod.containerStartSeconds === undefined || pod.phase !== 'Running') return 'none';
  return isServing(pod) ? 'serving' : 'base';
}

export interface ClusterListener {
  nodeAdded?(node: SimNode): void;
  /** The node's cloud instance is gone: its capacity ends now (the Node object may stay a while). */
  nodeTerminated?(node: SimNode): void;
  /** The node's Ready condition changed (Cluster.setNodeReady; `node.ready` is the new value). */
  nodeReadyChanged?(node: SimNode): void;
  /** The Node object is deleted from the API (pods still bound to it stay until the pod GC deletes them). */
  nodeRemoved?(node: SimNode): void;
  /** Called when a pod's usage state changed from `from` to `to`, at the current instant. */
  usageStateChanging?(pod: SimPod, from: UsageState, to: UsageState): void;
  /**
   * Called when a pod becomes (true) or stops being (false) an endpoint whose containers are down
   * (isUnreachableEndpoint): at once before its usage change when it becomes one, after it when it stops.
   */
  unreachableEndpointChanging?(pod: SimPod, unreachable: boolean): void;
  /** Called after every lifecycle step of a pod (bound, started, ready, deleting, gone). */
  podChanged?(pod: SimPod): void;
  /**
   * A scheduling cycle found no node for `pod` (PodScheduled=False/Unschedulable): how many nodes
   * failed each filter, out of `numAllNodes` (kube-scheduler's FitError, the FailedScheduling event).
   */
  podUnschedulable?(pod: SimPod, numAllNodes: number, filterCounts: Readonly<Partial<Record<PlacementFilterReason, number>>>): void;
  /** The scheduler preempted `victims` on `node` for `preemptor` (before they are deleted) and nominated it there. */
  podsPreempted?(preemptor: SimPod, node: SimNode, victims: readonly SimPod[]): void;
}
