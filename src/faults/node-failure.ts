/**
 * nodeFailure: a node's kubelet goes down. The node turns NotReady and is tainted
 * node.kubernetes.io/unreachable:NoSchedule; its pods stop serving at once (Ready=False, containers
 * down). After the eviction timeout — the tolerationSeconds: 300 that the DefaultTolerationSeconds
 * admission plugin gives every pod for node.kubernetes.io/not-ready and /unreachable NoExecute — the
 * taint manager deletes them and their controllers recreate them elsewhere. With `recoverAfter` the
 * node comes back Ready and untainted, and the pods still bound there restart their containers.
 */
import type { SimNode } from '../cluster/model.js';
import { Phase } from '../core/phases.js';
import type { NodeFailureFault } from '../scenario/fault-types.js';
import type { FaultEnv } from './fault-env.js';
import { scheduleFaultTiming } from './fault-timing.js';

export const NODE_FAILURE_DEFAULTS = Object.freeze({
  /** DefaultTolerationSeconds admission plugin: --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds = 300. */
  evictionTimeoutSeconds: 300,
});

export function scheduleNodeFailure(fault: NodeFailureFault, env: FaultEnv): void {
  const random = env.rng.stream('faults/nodeFailure');
  const component = 'faults/nodeFailure';
  scheduleFaultTiming(env.sim, fault.timing, random, component, () => {
    const node = pickNode(fault.target, env, random.int.bind(random));
    if (node === undefined) return;
    failNode(node, env);
    env.fired('nodeFailure');
    const failedAt = env.sim.nowSeconds;
    env.sim.scheduleAfter(NODE_FAILURE_DEFAULTS.evictionTimeoutSeconds, Phase.LIFECYCLE, component, () => {
      if (node.removed || env.cluster.nodeNotReadySinceSeconds(node) !== failedAt) return;
      for (const pod of env.cluster.podsOn(node)) env.cluster.deletePod(pod, pod.template.terminationGracePeriodSeconds);
    });
    if (fault.recoverAfterSeconds !== undefined) {
      env.sim.scheduleAfter(fault.recoverAfterSeconds, Phase.LIFECYCLE, component, () => recoverNode(node, env));
    }
  });
}

function pickNode(target: NodeFailureFault['target'], env: FaultEnv, int: (n: number) => number): SimNode | undefined {
  if ('node' in target) return env.cluster.nodes.find((n) => n.name === target.node && n.ready);
  const candidates = env.cluster.nodes.filter((n) => n.pool.name === target.pool && n.ready && n.pool.virtual === undefined);
  return candidates.length === 0 ? undefined : candidates[int(candidates.length)];
}

function failNode(node: SimNode, env: FaultEnv): void {
  env.cluster.setNodeReady(node, false);
  for (const pod of env.cluster.podsOn(node)) env.cluster.stopContainer(pod);
}

function recoverNode(node: SimNode, env: FaultEnv): void {
  if (node.removed || node.ready) return;
  env.cluster.setNodeReady(node, true);
  for (const pod of env.cluster.podsOn(node)) env.restarter.restart(pod);
}
