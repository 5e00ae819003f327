/**
 * kube-scheduler's NodeAffinity score (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go
 * PreScore, Score and NormalizeScore; weight 2 in default_plugins.go): a node's raw score is the sum
 * of the weights of the pod's preferredDuringSchedulingIgnoredDuringExecution terms it matches
 * (component-helpers nodeaffinity.go PreferredSchedulingTerms.Score; an empty term is skipped), and
 * the raw scores of the feasible nodes are normalized by helper/normalize_score.go
 * DefaultNormalizeScore(MaxNodeScore, reverse = false): 100 × score ÷ the largest, integer; all 0
 * when no node matches a term. A pod without preferred terms is skipped at PreScore: it adds 0
 * everywhere. Pure functions.
 */
import type { PreferredSchedulingTerm } from '../scenario/node-affinity-types.js';
import { matchesNodeSelectorTerm, type NodeAffinityNodeView } from './node-affinity.js';

export const NODE_AFFINITY_WEIGHT = 2;
const MAX_NODE_SCORE = 100;

/** PreferredSchedulingTerms.Score: the sum of the weights of the terms that match the node. */
export function preferredNodeAffinityScore(terms: readonly PreferredSchedulingTerm[], node: NodeAffinityNodeView): number {
  let score = 0;
  for (const t of terms) if (matchesNodeSelectorTerm(t.preference, node)) score += t.weight;
  return score;
}

/** DefaultNormalizeScore(MaxNodeScore, reverse = false) of raw scores, in the same order (a new array). */
export function normalizeNodeAffinityScores(raw: readonly number[]): number[] {
  let max = 0;
  for (const s of raw) if (s > max) max = s;
  return raw.map((s) => (max === 0 ? 0 : Math.trunc((MAX_NODE_SCORE * s) / max)));
}

/**
 * PreScore, Score and NormalizeScore over the feasible nodes: each node's normalized score, in
 * order, or undefined for a pod without preferred terms (PreScore's Skip: 0 everywhere).
 */
export function nodeAffinityScores(terms: readonly PreferredSchedulingTerm[] | undefined, feasible: readonly NodeAffinityNodeView[]): number[] | undefined {
  if (terms === undefined || terms.length === 0) return undefined;
  return normalizeNodeAffinityScores(feasible.map((node) => preferredNodeAffinityScore(terms, node)));
}
