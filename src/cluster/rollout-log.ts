/**
 * What a workload's rollouts did, for the summary: each one's start, its end (complete as
 * `kubectl rollout status` judges it: for a Deployment every pod updated and available and no old
 * pod active, DeploymentComplete; for a StatefulSet stateful-set/rolling-update.ts's
 * statefulSetRolloutStatus; or superseded by the next rollout), the first time it exceeded its progress deadline,
 * the ready pods it began with and the fewest while it ran, and the most pods at once. Listeners
 * hear each begin and end (engine/rollout-windows.ts measures the stretch between). Report-only.
 */

import { isActive, type SimPod } from './model.js';
import { sameWallSecond } from './rollout-schedule.js';

/** The pods a rollout's figures count: active ones (not gone, terminating or finished), and how many of them are Ready. */
export function activePodCounts(pods: readonly SimPod[]): { ready: number; active: number } {
  let ready = 0;
  let active = 0;
  for (const pod of pods) {
    if (pod.removed || !isActive(pod)) continue;
    active++;
    if (pod.ready) ready++;
  }
  return { ready, active };
}

export interface RolloutRecord {
  revision: number;
  /** What holds the revision: a Deployment's new ReplicaSet, a StatefulSet's ControllerRevision. */
  revisionName: string;
  startedSeconds: number;
  completedSeconds: number | undefined;
  deadlineExceededSeconds: number | undefined;
  /** When the next rollout began before this one completed. */
  supersededSeconds: number | undefined;
  /** Ready, active pods when it began, the fewest and the most active pods while it ran (at each sync). */
  readyPodsAtStart: number;
  minReadyPods: number;
  peakPods: number;
}

export class RolloutLog {
  readonly rollouts: RolloutRecord[] = [];
  onBegin: ((rollout: RolloutRecord) => void) | undefined;
  onEnd: ((rollout: RolloutRecord) => void) | undefined;

  /** The latest rollout while it runs (neither complete nor superseded). */
  get running(): RolloutRecord | undefined {
    const last = this.rollouts[this.rollouts.length - 1];
    return last !== undefined && last.completedSeconds === undefined && last.supersededSeconds === undefined ? last : undefined;
  }

  /**
   * Whether a restart at `nowSeconds` falls in the wall-clock second of the last rollout's (t = 0
   * being `startEpochSeconds`): kubectl stamps restartedAt in whole seconds, so it is the same revision.
   */
  sameSecondAsLast(startEpochSeconds: number, nowSeconds: number): boolean {
    const last = this.rollouts[this.rollouts.length - 1];
    return last !== undefined && sameWallSecond(startEpochSeconds, last.startedSeconds, nowSeconds);
  }

  /** A rollout begins at `nowSeconds` over the workload's `pods` (its active and ready ones counted); a running one is superseded. */
  begin(revision: number, revisionName: string, nowSeconds: number, workloadPods: readonly SimPod[]): void {
    const { ready, active: pods } = activePodCounts(workloadPods);
    const previous = this.running;
    if (previous !== undefined) {
      previous.supersededSeconds = nowSeconds;
      this.onEnd?.(previous);
    }
    const rollout: RolloutRecord = {
      revision,
      revisionName,
      startedSeconds: nowSeconds,
      completedSeconds: undefined,
      deadlineExceededSeconds: undefined,
      supersededSeconds: undefined,
      readyPodsAtStart: ready,
      minReadyPods: ready,
      peakPods: pods,
    };
    this.rollouts.push(rollout);
    this.onBegin?.(rollout);
  }

  /** The pods at a sync of the running rollout. */
  observe(ready: number, pods: number): void {
    const r = this.running;
    if (r === undefined) return;
    r.minReadyPods = Math.min(r.minReadyPods, ready);
    r.peakPods = Math.max(r.peakPods, pods);
  }

  complete(nowSeconds: number): void {
    const r = this.running;
    if (r === undefined) return;
    r.completedSeconds = nowSeconds;
    this.onEnd?.(r);
  }

  deadlineExceeded(nowSeconds: number): void {
    const r = this.running;
    if (r !== undefined) r.deadlineExceededSeconds ??= nowSeconds;
  }
}
