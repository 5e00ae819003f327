/**
 * PodDisruptionBudget arithmetic: status.disruptionsAllowed as the disruption controller computes
 * it (pkg/controller/disruption getExpectedPodCount, updatePdbStatus), and which budgets cover a
 * pod (core/scaledown/pdb basicRemainingPdbTracker).
 */
import { matchesSelector } from '../../../cluster/scheduling-filter.js';
import type { PodDisruptionBudgetSpec } from '../../../scenario/types.js';
import type { CaPdb, CaPod } from '../types.js';

type IntOrPercent = number | { percent: number };

/** intstr.GetScaledValueFromIntOrPercent with roundUp = true. */
function scaledValue(value: IntOrPercent, total: number): number {
  return typeof value === 'number' ? value : Math.ceil((value.percent * total) / 100);
}

/**
 * disruptionsAllowed = max(0, healthy − desiredHealthy), and 0 when no pod is expected.
 *
 * @param pdb minAvailable / maxUnavailable (an integer or a percentage).
 * @param matchingPods the pods the budget expects: the controllers' spec.replicas for maxUnavailable
 *   and percentages; for an integer minAvailable upstream uses the number of matching pods.
 * @param readyCount matching pods that are Ready (currentHealthy).
 */
export function disruptionsAllowed(pdb: Pick<PodDisruptionBudgetSpec, 'minAvailable' | 'maxUnavailable'>, matchingPods: number, readyCount: number): number {
  let expectedCount = 0;
  let desiredHealthy = 0;
  if (pdb.maxUnavailable !== undefined) {
    expectedCount = matchingPods;
    desiredHealthy = Math.max(0, expectedCount - scaledValue(pdb.maxUnavailable, expectedCount));
  } else if (pdb.minAvailable !== undefined) {
    expectedCount = matchingPods;
    desiredHealthy = scaledValue(pdb.minAvailable, expectedCount);
  }
  const allowed = readyCount - desiredHealthy;
  return expectedCount <= 0 || allowed <= 0 ? 0 : allowed;
}

/** The budget covers the pod: same namespace and its selector matches the pod's labels. */
export function pdbMatchesPod(pdb: CaPdb, pod: CaPod): boolean {
  return pdb.namespace === pod.namespace && matchesSelector(pdb.selector, pod.labels);
}

/**
 * CanRemovePods' inParallel = false: some budget covers more of `pods` than it allows disruptions,
 * so a drain would have to wait between evictions (planner.go marks the node IsRisky; sortByRisk
 * drains such nodes last).
 */
export function isRiskyRemoval(pdbs: readonly CaPdb[], pods: readonly CaPod[]): boolean {
  return pdbs.some((pdb) => {
    const covered = pods.filter((pod) => pdbMatchesPod(pdb, pod)).length;
    return covered > 0 && covered > pdb.disruptionsAllowed;
  });
}

/** RemovePods: each evicted pod uses one disruption of every budget that covers it. */
export function consumeDisruptions(pdbs: readonly CaPdb[], evicted: readonly CaPod[]): CaPdb[] {
  return pdbs.map((pdb) => {
    const used = evicted.filter((pod) => pdbMatchesPod(pdb, pod)).length;
    return used === 0 ? pdb : { ...pdb, disruptionsAllowed: pdb.disruptionsAllowed - used };
  });
}
