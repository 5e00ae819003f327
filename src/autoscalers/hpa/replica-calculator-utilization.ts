/**
 * Resource / ContainerResource Utilization targets: the two-pass algorithm of
 * replica_calculator.go `GetResourceReplicas` with metrics/utilization.go `GetResourceUtilizationRatio`.
 */
import { truncDiv } from './go-int.js';
import { countPodClasses, countTotals, groupSamples, sumsOverPodList } from './pod-samples.js';
import type { ReplicaCalculation } from './replica-calculation.js';
import { decideFastPath, decideSecondPass } from './two-pass-decision.js';
import type { ClassifiedPod, OrphanSample, PodClassTotals, Tolerances } from './types.js';

export interface UtilizationReplicaInput {
  /** Every pod the selector matches, already classified (§1.4), each with its request. */
  pods: readonly ClassifiedPod[];
  /** Samples for pod names the selector does not match: no request is known for them. */
  orphanSamples?: readonly OrphanSample[];
  /** scale.spec.replicas. */
  currentReplicas: number;
  /** target.averageUtilization, whole percent of the summed requests. */
  targetUtilizationPercent: number;
  tolerances: Tolerances;
  /**
   * The caller vouches that no two pods share a name (the simulator's pods never do). With no
   * orphan samples either, the calculator then sums over the pods directly instead of building the
   * name-keyed maps upstream uses; the result is the same (a property test checks it).
   */
  distinctNames?: boolean;
}

const NO_MATCH = 'no metrics returned matched known pods';

interface UtilizationRatio {
  ratio: number;
  utilizationPercent: number;
  rawAverageMilli: number;
}

/**
 * `GetResourceUtilizationRatio`: over samples whose pod has a known request, utilization is the
 * integer `Σusage × 100 ÷ Σrequest` (truncated before the ratio, so 99.9% is 99%), the ratio is
 * `utilization ÷ target` and the raw average is the integer `Σusage ÷ n`.
 */
export function calculateUtilizationRatio(
  samples: ReadonlyMap<string, number>,
  requests: ReadonlyMap<string, number>,
  targetUtilizationPercent: number,
): UtilizationRatio | string {
  let usageTotal = 0;
  let requestTotal = 0;
  let entries = 0;
  for (const [name, usage] of samples) {
    const request = requests.get(name);
    if (request === undefined) continue;
    usageTotal += usage;
    requestTotal += request;
    entries++;
  }
  if (requestTotal === 0) return NO_MATCH;
  const utilizationPercent = truncDiv(usageTotal * 100, requestTotal);
  return {
    ratio: utilizationPercent / targetUtilizationPercent,
    utilizationPercent,
    rawAverageMilli: truncDiv(usageTotal, entries),
  };
}

/**
 * Desired replicas for a Utilization target (§1.5).
 *
 * Fast path when no pod is missing and it is not a scale-up with unready pods. Otherwise missing
 * pods are imputed on a scale-down at `request × max(100, target) ÷ 100` and on a scale-up at 0
 * (not at all when the ratio is exactly 1), unready pods at 0 on a scale-up, and the guarded second
 * pass decides. The reported utilization and raw average are the first-pass (ready pods) values.
 * Fails when there are no pods, a pod has no request, or no usable sample remains.
 */
export function calculateUtilizationReplicas(input: UtilizationReplicaInput): ReplicaCalculation {
  if (sumsOverPodList(input)) return utilizationOfDistinctPods(input);
  const grouped = groupSamples(input.pods, input.orphanSamples);
  if (typeof grouped === 'string') return { ok: false, message: grouped };
  const requests = new Map<string, number>();
  for (const pod of input.pods) {
    if (pod.requestMilli === undefined) return { ok: false, message: `missing request for pod ${pod.name}` };
    requests.set(pod.name, pod.requestMilli);
  }
  const target = input.targetUtilizationPercent;
  const first = calculateUtilizationRatio(grouped.samples, requests, target);
  if (typeof first === 'string') return { ok: false, message: first };
  const reported = { utilizationPercent: first.utilizationPercent, rawAverageMilli: first.rawAverageMilli };
  const { ratio } = first;

  const scaleUpWithUnready = grouped.unready.length > 0 && ratio > 1;
  if (!scaleUpWithUnready && grouped.missing.length === 0) {
    return { ok: true, ...decideFastPath(ratio, grouped.readyPodCount, input.currentReplicas, input.tolerances), ...reported };
  }

  const samples = new Map(grouped.samples);
  const fallbackPercent = Math.max(100, target);
  for (const pod of grouped.missing) {
    if (ratio < 1) samples.set(pod.name, truncDiv((requests.get(pod.name) ?? 0) * fallbackPercent, 100));
    else if (ratio > 1) samples.set(pod.name, 0);
  }
  if (scaleUpWithUnready) for (const pod of grouped.unready) samples.set(pod.name, 0);

  const second = calculateUtilizationRatio(samples, requests, target);
  if (typeof second === 'string') return { ok: false, message: second };
  const decision = decideSecondPass(ratio, second.ratio, samples.size, input.currentReplicas, input.tolerances);
  return { ok: true, ...decision, ...reported };
}

