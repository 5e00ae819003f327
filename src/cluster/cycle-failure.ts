/**
 * A failed scheduling cycle as the failure handler reports it (schedule_one.go FailureHandler →
 * FailedScheduling event): how many nodes there were and how many each filter refused the pod on.
 * Kept on the pod, so that a pod of the same template and shape that the same retry pass would
 * fail alike reports the same failure without a node search (unschedulable-queue.ts).
 */
import type { ClusterListener } from './cluster-listener.js';
import type { SimPod } from './model.js';
import type { PlacementFilterReason } from './place-pod.js';
import { PodSlot } from './pod-slots.js';

export interface CycleFailure {
  numAllNodes: number;
  filterCounts: Readonly<Partial<Record<PlacementFilterReason, number>>>;
}

/** The pod's last failed cycle. */
export const LAST_FAILURE = new PodSlot<CycleFailure>('scheduler: the last failed cycle');

/** The failure handler's FailedScheduling for `pod` (to the listeners), kept on the pod. */
export function reportCycleFailure(listeners: readonly ClusterListener[], pod: SimPod, failure: CycleFailure): void {
  LAST_FAILURE.set(pod, failure);
  for (const l of listeners) l.podUnschedulable?.(pod, failure.numAllNodes, failure.filterCounts);
}

/** A pod of the same template and shape as `alike`, whose cycle in this retry pass failed: it fails the same way. */
export function reportFailureAlike(listeners: readonly ClusterListener[], pod: SimPod, alike: SimPod | undefined): void {
  const failure = alike === undefined ? undefined : LAST_FAILURE.get(alike);
  if (failure !== undefined) reportCycleFailure(listeners, pod, failure);
}
