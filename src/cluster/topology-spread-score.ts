/**
 * kube-scheduler's PodTopologySpread score (plugins/podtopologyspread/scoring.go, weight 2 in
 * default_plugins.go) for the system default constraints (plugin.go systemDefaultConstraints,
 * PodTopologySpreadArgs defaultingType System): `kubernetes.io/hostname` maxSkew 3 and
 * `topology.kubernetes.io/zone` maxSkew 5, both ScheduleAnyway, in that order.
 *
 * PreScore: each constraint's weight is topologyNormalizingWeight = ln(domains + 2), where the
 * domains are the distinct values of the key over the feasible nodes (for the hostname, the number
 * of feasible nodes). With system-defaulted constraints requireAllTopologies is false: no node is
 * ignored, and a feasible node without the zone label still counts as the domain "" (Go's map
 * lookup of a missing label). Score: for each constraint whose key the node carries,
 * scoreForCount = matching pods in the node's domain × weight + (maxSkew − 1), summed and rounded
 * (math.Round). NormalizeScore: 100 × (max + min − score) ÷ max over the feasible nodes, integer
 * division, 100 everywhere when max is 0, so fewer matching pods score higher; an ignored node
 * scores 0. Pure functions; the counts come from topology-spread-counts.ts.
 */

export const POD_TOPOLOGY_SPREAD_WEIGHT = 2;
const MAX_NODE_SCORE = 100;

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export interface SoftSpreadConstraint {
  topologyKey: string;
  maxSkew: number;
}

export const HOSTNAME_MAX_SKEW = 3;
export const ZONE_MAX_SKEW = 5;

/** plugin.go systemDefaultConstraints (both ScheduleAnyway), in upstream's order. */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly SoftSpreadConstraint[] = Object.freeze([
  { topologyKey: HOSTNAME_LABEL, maxSkew: HOSTNAME_MAX_SKEW },
  { topologyKey: ZONE_LABEL, maxSkew: ZONE_MAX_SKEW },
]);

/** scoring.go topologyNormalizingWeight: ln(size + 2), size = the number of domains of a key over the feasible nodes. */
export function topologyNormalizingWeight(domains: number): number {
  return Math.log(domains + 2);
}

/** scoring.go scoreForCount: matching pods × weight + (maxSkew − 1). */
export function scoreForCount(matchingPods: number, maxSkew: number, weight: number): number {
  return matchingPods * weight + (maxSkew - 1);
}

/**
 * Score of one node before normalization: `matchingPods[i]` is the count in the node's domain of
 * constraint i, undefined when the node lacks the key (no term); rounded half away from zero as
 * Go's math.Round (the sum is never negative).
 */
export function rawSpreadScore(matchingPods: readonly (number | undefined)[], constraints: readonly SoftSpreadConstraint[], weights: readonly number[]): number {
  let score = 0;
  for (let i = 0; i < constraints.length; i++) {
    const count = matchingPods[i];
    if (count !== undefined) score += scoreForCount(count, constraints[i]!.maxSkew, weights[i]!);
  }
  return Math.round(score);
}

/** NormalizeScore of one raw score, given the smallest and largest over the scored (not ignored) nodes. */
export function normalizedSpreadScore(raw: number, minRaw: number, maxRaw: number): number {
  if (maxRaw === 0) return MAX_NODE_SCORE;
  return Math.trunc((MAX_NODE_SCORE * (maxRaw + minRaw - raw)) / maxRaw);
}

/** NormalizeScore of raw scores in the same order; undefined = an ignored node (0). */
export function normalizeSpreadScores(raws: readonly (number | undefined)[]): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const r of raws) {
    if (r === undefined) continue;
    if (r < min) min = r;
    if (r > max) max = r;
  }
  return raws.map((r) => (r === undefined ? 0 : normalizedSpreadScore(r, min, max)));
}
