/**
 * One step of a pod's lifecycle as the Cluster applies it: the change itself, then what it moves in
 * the owner's counts (status.replicas, Running-and-Ready: owner-pods.ts) and the node's version, and
 * the listeners told in the order they settle their integrals: a pod that becomes an endpoint whose
 * containers are down (isUnreachableEndpoint) is announced before its usage change, one that stops
 * being one after it, and every step ends with podChanged.
 */
import { usageStateOf, type ClusterListener } from './cluster-listener.js';
import { isActive, isUnreachableEndpoint, type SimPod } from './model.js';
import { countsRunningReady, type OwnerPods } from './owner-pods.js';

/** Applies `mutate` to `pod` and tells `listeners` what changed. */
export function transitionPod(pod: SimPod, mutate: () => void, owners: OwnerPods, listeners: readonly ClusterListener[]): void {
  const from = usageStateOf(pod);
  const wasActive = isActive(pod);
  const wasRunningReady = countsRunningReady(pod);
  const wasUnreachable = isUnreachableEndpoint(pod);
  mutate();
  owners.changed(pod, wasActive, wasRunningReady);
  if (pod.node !== undefined) pod.node.podsVersion++;
  const to = usageStateOf(pod);
  // A pod whose containers stop while the API still lists it as an endpoint (isUnreachableEndpoint)
  // is announced with its usage change, at the same instant (listeners settle before counting).
  const unreachable = isUnreachableEndpoint(pod);
  if (unreachable && !wasUnreachable) for (const l of listeners) l.unreachableEndpointChanging?.(pod, true);
  if (from !== to) for (const l of listeners) l.usageStateChanging?.(pod, from, to);
  if (!unreachable && wasUnreachable) for (const l of listeners) l.unreachableEndpointChanging?.(pod, false);
  for (const l of listeners) l.podChanged?.(pod);
}
