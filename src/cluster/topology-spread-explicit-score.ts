/**
 * kube-scheduler's PodTopologySpread PreScore and Score for a pod's explicit `whenUnsatisfiable:
 * ScheduleAnyway` constraints (podtopologyspread/scoring.go initPreScoreState, PreScore, Score), where
 * requireAllTopologies is true: a feasible node lacking any of the constraints' keys is ignored (it
 * scores 0 after normalization, and takes no part in the minimum and maximum).
 *
 * PreScore: a constraint's domains are the values of its key over the feasible nodes not ignored;
 * for a key other than kubernetes.io/hostname each domain's count sums the matching pods over every
 * node of the snapshot that carries all the keys and passes the constraint's node inclusion
 * policies; the weight is topologyNormalizingWeight(domains), for the hostname key
 * ln(feasible − ignored + 2). Score: Σ scoreForCount(count in the node's domain, maxSkew, weight)
 * over the constraints, the hostname count being the node's own matching pods (no inclusion policy
 * applies to it), rounded as Go's math.Round. NormalizeScore is topology-spread-score.ts's.
 */
import { nodeHasAllTopologyKeys, nodeIncluded, type SpreadConstraintPolicy, type SpreadNodeView, type SpreadPodView } from './topology-spread-filter.js';
import { HOSTNAME_LABEL, scoreForCount, topologyNormalizingWeight } from './topology-spread-score.js';

/**
 * The raw score of each feasible node in order, undefined for an ignored node; `matchingPodsOn(node, i)`
 * counts the pods on `node` that constraint i's selector matches; `allNodes` is the whole snapshot.
 */
export function explicitSpreadRawScores<N extends SpreadNodeView>(
  constraints: readonly SpreadConstraintPolicy[],
  pod: SpreadPodView,
  feasible: readonly N[],
  allNodes: readonly N[],
  matchingPodsOn: (node: N, constraint: number) => number,
): (number | undefined)[] {
  const scored = feasible.map((node) => nodeHasAllTopologyKeys(node.labels, constraints));
  const domainCounts = constraints.map(() => new Map<string, number>());
  let scoredCount = 0;
  feasible.forEach((node, n) => {
    if (!scored[n]) return;
    scoredCount++;
    constraints.forEach((c, i) => {
      if (c.topologyKey !== HOSTNAME_LABEL) domainCounts[i]!.set(node.labels[c.topologyKey]!, 0);
    });
  });
  const weights = constraints.map((c, i) => topologyNormalizingWeight(c.topologyKey === HOSTNAME_LABEL ? scoredCount : domainCounts[i]!.size));
  for (const node of allNodes) {
    if (!nodeHasAllTopologyKeys(node.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME_LABEL || !nodeIncluded(c, pod, node)) return;
      const domains = domainCounts[i]!;
      const value = node.labels[c.topologyKey]!;
      const count = domains.get(value);
      if (count !== undefined) domains.set(value, count + matchingPodsOn(node, i));
    });
  }
  return feasible.map((node, n) => {
    if (!scored[n]) return undefined;
    let score = 0;
    constraints.forEach((c, i) => {
      const count = c.topologyKey === HOSTNAME_LABEL ? matchingPodsOn(node, i) : domainCounts[i]!.get(node.labels[c.topologyKey]!)!;
      score += scoreForCount(count, c.maxSkew, weights[i]!);
    });
    return Math.round(score);
  });
}
