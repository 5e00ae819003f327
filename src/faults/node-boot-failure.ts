/**
 * nodeBootFailure: a new node of a pool registers and never becomes Ready: its kubelet runs and
 * reports Ready=False, as when the container network never initialises (NetworkReady=false) or a
 * bootstrap script fails after the kubelet started. Each node of the pool that registers inside the
 * window is hit with the fault's probability, one draw per node from the seeded `faults/nodeBootFailure`
 * stream; the nodes present at t = 0 (the warm start) were running before the run and are not.
 * - At registration the Node carries Ready=False and the node.kubernetes.io/not-ready:NoSchedule
 *   taint that the TaintNodesByCondition admission plugin puts on every new Node
 *   (plugin/pkg/admission/nodetaint) and the node lifecycle controller keeps while the condition is
 *   not True: no pod that does not tolerate it is bound there.
 * - The node lifecycle controller sees the condition at its first health pass after the
 *   registration (every --node-monitor-period, 5 s, on the grid node-not-ready-time.ts uses) and asks
 *   for not-ready:NoExecute, which its zone's queue puts on (doNoExecuteTaintingPass,
 *   src/cluster/no-execute-tainter.ts: rate-limited, none while every zone is NotReady); the taint manager then evicts any pod that
 *   tolerated the NoSchedule taint but not this one, after its tolerationSeconds (taint-eviction.ts).
 *   Simplification: such a pod starts and runs there, where upstream a node whose network never came
 *   up starts only host-network pods (the pool's DaemonSet pods are modelled by their requests alone).
 * - The cloud instance runs and is billed until it is deleted. The cluster-autoscaler takes the node
 *   for an upcoming one while it is NotStarted (not Ready, younger than 15 min), counts it Unready
 *   after that (cluster-health.ts: enough Unready nodes stop the autoscaler), and may remove it once
 *   it has been unneeded for --scale-down-unready-time (20 min).
 */
import type { SimNode } from '../cluster/model.js';
import { NODE_NOT_READY_NO_EXECUTE_TAINT } from '../cluster/node-health.js';
import { NODE_MONITOR_DEFAULTS } from '../cluster/node-not-ready-time.js';
import { gridIndexAfter } from '../core/period-grid.js';
import { Phase } from '../core/phases.js';
import type { NodeBootFailureFault } from '../scenario/fault-types.js';
import type { FaultEnv } from './fault-env.js';

const COMPONENT = 'faults/nodeBootFailure';

export function scheduleNodeBootFailure(fault: NodeBootFailureFault, env: FaultEnv): void {
  const random = env.rng.stream('faults/nodeBootFailure');
  env.cluster.addListener({
    nodeAdded: (node: SimNode) => {
      const now = env.sim.nowSeconds;
      if (node.pool.name !== fault.pool || now < fault.fromSeconds || now >= fault.toSeconds) return;
      // One draw per node registering in the window, hit or not: the stream stays in step.
      if (!(random.next() < fault.probability)) return;
      env.cluster.setNodeReady(node, false, 'False');
      env.fired('nodeBootFailure');
      const { monitorStartSeconds, monitorPeriodSeconds } = NODE_MONITOR_DEFAULTS;
      const passSeconds = monitorStartSeconds + gridIndexAfter(monitorStartSeconds, monitorPeriodSeconds, now) * monitorPeriodSeconds;
      env.sim.scheduleAt(passSeconds, Phase.LIFECYCLE, COMPONENT, () => {
        if (node.removed || node.ready) return;
        env.tainter.request(node, NODE_NOT_READY_NO_EXECUTE_TAINT);
      });
    },
  });
}
