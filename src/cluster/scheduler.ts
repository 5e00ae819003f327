/**
 * kube-scheduler between its cycles: the scoring strategy, the random stream that breaks score ties,
 * and nextStartNodeIndex, where the next cycle's node search starts (schedule_one.go: each cycle
 * moves it on by the nodes it processed). One cycle is place-pod.ts placePod.
 */
import type { RandomStream } from '../core/rng.js';
import type { InterPodAffinityPods } from './inter-pod-affinity-counts.js';
import type { SimNode, SimPod } from './model.js';
import { placePod } from './place-pod.js';
import type { ScoringStrategy } from './scheduling-score.js';

export class Scheduler {
  private nextStartNodeIndex = 0;

  constructor(
    private readonly scoring: ScoringStrategy,
    private readonly random: RandomStream,
  ) {}

  /** One scheduling cycle of `pod` over `nodes` (`affinity`: the bound pods as InterPodAffinity reads them). */
  place(pod: SimPod, nodes: readonly SimNode[], affinity?: InterPodAffinityPods): ReturnType<typeof placePod> {
    const placement = placePod(pod, nodes, this.scoring, this.random, this.nextStartNodeIndex, affinity);
    if (nodes.length > 0) this.nextStartNodeIndex = (this.nextStartNodeIndex + placement.processedNodes) % nodes.length;
    return placement;
  }
}
