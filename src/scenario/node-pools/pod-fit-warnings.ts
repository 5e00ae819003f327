/**
 * A workload whose pods request more cpu or memory than any node pool they may run on offers is
 * not an input error (the run reports its pods as never schedulable), but it is almost always a
 * mistake: warn at load time, naming the workload, its per-pod request and the largest such pool. A
 * pool its nodeSelector, required node affinity or taints keep it off does not count (a workload no
 * pool takes at all is node-affinity-warnings.ts's). A virtual pool offers its largest pod size
 * (after the provider's memory overhead); a node's DaemonSet pods take their requests off its offer.
 */
import { coversVirtualRequests } from '../../cloud/virtual-size.js';
import { templateRequests, type TemplateRequests } from '../../cluster/pod-requests.js';
import { templateMayRunOnPool } from '../../cluster/pool-reachability.js';
import { formatCpu, formatMemory } from './format-resources.js';
import type { ProblemSink } from '../problem-sink.js';
import type { NodePoolSpec, PodTemplateSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';

/** A pod template to check, with what to call it and where it is. */
export interface PodSource {
  label: string;
  template: PodTemplateSpec;
  ref: DocRef;
  path: FieldPath;
}

export function warnAboutPodsThatFitNoPool(sources: readonly PodSource[], pools: readonly NodePoolSpec[], sink: ProblemSink): void {
  if (pools.length === 0) return;
  for (const source of sources) {
    const request = templateRequests(source.template);
    const reachable = pools.filter((pool) => templateMayRunOnPool(source.template, pool));
    if (reachable.length === 0 || reachable.some((pool) => fits(request, pool))) continue;
    const cpuShort = reachable.every((p) => offer(p).cpuMillicores < request.cpuMillicores);
    const resource = cpuShort ? 'cpuMillicores' : 'memoryBytes';
    const largest = [...reachable].sort((a, b) => offer(b)[resource] - offer(a)[resource])[0] as NodePoolSpec;
    const largestOffer = offer(largest);
    sink.warn(
      source.ref.warning(
        source.path,
        `${source.label} requests ${formatCpu(request.cpuMillicores)} cpu and ${formatMemory(request.memoryBytes)} memory per pod, more than any node pool it may run on offers ` +
          `(largest ${cpuShort ? 'cpu' : 'memory'}: pool "${largest.name}" with ${formatCpu(largestOffer.cpuMillicores)} cpu and ${formatMemory(largestOffer.memoryBytes)} allocatable${largest.virtual ? ' in its largest pod size' : largest.daemonSetPods !== undefined ? ' beside its DaemonSet pods' : ''}); ` +
          'its pods will stay Pending (the run reports them as never schedulable)',
        'add a larger node pool, or lower the requests',
        { key: true },
      ),
    );
  }
}

function fits(request: TemplateRequests, pool: NodePoolSpec): boolean {
  const virtual = pool.virtual;
  if (!virtual) {
    const room = offer(pool);
    return request.cpuMillicores <= room.cpuMillicores && request.memoryBytes <= room.memoryBytes;
  }
  // The same rule as the scheduler's filter on a virtual node (scheduling-filter.ts).
  return coversVirtualRequests(request, virtual.pricing);
}

/**
 * What one pod can get from the pool: a node's allocatable less its DaemonSet pods' requests, or a
 * virtual pool's largest size (less the overhead).
 */
function offer(pool: NodePoolSpec): TemplateRequests {
  const virtual = pool.virtual;
  if (!virtual) {
    const daemon = pool.daemonSetPods ?? [];
    return {
      cpuMillicores: pool.cpuMillicores - daemon.reduce((n, d) => n + d.cpuMillicores, 0),
      memoryBytes: pool.memoryBytes - daemon.reduce((n, d) => n + d.memoryBytes, 0),
    };
  }
  const sizes = virtual.pricing.sizes;
  return {
    cpuMillicores: Math.max(0, ...sizes.map((s) => s.cpuMillicores)),
    memoryBytes: Math.max(0, ...sizes.map((s) => s.memoryBytes - virtual.pricing.memoryOverheadBytes)),
  };
}
