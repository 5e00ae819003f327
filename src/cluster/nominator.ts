/**
 * The scheduling queue's nominator (pkg/scheduler/backend/queue nominator.go): pods whose
 * preemption freed room on a node carry status.nominatedNodeName until they bind or are gone. While
 * nominated, that room is theirs against pods of equal or lower priority: the scheduler filters a
 * node for such a pod as if the nominated pods of priority ≥ its own were already there
 * (framework.go RunFilterPluginsWithNominatedPods / addGENominatedPods): NodeResourcesFit is rerun
 * with their requests added here, and PodTopologySpread and InterPodAffinity with them put into
 * their counts (preemption-count-filters.ts, from nominatedAtLeast).
 */
import type { SimNode, SimPod } from './model.js';
import { podPriority } from './pod-priority.js';
import { countResourceFitReasons, type FilterReason } from './scheduling-filter.js';
import { cpuTakenMillicores } from './virtual-quota.js';

export class Nominator {
  private readonly byPod = new Map<SimPod, SimNode>();
  private readonly byNode = new Map<SimNode, SimPod[]>();

  /** No pod is nominated anywhere (the filters' fast path). */
  get empty(): boolean {
    return this.byPod.size === 0;
  }

  nominatedNode(pod: SimPod): SimNode | undefined {
    return this.byPod.get(pod);
  }

  /** Pods nominated to `node`, in nomination order. */
  nominatedOn(node: SimNode): readonly SimPod[] {
    return this.byNode.get(node) ?? [];
  }

  nominate(pod: SimPod, node: SimNode): void {
    this.clear(pod);
    this.byPod.set(pod, node);
    const list = this.byNode.get(node);
    if (list === undefined) this.byNode.set(node, [pod]);
    else list.push(pod);
  }

  /** The pod bound, is gone, or its preemption found nothing: its nominatedNodeName is cleared. */
  clear(pod: SimPod): void {
    const node = this.byPod.get(pod);
    if (node === undefined) return;
    this.byPod.delete(pod);
    const list = this.byNode.get(node)!;
    list.splice(list.indexOf(pod), 1);
    if (list.length === 0) this.byNode.delete(node);
  }

  /** The pods nominated to `node` that hold their room against `pod`: priority ≥ its own, not itself (addGENominatedPods). */
  nominatedAtLeast(pod: SimPod, node: SimNode): SimPod[] {
    const nominated = this.byNode.get(node);
    if (nominated === undefined) return [];
    const priority = podPriority(pod);
    return nominated.filter((other) => other !== pod && podPriority(other) >= priority);
  }

  /**
   * NodeResourcesFit for `pod` on `node` with the nominated pods of priority ≥ its own (not itself)
   * added; 'Fits' when there are none. `removed` (optional) are pods taken off the node first (the
   * preemption dry run's victims).
   */
  fitsWithNominated(pod: SimPod, node: SimNode, removed?: ReadonlySet<SimPod>): FilterReason {
    if (removed === undefined && !this.byNode.has(node)) return 'Fits';
    const { count, cpu, memory } = this.totalsWithNominated(pod, node, removed);
    if (count > node.maxPods) return 'TooManyPods';
    if (cpu > node.cpuAllocatableMillicores) return 'InsufficientCpu';
    if (memory > node.memoryAllocatableBytes) return 'InsufficientMemory';
    return 'Fits';
  }

  /**
   * Every NodeResourcesFit reason of fitsWithNominated's check, added to `counts` (for the
   * FailedScheduling message, which counts each reason of each node: countResourceFitReasons).
   */
  countReasonsWithNominated(counts: Partial<Record<FilterReason, number>>, pod: SimPod, node: SimNode): void {
    const { count, cpu, memory } = this.totalsWithNominated(pod, node, undefined);
    countResourceFitReasons(counts, node, count, cpu, memory);
  }

  /** The node's pod count, cpu and memory with `pod` and the nominated pods that hold room before it put in, `removed` taken off. */
  private totalsWithNominated(pod: SimPod, node: SimNode, removed: ReadonlySet<SimPod> | undefined): { count: number; cpu: number; memory: number } {
    let count = node.podCount + 1;
    let cpu = node.cpuRequestedMillicores + cpuTakenMillicores(pod, node);
    let memory = node.memoryRequestedBytes + pod.memoryRequestBytes;
    if (removed !== undefined) {
      for (const victim of removed) {
        count--;
        cpu -= cpuTakenMillicores(victim, node);
        memory -= victim.memoryRequestBytes;
      }
    }
    const nominated = this.byNode.get(node);
    if (nominated !== undefined) {
      const priority = podPriority(pod);
      for (const other of nominated) {
        if (other === pod || podPriority(other) < priority) continue;
        count++;
        cpu += cpuTakenMillicores(other, node);
        memory += other.memoryRequestBytes;
      }
    }
    return { count, cpu, memory };
  }
}
