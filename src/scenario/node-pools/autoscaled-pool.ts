/**
 * Which node pools the cluster-autoscaler may scale: a real pool (not a virtual-kubelet pool) whose
 * minSize < maxSize. One rule for the run (NodeGroup.autoscaled) and for the scenario's checks
 * (the autoscaler's default `enabled`, its expander warnings, the faults that need new nodes).
 */
import type { NodePoolSpec } from '../types.js';

export function isAutoscaledPool(pool: Pick<NodePoolSpec, 'virtual' | 'minSize' | 'maxSize'>): boolean {
  return pool.virtual === undefined && pool.minSize < pool.maxSize;
}
