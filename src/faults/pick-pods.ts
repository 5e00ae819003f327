/**
 * Which pods a pod fault hits: the pod at `podIndex` among the workload's live pods (not being
 * deleted, oldest first) if its container runs, else `count` distinct pods drawn from those whose
 * container runs, with the fault kind's seeded stream.
 */
import { isActive, type SimPod } from '../cluster/model.js';
import type { RandomStream } from '../core/rng.js';

export function containerRunning(pod: SimPod): boolean {
  return isActive(pod) && pod.phase === 'Running' && pod.containerStartSeconds !== undefined;
}

export function pickPods(pods: readonly SimPod[], podIndex: number | undefined, count: number, random: RandomStream): SimPod[] {
  if (podIndex !== undefined) {
    const pod = pods.filter(isActive)[podIndex];
    return pod !== undefined && containerRunning(pod) ? [pod] : [];
  }
  const candidates = pods.filter(containerRunning);
  const picked: SimPod[] = [];
  while (picked.length < count && candidates.length > 0) {
    picked.push(...candidates.splice(random.int(candidates.length), 1));
  }
  return picked;
}
