/**
 * Each workload's pods marked unschedulable (PodScheduled=False/Unschedulable) over time, for the
 * summary's pending pod-seconds (their integral): a pod counts from its first failed scheduling
 * cycle (the scheduler's FailedScheduling) until it is bound or gone, read from the cluster's
 * events, so the figure follows every pod rather than timeseries.csv's samples.
 */
import type { Cluster } from '../cluster/cluster.js';
import type { SimPod } from '../cluster/model.js';
import { HeldValue } from '../core/held-value.js';
import type { Simulation } from '../core/simulation.js';

export class UnschedulablePods {
  private readonly marked = new Set<SimPod>();
  private readonly byOwner: HeldValue[] = [];

  constructor(cluster: Cluster, private readonly sim: Simulation) {
    cluster.addListener({
      podUnschedulable: (pod) => this.mark(pod, true),
      podChanged: (pod) => {
        // Called at every step of every pod: nothing to look up while no pod waits.
        if (this.marked.size > 0 && (pod.node !== undefined || pod.removed)) this.mark(pod, false);
      },
    });
  }

  /** Owner `index`'s unschedulable pods over time; undefined when it never had one. */
  of(index: number): HeldValue | undefined {
    return this.byOwner[index];
  }

  private mark(pod: SimPod, on: boolean): void {
    if (on === this.marked.has(pod)) return;
    if (on) this.marked.add(pod);
    else this.marked.delete(pod);
    const held = (this.byOwner[pod.owner.index] ??= new HeldValue(0));
    held.set(held.value + (on ? 1 : -1), this.sim.nowSeconds);
  }
}
