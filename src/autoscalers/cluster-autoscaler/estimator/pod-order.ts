/**
 * Pod equivalence groups (core/scaleup/equivalence BuildPodGroups) and the estimator's default
 * order (estimator/decreasing_pod_orderer.go DecreasingPodOrderer): groups sorted by
 * cpu/nodeCpu + mem/nodeMem of their exemplar pod, largest first.
 */
import type { CaNodeTemplate, CaPod } from '../types.js';

/** Pods of one controller with the same scheduling-relevant spec; the estimator packs them together. */
export type PodEquivalenceGroup = readonly CaPod[];

function equivalenceKey(pod: CaPod): string | undefined {
  // Pods without a controller are never grouped (each is its own group), as upstream.
  if (pod.ownerKind === undefined) return undefined;
  return JSON.stringify([
    pod.namespace,
    pod.ownerKind,
    pod.ownerName ?? '',
    pod.cpuMillicores,
    pod.memoryBytes,
    Object.entries(pod.nodeSelector).sort(),
    pod.tolerations,
    [...(pod.hostPorts ?? [])].sort((a, b) => a - b),
    // The spec's affinity is part of upstream's equality; added only when set, so other keys stay as they were.
    ...(pod.requiredNodeAffinity === undefined ? [] : [pod.requiredNodeAffinity]),
  ]);
}

/** Groups `pods` by controller and spec, keeping first-appearance order of groups and pods. */
export function buildPodEquivalenceGroups(pods: readonly CaPod[]): CaPod[][] {
  const groups: CaPod[][] = [];
  const byKey = new Map<string, CaPod[]>();
  for (const pod of pods) {
    const key = equivalenceKey(pod);
    const existing = key === undefined ? undefined : byKey.get(key);
    if (existing !== undefined) {
      existing.push(pod);
      continue;
    }
    const group = [pod];
    groups.push(group);
    if (key !== undefined) byKey.set(key, group);
  }
  return groups;
}

/** calculatePodScore: podCpu/templateCpu + podMem/templateMem (a zero allocatable adds nothing). */
export function podScore(pod: CaPod, template: CaNodeTemplate): number {
  let score = 0;
  if (template.cpuMillicores > 0) score += pod.cpuMillicores / template.cpuMillicores;
  if (template.memoryBytes > 0) score += pod.memoryBytes / template.memoryBytes;
  return score;
}

/**
 * Groups sorted by the score of their first pod, descending. Upstream uses Go's unstable sort.Slice;
 * this sort is stable, so groups with equal scores keep their input order (a documented convention).
 */
export function orderPodGroupsDecreasing(groups: readonly PodEquivalenceGroup[], template: CaNodeTemplate): PodEquivalenceGroup[] {
  const scored = groups.map((group) => ({ group, score: group[0] === undefined ? 0 : podScore(group[0], template) }));
  scored.sort((a, b) => b.score - a.score);
  return scored.map((s) => s.group);
}
