/**
 * The DaemonSet pods of a node, or of a group's template node, in the cluster-autoscaler's snapshot
 * (the pool's DaemonSetPodSpecs: scenario/node-pools/daemon-set-pods.ts): owned by a DaemonSet, so
 * the scale-down rules count them in utilization unless ignoreDaemonSetsUtilization and never move
 * them (drainability.ts), and a template node carries them as upstream's template NodeInfo does.
 */
import type { CaPod } from '../../autoscalers/cluster-autoscaler/types.js';
import type { SimNode } from '../../cluster/model.js';
import type { NodePoolSpec } from '../../scenario/types.js';

const NONE: readonly CaPod[] = Object.freeze([]);

/** Made once per node (and per pool for its template): a node's DaemonSet pods never change. */
const OF_NODE = new WeakMap<SimNode, readonly CaPod[]>();
const OF_TEMPLATE = new WeakMap<NodePoolSpec, readonly CaPod[]>();

/** A node's DaemonSet pods. */
export function nodeDaemonSetCaPods(node: SimNode): readonly CaPod[] {
  if (node.pool.daemonSetPods === undefined) return NONE;
  let pods = OF_NODE.get(node);
  if (pods === undefined) OF_NODE.set(node, (pods = build(node.pool, node.name)));
  return pods;
}

/** The DaemonSet pods of a new node of `pool` (the group's template node). */
export function templateDaemonSetCaPods(pool: NodePoolSpec): readonly CaPod[] {
  if (pool.daemonSetPods === undefined) return NONE;
  let pods = OF_TEMPLATE.get(pool);
  if (pods === undefined) OF_TEMPLATE.set(pool, (pods = build(pool, `${pool.name}-template`)));
  return pods;
}

function build(pool: NodePoolSpec, nodeName: string): readonly CaPod[] {
  return (pool.daemonSetPods ?? []).map((d) => {
    const pod: CaPod = {
      name: `${d.daemonSet}-${nodeName}`,
      namespace: d.namespace,
      cpuMillicores: d.cpuMillicores,
      memoryBytes: d.memoryBytes,
      labels: d.template.labels,
      annotations: d.template.annotations,
      nodeSelector: d.template.nodeSelector,
      tolerations: d.template.tolerations,
      ownerKind: 'DaemonSet',
      ownerName: d.daemonSet,
      daemonSet: true,
      terminationGracePeriodSeconds: d.template.terminationGracePeriodSeconds,
    };
    if (d.template.priority !== undefined) pod.priority = d.template.priority;
    return pod;
  });
}
