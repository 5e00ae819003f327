/**
 * The cloud node lifecycle controller (cloud-controller-manager, k8s.io/cloud-provider
 * controllers/nodelifecycle/node_lifecycle_controller.go MonitorNodes): every --node-monitor-period
 * (5 s: k8s.io/cloud-provider config/v1alpha1/defaults.go SetDefaults_KubeCloudSharedConfiguration;
 * `wait.UntilWithContext(ctx, c.MonitorNodes, c.nodeMonitorPeriod)`) it lists the nodes, skips those
 * whose Ready condition is True, and deletes the Node object of any other whose instance the cloud
 * no longer has (ensureNodeExistsByProviderID false; a terminated EC2 instance does not exist).
 * So a Node outlives its instance until the first sweep after the node lifecycle controller marked
 * it NotReady (src/cluster/node-lifecycle.ts: its first health pass --node-monitor-grace-period
 * after the one that saw the kubelet's last Lease renewal); its pods stay bound to it until the
 * pod GC deletes them (src/cluster/pod-gc.ts).
 * The controller started before the scenario: its grid's phase is drawn from the seeded
 * `cloud-node-lifecycle` stream (src/core/period-grid.ts). Sweeps are scheduled only while a node
 * whose instance is gone still has its Node object. Not modelled: the shutdown taint it puts on a
 * NotReady node whose instance is stopped but exists (no instance here is stopped).
 */
import type { Cluster } from '../cluster/cluster.js';
import type { SimNode } from '../cluster/model.js';
import { Phase } from '../core/phases.js';
import { PeriodGrid } from '../core/period-grid.js';
import type { RandomStream } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';

export const CLOUD_NODE_LIFECYCLE_DEFAULTS = Object.freeze({
  /** cloud-controller-manager --node-monitor-period. */
  nodeMonitorPeriodSeconds: 5,
});

export class CloudNodeLifecycle {
  /** MonitorNodes' instants. */
  readonly grid: PeriodGrid;
  /** Nodes whose instance is gone and whose Node object is not deleted yet. */
  private readonly gone = new Set<SimNode>();
  private armed = false;

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    phase: RandomStream,
  ) {
    this.grid = new PeriodGrid(CLOUD_NODE_LIFECYCLE_DEFAULTS.nodeMonitorPeriodSeconds, phase);
  }

  /** The node's instance no longer exists in the cloud. */
  instanceGone(node: SimNode): void {
    this.gone.add(node);
    if (!this.armed) this.arm(this.grid.indexAfter(this.sim.nowSeconds));
  }

  private arm(k: number): void {
    this.armed = true;
    this.sim.scheduleAt(this.grid.at(k), Phase.CONTROL, 'cloud-node-lifecycle-controller', () => {
      this.armed = false;
      this.monitorNodes();
      if (this.gone.size > 0) this.arm(k + 1);
    });
  }

  /** MonitorNodes over the nodes whose instance is gone (every other node exists, so is left alone). */
  private monitorNodes(): void {
    for (const node of this.gone) {
      if (node.removed) this.gone.delete(node);
      else if (!node.ready) {
        this.gone.delete(node);
        this.cluster.removeNode(node);
      }
    }
  }
}
