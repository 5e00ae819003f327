/**
 * The pods of each owner (a workload or a ScaledJob, by owner index), as the cluster keeps them: the
 * list in creation order (removed pods are dropped), how many of them are active (status.replicas:
 * not terminating, not finished), how many are Running with Ready=True (terminating ones included:
 * the HPA's getReadyPodsCount), and the container restarts of its pods, gone ones included (Σ
 * status restartCount). The two counts are kept as pods change, so that the HPA and KEDA, which
 * read them at every sync and poll, do not walk the pods for them: in a large cluster each pod read
 * there is a cache miss. A version per owner moves on at every change to its pods (listed,
 * bound, any transition, unlisted): what is derived from the pods (the HPA's class counts,
 * src/controllers/hpa-pod-totals.ts) holds while it stays.
 */
import { isActive, isRunningReady, type PodOwner, type SimPod } from './model.js';

/** Whether `pod` counts in its owner's Running-and-Ready count: listed (not gone), Running, Ready. */
export function countsRunningReady(pod: SimPod): boolean {
  return !pod.removed && isRunningReady(pod);
}

export class OwnerPods {
  private readonly lists: SimPod[][] = [];
  private readonly active: number[] = [];
  private readonly runningReady: number[] = [];
  private readonly versions: number[] = [];
  /** Container restarts per owner index. */
  readonly restarts: number[] = [];

  /** The owner's pods: one array for the whole run, changed in place. */
  list(owner: PodOwner): SimPod[] {
    return (this.lists[owner.index] ??= []);
  }

  /** status.replicas of `owner`. */
  activeCount(owner: PodOwner): number {
    return this.active[owner.index] ?? 0;
  }

  /** Pods of `owner` Running with Ready=True, terminating ones included (countsRunningReady). */
  runningReadyCount(owner: PodOwner): number {
    return this.runningReady[owner.index] ?? 0;
  }

  /** Moves on at every change to `owner`'s pods. */
  version(owner: PodOwner): number {
    return this.versions[owner.index] ?? 0;
  }

  /** Lists a new pod. */
  add(pod: SimPod): void {
    this.list(pod.owner).push(pod);
    if (isActive(pod)) this.count(pod, 1);
    if (countsRunningReady(pod)) this.countRunningReady(pod, 1);
    this.touched(pod);
  }

  /** Something of `pod` changed outside a transition (it was bound to a node). */
  touched(pod: SimPod): void {
    const i = pod.owner.index;
    this.versions[i] = (this.versions[i] ?? 0) + 1;
  }

  /** Unlists a pod that is gone (after its last transition, which took it out of the Running-and-Ready count). */
  remove(pod: SimPod): void {
    const list = this.list(pod.owner);
    const i = list.indexOf(pod);
    if (i < 0) return;
    list.splice(i, 1);
    if (isActive(pod)) this.count(pod, -1);
    this.touched(pod);
  }

  /**
   * A transition of `pod` is done; `wasActive` is isActive and `wasRunningReady` countsRunningReady
   * before it. Only a listed pod counts: a change of a removed pod (a deletion after its node went)
   * changes nothing here.
   */
  changed(pod: SimPod, wasActive: boolean, wasRunningReady: boolean): void {
    const active = isActive(pod);
    if (active !== wasActive && !pod.removed) this.count(pod, active ? 1 : -1);
    const runningReady = countsRunningReady(pod);
    if (runningReady !== wasRunningReady) this.countRunningReady(pod, runningReady ? 1 : -1);
    this.touched(pod);
  }

  /** One more container restart of a pod of `owner`. */
  restarted(owner: PodOwner): void {
    this.restarts[owner.index] = (this.restarts[owner.index] ?? 0) + 1;
  }

  private count(pod: SimPod, delta: number): void {
    const i = pod.owner.index;
    this.active[i] = (this.active[i] ?? 0) + delta;
  }

  private countRunningReady(pod: SimPod, delta: number): void {
    const i = pod.owner.index;
    this.runningReady[i] = (this.runningReady[i] ?? 0) + delta;
  }
}
