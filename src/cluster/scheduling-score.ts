/**
 * kube-scheduler scoring of one feasible node by the resource plugins: NodeResourcesFit with the
 * LeastAllocated (default) or MostAllocated strategy, cpu and memory weight 1
 * (noderesources/least_allocated.go, most_allocated.go), plus NodeResourcesBalancedAllocation
 * (balanced_allocation.go), each 0–100 with plugin weight 1 (default_plugins.go).
 *
 * As resource_allocation.go: NodeResourcesFit scores with the non-zero requests (a container without
 * a request counts 100m / 200 MiB, NodeInfo.NonZeroRequested), BalancedAllocation with the raw
 * requests (useRequested: true) and skips a pod that requests nothing (PreScore returns Skip: 0 on
 * every node). The TaintToleration score needs every feasible node and lives in taint-toleration-score.ts.
 */
import type { SimNode, SimPod } from './model.js';

export type ScoringStrategy = 'LeastAllocated' | 'MostAllocated';

const MAX_NODE_SCORE = 100;

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  if (requested > capacity) return 0;
  return Math.trunc((requested * MAX_NODE_SCORE) / capacity);
}

/** NodeResourcesFit score: integer mean of the per-resource scores over non-zero requests, with `pod` counted in. */
export function resourceFitScore(pod: SimPod, node: SimNode, strategy: ScoringStrategy): number {
  const per = strategy === 'LeastAllocated' ? leastRequestedScore : mostRequestedScore;
  const cpu = per(node.cpuNonZeroRequestedMillicores + pod.cpuNonZeroRequestMillicores, node.cpuAllocatableMillicores);
  const memory = per(node.memoryNonZeroRequestedBytes + pod.memoryNonZeroRequestBytes, node.memoryAllocatableBytes);
  return Math.trunc((cpu + memory) / 2);
}

/**
 * BalancedAllocation: (1 − standard deviation of the cpu and memory request fractions) × 100, over
 * raw requests; 0 for a pod without cpu and memory requests (the plugin is skipped).
 */
export function balancedAllocationScore(pod: SimPod, node: SimNode): number {
  if (pod.cpuRequestMillicores === 0 && pod.memoryRequestBytes === 0) return 0;
  const cpuFraction = Math.min(1, (node.cpuRequestedMillicores + pod.cpuRequestMillicores) / node.cpuAllocatableMillicores);
  const memoryFraction = Math.min(1, (node.memoryRequestedBytes + pod.memoryRequestBytes) / node.memoryAllocatableBytes);
  const std = Math.abs(cpuFraction - memoryFraction) / 2;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** The resource plugins' weighted sum for one node (weights 1 and 1). */
export function scoreNode(pod: SimPod, node: SimNode, strategy: ScoringStrategy): number {
  return resourceFitScore(pod, node, strategy) + balancedAllocationScore(pod, node);
}
