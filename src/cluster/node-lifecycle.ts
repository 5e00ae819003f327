/**
 * What happens to a node whose kubelet stops, shared by a nodeFailure (src/faults/node-failure.ts)
 * and a node whose cloud instance is gone (src/cloud/node-teardown.ts). At once the kubelet is gone:
 * the pods' containers stop (no usage, no metrics) and nothing new starts there, but the API hears
 * nothing. The node lifecycle controller (kube-controller-manager pkg/controller/nodelifecycle
 * node_lifecycle_controller.go monitorNodeHealth) notices on its own clock, its health passes
 * against the kubelet's last Lease renewal (node-not-ready-time.ts): at the first pass at least
 * --node-monitor-grace-period after the pass that saw that renewal it sets the node's Ready
 * condition to Unknown, taints it node.kubernetes.io/unreachable:NoSchedule (Cluster.setNodeReady)
 * and marks its pods Ready=False (MarkPodsNotReady), so the endpoints drop them; at the next pass
 * it asks for the unreachable:NoExecute taint (processTaintBaseEviction reads the condition the pass
 * found), which its zone's tainting queue puts on when its rate and the zones' states let it
 * (no-execute-tainter.ts); from then the taint manager counts the pods' tolerationSeconds
 * (taint-manager.ts).
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { Cluster } from './cluster.js';
import type { SimNode } from './model.js';
import type { NoExecuteTainter } from './no-execute-tainter.js';
import { NODE_UNREACHABLE_NO_EXECUTE_TAINT } from './node-health.js';
import { monitorPassAtOrAfterSeconds, NODE_MONITOR_DEFAULTS, nodeNotReadyTime, type NodeNotReadyTime } from './node-not-ready-time.js';

/**
 * kube-controller-manager --node-monitor-grace-period: 50 s since v1.32 (kubernetes/kubernetes PR
 * #126287, pkg/controller/nodelifecycle/config/v1alpha1/defaults.go
 * RecommendedDefaultNodeLifecycleControllerConfiguration; 40 s before).
 */
export const NODE_MONITOR_GRACE_PERIOD_SECONDS = 50;

const COMPONENT = 'node-lifecycle-controller';

/** The kubelet dies: containers stop, the API still shows the node and its pods as they were. */
export function stopKubelet(cluster: Cluster, node: SimNode): void {
  cluster.health.setKubeletRunning(node, false);
  for (const pod of cluster.podsOn(node)) cluster.loseContainers(pod);
}

/** The node lifecycle controller's pass that finds the grace period over: Ready Unknown, the NoSchedule unreachable taint, MarkPodsNotReady. */
export function markNodeUnreachable(cluster: Cluster, node: SimNode): void {
  cluster.setNodeReady(node, false);
  for (const pod of cluster.podsOn(node)) cluster.setPodReady(pod, false);
}

export interface UnreachableOptions {
  /** --node-monitor-grace-period, seconds. */
  gracePeriodSeconds: number;
  /** False once the kubelet is back (a recovery): the controller then has nothing to mark. */
  stillDown: () => boolean;
  /** The node lifecycle controller's NoExecute tainting queues. */
  tainter: NoExecuteTainter;
}

/**
 * The node lifecycle controller after `node`'s kubelet stopped now: NotReady at the pass
 * node-not-ready-time.ts gives (unless the kubelet came back or the Node is gone by then), the
 * NoExecute taint asked for a pass later while the node is still NotReady from that marking. When
 * master disruption mode ended after the pass that saw the last renewal, every node's probe
 * timestamp was set to that instant (handleDisruption), so the grace period runs from there.
 * Returns the timing as first computed.
 */
export function scheduleUnreachable(sim: Simulation, cluster: Cluster, node: SimNode, options: UnreachableOptions): NodeNotReadyTime {
  const timing = nodeNotReadyTime({
    kubeletStartedSeconds: cluster.health.kubeletStartedSeconds(node),
    kubeletStoppedSeconds: sim.nowSeconds,
    gracePeriodSeconds: options.gracePeriodSeconds,
  });
  let probeSeconds = timing.probeSeconds;
  const mark = (): void => {
    if (node.removed || !options.stillDown() || !node.ready) return;
    const reset = options.tainter.probesResetSeconds;
    if (reset !== undefined && reset > probeSeconds) {
      probeSeconds = reset;
      const later = monitorPassAtOrAfterSeconds(reset + options.gracePeriodSeconds);
      if (later > sim.nowSeconds) {
        sim.scheduleAt(later, Phase.LIFECYCLE, COMPONENT, mark);
        return;
      }
    }
    markNodeUnreachable(cluster, node);
    const markedAt = sim.nowSeconds;
    sim.scheduleAt(monitorPassAtOrAfterSeconds(markedAt + NODE_MONITOR_DEFAULTS.monitorPeriodSeconds), Phase.LIFECYCLE, COMPONENT, () => {
      if (node.removed || cluster.health.notReadySinceSeconds(node) !== markedAt) return;
      options.tainter.request(node, NODE_UNREACHABLE_NO_EXECUTE_TAINT);
    });
  };
  sim.scheduleAt(timing.notReadySeconds, Phase.LIFECYCLE, COMPONENT, mark);
  return timing;
}
