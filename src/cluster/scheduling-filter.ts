/**
 * kube-scheduler filters used for placement: NodeResourcesFit (requests ≤ allocatable − requested,
 * pod count ≤ max pods), TaintToleration (NoSchedule/NoExecute) and NodeAffinity (the nodeSelector
 * and the required node affinity terms: node-affinity.ts; one reason for both, as upstream's
 * ErrReasonPod) (pkg/scheduler/framework/plugins/{noderesources,tainttoleration,nodeaffinity}); on
 * a virtual node (ECI/Fargate) also the provider's pod sizes: a pod no valid size covers is refused, and the vCPU
 * quota counts the size each pod runs as (virtual-quota.ts).
 */
import { coversVirtualRequests } from '../cloud/virtual-size.js';
import { matchesNodeSelectorTerms, matchesSelector } from './node-affinity.js';
import { cpuTakenMillicores } from './virtual-quota.js';
import type { Taint, Toleration } from '../scenario/types.js';
import type { SimNode, SimPod } from './model.js';

export type FilterReason = 'Fits' | 'InsufficientCpu' | 'InsufficientMemory' | 'TooManyPods' | 'UntoleratedTaint' | 'NodeSelectorMismatch' | 'NoVirtualPodSize';

export function toleratesTaint(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect !== undefined && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return t.key === undefined || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** TaintToleration's Filter: the pod tolerates every NoSchedule and NoExecute taint of the node (PreferNoSchedule only scores). */
export function toleratesNodeTaints(tolerations: readonly Toleration[], taints: readonly Taint[]): boolean {
  for (const taint of taints) if (taint.effect !== 'PreferNoSchedule' && !toleratesTaint(tolerations, taint)) return false;
  return true;
}

export { matchesSelector } from './node-affinity.js';

/** NodeResourcesFit's reasons, in the order fit.go fitsRequest checks them (pods, cpu, memory). */
export type ResourceFitReason = 'TooManyPods' | 'InsufficientCpu' | 'InsufficientMemory';

export function isResourceFitReason(reason: string): reason is ResourceFitReason {
  return reason === 'TooManyPods' || reason === 'InsufficientCpu' || reason === 'InsufficientMemory';
}

/**
 * Adds one to `counts` for each of NodeResourcesFit's reasons a node gives with the pod on it:
 * `podCount`, `cpuMillicores` and `memoryBytes` are the node's totals with the pod (and, for the
 * nominated pods' check, theirs) put in. fit.go's Filter keeps every insufficient resource as a
 * reason ("We will keep all failure reasons"), and FitError.Error counts each reason of each node,
 * so a node short of pods and cpu counts under both in the FailedScheduling message.
 */
export function countResourceFitReasons(counts: Partial<Record<FilterReason, number>>, node: SimNode, podCount: number, cpuMillicores: number, memoryBytes: number): void {
  if (podCount > node.maxPods) counts.TooManyPods = (counts.TooManyPods ?? 0) + 1;
  if (cpuMillicores > node.cpuAllocatableMillicores) counts.InsufficientCpu = (counts.InsufficientCpu ?? 0) + 1;
  if (memoryBytes > node.memoryAllocatableBytes) counts.InsufficientMemory = (counts.InsufficientMemory ?? 0) + 1;
}

/**
 * countResourceFitReasons for `pod` on `node` as it is (no nominated pods). Requests and
 * allocatable are whole millicores and bytes (quantities are rounded up as they are read), so the
 * sums compare exactly as filterNode's differences do.
 */
export function countPodResourceFitReasons(counts: Partial<Record<FilterReason, number>>, pod: SimPod, node: SimNode): void {
  countResourceFitReasons(counts, node, node.podCount + 1, node.cpuRequestedMillicores + cpuTakenMillicores(pod, node), node.memoryRequestedBytes + pod.memoryRequestBytes);
}

/**
 * Whether `pod` may be bound to `node` now, with the first failing filter as the reason, in the
 * default plugin order (default_plugins.go: TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit;
 * RunFilterPlugins stops at the first failure). NodeResourcesFit's reason is its first (pods, cpu,
 * memory); the FailedScheduling message counts all of them (countPodResourceFitReasons).
 */
export function filterNode(pod: SimPod, node: SimNode): FilterReason {
  if (!toleratesNodeTaints(pod.tolerations, node.taints)) return 'UntoleratedTaint';
  if (!matchesSelector(pod.nodeSelector, node.labels)) return 'NodeSelectorMismatch';
  if (pod.requiredNodeAffinity !== undefined && !matchesNodeSelectorTerms(pod.requiredNodeAffinity, node)) return 'NodeSelectorMismatch';
  if (node.podCount + 1 > node.maxPods) return 'TooManyPods';
  if (cpuTakenMillicores(pod, node) > node.cpuAllocatableMillicores - node.cpuRequestedMillicores) return 'InsufficientCpu';
  if (pod.memoryRequestBytes > node.memoryAllocatableBytes - node.memoryRequestedBytes) return 'InsufficientMemory';
  const virtual = node.pool.virtual;
  if (virtual !== undefined && !coversVirtualRequests({ cpuMillicores: pod.cpuRequestMillicores, memoryBytes: pod.memoryRequestBytes }, virtual.pricing)) {
    return 'NoVirtualPodSize';
  }
  return 'Fits';
}
