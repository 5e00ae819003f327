/**
 * The cluster's bound pods as InterPodAffinity reads them (NodeInfo.Pods, PodsWithAffinity,
 * PodsWithRequiredAntiAffinity), kept as pods bind and go so that a scheduling cycle walks groups of
 * identical pods per node rather than every pod: the pods of one template of one owner (a
 * SpreadSource) share namespace, labels, revision and terms, so each source keeps its bound pods per
 * node. A pod counts from its binding until it is gone (terminating pods too: the plugin does not
 * skip them, filtering.go, scoring.go).
 *
 * No cost when unused: nothing is kept until the first pod whose template has podAffinity or
 * podAntiAffinity terms is created; then the pods already bound are counted at once. A cycle does
 * InterPodAffinity work only when the incoming pod has terms or some bound pod has (the plugin's
 * PreFilter and PreScore return Skip otherwise).
 */
import type { SimNode, SimPod } from './model.js';
import { preFilterInterPodAffinity, type AffinityFilterState } from './inter-pod-affinity-filter.js';
import { preScoreInterPodAffinity, type TopologyScore } from './inter-pod-affinity-score.js';
import { affinityTermsOf, matchesAllTerms, termMatches, type AffinityPodView, type PodAffinityTerms } from './inter-pod-affinity-terms.js';
import type { SpreadSource } from './topology-spread-selectors.js';

/** One source's bound pods per node (entries dropped at 0), with what the terms read of them. */
interface SourcePods {
  view: AffinityPodView;
  terms: PodAffinityTerms | undefined;
  byNode: Map<SimNode, number>;
  count: number;
}

/** What one scheduling cycle of a pod needs: the PreFilter state and the PreScore map (undefined: skipped). */
export interface AffinityCycle {
  filter: AffinityFilterState | undefined;
  score: TopologyScore | undefined;
}

export function viewOfSource(source: SpreadSource): AffinityPodView {
  return { namespace: source.owner.namespace, revision: source.id, labels: source.template.labels };
}

export class InterPodAffinityPods {
  /** Set once a pod with inter-pod affinity terms was created: from then on every bound pod is counted. */
  active = false;
  private readonly sources = new Map<SpreadSource, SourcePods>();
  /** The sources whose pods carry terms. */
  private readonly withTerms: SourcePods[] = [];
  /** Bound pods with any term; with required anti-affinity terms. */
  private podsWithTerms = 0;
  private podsWithRequiredAnti = 0;

  /**
   * A pod of `source` was created. The first with terms turns counting on, counting the pods bound
   * on `nodes` now.
   */
  sourceSeen(source: SpreadSource, nodes: readonly SimNode[]): void {
    if (this.active || source.template.podAffinity === undefined) return;
    this.active = true;
    for (const node of nodes) for (const pod of node.pods) this.count(pod, node, 1);
  }

  /** Whether pods that failed on InterPodAffinity should be retried when pods come and go: the incoming pod has required terms, or bound pods have required anti-affinity. */
  filterApplies(pod: SimPod): boolean {
    if (!this.active) return false;
    if (this.podsWithRequiredAnti > 0) return true;
    const terms = pod.spreadSource === undefined ? undefined : affinityTermsOf(pod.spreadSource);
    return terms !== undefined && (terms.requiredAffinity.length > 0 || terms.requiredAnti.length > 0);
  }

  /**
   * Whether `changed` binding (`added`) or going may let `waiting`, which InterPodAffinity may have
   * failed, fit now (plugin.go isSchedulableAfterPodChange): an added pod that matches all of its
   * required affinity terms; a pod gone that one of its required anti-affinity terms matches (upstream
   * asks all of them), or whose own required anti-affinity term matches it (upstream's hint leaves
   * that case to the periodic flush of unschedulable pods, which is not modelled: it is retried now).
   */
  mayHelp(waiting: SimPod, changed: SimPod, added: boolean): boolean {
    const own = waiting.spreadSource === undefined ? undefined : affinityTermsOf(waiting.spreadSource);
    if (changed.spreadSource === undefined) return false;
    const view = this.sources.get(changed.spreadSource)?.view ?? viewOfSource(changed.spreadSource);
    if (added) return own !== undefined && matchesAllTerms(own.requiredAffinity, view);
    if (own !== undefined && own.requiredAnti.some((t) => termMatches(t, view))) return true;
    const theirs = affinityTermsOf(changed.spreadSource);
    if (theirs === undefined || theirs.requiredAnti.length === 0 || waiting.spreadSource === undefined) return false;
    const waitingView = viewOfSource(waiting.spreadSource);
    return theirs.requiredAnti.some((t) => termMatches(t, waitingView));
  }

  /** `pod` started (1: bound) or stopped (−1: gone) counting on `node`. */
  count(pod: SimPod, node: SimNode, sign: 1 | -1): void {
    const source = pod.spreadSource;
    if (source === undefined) return;
    let pods = this.sources.get(source);
    if (pods === undefined) {
      pods = { view: viewOfSource(source), terms: affinityTermsOf(source), byNode: new Map(), count: 0 };
      this.sources.set(source, pods);
      if (pods.terms !== undefined) this.withTerms.push(pods);
    }
    const after = (pods.byNode.get(node) ?? 0) + sign;
    if (after === 0) pods.byNode.delete(node);
    else pods.byNode.set(node, after);
    pods.count += sign;
    if (pods.terms !== undefined) {
      this.podsWithTerms += sign;
      if (pods.terms.requiredAnti.length > 0) this.podsWithRequiredAnti += sign;
    }
  }

  /** PreFilter and PreScore of one cycle; undefined when both are skipped. */
  cycle(pod: SimPod): AffinityCycle | undefined {
    if (!this.active || pod.spreadSource === undefined) return undefined;
    const own = affinityTermsOf(pod.spreadSource);
    if (own === undefined && this.podsWithTerms === 0) return undefined;
    const view = viewOfSource(pod.spreadSource);
    const requiredAffinity = own?.requiredAffinity ?? [];
    const requiredAnti = own?.requiredAnti ?? [];
    const filterNeeded = requiredAffinity.length > 0 || requiredAnti.length > 0 || this.podsWithRequiredAnti > 0;
    const filter = !filterNeeded
      ? undefined
      : preFilterInterPodAffinity(view, requiredAffinity, requiredAnti, (visit) => {
          const list = requiredAffinity.length > 0 || requiredAnti.length > 0 ? this.sources.values() : this.withTerms.values();
          for (const s of list) {
            const anti = s.terms !== undefined && s.terms.requiredAnti.length > 0 ? s.terms.requiredAnti : undefined;
            for (const [node, n] of s.byNode) visit(node.labels, s.view, anti, n);
          }
        });
    const score = preScoreInterPodAffinity(view, own, (all, visit) => {
      for (const s of all ? this.sources.values() : this.withTerms.values()) for (const [node, n] of s.byNode) visit(node.labels, s.view, s.terms, n);
    });
    return filter === undefined && score === undefined ? undefined : { filter, score };
  }
}
