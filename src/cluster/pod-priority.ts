/**
 * A pod's priority as the scheduler reads it (component-helpers corev1 PodPriority: spec.priority,
 * 0 when unset; set by the Priority admission plugin, scenario/manifests/pod-priority.ts), the
 * scheduling queue's PrioritySort order (plugins/queuesort/priority_sort.go Less: higher priority
 * first, then the earlier queue timestamp), and util.MoreImportantPod (higher priority first, then
 * the earlier status.startTime; a pod not started yet counts as started now: GetPodStartTime).
 */
import type { SimPod } from './model.js';

export function podPriority(pod: SimPod): number {
  return pod.template.priority ?? 0;
}

/** spec.preemptionPolicy is not Never. */
export function mayPreempt(pod: SimPod): boolean {
  return pod.template.preemptionPolicy !== 'Never';
}

/**
 * Sorts `pods` (given in queue-timestamp order) by PrioritySort, in place and stably: equal
 * priorities keep their order, so a queue where every priority is equal is left as it was.
 */
export function sortByPriority(pods: SimPod[]): void {
  for (let i = 1; i < pods.length; i++) {
    if (podPriority(pods[i]!) > podPriority(pods[i - 1]!)) {
      pods.sort((a, b) => podPriority(b) - podPriority(a));
      return;
    }
  }
}

/** util.MoreImportantPod: true when `a` should be reprieved before `b` (its eviction considered after). */
export function moreImportantPod(a: SimPod, b: SimPod, nowSeconds: number): boolean {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pa > pb;
  return (a.startTimeSeconds ?? nowSeconds) < (b.startTimeSeconds ?? nowSeconds);
}
