/**
 * InterPodAffinity in the cluster-autoscaler's simulations: upstream's predicate checker
 * (simulator/predicatechecker, SchedulerBasedPredicateChecker) runs the scheduler framework's
 * PreFilter and Filter, so a pod's required podAffinity and podAntiAffinity terms, and the required
 * anti-affinity terms of the pods already placed, apply to every simulated placement, counted over
 * the simulation's whole snapshot (the rules are src/cluster/inter-pod-affinity-filter.ts's). A
 * node made from a group template is a new hostname domain (its name as kubernetes.io/hostname,
 * spread-predicate.ts viewOf) in the template's zone: with required anti-affinity on the hostname,
 * each new node takes one pod of the group.
 *
 * No cost when unused: without required terms of its own and with no placed pod carrying required
 * anti-affinity (SimulatedNode.requiredAntiAffinityPods), a pod gets no state and the filter is skipped.
 */
import { interPodAffinityFilter, preFilterInterPodAffinity, type AffinityFilterState, type InterPodAffinityReason } from '../../cluster/inter-pod-affinity-filter.js';
import type { AffinityPodView } from '../../cluster/inter-pod-affinity-terms.js';
import type { SimulatedNode } from './simulated-node.js';
import { viewOf } from './spread-predicate.js';
import type { CaPod } from './types.js';

/** A pod's InterPodAffinity PreFilter state over one snapshot. */
export type SnapshotAffinity = AffinityFilterState;

function podView(pod: CaPod): AffinityPodView {
  return { namespace: pod.namespace, revision: pod.revision, labels: pod.labels };
}

/** Whether some node of the parts holds a pod with required anti-affinity (callers that check many pods keep this and pass it). */
export function anyRequiredAnti(parts: readonly (readonly SimulatedNode[])[]): boolean {
  for (const nodes of parts) for (const n of nodes) if ((n.requiredAntiAffinityPods ?? 0) > 0) return true;
  return false;
}

/** Whether a pod has required inter-pod affinity or anti-affinity terms. */
export function hasRequiredTerms(pod: CaPod): boolean {
  const own = pod.podAffinity;
  return own !== undefined && (own.requiredAffinity.length > 0 || own.requiredAnti.length > 0);
}

/**
 * PreFilter of `pod` over the snapshot, given as one or more lists of nodes (every node of the
 * simulation); undefined when the filter is skipped. `requiredAntiPlaced`: whether some node holds a
 * pod with required anti-affinity, when the caller knows (else the nodes are looked at).
 */
export function snapshotAffinity(pod: CaPod, parts: readonly (readonly SimulatedNode[])[], requiredAntiPlaced?: boolean): SnapshotAffinity | undefined {
  if (!hasRequiredTerms(pod) && !(requiredAntiPlaced ?? anyRequiredAnti(parts))) return undefined;
  const requiredAffinity = pod.podAffinity?.requiredAffinity ?? [];
  const requiredAnti = pod.podAffinity?.requiredAnti ?? [];
  return preFilterInterPodAffinity(podView(pod), requiredAffinity, requiredAnti, (visit) => {
    for (const nodes of parts) {
      for (const node of nodes) {
        const labels = viewOf(node).labels;
        for (const other of node.pods) visit(labels, podView(other), other.podAffinity?.requiredAnti, 1);
      }
    }
  });
}

/** Filter on one node, given the pod's PreFilter state. */
export function checkAffinity(state: SnapshotAffinity, node: SimulatedNode): InterPodAffinityReason | 'Fits' {
  return interPodAffinityFilter(state, viewOf(node).labels);
}
