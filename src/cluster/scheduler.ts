/**
 * kube-scheduler between its cycles: the scoring strategy, the random stream that breaks score ties,
 * and nextStartNodeIndex, where the next cycle's node search starts (schedule_one.go: each cycle
 * moves it on by the nodes it processed). One cycle is place-pod.ts placePod. Pods nominated after
 * a preemption (nominator.ts) are tried on their nominated node first (schedule_one.go
 * evaluateNominatedNode: a fit there is the only feasible node, no search, no score); a cycle that
 * fails runs DefaultPreemption's PostFilter (preemption.ts) when priorities are in use. The nominated
 * node is checked against PodTopologySpread's and InterPodAffinity's filters too, over the counts as
 * they stand; the PostFilter's dry run takes its victims out of those counts (preemption-count-filters.ts).
 */
import type { RandomStream } from '../core/rng.js';
import type { InterPodAffinityPods } from './inter-pod-affinity-counts.js';
import type { SimNode, SimPod } from './model.js';
import { Nominator } from './nominator.js';
import { placePod } from './place-pod.js';
import { podPriority } from './pod-priority.js';
import { preempt, type PreemptionPdb } from './preemption.js';
import { countFilterStates, countFiltersOn, nominatedCountFilters, preemptionCountFilters } from './preemption-count-filters.js';
import { filterNode } from './scheduling-filter.js';
import type { ScoringStrategy } from './scheduling-score.js';

export class Scheduler {
  private nextStartNodeIndex = 0;
  readonly nominator = new Nominator();
  /** Pods evicted by a preemption (DisruptionTarget=True, reason PreemptionByScheduler). */
  readonly preempted = new WeakSet<SimPod>();
  /** The PodDisruptionBudgets as the preemption sees them (status.disruptionsAllowed now). */
  preemptionPdbs: () => readonly PreemptionPdb[] = () => [];

  constructor(
    private readonly scoring: ScoringStrategy,
    private readonly random: RandomStream,
  ) {}

  /** One scheduling cycle of `pod` over `nodes` (`affinity`: the bound pods as InterPodAffinity reads them). */
  place(pod: SimPod, nodes: readonly SimNode[], affinity?: InterPodAffinityPods): ReturnType<typeof placePod> {
    const nominator = this.nominator.empty ? undefined : this.nominator;
    if (nominator !== undefined) {
      const nominated = nominator.nominatedNode(pod);
      if (nominated !== undefined && !nominated.removed && this.fitsNominatedNode(pod, nominated, nodes, affinity)) {
        return { node: nominated, score: 0, reason: 'Scheduled', processedNodes: 0 };
      }
    }
    const placement = placePod(pod, nodes, this.scoring, this.random, this.nextStartNodeIndex, affinity, nominator);
    if (nodes.length > 0) this.nextStartNodeIndex = (this.nextStartNodeIndex + placement.processedNodes) % nodes.length;
    return placement;
  }

  /**
   * DefaultPreemption's PostFilter for `pod`, which no node fits (preemption.ts), with
   * prepareCandidate's bookkeeping: the victims are marked preempted (the caller deletes them), pods
   * of lower priority nominated to the node lose their nomination, and `pod` is nominated there.
   * Without a candidate the pod's nomination is cleared (a PostFilterResult with an empty node).
   */
  postFilter(pod: SimPod, nodes: readonly SimNode[], nowSeconds: number, affinity?: InterPodAffinityPods): { node: SimNode; victims: SimPod[] } | undefined {
    const countFilters = preemptionCountFilters(pod, nodes, affinity, this.nominator);
    const result = preempt(pod, nodes, { nominator: this.nominator, pdbs: this.preemptionPdbs(), random: this.random, nowSeconds, preempted: this.preempted, countFilters });
    if (result.outcome !== 'preempted') {
      if (result.outcome === 'no-candidate') this.nominator.clear(pod);
      return undefined;
    }
    for (const victim of result.victims) this.preempted.add(victim);
    const priority = podPriority(pod);
    for (const other of [...this.nominator.nominatedOn(result.node)]) if (podPriority(other) < priority) this.nominator.clear(other);
    this.nominator.nominate(pod, result.node);
    return result;
  }

  /** The pod bound or is gone: its nomination, if any, is cleared. */
  forget(pod: SimPod): void {
    if (!this.nominator.empty) this.nominator.clear(pod);
  }

  /**
   * The nominated node against every filter, with the pods nominated there of priority ≥ the pod's:
   * NodeResourcesFit with their requests, PodTopologySpread (the pod's DoNotSchedule constraints) and
   * InterPodAffinity over the counts as they stand, without and with those pods (preemption-count-filters.ts).
   */
  private fitsNominatedNode(pod: SimPod, node: SimNode, nodes: readonly SimNode[], affinity: InterPodAffinityPods | undefined): boolean {
    if (filterNode(pod, node) !== 'Fits' || this.nominator.fitsWithNominated(pod, node) !== 'Fits') return false;
    const states = countFilterStates(pod, nodes, affinity);
    if (states.spread === undefined && states.affinity === undefined) return true;
    return countFiltersOn(pod, node, states, [], []) === 'Fits' && nominatedCountFilters(pod, node, states, this.nominator) === 'Fits';
  }
}
