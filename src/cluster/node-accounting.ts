/**
 * A pod's share of its node as kube-scheduler's NodeInfo keeps it (Requested, NonZeroRequested, the
 * pod count; on a virtual node the vCPU quota counts the size the pod runs as, virtual-quota.ts)
 * and the topology spread counts (a terminating pod has already left those): added when the pod
 * binds (+1), taken back when it is gone (−1).
 */
import type { SimNode, SimPod } from './model.js';
import { cpuTakenMillicores } from './virtual-quota.js';

export function countPodOnNode(pod: SimPod, node: SimNode, sign: 1 | -1): void {
  node.cpuRequestedMillicores += sign * cpuTakenMillicores(pod, node);
  node.memoryRequestedBytes += sign * pod.memoryRequestBytes;
  node.cpuNonZeroRequestedMillicores += sign * pod.cpuNonZeroRequestMillicores;
  node.memoryNonZeroRequestedBytes += sign * pod.memoryNonZeroRequestBytes;
  node.podCount += sign;
  if (pod.spread !== undefined && pod.deletionSeconds === undefined) pod.spread.count(node, sign);
}
