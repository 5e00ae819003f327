/**
 * The DaemonSet pods of a node, or of a group's template node, in the cluster-autoscaler's snapshot
 * (the pool's DaemonSetPodSpecs: scenario/node-pools/daemon-set-pods.ts): owned by a DaemonSet, so
 * the scale-down rules count them in utilization unless ignoreDaemonSetsUtilization and never move
 * them (drainability.ts), and a template node carries them as upstream's template NodeInfo does.
 */
import type { CaPod } from '../../autoscalers/cluster-autoscaler/types.js';
import type { NodePoolSpec } from '../../scenario/types.js';

export function daemonSetCaPods(pool: NodePoolSpec, nodeName: string): CaPod[] {
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
