/**
 * The cluster-autoscaler's view of the simulated cluster (its ClusterSnapshot): plain CaPod, CaNode
 * and CaNodeGroup records copied from the live objects, so the pure planners never touch the
 * simulation. A pod with explicit DoNotSchedule topology spread constraints carries them, with
 * their selectors, for the PodTopologySpread filter of the CA's simulations, and a pod with required
 * inter-pod affinity terms carries them for InterPodAffinity's. Virtual-kubelet nodes are not in any
 * node group and stay out of it. Pods carry their priority and preemption policy; expendable pods
 * (below the priority cutoff) are not in the snapshot's nodes, as upstream leaves them out of its
 * ClusterSnapshot.
 */
import { nodeDaemonSetCaPods, templateDaemonSetCaPods } from './daemon-set-ca-pods.js';
import { NODE_UNSCHEDULABLE_TAINT } from '../../cluster/node-health.js';
import type { CaNode, CaNodeGroup, CaPod, CaSpreadConstraint } from '../../autoscalers/cluster-autoscaler/types.js';
import { affinityTermsOf } from '../../cluster/inter-pod-affinity-terms.js';
import type { NodeGroup } from '../../cloud/node-group.js';
import type { SimNode, SimPod } from '../../cluster/model.js';
import { PodSlot } from '../../cluster/pod-slots.js';
import type { SpreadSource } from '../../cluster/topology-spread-selectors.js';
import { DEFAULT_EXPENDABLE_PODS_PRIORITY_CUTOFF, isExpendablePod } from '../../autoscalers/cluster-autoscaler/scale-up/pending-pods.js';
import { DELETION_CANDIDATE_TAINT_KEY } from '../../autoscalers/cluster-autoscaler/scale-down/soft-taints.js';

/** The CA's taint on a node it is deleting (ToBeDeletedByClusterAutoscaler). */
export const TO_BE_DELETED_TAINT = { key: 'ToBeDeletedByClusterAutoscaler', effect: 'NoSchedule' as const };

/** The CA's soft taint on an unneeded node (DeletionCandidateOfClusterAutoscaler; scale-down/soft-taints.ts). */
export const DELETION_CANDIDATE_TAINT = { key: DELETION_CANDIDATE_TAINT_KEY, effect: 'PreferNoSchedule' as const };

/** Kind of a pod's controller, for the drain rules: Deployments own pods through ReplicaSets. */
export type OwnerKindOf = (pod: SimPod) => string | undefined;

/**
 * A pod's CaPod, kept on the pod (see PodSlot) while what it copies stays the same: every scan copies
 * every bound pod, and all but deletion and the terminal phase are fixed for a pod's life. CaPods are
 * never changed once made (a change makes a new one), so a kept one is safe to hand out again.
 */
const KEPT_CA_POD = new PodSlot<CaPod>('cluster-autoscaler snapshot');

export function caPod(pod: SimPod, ownerKind: OwnerKindOf): CaPod {
  const terminal = pod.phase === 'Succeeded' || pod.phase === 'Failed';
  const kept = KEPT_CA_POD.get(pod);
  if (kept !== undefined && kept.deletionSeconds === pod.deletionSeconds && (kept.terminal === true) === terminal) return kept;
  const ca = copyPod(pod, ownerKind, terminal);
  KEPT_CA_POD.set(pod, ca);
  return ca;
}

function copyPod(pod: SimPod, ownerKind: OwnerKindOf, terminal: boolean): CaPod {
  const kind = ownerKind(pod);
  const ca: CaPod = {
    name: pod.name,
    namespace: pod.owner.namespace,
    cpuMillicores: pod.cpuRequestMillicores,
    memoryBytes: pod.memoryRequestBytes,
    labels: pod.template.labels,
    annotations: pod.template.annotations,
    nodeSelector: pod.nodeSelector,
    tolerations: pod.tolerations,
    ownerName: pod.owner.name,
    terminationGracePeriodSeconds: pod.template.terminationGracePeriodSeconds,
  };
  if (kind !== undefined) ca.ownerKind = kind;
  if (pod.requiredNodeAffinity !== undefined) ca.requiredNodeAffinity = pod.requiredNodeAffinity;
  if (pod.template.localStorageVolumes !== undefined) ca.localStorageVolumes = pod.template.localStorageVolumes;
  if (pod.template.priority !== undefined) ca.priority = pod.template.priority;
  if (pod.template.preemptionPolicy !== undefined) ca.preemptionPolicy = pod.template.preemptionPolicy;
  if (pod.deletionSeconds !== undefined) ca.deletionSeconds = pod.deletionSeconds;
  if (terminal) ca.terminal = true;
  const source = pod.spreadSource;
  if (source !== undefined) {
    const spread = caSpreadConstraints(source);
    if (spread !== undefined) ca.spreadConstraints = spread;
    const affinity = source.template.podAffinity === undefined ? undefined : affinityTermsOf(source);
    if (affinity !== undefined && (affinity.requiredAffinity.length > 0 || affinity.requiredAnti.length > 0)) {
      ca.podAffinity = { requiredAffinity: affinity.requiredAffinity, requiredAnti: affinity.requiredAnti };
    }
    if (source.revisionSelected) ca.revision = source.id;
  }
  return ca;
}

