/**
 * A node inside the CA's forked cluster snapshot (simulator/clustersnapshot NodeInfo) and the
 * scheduler filters the CA runs on it (simulator/predicatechecker CheckPredicates): node selector
 * and required node affinity (NodeAffinity: src/cluster/node-affinity.ts, a template node's
 * kubernetes.io/hostname being its own name), taints, host ports (NodePorts), pod count and
 * requests (NodeResourcesFit), PodTopologySpread for a pod's DoNotSchedule constraints
 * (spread-predicate.ts) and InterPodAffinity's required terms (affinity-predicate.ts). The
 * selector, affinity and taint rules are the scheduler's own (src/cluster/scheduling-filter.ts,
 * node-affinity.ts).
 */
import { matchesNodeSelectorTerms } from '../../cluster/node-affinity.js';
import { matchesSelector, toleratesNodeTaints, type FilterReason } from '../../cluster/scheduling-filter.js';
import type { Taint } from '../../scenario/types.js';
import type { InterPodAffinityReason } from '../../cluster/inter-pod-affinity-filter.js';
import { checkAffinity, type SnapshotAffinity } from './affinity-predicate.js';
import { checkSpread, simulatedNodeLabels, type SnapshotSpread, type SpreadPredicateReason } from './spread-predicate.js';
import type { CaNode, CaNodeTemplate, CaPod } from './types.js';

/** Why a pod does not fit a node: the first failing filter ('Fits' when all pass). */
export type CaPredicateReason = FilterReason | 'HostPortConflict' | Exclude<SpreadPredicateReason, 'Fits'> | InterPodAffinityReason;

export interface SimulatedNode {
  name: string;
  /** Node group, when known. */
  group: string | undefined;
  cpuAllocatableMillicores: number;
  memoryAllocatableBytes: number;
  maxPods: number;
  labels: Record<string, string>;
  taints: Taint[];
  cpuRequestedMillicores: number;
  memoryRequestedBytes: number;
  podCount: number;
  /** Host ports already taken on the node; never changed in place (copied on write), so forks share it. */
  hostPorts: ReadonlySet<number>;
  pods: CaPod[];
  /** How many of `pods` have required anti-affinity terms (unset: none), so simulations without any skip InterPodAffinity. */
  requiredAntiAffinityPods?: number;
}

/** The host ports of a node without any (shared: sets of host ports are copied on write). */
const NO_HOST_PORTS: ReadonlySet<number> = new Set();

/** A new node built from a group template (FreshNodeInfoFromTemplateNodeInfo): its DaemonSet pods only. */
export function nodeFromTemplate(template: CaNodeTemplate, name: string, group?: string): SimulatedNode {
  const node: SimulatedNode = {
    name,
    group,
    cpuAllocatableMillicores: template.cpuMillicores,
    memoryAllocatableBytes: template.memoryBytes,
    maxPods: template.maxPods,
    labels: template.labels,
    taints: template.taints,
    cpuRequestedMillicores: 0,
    memoryRequestedBytes: 0,
    podCount: 0,
    hostPorts: NO_HOST_PORTS,
    pods: [],
  };
  for (const pod of template.daemonSetPods ?? []) addPodToNode(node, pod);
  return node;
}

/**
 * Each CaNode's simulated node, made once: the snapshot hands out the same CaNode for a node until
 * it changes (src/controllers/cluster-autoscaler/snapshot.ts), so most loops find it here. A
 * memo of a pure function, keyed by the (never changed) CaNode; it goes with the CaNode.
 */
const FROM_CA_NODE = new WeakMap<CaNode, SimulatedNode>();

/**
 * A real node with its bound pods (terminal pods hold no resources and are left out). The result is
 * shared by every caller given the same CaNode: change only a copy (cloneNode), as forks do.
 */
export function nodeFromCaNode(node: CaNode): SimulatedNode {
  const made = FROM_CA_NODE.get(node);
  if (made !== undefined) return made;
  const simulated = buildFromCaNode(node);
  FROM_CA_NODE.set(node, simulated);
  return simulated;
}

