/**
 * A pod's share of its node as kube-scheduler's NodeInfo keeps it (Requested, NonZeroRequested, the
 * pod count; on a virtual node the vCPU quota counts the size the pod runs as, virtual-quota.ts)
 * and the topology spread counts, system default and explicit (a terminating pod has already left those): added when the pod
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
  if (pod.deletionSeconds === undefined) countForSpreading(pod, node, sign);
}

/** The pod starts (1) or stops (−1) counting for topology spreading on `node`: system default and explicit constraints' counts. */
export function countForSpreading(pod: SimPod, node: SimNode, sign: 1 | -1): void {
  if (pod.spread !== undefined) pod.spread.count(node, sign);
  const feeds = pod.spreadSource?.feeds;
  if (feeds !== undefined) for (let i = 0; i < feeds.length; i++) feeds[i]!.count(node, sign);
}
