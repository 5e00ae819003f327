/**
 * podutil.IsPodAvailable (k8s.io/kubernetes/pkg/api/v1/pod): a pod is available once Ready, and,
 * with minReadySeconds, once its Ready condition's lastTransitionTime (whole seconds, as the API
 * stores it) plus minReadySeconds is strictly before now. The Deployment and StatefulSet
 * controllers judge availability with it. Pure.
 */
import type { SimPod } from './model.js';

export function isPodAvailable(pod: SimPod, minReadySeconds: number, nowSeconds: number): boolean {
  if (!pod.ready) return false;
  if (minReadySeconds === 0) return true;
  return pod.readyConditionSeconds !== undefined && Math.floor(pod.readyConditionSeconds) + minReadySeconds < nowSeconds;
}
