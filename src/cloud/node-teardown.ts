/**
 * What follows when a node's cloud instance is terminated (a spot interruption at the end of its
 * notice, the cluster-autoscaler's DeleteNodes), as upstream Kubernetes does it with no interruption
 * handler: no controller deletes the pods first, each step waits for its own controller.
 * 1. Termination: the instance is gone, billing stops (NodeGroup.deleteNode) and so does its
 *    capacity (Cluster.instanceGone); its kubelet and containers stop with it, but the API hears
 *    nothing: the Node stays Ready and its pods Ready=True, so the endpoints still send them their
 *    share of the requests, which are lost, and the scheduler may still bind pods there (they never
 *    start) unless a taint keeps them away (ToBeDeletedByClusterAutoscaler, a handler's cordon).
 * 2. The node lifecycle controller marks the node NotReady (Unknown), taints it unreachable and
 *    marks its pods Ready=False at its first health pass --node-monitor-grace-period (50 s) after
 *    the pass that saw the kubelet's last Lease renewal: more than 40 s and at most 55 s after the
 *    termination (src/cluster/node-lifecycle.ts, node-not-ready-time.ts). A node whose kubelet had
 *    already stopped (a nodeFailure) is marked on the failure's own clock.
 * 3. At its next sweep (every 5 s) the cloud node lifecycle controller deletes the NotReady Node
 *    whose instance is gone (cloud-node-lifecycle.ts).
 * 4. The pod GC force-deletes the pods still bound to it, 40 s after its first sweep that finds the
 *    node missing (src/cluster/pod-gc.ts); only then do their controllers count them gone and
 *    create replacements. Pods already Terminating were replaced at their deletion (a ReplicaSet
 *    does not count them), but a StatefulSet's ordinal waits for this.
 */
import type { Cluster } from '../cluster/cluster.js';
import type { SimNode } from '../cluster/model.js';
import { NODE_MONITOR_GRACE_PERIOD_SECONDS, scheduleUnreachable, stopKubelet } from '../cluster/node-lifecycle.js';
import { NoExecuteTainter } from '../cluster/no-execute-tainter.js';
import { PodGc } from '../cluster/pod-gc.js';
import type { Rng } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import { CloudNodeLifecycle } from './cloud-node-lifecycle.js';

export class NodeTeardown {
  readonly cloudNodeLifecycle: CloudNodeLifecycle;
  readonly podGc: PodGc;
  /** The node lifecycle controller's NoExecute tainting queues, shared with the faults. */
  readonly tainter: NoExecuteTainter;

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    rng: Rng,
  ) {
    this.cloudNodeLifecycle = new CloudNodeLifecycle(sim, cluster, rng.stream('cloud-node-lifecycle'));
    this.podGc = new PodGc(sim, cluster, rng.stream('podgc'));
    this.tainter = new NoExecuteTainter(sim, cluster);
  }

  /** The node's instance is terminated now (the caller stops its billing). */
  terminate(node: SimNode): void {
    if (node.removed || node.instanceGoneSeconds !== undefined) return;
    const kubeletWasRunning = this.cluster.health.kubeletRunning(node);
    stopKubelet(this.cluster, node);
    this.cluster.instanceGone(node);
    // No kubelet comes back on a terminated instance.
    if (kubeletWasRunning) scheduleUnreachable(this.sim, this.cluster, node, { gracePeriodSeconds: NODE_MONITOR_GRACE_PERIOD_SECONDS, stillDown: () => true, tainter: this.tainter });
    this.cloudNodeLifecycle.instanceGone(node);
  }
}
