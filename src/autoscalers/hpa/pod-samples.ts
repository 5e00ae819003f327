/**
 * Builds the metrics map the per-pod calculators work on (replica_calculator.go `PodMetricsInfo`
 * after `removeMetricsForPods`): ready pods' samples plus samples for pods the selector does not match.
 */
import type { ClassifiedPod, OrphanSample, PodClassTotals } from './types.js';

export interface GroupedSamples {
  /** pod name → usage (milli-units): ready pods and orphan samples; unready and ignored are dropped. */
  samples: Map<string, number>;
  readyPodCount: number;
  unready: ClassifiedPod[];
  missing: ClassifiedPod[];
}

/**
 * Splits classified pods. Fails (returns a message) when there are no pods at all, when a ready pod
 * carries no sample, or when no sample is left once unready and ignored pods are dropped.
 */
export function groupSamples(pods: readonly ClassifiedPod[], orphanSamples: readonly OrphanSample[] = []): GroupedSamples | string {
  if (pods.length === 0) return NO_PODS;
  const samples = new Map<string, number>();
  for (const orphan of orphanSamples) samples.set(orphan.name, orphan.usageMilli);
  const unready: ClassifiedPod[] = [];
  const missing: ClassifiedPod[] = [];
  let readyPodCount = 0;
  for (const pod of pods) {
    if (pod.class === 'unready') unready.push(pod);
    else if (pod.class === 'missing') missing.push(pod);
    else if (pod.class === 'ready') {
      if (pod.usageMilli === undefined) return `ready pod ${pod.name} has no sample`;
      samples.set(pod.name, pod.usageMilli);
      readyPodCount++;
    }
  }
  if (samples.size === 0) return NO_METRICS;
  return { samples, readyPodCount, unready, missing };
}

const NO_PODS = 'no pods returned by selector while calculating replica count';
const NO_METRICS = 'did not receive metrics for targeted pods (pods might be unready)';

/**
 * Whether a calculator may sum over the pod list instead of groupSamples' maps: the caller vouches
 * that no two pods share a name, and there are no orphan samples (with neither, the maps hold the
 * pods in list order and nothing else).
 */
export function sumsOverPodList(input: { distinctNames?: boolean | undefined; orphanSamples?: readonly OrphanSample[] | undefined }): boolean {
  return input.distinctNames === true && (input.orphanSamples === undefined || input.orphanSamples.length === 0);
}

/** How many pods of each class groupSamples would have kept (for pods with distinct names and no orphans). */
export interface PodClassCounts {
  ready: number;
  unready: number;
  missing: number;
}

/**
 * groupSamples for pods with distinct names and no orphan samples, as counts: the calculators then
 * sum over the pod list (in list order, the order the map would hold) instead of building maps.
 * Fails with groupSamples' messages, in its order.
 */
export function countPodClasses(pods: readonly ClassifiedPod[]): PodClassCounts | string {
  if (pods.length === 0) return NO_PODS;
  let ready = 0;
  let unready = 0;
  let missing = 0;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i]!;
    if (pod.class === 'unready') unready++;
    else if (pod.class === 'missing') missing++;
    else if (pod.class === 'ready') {
      if (pod.usageMilli === undefined) return `ready pod ${pod.name} has no sample`;
      ready++;
    }
  }
  if (ready === 0) return NO_METRICS;
  return { ready, unready, missing };
}

/** countPodClasses for pods given as class totals (each ready pod has a sample): its messages, in its order. */
export function countTotals(totals: PodClassTotals): PodClassCounts | string {
  if (totals.ready + totals.unready + totals.missing + totals.ignored === 0) return NO_PODS;
  if (totals.ready === 0) return NO_METRICS;
  return { ready: totals.ready, unready: totals.unready, missing: totals.missing };
}
