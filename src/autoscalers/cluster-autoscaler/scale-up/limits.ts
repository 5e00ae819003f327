/**
 * Scale-up limits (core/scaleup/resource/manager.go ResourcesLeft, coresMemoryTotal, ApplyLimits;
 * orchestrator GetCappedNewNodeCount, IsNodeGroupResourceExceeded; estimator thresholds static,
 * sng_capacity and cluster_capacity). The cluster's cores and memory count every node group at its
 * target size, so nodes requested and still booting use up --cores-total / --memory-total too.
 * Cores are compared in millicores and memory in bytes (upstream rounds a node's cpu up to whole
 * cores).
 */
import type { ClusterAutoscalerSettings } from '../../../scenario/types.js';
import type { CaNodeGroup, CaNodeTemplate, CaResourceTotals } from '../types.js';
import type { UpcomingNodes } from './absorb.js';

const GIB = 1024 * 1024 * 1024;

export type LimitName = 'MaxNodesTotal' | 'CoresTotal' | 'MemoryTotal' | 'GroupMaxSize';

/**
 * coresMemoryTotal: the registered nodes' totals plus each upcoming node at its template (node
 * groups at their target size; a node of no group as it is).
 */
export function withUpcomingNodes(registered: CaResourceTotals, upcoming: readonly UpcomingNodes[], groups?: ReadonlyMap<string, CaNodeGroup>): CaResourceTotals {
  let { cpuMillicores, memoryBytes } = registered;
  for (const u of upcoming) {
    const template = u.template ?? groups?.get(u.group)?.template;
    if (template === undefined) continue;
    cpuMillicores += u.count * template.cpuMillicores;
    memoryBytes += u.count * template.memoryBytes;
  }
  return { cpuMillicores, memoryBytes };
}

/** Room left under --cores-total / --memory-total maxima. */
export function resourcesLeft(config: ClusterAutoscalerSettings, current: CaResourceTotals): CaResourceTotals {
  return {
    cpuMillicores: config.coresTotal.max * 1000 - current.cpuMillicores,
    memoryBytes: config.memoryTotalGiB.max * GIB - current.memoryBytes,
  };
}

/** ApplyLimits: the most of `newNodes` that fit under the resource maxima, and which one bound. */
export function applyResourceLimits(newNodes: number, template: CaNodeTemplate, left: CaResourceTotals): { count: number; limitedBy: LimitName | undefined } {
  let count = newNodes;
  let limitedBy: LimitName | undefined;
  if (template.cpuMillicores > 0 && Math.floor(left.cpuMillicores / template.cpuMillicores) < count) {
    count = Math.max(0, Math.floor(left.cpuMillicores / template.cpuMillicores));
    limitedBy = 'CoresTotal';
  }
  if (template.memoryBytes > 0 && Math.floor(left.memoryBytes / template.memoryBytes) < count) {
    count = Math.max(0, Math.floor(left.memoryBytes / template.memoryBytes));
    limitedBy = 'MemoryTotal';
  }
  return { count, limitedBy };
}

/** GetCappedNewNodeCount: at most --max-nodes-total − nodes now (0 = no limit). */
export function capByMaxNodesTotal(newNodes: number, currentNodeCount: number, maxNodesTotal: number): number {
  return maxNodesTotal > 0 && newNodes + currentNodeCount > maxNodesTotal ? maxNodesTotal - currentNodeCount : newNodes;
}

/**
 * The binpacking limiter's node limit for one group: the smallest of max-nodes-per-scaleup, the
 * group's headroom and the cluster's headroom (0 = no limit; −1 = no node may be added).
 */
export function estimationNodeLimit(group: CaNodeGroup, config: ClusterAutoscalerSettings, currentNodeCount: number): number {
  const headroom = group.maxSize - group.targetSize;
  if (headroom <= 0) return -1;
  const limits = [config.maxNodesPerScaleUp, headroom];
  if (config.maxNodesTotal > 0) {
    if (config.maxNodesTotal <= currentNodeCount) return -1;
    limits.push(config.maxNodesTotal - currentNodeCount);
  }
  const positive = limits.filter((l) => l > 0);
  return positive.length === 0 ? 0 : Math.min(...positive);
}
