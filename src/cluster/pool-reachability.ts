/**
 * Whether a pod template may run on a node pool's nodes at all, before resources: the scheduler's
 * NodeAffinity filter (nodeSelector and required node affinity, node-affinity.ts; the pool's first
 * node's name stands for its nodes' in matchFields) and TaintToleration's (every NoSchedule and
 * NoExecute taint tolerated, scheduling-filter.ts). Used where a pool, not a node, is judged: the
 * CPU cap of pods without a limit (src/engine/capacity.ts) and the load-time warnings.
 */
import type { NodePoolSpec, PodTemplateSpec } from '../scenario/types.js';
import { matchesNodeSelectorTerms } from './node-affinity.js';
import { matchesSelector, toleratesNodeTaints } from './scheduling-filter.js';

export function templateMayRunOnPool(template: PodTemplateSpec, pool: NodePoolSpec): boolean {
  if (!matchesSelector(template.nodeSelector, pool.labels)) return false;
  const affinity = template.nodeAffinity?.required;
  if (affinity !== undefined && !matchesNodeSelectorTerms(affinity, { name: `${pool.name}-0`, labels: pool.labels })) return false;
  return toleratesNodeTaints(template.tolerations, pool.taints);
}
