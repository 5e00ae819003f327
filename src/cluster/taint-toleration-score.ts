/**
 * kube-scheduler's TaintToleration score (plugins/tainttoleration/taint_toleration.go Score and
 * NormalizeScore, weight 3 in default_plugins.go): a node's raw score is the count of its
 * PreferNoSchedule taints the pod does not tolerate; the raw scores of the feasible nodes are then
 * normalized in reverse by helper/normalize_score.go DefaultNormalizeScore (100 − 100 × count ÷ the
 * largest count, integer; 100 everywhere when no node has such a taint). Pure functions.
 */
import type { Taint, Toleration } from '../scenario/types.js';
import { toleratesTaint } from './scheduling-filter.js';

export const TAINT_TOLERATION_WEIGHT = 3;
const MAX_NODE_SCORE = 100;

/** countIntolerableTaintsPreferNoSchedule: tolerations with another effect cannot tolerate these taints. */
export function intolerablePreferNoScheduleCount(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let count = 0;
  for (const taint of taints) {
    if (taint.effect === 'PreferNoSchedule' && !toleratesTaint(tolerations, taint)) count++;
  }
  return count;
}

/** DefaultNormalizeScore(MaxNodeScore, reverse = true) of one raw count, given the largest over the feasible nodes. */
export function normalizedReverseScore(count: number, maxCount: number): number {
  if (maxCount === 0) return MAX_NODE_SCORE;
  return MAX_NODE_SCORE - Math.trunc((MAX_NODE_SCORE * count) / maxCount);
}

/** DefaultNormalizeScore(MaxNodeScore, reverse = true) of raw counts, in the same order. */
export function normalizeReverse(counts: readonly number[]): number[] {
  let maxCount = 0;
  for (const c of counts) if (c > maxCount) maxCount = c;
  return counts.map((c) => normalizedReverseScore(c, maxCount));
}
