/**
 * Which DaemonSets run a pod on each node pool's nodes, and what those pods hold there. The
 * DaemonSet controller puts one pod on every node that passes its predicates (pkg/controller/daemon
 * NodeShouldRunDaemonPod: nodeSelector, required node affinity, taints), its pods tolerating the
 * node condition taints it adds itself (daemon/util AddOrUpdateDaemonPodTolerations: not-ready and
 * unreachable NoExecute; disk-, memory-, pid-pressure and unschedulable NoSchedule; and
 * network-unavailable for a pod on the host's network); the pool's
 * labels and taints stand for its nodes'. Modelled as requests held on each such node from its
 * start: the scheduler fits app pods around them, the node's pod count includes them, and the
 * cluster-autoscaler sees them on its nodes and on the template node of each group (upstream adds
 * a group's DaemonSet pods to its template NodeInfo), counted in utilization unless
 * ignoreDaemonSetsUtilization, never drained. Not modelled: their start after the node's (an app
 * pod may be bound first upstream and a DaemonSet pod preempt it), their own CPU use, quota
 * charges. Virtual pools (virtual-kubelet nodes, tainted upstream) run none. DaemonSets whose pods
 * do not fit a pool's node beside the earlier ones (in name order) are left off it with a warning:
 * upstream they would stay Pending there.
 */
import { ascending } from 'd3-array';
import { podRequests } from '../../cluster/pod-requests.js';
import { templateMayRunOnPool } from '../../cluster/pool-reachability.js';
import type { DaemonSetEntry } from '../manifests/manifest-set.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DaemonSetPodSpec, DaemonSetSpec, NodePoolSpec, PodTemplateSpec, Toleration } from '../types.js';
import { formatCpu, formatMemory } from './format-resources.js';

/** The tolerations the DaemonSet controller adds to its pods (daemonset_util.go AddOrUpdateDaemonPodTolerations). */
const DAEMON_POD_TOLERATIONS: readonly Toleration[] = Object.freeze([
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
]);

/** And for a pod on the host's network: node.kubernetes.io/network-unavailable, NoSchedule. */
const HOST_NETWORK_TOLERATION: Toleration = Object.freeze({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });

/** The DaemonSet's pod template as its controller creates the pods: its tolerations plus the added ones. */
function daemonPodTemplate(spec: DaemonSetSpec): PodTemplateSpec {
  const added = spec.hostNetwork ? [...DAEMON_POD_TOLERATIONS, HOST_NETWORK_TOLERATION] : DAEMON_POD_TOLERATIONS;
  return { ...spec.template, tolerations: [...spec.template.tolerations, ...added] };
}

/** `pools` with each one's DaemonSet pods set (pools none runs on are returned as they are). */
export function withDaemonSetPods(pools: readonly NodePoolSpec[], daemonSets: readonly DaemonSetEntry[], sink: ProblemSink): NodePoolSpec[] {
  if (daemonSets.length === 0) return [...pools];
  const ordered = [...daemonSets].sort((a, b) => ascending(a.spec.name, b.spec.name));
  return pools.map((pool) => {
    if (pool.virtual !== undefined) return pool;
    const pods: DaemonSetPodSpec[] = [];
    let cpu = 0;
    let memory = 0;
    for (const { spec, ref } of ordered) {
      const template = daemonPodTemplate(spec);
      if (!templateMayRunOnPool(template, pool)) continue;
      const requests = podRequests(template);
      if (cpu + requests.cpuMillicores > pool.cpuMillicores || memory + requests.memoryBytes > pool.memoryBytes || pods.length + 1 > pool.maxPods) {
        sink.warn(
          ref.warning(
            ['spec', 'template', 'spec'],
            `DaemonSet ${spec.name}'s pod (${formatCpu(requests.cpuMillicores)} cpu, ${formatMemory(requests.memoryBytes)} memory) does not fit pool "${pool.name}"'s nodes ` +
              `(${formatCpu(pool.cpuMillicores)} cpu, ${formatMemory(pool.memoryBytes)} allocatable${pods.length > 0 ? ` beside ${pods.map((p) => p.daemonSet).join(', ')}` : ''}); it would stay Pending there, so the run leaves it off that pool`,
          ),
        );
        continue;
      }
      cpu += requests.cpuMillicores;
      memory += requests.memoryBytes;
      pods.push({
        daemonSet: spec.name,
        namespace: spec.namespace,
        template,
        cpuMillicores: requests.cpuMillicores,
        memoryBytes: requests.memoryBytes,
        cpuNonZeroMillicores: requests.nonZero!.cpuMillicores,
        memoryNonZeroBytes: requests.nonZero!.memoryBytes,
      });
    }
    return pods.length > 0 ? { ...pool, daemonSetPods: pods } : pool;
  });
}
