/**
 * Which unschedulable pods may trigger a scale-up (podlistprocessor filterOutExpendable;
 * static_autoscaler.go filterOutYoungPods): pods below the expendable-pods priority cutoff never
 * do, and pods not older than new-pod-scale-up-delay (or their larger pod-scale-up-delay
 * annotation) wait; RunOnce drops the young ones after the pod list processors, so they still
 * take room on free and upcoming nodes first (see scale-up-planner.ts). And
 * static_autoscaler.go allPodsAreNew: while every pod left to help is younger than
 * unschedulablePodTimeBuffer (2 s), the loop waits for more pods to come and scales nothing.
 */
import { CA_DEFAULTS } from '../config.js';
import type { CaPod } from '../types.js';
import { parseGoDurationSeconds } from '../../../units/go-duration.js';

/** static_autoscaler.go unschedulablePodTimeBuffer: how old the oldest pod to help must be for a scale-up. */
export const UNSCHEDULABLE_POD_TIME_BUFFER_SECONDS = 2;

/** --expendable-pods-priority-cutoff's default (-10). */
export const DEFAULT_EXPENDABLE_PODS_PRIORITY_CUTOFF = CA_DEFAULTS.expendablePodsPriorityCutoff;
/** Per-pod delay; it can only lengthen the global one. */
export const POD_SCALE_UP_DELAY_ANNOTATION = 'cluster-autoscaler.kubernetes.io/pod-scale-up-delay';

function scaleUpDelaySeconds(pod: CaPod, globalSeconds: number): number {
  const annotation = pod.annotations[POD_SCALE_UP_DELAY_ANNOTATION];
  const custom = annotation === undefined ? undefined : parseGoDurationSeconds(annotation);
  return custom !== undefined && custom > globalSeconds ? custom : globalSeconds;
}

/**
 * core/utils IsExpendablePod: a priority below the cutoff, unless the pod never preempts
 * (preemptionPolicy Never). Expendable pods are left out of the CA's snapshot altogether
 * (static_autoscaler.go initializeClusterSnapshot with FilterOutExpendablePods): their room counts as
 * free, they never block or slow a scale-down, and the drain does not evict them.
 */
export function isExpendablePod(pod: Pick<CaPod, 'priority' | 'preemptionPolicy'>, expendablePodsPriorityCutoff: number): boolean {
  return pod.priority !== undefined && pod.priority < expendablePodsPriorityCutoff && pod.preemptionPolicy !== 'Never';
}

/** filterOutExpendable: pods below the priority cutoff never trigger a scale-up. */
export function splitExpendable(pods: readonly CaPod[], expendablePodsPriorityCutoff: number): { kept: CaPod[]; expendable: CaPod[] } {
  const kept: CaPod[] = [];
  const expendable: CaPod[] = [];
  for (const pod of pods) (isExpendablePod(pod, expendablePodsPriorityCutoff) ? expendable : kept).push(pod);
  return { kept, expendable };
}

/**
 * The rest of FilterOutExpendableAndSplit: a pod with status.nominatedNodeName naming a node that
 * exists waits for its preemption's victims to go; it triggers no scale-up and is put on that node
 * of the snapshot (addPreemptingPodsToSnapshot, ForceAddPod: no predicate check). A nomination to
 * a node that is gone is ignored ("nominatedNodeName set … but node is gone").
 */
export function splitWaitingForPreemption(pods: readonly CaPod[], nodeNames: ReadonlySet<string>): { unschedulable: CaPod[]; waiting: CaPod[] } {
  const unschedulable: CaPod[] = [];
  const waiting: CaPod[] = [];
  for (const pod of pods) (pod.nominatedNodeName !== undefined && nodeNames.has(pod.nominatedNodeName) ? waiting : unschedulable).push(pod);
  return { unschedulable, waiting };
}

export interface YoungPodsInput {
  pods: readonly CaPod[];
  nowSeconds: number;
  /** Pod creation times; a pod without one is old enough. */
  podCreatedSeconds?: ReadonlyMap<string, number>;
  /** --new-pod-scale-up-delay */
  newPodScaleUpDelaySeconds: number;
}

/**
 * filterOutYoungPods: a pod may trigger a scale-up once its age is strictly more than its delay
 * (`podAge > podScaleUpDelay`); a pod exactly as old as its delay still waits.
 */
export function splitYoungPods(input: YoungPodsInput): { old: CaPod[]; tooNew: CaPod[] } {
  const old: CaPod[] = [];
  const tooNew: CaPod[] = [];
  for (const pod of input.pods) {
    const created = input.podCreatedSeconds?.get(pod.name);
    if (created !== undefined && !(input.nowSeconds - created > scaleUpDelaySeconds(pod, input.newPodScaleUpDelaySeconds))) tooNew.push(pod);
    else old.push(pod);
  }
  return { old, tooNew };
}

/**
 * allPodsAreNew: the oldest of `pods` was created less than unschedulablePodTimeBuffer ago (its
 * creation + 2 s is strictly after now). A pod without a creation time is old.
 */
export function allPodsAreNew(pods: readonly CaPod[], nowSeconds: number, podCreatedSeconds: ReadonlyMap<string, number> | undefined): boolean {
  let oldest = Number.POSITIVE_INFINITY;
  for (const pod of pods) oldest = Math.min(oldest, podCreatedSeconds?.get(pod.name) ?? Number.NEGATIVE_INFINITY);
  return pods.length > 0 && oldest + UNSCHEDULABLE_POD_TIME_BUFFER_SECONDS > nowSeconds;
}