/**
 * What the distinct-names path needs of the pods, summed per class: counts, the ready pods' usage
 * and requests, the missing pods' requests and their scale-down imputations
 * (`request × max(100, target) ÷ 100` each), the unready pods' requests.
 */
interface UtilizationSums {
  ready: number;
  unready: number;
  missing: number;
  readyUsageMilli: number;
  readyRequestMilli: number;
  missingRequestMilli: number;
  missingImputedMilli: number;
  unreadyRequestMilli: number;
}

/**
 * calculateUtilizationReplicas for pods with distinct names and no orphan samples: the same checks
 * in the same order (groupSamples, then requests) and the same sums as the maps would hold (ready
 * pods, then imputed missing pods, then unready pods), over the pod list. Milli values are whole
 * numbers, so summing per class first gives the same totals.
 */
function utilizationOfDistinctPods(input: UtilizationReplicaInput): ReplicaCalculation {
  const pods = input.pods;
  const counts = countPodClasses(pods);
  if (typeof counts === 'string') return { ok: false, message: counts };
  const fallbackPercent = Math.max(100, input.targetUtilizationPercent);
  const sums: UtilizationSums = {
    ready: counts.ready,
    unready: counts.unready,
    missing: counts.missing,
    readyUsageMilli: 0,
    readyRequestMilli: 0,
    missingRequestMilli: 0,
    missingImputedMilli: 0,
    unreadyRequestMilli: 0,
  };
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i]!;
    const request = pod.requestMilli;
    if (request === undefined) return { ok: false, message: `missing request for pod ${pod.name}` };
    if (pod.class === 'ready') {
      sums.readyUsageMilli += pod.usageMilli!;
      sums.readyRequestMilli += request;
    } else if (pod.class === 'missing') {
      sums.missingRequestMilli += request;
      sums.missingImputedMilli += truncDiv(request * fallbackPercent, 100);
    } else if (pod.class === 'unready') {
      sums.unreadyRequestMilli += request;
    }
  }
  return utilizationOfSums(sums, input);
}

export interface UtilizationTotalsInput {
  /** The pods as class counts, every pod with the same request (PodClassTotals). */
  totals: PodClassTotals;
  currentReplicas: number;
  targetUtilizationPercent: number;
  tolerances: Tolerances;
}

/**
 * calculateUtilizationReplicas for pods given as class totals: the distinct-names path with every
 * request equal, so the per-class sums are products (a property test checks both give the same).
 */
export function calculateUtilizationFromTotals(input: UtilizationTotalsInput): ReplicaCalculation {
  const { totals } = input;
  const counts = countTotals(totals);
  if (typeof counts === 'string') return { ok: false, message: counts };
  const request = totals.requestMilli;
  return utilizationOfSums(
    {
      ready: counts.ready,
      unready: counts.unready,
      missing: counts.missing,
      readyUsageMilli: totals.readyUsageMilli,
      readyRequestMilli: request * counts.ready,
      missingRequestMilli: request * counts.missing,
      missingImputedMilli: truncDiv(request * Math.max(100, input.targetUtilizationPercent), 100) * counts.missing,
      unreadyRequestMilli: request * counts.unready,
    },
    input,
  );
}

/** The two passes from the per-class sums. */
function utilizationOfSums(sums: UtilizationSums, input: Pick<UtilizationReplicaInput, 'currentReplicas' | 'targetUtilizationPercent' | 'tolerances'>): ReplicaCalculation {
  const { ready, unready, missing } = sums;
  if (sums.readyRequestMilli === 0) return { ok: false, message: NO_MATCH };
  const target = input.targetUtilizationPercent;
  const utilizationPercent = truncDiv(sums.readyUsageMilli * 100, sums.readyRequestMilli);
  const rawAverageMilli = truncDiv(sums.readyUsageMilli, ready);
  const ratio = utilizationPercent / target;

  const scaleUpWithUnready = unready > 0 && ratio > 1;
  if (!scaleUpWithUnready && missing === 0) {
    const decision = decideFastPath(ratio, ready, input.currentReplicas, input.tolerances);
    return { ok: true, desiredReplicas: decision.desiredReplicas, reason: decision.reason, utilizationPercent, rawAverageMilli };
  }

  let usageTotal = sums.readyUsageMilli;
  let requestTotal = sums.readyRequestMilli;
  let samples = ready;
  // Missing pods count at the fallback on a scale-down, at 0 on a scale-up, not at all otherwise.
  if (ratio < 1 || ratio > 1) {
    if (ratio < 1) usageTotal += sums.missingImputedMilli;
    requestTotal += sums.missingRequestMilli;
    samples += missing;
  }
  if (scaleUpWithUnready) {
    requestTotal += sums.unreadyRequestMilli;
    samples += unready;
  }
  if (requestTotal === 0) return { ok: false, message: NO_MATCH };
  const newRatio = truncDiv(usageTotal * 100, requestTotal) / target;
  const decision = decideSecondPass(ratio, newRatio, samples, input.currentReplicas, input.tolerances);
  return { ok: true, desiredReplicas: decision.desiredReplicas, reason: decision.reason, utilizationPercent, rawAverageMilli };
}
