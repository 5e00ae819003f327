/**
 * One scheduling cycle for one pod: filter every node, score the feasible ones, pick the best and
 * break ties at random with reservoir sampling, as kube-scheduler's selectHost does (the random
 * draw comes from the seeded `scheduler` stream).
 */
import type { RandomStream } from '../core/rng.js';
import type { SimNode, SimPod } from './model.js';
import { filterNode, type FilterReason } from './scheduling-filter.js';
import { scoreNode, type ScoringStrategy } from './scheduling-score.js';

export type Placement =
  | { node: SimNode; score: number; reason: 'Scheduled' }
  | { node: undefined; reason: 'Unschedulable'; filterCounts: Partial<Record<FilterReason, number>> };

export function placePod(pod: SimPod, nodes: readonly SimNode[], strategy: ScoringStrategy, random: RandomStream): Placement {
  let best: SimNode | undefined;
  let bestScore = -1;
  let ties = 0;
  const filterCounts: Partial<Record<FilterReason, number>> = {};
  for (const node of nodes) {
    const fit = filterNode(pod, node);
    if (fit !== 'Fits') {
      filterCounts[fit] = (filterCounts[fit] ?? 0) + 1;
      continue;
    }
    const score = scoreNode(pod, node, strategy);
    if (score > bestScore) {
      best = node;
      bestScore = score;
      ties = 1;
    } else if (score === bestScore) {
      ties++;
      if (random.int(ties) === 0) best = node;
    }
  }
  if (best === undefined) return { node: undefined, reason: 'Unschedulable', filterCounts };
  return { node: best, score: bestScore, reason: 'Scheduled' };
}
