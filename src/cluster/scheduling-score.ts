/**
 * kube-scheduler scoring of feasible nodes: NodeResourcesFit with the LeastAllocated (default) or
 * MostAllocated strategy, cpu and memory weight 1 (noderesources/least_allocated.go,
 * most_allocated.go), plus NodeResourcesBalancedAllocation (balanced_allocation.go), each 0–100 with
 * plugin weight 1 (default_plugins.go).
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

/** NodeResourcesFit score: integer mean of the per-resource scores, with `pod` counted in. */
export function resourceFitScore(pod: SimPod, node: SimNode, strategy: ScoringStrategy): number {
  const per = strategy === 'LeastAllocated' ? leastRequestedScore : mostRequestedScore;
  const cpu = per(node.cpuRequestedMillicores + pod.cpuRequestMillicores, node.cpuAllocatableMillicores);
  const memory = per(node.memoryRequestedBytes + pod.memoryRequestBytes, node.memoryAllocatableBytes);
  return Math.trunc((cpu + memory) / 2);
}

/** BalancedAllocation: (1 − standard deviation of the cpu and memory request fractions) × 100. */
export function balancedAllocationScore(pod: SimPod, node: SimNode): number {
  const cpuFraction = Math.min(1, (node.cpuRequestedMillicores + pod.cpuRequestMillicores) / node.cpuAllocatableMillicores);
  const memoryFraction = Math.min(1, (node.memoryRequestedBytes + pod.memoryRequestBytes) / node.memoryAllocatableBytes);
  const std = Math.abs(cpuFraction - memoryFraction) / 2;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export function scoreNode(pod: SimPod, node: SimNode, strategy: ScoringStrategy): number {
  return resourceFitScore(pod, node, strategy) + balancedAllocationScore(pod, node);
}