/** Each source's DoNotSchedule constraints as the CA reads them, made once (their selector objects key its per-node counts). */
const CA_SPREAD = new WeakMap<SpreadSource, readonly CaSpreadConstraint[]>();

function caSpreadConstraints(source: SpreadSource): readonly CaSpreadConstraint[] | undefined {
  const filter = source.explicit?.filter;
  if (filter === undefined || filter.length === 0) return undefined;
  let made = CA_SPREAD.get(source);
  if (made === undefined) {
    made = filter.map((c) => {
      const { namespace, labels, revision } = c.selector;
      return {
        topologyKey: c.topologyKey,
        maxSkew: c.maxSkew,
        minDomains: c.minDomains,
        nodeAffinityPolicy: c.nodeAffinityPolicy,
        nodeTaintsPolicy: c.nodeTaintsPolicy,
        selfMatch: c.selfMatch,
        selector: { namespace, labels, ...(revision === undefined ? {} : { revision }) },
      };
    });
    CA_SPREAD.set(source, made);
  }
  return made;
}

/**
 * A node's CaNode, kept while the node's pods and their state (SimNode.podsVersion), its taints
 * (replaced, never changed in place) and its Ready condition stay the same: every scan copies every
 * node, and from one scan to the next most nodes see no change. Kept by node in a WeakMap (it goes
 * with the node); CaNodes, like CaPods, are never changed once made.
 */
interface KeptCaNode {
  podsVersion: number;
  taints: SimNode['taints'];
  ready: boolean;
  ca: CaNode;
}

const KEPT_CA_NODE = new WeakMap<SimNode, KeptCaNode>();

export function caNode(node: SimNode, ownerKind: OwnerKindOf, expendablePodsPriorityCutoff = DEFAULT_EXPENDABLE_PODS_PRIORITY_CUTOFF): CaNode {
  const kept = KEPT_CA_NODE.get(node);
  if (kept !== undefined && kept.podsVersion === node.podsVersion && kept.taints === node.taints && kept.ready === node.ready) return kept.ca;
  const ca = copyCaNode(node, ownerKind, expendablePodsPriorityCutoff);
  KEPT_CA_NODE.set(node, { podsVersion: node.podsVersion, taints: node.taints, ready: node.ready, ca });
  return ca;
}

/** The copy caNode keeps, made afresh (tests compare the two). */
export function copyCaNode(node: SimNode, ownerKind: OwnerKindOf, expendablePodsPriorityCutoff = DEFAULT_EXPENDABLE_PODS_PRIORITY_CUTOFF): CaNode {
  return {
    name: node.name,
    group: node.pool.name,
    cpuAllocatableMillicores: node.cpuAllocatableMillicores,
    memoryAllocatableBytes: node.memoryAllocatableBytes,
    maxPods: node.maxPods,
    labels: node.labels,
    taints: node.taints,
    pods: [...nodeDaemonSetCaPods(node), ...snapshotPods(node.pods, expendablePodsPriorityCutoff).map((p) => caPod(p, ownerKind))],
    ready: node.ready,
    beingDeleted: node.taints.some((t) => t.key === TO_BE_DELETED_TAINT.key),
    // spec.unschedulable, which TaintNodesByCondition mirrors as this taint (the way this cluster records a cordon).
    cordoned: node.taints.some((t) => t.key === NODE_UNSCHEDULABLE_TAINT.key),
  };
}

/**
 * The node's pods in the CA's snapshot: expendable ones are left out (static_autoscaler.go
 * initializeClusterSnapshot with FilterOutExpendablePods).
 */
function snapshotPods(pods: SimPod[], cutoff: number): SimPod[] {
  for (const p of pods) if (isExpendableSimPod(p, cutoff)) return pods.filter((q) => !isExpendableSimPod(q, cutoff));
  return pods;
}

/** IsExpendablePod of a cluster pod. */
export function isExpendableSimPod(pod: SimPod, expendablePodsPriorityCutoff: number): boolean {
  const { priority, preemptionPolicy } = pod.template;
  return priority !== undefined && isExpendablePod(preemptionPolicy === undefined ? { priority } : { priority, preemptionPolicy }, expendablePodsPriorityCutoff);
}

/** The group's node as the CA sees it; `pricesUsdPerHour` gives priced pools' node prices in USD (ClusterAutoscalerSettings.nodePriceUsdPerHour). */
export function caNodeGroup(group: NodeGroup, pricesUsdPerHour: Readonly<Record<string, number>>): CaNodeGroup {
  const spec = group.spec;
  const ca: CaNodeGroup = {
    name: spec.name,
    template: { cpuMillicores: spec.cpuMillicores, memoryBytes: spec.memoryBytes, maxPods: spec.maxPods, labels: spec.labels, taints: spec.taints, daemonSetPods: templateDaemonSetCaPods(spec) },
    minSize: spec.minSize,
    maxSize: spec.maxSize,
    targetSize: group.targetSize,
  };
  const price = pricesUsdPerHour[spec.name];
  if (price !== undefined) ca.priceUsdPerHour = price;
  if (spec.expanderPriority !== undefined) ca.priority = spec.expanderPriority;
  return ca;
}
