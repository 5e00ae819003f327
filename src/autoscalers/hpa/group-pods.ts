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
  readonly podClass: PodClass;
  /** Which rule decided, in words (for `explain`). */
  readonly reason: string;
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
  if (pod.deleting) return DELETING;
  if (pod.phase === 'Failed') return FAILED;
  if (pod.phase === 'Pending') return PENDING;
  const sample = pod.sample;
  if (sample === undefined) return NO_SAMPLE;
  if (resourceName === 'cpu') {
    const unready = cpuUnready(pod, sample, nowSeconds, config);
    if (unready !== undefined) return unready;
    return CPU_USABLE;
  }
  return HAS_SAMPLE;
}

// The outcomes are constants: the HPA classifies every pod at every sync, so none is allocated.
const outcome = (podClass: PodClass, reason: string): PodClassification => Object.freeze({ podClass, reason });
const DELETING = outcome('ignored', 'pod is being deleted');
const FAILED = outcome('ignored', 'pod phase is Failed');
const PENDING = outcome('unready', 'pod phase is Pending');
const NO_SAMPLE = outcome('missing', 'no sample for the pod in the metrics response');
const NO_READY_CONDITION = outcome('unready', 'no Ready condition');
const NO_START_TIME = outcome('unready', 'no startTime');
const NOT_READY_INITIALIZING = outcome('unready', 'Ready=False inside the CPU initialization period');
const WINDOW_NOT_COVERED = outcome('unready', 'inside the CPU initialization period and the sample window does not cover a full window since Ready');
const NEVER_READY = outcome('unready', 'Ready=False and never Ready since start');
const CPU_USABLE = outcome('ready', 'cpu sample usable');
const HAS_SAMPLE = outcome('ready', 'has a sample');

/** Rule 4 (cpu only): why the sample is unusable, or undefined when it is usable. */
function cpuUnready(
  pod: PodObservation,
  sample: NonNullable<PodObservation['sample']>,
  nowSeconds: number,
  config: GroupPodsConfig,
): PodClassification | undefined {
  const ready = pod.ready;
  const start = pod.startTimeSeconds;
  if (ready === undefined) return NO_READY_CONDITION;
  if (start === undefined) return NO_START_TIME;
  if (start + config.cpuInitializationPeriodSeconds > nowSeconds) {
    if (!ready.status) return NOT_READY_INITIALIZING;
    if (sample.timestampSeconds < ready.lastTransitionSeconds + sample.windowSeconds) return WINDOW_NOT_COVERED;
    return undefined;
  }
  if (!ready.status && start + config.initialReadinessDelaySeconds > ready.lastTransitionSeconds) return NEVER_READY;
  return undefined;
}
