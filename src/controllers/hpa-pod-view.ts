/**
 * What the HPA controller sees of one pod at a sync (the PodObservation groupPods classifies, §1.4):
 * its phase, deletion, start time and Ready condition from the simulated pod, and its sample from
 * metrics-server, and what that sample gives for a resource. One scratch observation is refilled for each pod in turn: classifyPod reads it and
 * keeps nothing, and the HPA classifies every pod at every sync.
 */
import type { SimPod } from '../cluster/model.js';
import type { PodObservation } from '../autoscalers/hpa/group-pods.js';
import type { PodSample } from '../metrics/metrics-server.js';

const scratchReady = { status: false, lastTransitionSeconds: 0 };
const scratchSample = { timestampSeconds: 0, windowSeconds: 0 };
const scratch: PodObservation = { name: '', phase: 'Pending', deleting: false, startTimeSeconds: undefined, ready: undefined, sample: undefined };

/** What the HPA sees of `pod` with metrics-server's `sample` (valid until the next call). */
export function podObservation(pod: SimPod, sample: PodSample | undefined): PodObservation {
  scratch.name = pod.name;
  scratch.phase = pod.phase;
  scratch.deleting = pod.deletionSeconds !== undefined;
  scratch.startTimeSeconds = pod.startTimeSeconds;
  if (pod.readyConditionSeconds === undefined) scratch.ready = undefined;
  else {
    scratchReady.status = pod.ready;
    scratchReady.lastTransitionSeconds = pod.readyConditionSeconds;
    scratch.ready = scratchReady;
  }
  setSample(sample?.timestampSeconds, sample?.windowSeconds ?? 0);
  return scratch;
}

/** Replaces the sample of the observation podObservation returned last (a custom metric's: Pods sources). */
export function setSample(timestampSeconds: number | undefined, windowSeconds: number): void {
  if (timestampSeconds === undefined) scratch.sample = undefined;
  else {
    scratchSample.timestampSeconds = timestampSeconds;
    scratchSample.windowSeconds = windowSeconds;
    scratch.sample = scratchSample;
  }
}

/** What a pod's sample gives for `resource`, milli-units: cpu millicores, memory bytes × 1000, 0 for any other resource. */
export function resourceUsageMilli(sample: PodSample, resource: string): number {
  return resource === 'cpu' ? sample.cpuMilli : resource === 'memory' ? sample.memoryBytes * 1000 : 0;
}
