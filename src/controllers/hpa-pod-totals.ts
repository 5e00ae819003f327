/**
 * A workload's pods as an HPA's cpu or memory observation classifies them (replica_calculator.go
 * `groupPods`, §1.4), kept as class counts between syncs for as long as a walk over the pods would find the same
 * classes and the same ready pods' samples (issue 7: an HPA sync costs per workload and per state
 * group, not per pod). The counts are made during a sync's walk over the pods and then serve the
 * HPA's later syncs while:
 * - the workload's pods and their state are unchanged (Cluster.ownerPodsVersion moves on at every
 *   pod listed, bound, changed or unlisted);
 * - metrics-server has had no outage and has not stopped sharing the workload's samples
 *   (MetricsServer.epoch, ScrapeGroup.resets).
 * Pods whose class may change without that are "volatile", kept in a list and classified again at
 * each sync: for cpu, one inside its CPU initialization period (the one rule that reads the clock
 * and a sample's timestamp); a running pod without a sample, which a scrape may give one; a pod
 * whose sample is its own (not its state's shared one), which a scrape may drop (a stopped
 * container's) or replace, whatever the class it gives. Every other pod's class holds, and a held ready pod's sample is its
 * workload's shared sample for its usage state (src/metrics/scrape-group.ts), which each scrape
 * renews for all of them at once: their usage is (ready serving pods × the serving sample) + (ready
 * idle pods × the idle sample), in whole milli-units (millicores; bytes × 1000 for memory), so the
 * sum is the walk's. A sync then costs per volatile pod, not per pod; when the counts do not hold,
 * the HPA walks the pods and counts them again.
 */
import type { SimPod } from '../cluster/model.js';
import { classifyPod, type GroupPodsConfig } from '../autoscalers/hpa/group-pods.js';
import type { PodClass, PodClassTotals } from '../autoscalers/hpa/types.js';
import type { WorkloadRuntime } from '../engine/workload-runtime.js';
import type { MetricsServer, PodSample } from '../metrics/metrics-server.js';
import type { ScrapeGroup } from '../metrics/scrape-group.js';
import { podObservation, resourceUsageMilli } from './hpa-pod-view.js';

/** The resources whose class counts are kept (their usage comes from metrics-server's samples). */
export type SharedResource = 'cpu' | 'memory';

export class HpaPodTotals {
  /** The pods whose class holds (see the file header), per class. */
  private readonly held = { ready: 0, unready: 0, missing: 0, ignored: 0 };
  /** Held ready pods whose sample is their workload's shared serving (or idle) sample. */
  private readyServing = 0;
  private readyBase = 0;
  /** The pods whose class or sample may change without their pods version moving: classified again at each serve. */
  private readonly volatile: SimPod[] = [];
  /** What the counts were made under; podsVersion −1: no counts. */
  private podsVersion = -1;
  private epoch: object | undefined = undefined;
  private group: ScrapeGroup | undefined = undefined;
  private groupResets = 0;

  constructor(readonly resource: SharedResource) {}

  /** Starts counting during a walk over the target's pods. */
  begin(): void {
    const held = this.held;
    held.ready = 0;
    held.unready = 0;
    held.missing = 0;
    held.ignored = 0;
    this.readyServing = 0;
    this.readyBase = 0;
    this.volatile.length = 0;
    this.podsVersion = -1;
  }

  /** Counts one pod of the walk, of class `podClass` with metrics-server's `sample`. */
  add(pod: SimPod, podClass: PodClass, sample: PodSample | undefined, group: ScrapeGroup | undefined, nowSeconds: number, config: GroupPodsConfig): void {
    // Past the checks that need no sample (deleting, Failed, Pending), a pod inside its period is classified by the clock.
    const start = pod.startTimeSeconds;
    const initializing =
      this.resource === 'cpu' && podClass !== 'ignored' && pod.phase !== 'Pending' && start !== undefined && start + config.cpuInitializationPeriodSeconds > nowSeconds;
    // A sample of the pod's own (not its state's shared one) may be dropped or replaced by a scrape
    // that moves no pods version: a stopped container's, or the old container's after a restart
    // between two scrapes (metrics-server.ts). Such a pod, of any class a sample decides, is classified again.
    const shared = group !== undefined && sample !== undefined && (sample === group.serving || sample === group.base);
    const ownSample = sample !== undefined && !shared && podClass !== 'ignored';
    if (initializing || ownSample || (podClass === 'missing' && pod.phase === 'Running')) {
      this.volatile.push(pod);
      return;
    }
    if (podClass === 'ready') {
      if (sample === group!.serving) this.readyServing++;
      else this.readyBase++;
    }
    this.held[podClass]++;
  }

  /** Ends the walk: the counts serve later syncs while the pods, the server's life and its sharing hold. */
  end(target: WorkloadRuntime, metricsServer: MetricsServer, group: ScrapeGroup | undefined): void {
    this.podsVersion = target.controller.podsVersion;
    this.epoch = metricsServer.epoch;
    this.group = group;
    this.groupResets = group?.resets ?? 0;
  }

  /**
   * The classes now and Σ usage of the ready pods, milli-units, written into `into` (its request is
   * left as it is) and returned, if the counts still hold: the held pods' counts, and each volatile
   * pod classified again. Else undefined, and `into` is not touched.
   */
  serve(target: WorkloadRuntime, metricsServer: MetricsServer, nowSeconds: number, config: GroupPodsConfig, into: PodClassTotals): PodClassTotals | undefined {
    const group = this.group;
    if (
      this.podsVersion !== target.controller.podsVersion ||
      this.epoch !== metricsServer.epoch ||
      (group !== undefined && group.resets !== this.groupResets)
    ) {
      return undefined;
    }
    const held = this.held;
    into.ready = held.ready;
    into.unready = held.unready;
    into.missing = held.missing;
    into.ignored = held.ignored;
    const resource = this.resource;
    let readyUsageMilli = group === undefined ? 0 : this.readyServing * resourceUsageMilli(group.serving, resource) + this.readyBase * resourceUsageMilli(group.base, resource);
    const volatile = this.volatile;
    for (let i = 0; i < volatile.length; i++) {
      const pod = volatile[i]!;
      const sample = metricsServer.sample(pod);
      const podClass = classifyPod(podObservation(pod, sample), resource, nowSeconds, config).podClass;
      into[podClass]++;
      if (podClass === 'ready') readyUsageMilli += resourceUsageMilli(sample!, resource);
    }
    into.readyUsageMilli = readyUsageMilli;
    return into;
  }
}
