/**
 * Pod classification shared by the scale-down rules (utils/pod IsDaemonSetPod, IsMirrorPod;
 * utils/drain IsPodLongTerminating).
 */
import type { CaPod } from './types.js';

/** Annotation the kubelet puts on the API copy of a static pod. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** drain.PodLongTerminatingExtraThreshold: how long past its grace period a terminating pod is ignored. */
export const POD_LONG_TERMINATING_EXTRA_SECONDS = 30;
/** pkg/apis/core/v1 default terminationGracePeriodSeconds. */
const DEFAULT_TERMINATION_GRACE_SECONDS = 30;

export function isDaemonSetPod(pod: CaPod): boolean {
  return pod.daemonSet === true || pod.ownerKind === 'DaemonSet';
}

export function isMirrorPod(pod: CaPod): boolean {
  return pod.mirror === true || pod.annotations[MIRROR_POD_ANNOTATION] !== undefined;
}

/** Terminating for longer than its grace period plus 30 s (strictly). */
export function isLongTerminating(pod: CaPod, nowSeconds: number): boolean {
  if (pod.deletionSeconds === undefined) return false;
  const grace = pod.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_SECONDS;
  return pod.deletionSeconds + grace + POD_LONG_TERMINATING_EXTRA_SECONDS < nowSeconds;
}
