/**
 * Builds the metrics map the per-pod calculators work on (replica_calculator.go `PodMetricsInfo`
 * after `removeMetricsForPods`): ready pods' samples plus samples for pods the selector does not match.
 */
import type { ClassifiedPod, OrphanSample } from './types.js';

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
  if (pods.length === 0) return 'no pods returned by selector while calculating replica count';
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
  if (samples.size === 0) return 'did not receive metrics for targeted pods (pods might be unready)';
  return { samples, readyPodCount, unready, missing };
}
