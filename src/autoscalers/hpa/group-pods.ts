/**
 * Pod classification for the replica calculator: ready, unready, missing or ignored.
 * Mirrors replica_calculator.go `groupPods` (one pod at a time; the checks run in upstream order).
 */
import type { HpaControllerConfig, PodClass } from './types.js';

/** What the HPA controller sees of one pod matched by the scale selector. Times are simulation seconds. */
export interface PodObservation {
  name: string;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  /** metadata.deletionTimestamp is set. */
  deleting: boolean;
  /** status.startTime; absent while the kubelet has not started the pod. */
  startTimeSeconds?: number;
  /**
   * The Ready condition; absent = the pod has no Ready condition yet. `status` is false only for
   * Ready=False (upstream tests `status == False`, so Ready=Unknown behaves like True).
   */
  ready?: { status: boolean; lastTransitionSeconds: number };
  /** The pod's sample in the metrics response; absent = no metric for this pod. */
  sample?: { timestampSeconds: number; windowSeconds: number };
}

export type GroupPodsConfig = Pick<HpaControllerConfig, 'cpuInitializationPeriodSeconds' | 'initialReadinessDelaySeconds'>;

export interface PodClassification {
  podClass: PodClass;
  /** Which rule decided, in words (for `explain`). */
  reason: string;
}

/**
 * Classifies one pod for a metric of resource `resourceName` (undefined for Pods metrics) at `nowSeconds`.
 *
 * Rules, first match wins:
 * 1. `ignored` when deleting or phase Failed;
 * 2. `unready` when phase Pending;
 * 3. `missing` when there is no sample;
 * 4. for `cpu` only, `unready` when the pod has no Ready condition or no startTime; or it is inside
 *    the CPU initialization period (`start + period > now`, strict) and either Ready=False or the
 *    sample is older than `lastTransition + sample window`; or it is past that period, Ready=False,
 *    and `start + initialReadinessDelay > lastTransition` (strict: it was never Ready);
 * 5. otherwise `ready`.
 */
export function classifyPod(
  pod: PodObservation,
  resourceName: string | undefined,
  nowSeconds: number,
  config: GroupPodsConfig,
): PodClassification {
  if (pod.deleting) return { podClass: 'ignored', reason: 'pod is being deleted' };
  if (pod.phase === 'Failed') return { podClass: 'ignored', reason: 'pod phase is Failed' };
  if (pod.phase === 'Pending') return { podClass: 'unready', reason: 'pod phase is Pending' };
  const sample = pod.sample;
  if (sample === undefined) return { podClass: 'missing', reason: 'no sample for the pod in the metrics response' };
  if (resourceName === 'cpu') {
    const unready = cpuUnreadyReason(pod, sample, nowSeconds, config);
    if (unready !== undefined) return { podClass: 'unready', reason: unready };
  }
  return { podClass: 'ready', reason: resourceName === 'cpu' ? 'cpu sample usable' : 'has a sample' };
}

/** Rule 4 (cpu only): the reason the sample is unusable, or undefined when it is usable. */
function cpuUnreadyReason(
  pod: PodObservation,
  sample: NonNullable<PodObservation['sample']>,
  nowSeconds: number,
  config: GroupPodsConfig,
): string | undefined {
  const ready = pod.ready;
  const start = pod.startTimeSeconds;
  if (ready === undefined) return 'no Ready condition';
  if (start === undefined) return 'no startTime';
  if (start + config.cpuInitializationPeriodSeconds > nowSeconds) {
    if (!ready.status) return 'Ready=False inside the CPU initialization period';
    if (sample.timestampSeconds < ready.lastTransitionSeconds + sample.windowSeconds) {
      return 'inside the CPU initialization period and the sample window does not cover a full window since Ready';
    }
    return undefined;
  }
  if (!ready.status && start + config.initialReadinessDelaySeconds > ready.lastTransitionSeconds) {
    return 'Ready=False and never Ready since start';
  }
  return undefined;
}
