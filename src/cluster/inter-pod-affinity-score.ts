/**
 * kube-scheduler's InterPodAffinity score (pkg/scheduler/framework/plugins/interpodaffinity/scoring.go;
 * weight 2 in default_plugins.go, docs/fidelity-spec.md §6): pure functions over the pods the caller
 * visits (inter-pod-affinity-counts.ts).
 *
 * PreScore (processExistingPod, for each existing pod on a node with labels): the incoming pod's
 * preferred affinity terms the existing pod matches add their weight, its preferred anti-affinity
 * terms subtract theirs; the existing pod's required affinity terms the incoming pod matches add
 * HardPodAffinityWeight (InterPodAffinityArgs default 1), its preferred affinity terms add their
 * weight and its preferred anti-affinity terms subtract theirs; each on the topology pair {term's
 * key, the existing pod's node's value}, skipped when that node lacks the key. Only pods with
 * inter-pod affinity are visited unless the incoming pod has preferred terms (PodsWithAffinity vs
 * Pods); no pair touched: the plugin is skipped (0 on every node).
 *
 * Score: the sum over the touched keys the node carries of its value's total. NormalizeScore:
 * 100 × (score − min) ÷ (max − min) over the feasible nodes, truncated (int64 of a float64); 0
 * everywhere when max = min.
 */
import { termMatches, type AffinityPodView, type AffinityTerm, type PodAffinityTerms, type WeightedAffinityTerm } from './inter-pod-affinity-terms.js';

export const INTER_POD_AFFINITY_WEIGHT = 2;
/** InterPodAffinityArgs.HardPodAffinityWeight default (pkg/scheduler/apis/config/v1 SetDefaults_InterPodAffinityArgs). */
export const HARD_POD_AFFINITY_WEIGHT = 1;
const MAX_NODE_SCORE = 100;

/** scoreMap: topology key → value → summed weight. */
export type TopologyScore = Map<string, Map<string, number>>;

/** Existing pods of one kind on one node, with their own terms, and how many. */
export type ScoredPodsVisit = (nodeLabels: Readonly<Record<string, string>>, pod: AffinityPodView, terms: PodAffinityTerms | undefined, count: number) => void;

/** Calls `visit` for the existing pods: every pod when `all`, else at least those with terms. */
export type ScoredPods = (all: boolean, visit: ScoredPodsVisit) => void;

function hasLabels(labels: Readonly<Record<string, string>>): boolean {
  for (const _ in labels) return true;
  return false;
}

/** PreScore; undefined when the plugin is skipped. */
export function preScoreInterPodAffinity(pod: AffinityPodView, own: PodAffinityTerms | undefined, existing: ScoredPods): TopologyScore | undefined {
  const preferredAffinity = own?.preferredAffinity ?? [];
  const preferredAnti = own?.preferredAnti ?? [];
  const all = preferredAffinity.length > 0 || preferredAnti.length > 0;
  const scores: TopologyScore = new Map();
  const process = (term: AffinityTerm, weight: number, target: AffinityPodView, labels: Readonly<Record<string, string>>): void => {
    if (!termMatches(term, target)) return;
    const value = Object.hasOwn(labels, term.topologyKey) ? labels[term.topologyKey] : undefined;
    if (value === undefined) return;
    let byValue = scores.get(term.topologyKey);
    if (byValue === undefined) {
      byValue = new Map();
      scores.set(term.topologyKey, byValue);
    }
    byValue.set(value, (byValue.get(value) ?? 0) + weight);
  };
  const weighted = (terms: readonly WeightedAffinityTerm[], sign: 1 | -1, target: AffinityPodView, labels: Readonly<Record<string, string>>, count: number): void => {
    for (const t of terms) process(t, sign * t.weight * count, target, labels);
  };
  existing(all, (labels, other, terms, count) => {
    if (!hasLabels(labels)) return;
    weighted(preferredAffinity, 1, other, labels, count);
    weighted(preferredAnti, -1, other, labels, count);
    if (terms === undefined) return;
    for (const t of terms.requiredAffinity) process(t, HARD_POD_AFFINITY_WEIGHT * count, pod, labels);
    weighted(terms.preferredAffinity, 1, pod, labels, count);
    weighted(terms.preferredAnti, -1, pod, labels, count);
  });
  return scores.size === 0 ? undefined : scores;
}

/** Score of one node. */
export function interPodAffinityScore(scores: TopologyScore, nodeLabels: Readonly<Record<string, string>>): number {
  let score = 0;
  for (const [key, byValue] of scores) {
    const value = Object.hasOwn(nodeLabels, key) ? nodeLabels[key] : undefined;
    if (value !== undefined) score += byValue.get(value) ?? 0;
  }
  return score;
}

/** NormalizeScore, in place over the feasible nodes' scores. */
export function normalizeInterPodAffinityScores(scores: number[]): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) {
    if (s > max) max = s;
    if (s < min) min = s;
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
  return scores;
}