function buildFromCaNode(node: CaNode): SimulatedNode {
  const simulated: SimulatedNode = {
    name: node.name,
    group: node.group,
    cpuAllocatableMillicores: node.cpuAllocatableMillicores,
    memoryAllocatableBytes: node.memoryAllocatableBytes,
    maxPods: node.maxPods,
    labels: node.labels,
    taints: node.taints,
    cpuRequestedMillicores: 0,
    memoryRequestedBytes: 0,
    podCount: 0,
    hostPorts: NO_HOST_PORTS,
    pods: [],
  };
  for (const pod of node.pods) if (pod.terminal !== true) addPodToNode(simulated, pod);
  return simulated;
}

/** A copy whose later changes do not touch `node` (a snapshot fork; the host-port set is copied when written). */
export function cloneNode(node: SimulatedNode): SimulatedNode {
  return { ...node, pods: [...node.pods] };
}

/** A copy of `node` without `pods` (ClusterSnapshot.RemovePod for each), its requests and host ports recounted. */
export function withoutPods(node: SimulatedNode, pods: readonly CaPod[]): SimulatedNode {
  const gone = new Set(pods);
  const copy: SimulatedNode = { ...node, cpuRequestedMillicores: 0, memoryRequestedBytes: 0, podCount: 0, hostPorts: NO_HOST_PORTS, pods: [] };
  // Recounted below; set only on nodes that had it (the objects keep one shape when unused).
  if (copy.requiredAntiAffinityPods !== undefined) copy.requiredAntiAffinityPods = 0;
  for (const pod of node.pods) if (!gone.has(pod)) addPodToNode(copy, pod);
  return copy;
}

/** Binds `pod` to `node` in the simulation (ClusterSnapshot.AddPod). */
export function addPodToNode(node: SimulatedNode, pod: CaPod): void {
  node.cpuRequestedMillicores += pod.cpuMillicores;
  node.memoryRequestedBytes += pod.memoryBytes;
  node.podCount += 1;
  if (pod.hostPorts !== undefined && pod.hostPorts.length > 0) node.hostPorts = new Set([...node.hostPorts, ...pod.hostPorts]);
  node.pods.push(pod);
  if (pod.podAffinity !== undefined && pod.podAffinity.requiredAnti.length > 0) node.requiredAntiAffinityPods = (node.requiredAntiAffinityPods ?? 0) + 1;
}

/**
 * Whether `pod` may be placed on `node` now, with the first failing filter as the reason. `spread`:
 * the pod's PodTopologySpread PreFilter over the simulation's snapshot (spread-predicate.ts
 * snapshotSpread), for a pod with DoNotSchedule constraints; that filter runs last, after
 * NodeResourcesFit, as in the scheduler's default plugin order. `affinity`: the pod's InterPodAffinity
 * PreFilter over the snapshot (affinity-predicate.ts snapshotAffinity), which runs after it.
 */
export function checkPredicates(pod: CaPod, node: SimulatedNode, spread?: SnapshotSpread, affinity?: SnapshotAffinity): CaPredicateReason {
  if (!toleratesNodeTaints(pod.tolerations, node.taints)) return 'UntoleratedTaint';
  if (!matchesSelector(pod.nodeSelector, node.labels)) return 'NodeSelectorMismatch';
  const nodeAffinity = pod.requiredNodeAffinity;
  if (nodeAffinity !== undefined && !matchesNodeSelectorTerms(nodeAffinity, { name: node.name, labels: simulatedNodeLabels(node) })) return 'NodeSelectorMismatch';
  for (const port of pod.hostPorts ?? []) if (node.hostPorts.has(port)) return 'HostPortConflict';
  if (node.podCount + 1 > node.maxPods) return 'TooManyPods';
  if (pod.cpuMillicores > node.cpuAllocatableMillicores - node.cpuRequestedMillicores) return 'InsufficientCpu';
  if (pod.memoryBytes > node.memoryAllocatableBytes - node.memoryRequestedBytes) return 'InsufficientMemory';
  const spreadFit = spread === undefined ? 'Fits' : checkSpread(spread, node);
  return spreadFit !== 'Fits' || affinity === undefined ? spreadFit : checkAffinity(affinity, node);
}
