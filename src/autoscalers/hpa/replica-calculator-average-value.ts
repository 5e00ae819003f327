/**
 * AverageValue of per-pod values (Pods metrics, and Resource / ContainerResource AverageValue):
 * replica_calculator.go `calcPlainMetricReplicas` with metrics/utilization.go `GetMetricUsageRatio`.
 */
import { truncDiv } from './go-int.js';
import { countPodClasses, countTotals, groupSamples, sumsOverPodList, type PodClassCounts } from './pod-samples.js';
import type { ReplicaCalculation } from './replica-calculation.js';
import { decideFastPath, decideSecondPass } from './two-pass-decision.js';
import type { ClassifiedPod, OrphanSample, PodClassTotals, Tolerances } from './types.js';

export interface AverageValueReplicaInput {
  /**
   * Every pod the selector matches, classified. For the cpu resource the readiness rules of §1.4
   * have already made some pods `unready`; for other metrics a NotReady pod with a sample is `ready`.
   */
  pods: readonly ClassifiedPod[];
  /** Samples for pod names the selector does not match: they count in the average. */
  orphanSamples?: readonly OrphanSample[];
  /** scale.spec.replicas. */
  currentReplicas: number;
  /** target.averageValue in milli-units. */
  targetAverageValueMilli: number;
  tolerances: Tolerances;
  /** The caller vouches that no two pods share a name: with no orphan samples, no name maps are built (same result). */
  distinctNames?: boolean;
}

/** `GetMetricUsageRatio`: integer average `Σvalue ÷ count` (milli-units) and `average ÷ target`. */
export function calculateUsageRatio(samples: ReadonlyMap<string, number>, targetMilli: number): { ratio: number; averageMilli: number } {
  let total = 0;
  for (const value of samples.values()) total += value;
  const averageMilli = truncDiv(total, samples.size);
  return { ratio: averageMilli / targetMilli, averageMilli };
}

/**
 * Desired replicas for a per-pod AverageValue target (§1.6): the two-pass structure of §1.5, with
 * missing pods imputed at exactly the target on a scale-down and at 0 on a scale-up (not at all
 * when the ratio is exactly 1). `usageMilli` is the first-pass integer average.
 * Fails when there are no pods or no usable sample remains.
 */
export function calculateAverageValueReplicas(input: AverageValueReplicaInput): ReplicaCalculation {
  if (sumsOverPodList(input)) return averageOfDistinctPods(input);
  const grouped = groupSamples(input.pods, input.orphanSamples);
  if (typeof grouped === 'string') return { ok: false, message: grouped };
  const target = input.targetAverageValueMilli;
  const { ratio, averageMilli } = calculateUsageRatio(grouped.samples, target);

  const scaleUpWithUnready = grouped.unready.length > 0 && ratio > 1;
  if (!scaleUpWithUnready && grouped.missing.length === 0) {
    return { ok: true, ...decideFastPath(ratio, grouped.readyPodCount, input.currentReplicas, input.tolerances), usageMilli: averageMilli };
  }

  const samples = new Map(grouped.samples);
  for (const pod of grouped.missing) {
    if (ratio < 1) samples.set(pod.name, target);
    else if (ratio > 1) samples.set(pod.name, 0);
  }
  if (scaleUpWithUnready) for (const pod of grouped.unready) samples.set(pod.name, 0);

  const second = calculateUsageRatio(samples, target);
  const decision = decideSecondPass(ratio, second.ratio, samples.size, input.currentReplicas, input.tolerances);
  return { ok: true, ...decision, usageMilli: averageMilli };
}

/**
 * calculateAverageValueReplicas for pods with distinct names and no orphan samples: the same sums
 * in the map's order (ready pods, then imputed missing pods, then unready pods), over the pod list.
 */
function averageOfDistinctPods(input: AverageValueReplicaInput): ReplicaCalculation {
  const pods = input.pods;
  const counts = countPodClasses(pods);
  if (typeof counts === 'string') return { ok: false, message: counts };
  let total = 0;
  for (let i = 0; i < pods.length; i++) if (pods[i]!.class === 'ready') total += pods[i]!.usageMilli!;
  return averageOfSums(counts, total, input);
}

export interface AverageValueTotalsInput {
  /** The pods as class counts (PodClassTotals; their request plays no part here). */
  totals: PodClassTotals;
  currentReplicas: number;
  targetAverageValueMilli: number;
  tolerances: Tolerances;
}

/** calculateAverageValueReplicas for pods given as class totals (a property test checks it against the pod list). */
export function calculateAverageValueFromTotals(input: AverageValueTotalsInput): ReplicaCalculation {
  const counts = countTotals(input.totals);
  if (typeof counts === 'string') return { ok: false, message: counts };
  return averageOfSums(counts, input.totals.readyUsageMilli, input);
}

/** The two passes from the class counts and the ready pods' total. */
function averageOfSums(
  counts: PodClassCounts,
  readyTotalMilli: number,
  input: Pick<AverageValueReplicaInput, 'currentReplicas' | 'targetAverageValueMilli' | 'tolerances'>,
): ReplicaCalculation {
  const target = input.targetAverageValueMilli;
  let total = readyTotalMilli;
  const averageMilli = truncDiv(total, counts.ready);
  const ratio = averageMilli / target;

  const scaleUpWithUnready = counts.unready > 0 && ratio > 1;
  if (!scaleUpWithUnready && counts.missing === 0) {
    const decision = decideFastPath(ratio, counts.ready, input.currentReplicas, input.tolerances);
    return { ok: true, desiredReplicas: decision.desiredReplicas, reason: decision.reason, usageMilli: averageMilli };
  }
  let samples = counts.ready;
  // Missing pods count at the target on a scale-down, at 0 on a scale-up, not at all otherwise.
  if (ratio < 1 || ratio > 1) {
    if (ratio < 1) total += target * counts.missing;
    samples += counts.missing;
  }
  if (scaleUpWithUnready) samples += counts.unready;
  const decision = decideSecondPass(ratio, truncDiv(total, samples) / target, samples, input.currentReplicas, input.tolerances);
  return { ok: true, desiredReplicas: decision.desiredReplicas, reason: decision.reason, usageMilli: averageMilli };
}
