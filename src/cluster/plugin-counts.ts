/**
 * What kube-scheduler's plugins count of the cluster's pods, and what a pod's bind, termination and
 * removal move in those counts: the explicit topology spread constraints' selectors
 * (topology-spread-selectors.ts), the pods as InterPodAffinity reads them
 * (inter-pod-affinity-counts.ts), and whether any pod has a priority (PrioritySort and
 * DefaultPreemption switch on with the first). When the counts move, the waiting pods those plugins
 * may have refused are told (the scheduling queue's hints: unschedulable-queue.ts spreadChanged,
 * affinityChanged). Owned by the Cluster, which calls it at each of those steps.
 */
import type { PodTemplateSpec } from '../scenario/types.js';
import { InterPodAffinityPods } from './inter-pod-affinity-counts.js';
import type { PodOwner, SimNode, SimPod } from './model.js';
import type { OwnerPods } from './owner-pods.js';
import { SpreadSelectors, type SpreadSource } from './topology-spread-selectors.js';
import type { UnschedulableQueue } from './unschedulable-queue.js';

export class PluginCounts {
  /** The explicit topology spread constraints' selectors and their counts. */
  private readonly spreading: SpreadSelectors;
  /** The bound pods as InterPodAffinity reads them (kept once some pod has inter-pod affinity terms). */
  readonly affinity = new InterPodAffinityPods();
  /** Some pod's priority was set (a PriorityClass): retries go in PrioritySort order, failed cycles preempt. */
  prioritiesInUse = false;

  constructor(
    owners: OwnerPods,
    private readonly unschedulable: UnschedulableQueue,
  ) {
    this.spreading = new SpreadSelectors(owners);
    unschedulable.affinityFilterApplies = (pod) => this.affinity.filterApplies(pod);
  }

  /** A new pod's spread source (its selectors and constraints), noted by InterPodAffinity; its priority switches priorities on. */
  sourceFor(owner: PodOwner, template: PodTemplateSpec, nodes: readonly SimNode[]): SpreadSource {
    const source = this.spreading.sourceFor(owner, template);
    this.affinity.sourceSeen(source, nodes);
    if (template.priority !== undefined && !this.prioritiesInUse) {
      this.prioritiesInUse = true;
      this.unschedulable.usePriorities();
    }
    return source;
  }

  /** The pod bound to `node`: it counts for spreading and InterPodAffinity from now on. */
  bound(pod: SimPod, node: SimNode): void {
    this.spreadCountsMoved(pod);
    this.affinityCountsMoved(pod, node, 1);
  }

  /** The pod started terminating: it no longer counts for topology spreading (countPodsMatchSelector). */
  terminating(pod: SimPod): void {
    this.spreadCountsMoved(pod);
  }

  /** The pod is gone from `node`: InterPodAffinity stops counting it (NodeInfo held it until now). */
  removed(pod: SimPod, node: SimNode): void {
    this.affinityCountsMoved(pod, node, -1);
  }

  /** The pod started or stopped counting for explicit spread constraints: waiting pods whose counts moved may fit now. */
  private spreadCountsMoved(pod: SimPod): void {
    if (pod.spreadSource!.feeds.length > 0) this.unschedulable.spreadChanged();
  }

  /**
   * The pod bound (1) or is gone (−1): InterPodAffinity's view moves, and waiting pods that failed on
   * it may fit now (the plugin's queueing hints: pod add and delete events).
   */
  private affinityCountsMoved(pod: SimPod, node: SimNode, sign: 1 | -1): void {
    if (!this.affinity.active) return;
    this.affinity.count(pod, node, sign);
    this.unschedulable.affinityChanged((waiting) => this.affinity.mayHelp(waiting, pod, sign === 1));
  }
}
