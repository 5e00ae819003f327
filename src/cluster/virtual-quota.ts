/**
 * The CPU a pod takes from its node's allocatable CPU. On a virtual node (ECI, Fargate) the pool's
 * vCPU quota (`maxCpu`, the node's allocatable CPU) counts the instance each pod runs as, the size
 * it is billed for (an ECI pod with no requests runs as 2 vCPU), not its requests; on any other
 * node it is the pod's CPU request (NodeResourcesFit).
 */
import { roundUpToVirtualSize } from '../cloud/virtual-size.js';
import type { SimNode, SimPod } from './model.js';

export function cpuTakenMillicores(pod: SimPod, node: SimNode): number {
  const virtual = node.pool.virtual;
  if (virtual === undefined) return pod.cpuRequestMillicores;
  const sized = roundUpToVirtualSize({ cpuMillicores: pod.cpuRequestMillicores, memoryBytes: pod.memoryRequestBytes }, virtual.pricing);
  // A pod no size covers is refused by the filter before it could be bound: its request stands.
  return 'size' in sized ? sized.size.cpuMillicores : pod.cpuRequestMillicores;
}
