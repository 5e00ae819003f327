/**
 * Node utilization for scale-down (simulator/utilization/info.go Calculate,
 * CalculateUtilizationOfResource; core/scaledown/eligibility isNodeBelowUtilizationThreshold).
 *
 * Per resource: Σ pod requests ÷ allocatable. DaemonSet (or mirror) pods count unless ignored; when
 * ignored their requests come off the allocatable instead. Long-terminating and terminal pods do
 * not count. The node's utilization is the larger of cpu and memory (memory on a tie, as upstream).
 */
import { isDaemonSetPod, isLongTerminating, isMirrorPod } from '../pod-kind.js';
import type { CaNode, CaPod } from '../types.js';

export interface UtilizationOptions {
  /** --ignore-daemonsets-utilization */
  ignoreDaemonSetsUtilization: boolean;
  /** --ignore-mirror-pods-utilization (default false) */
  ignoreMirrorPodsUtilization?: boolean;
  /** For the long-terminating rule; without it no pod is long-terminating. */
  nowSeconds?: number;
}

export interface NodeUtilization {
  cpuRatio: number;
  memoryRatio: number;
  /** max(cpuRatio, memoryRatio), 0–1 (can exceed 1 when requests exceed allocatable). */
  utilizationRatio: number;
  /** The resource that set utilizationRatio; 'none' when the allocatable is zero. */
  resourceName: 'cpu' | 'memory' | 'none';
}

interface UtilizationNode {
  cpuAllocatableMillicores: number;
  memoryAllocatableBytes: number;
  pods: readonly CaPod[];
}

function ratioOf(node: UtilizationNode, amount: (p: CaPod) => number, allocatable: number, options: UtilizationOptions): number {
  let requested = 0;
  let ignored = 0;
  for (const pod of node.pods) {
    // Succeeded/Failed pods are not in the CA's snapshot (its scheduled-pod lister skips them).
    if (pod.terminal === true) continue;
    if ((options.ignoreDaemonSetsUtilization && isDaemonSetPod(pod)) || (options.ignoreMirrorPodsUtilization === true && isMirrorPod(pod))) {
      ignored += amount(pod);
      continue;
    }
    if (options.nowSeconds !== undefined && isLongTerminating(pod, options.nowSeconds)) continue;
    requested += amount(pod);
  }
  return requested / (allocatable - ignored);
}

/**
 * Calculate: cpu and memory request ratios of `node`. A node with zero cpu or memory allocatable
 * has utilization 0 (upstream fails the calculation and uses an empty Info).
 */
export function calculateUtilization(node: UtilizationNode, options: UtilizationOptions): NodeUtilization {
  if (node.cpuAllocatableMillicores === 0 || node.memoryAllocatableBytes === 0) {
    return { cpuRatio: 0, memoryRatio: 0, utilizationRatio: 0, resourceName: 'none' };
  }
  const cpuRatio = ratioOf(node, (p) => p.cpuMillicores, node.cpuAllocatableMillicores, options);
  const memoryRatio = ratioOf(node, (p) => p.memoryBytes, node.memoryAllocatableBytes, options);
  return cpuRatio > memoryRatio
    ? { cpuRatio, memoryRatio, utilizationRatio: cpuRatio, resourceName: 'cpu' }
    : { cpuRatio, memoryRatio, utilizationRatio: memoryRatio, resourceName: 'memory' };
}

/**
 * A CaNode's utilization, kept with the node while it does not depend on the time: CaNodes are never
 * changed once made, and the snapshot hands out the same one for a node from scan to scan until the
 * node or its pods change, so most scans find it here. Only a terminating pod makes the figure depend
 * on the time (the long-terminating rule); a node with one is computed afresh each time.
 */
interface KeptUtilization {
  ignoreDaemonSetsUtilization: boolean;
  ignoreMirrorPodsUtilization: boolean;
  utilization: NodeUtilization;
}

const KEPT_UTILIZATION = new WeakMap<CaNode, KeptUtilization>();

export function caNodeUtilization(node: CaNode, options: UtilizationOptions): NodeUtilization {
  const ignoreMirror = options.ignoreMirrorPodsUtilization === true;
  const kept = KEPT_UTILIZATION.get(node);
  if (kept !== undefined && kept.ignoreDaemonSetsUtilization === options.ignoreDaemonSetsUtilization && kept.ignoreMirrorPodsUtilization === ignoreMirror) {
    return kept.utilization;
  }
  const utilization = calculateUtilization(node, options);
  if (!node.pods.some((p) => p.deletionSeconds !== undefined)) {
    KEPT_UTILIZATION.set(node, { ignoreDaemonSetsUtilization: options.ignoreDaemonSetsUtilization, ignoreMirrorPodsUtilization: ignoreMirror, utilization });
  }
  return utilization;
}

/** Underutilized when strictly below the threshold: exactly at the threshold is NOT (ca-elig-006). */
export function isUnderutilized(utilizationRatio: number, thresholdRatio: number): boolean {
  // isNodeBelowUtilizationThreshold: `if utilInfo.Utilization >= threshold { return false }`. Quirk
  // kept: a NaN utilization (0 / 0, when ignored DaemonSet pods request all of a resource) is below.
  return !(utilizationRatio >= thresholdRatio);
}
