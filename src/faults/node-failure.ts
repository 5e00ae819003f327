/**
 * nodeFailure: a node's kubelet goes down (a named node, one drawn from a pool, or every live node
 * of a zone at once), with upstream's timing of who notices what.
 * - At the failure the kubelet is gone: the pods' containers stop (no usage; metrics-server gets no
 *   samples from them) and nothing new starts there. The API hears nothing: the node stays Ready and
 *   untainted, so the scheduler may still bind pods to it (they never start), and its pods keep
 *   Ready=True, so the Service endpoints still send them their share of the requests, which are lost
 *   (src/engine/load-flow.ts lostShare; dropped in the workload's flow totals).
 * - The node lifecycle controller (pkg/controller/nodelifecycle monitorNodeHealth) notices at its
 *   first health pass (every --node-monitor-period, 5 s) at least `--node-monitor-grace-period`
 *   after the pass that saw the kubelet's last Lease renewal (every 10 s): more than 40 s and at
 *   most 55 s after the failure by default (src/cluster/node-not-ready-time.ts). It sets the node's
 *   Ready condition to Unknown, taints it node.kubernetes.io/unreachable NoSchedule and marks its
 *   pods Ready=False (MarkPodsNotReady): the endpoints drop them then. At its next pass it asks for
 *   the NoExecute taint, which its zone's queue puts on at 0.1 nodes a second: slower or never
 *   while its zone is partly NotReady, never while every zone is wholly NotReady
 *   (src/cluster/no-execute-tainter.ts).
 * - The taint manager evicts each pod tolerationSeconds after the NoExecute taint: the 300 s that the
 *   DefaultTolerationSeconds admission plugin gives a pod for node.kubernetes.io/unreachable unless
 *   the pod tolerates that taint itself (NotReady + 5 s + 300 s by default), its own seconds when it
 *   does, never when its toleration sets none (src/cluster/taint-eviction.ts); their controllers
 *   recreate them elsewhere.
 * With `recoverAfter` the kubelet comes back: the node is Ready and untainted (if it had been marked
 * at all: a recovery before the marking pass leaves the API never seeing it NotReady), its Lease
 * renewals start again from then, and the pods still bound there start their containers again. The
 * kubelet's stop and the marking are src/cluster/node-lifecycle.ts's, shared with a node whose cloud
 * instance is gone.
 * A zone target with `capacityLost` also takes the zone's cloud capacity away from the firing to the
 * recovery (for ever without `recoverAfter`; src/cloud/cloud-capacity.ts): the zone's node groups
 * launch nothing meanwhile, and the cluster-autoscaler hears of it from the cloud provider at its
 * next loop (`reported`) or when its scale-up there times out (`unreported`). It fires even when
 * the zone has no live node (its pools at zero).
 */
import { scopeKey } from '../cloud/cloud-capacity.js';
import type { SimNode } from '../cluster/model.js';
import { zoneLabel } from '../cluster/zone-state.js';
import { DEFAULT_TOLERATION_SECONDS } from '../cluster/taint-eviction.js';
import { NODE_MONITOR_GRACE_PERIOD_SECONDS, scheduleUnreachable, stopKubelet } from '../cluster/node-lifecycle.js';
import { Phase } from '../core/phases.js';
import type { NodeFailureFault } from '../scenario/fault-types.js';
import type { FaultEnv } from './fault-env.js';
import { scheduleFaultTiming } from './fault-timing.js';

export const NODE_FAILURE_DEFAULTS = Object.freeze({
  /** DefaultTolerationSeconds admission plugin: --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds = 300 (a pod's own toleration overrides it). */
  evictionTimeoutSeconds: DEFAULT_TOLERATION_SECONDS,
  /** kube-controller-manager --node-monitor-grace-period (node-lifecycle.ts); a scenario may set `nodeMonitorGracePeriod` on the fault. */
  nodeMonitorGracePeriodSeconds: NODE_MONITOR_GRACE_PERIOD_SECONDS,
});

export function scheduleNodeFailure(fault: NodeFailureFault, env: FaultEnv): void {
  const random = env.rng.stream('faults/nodeFailure');
  const graceSeconds = fault.nodeMonitorGracePeriodSeconds ?? NODE_FAILURE_DEFAULTS.nodeMonitorGracePeriodSeconds;
  scheduleFaultTiming(env.sim, fault.timing, random, COMPONENT, () => {
    const nodes = pickNodes(fault.target, env, random.int.bind(random));
    const zone = fault.capacityLost !== undefined && 'zone' in fault.target ? fault.target.zone : undefined;
    if (nodes.length === 0 && zone === undefined) return;
    env.fired('nodeFailure');
    for (const node of nodes) failNode(node, fault, graceSeconds, env);
    if (zone !== undefined) loseCapacity(zone, fault, env);
  });
}

/** The zone launches no instance until the recovery, which comes after its nodes' (the same instant, later in the event). */
function loseCapacity(zone: string, fault: NodeFailureFault, env: FaultEnv): void {
  const loss = fault.capacityLost!;
  const key = scopeKey({ zone });
  // The zone is down: its booting instances are held too.
  env.capacity.lose(key, loss, true);
  if (fault.recoverAfterSeconds === undefined) return;
  env.sim.scheduleAfter(fault.recoverAfterSeconds, Phase.LIFECYCLE, COMPONENT, () => env.capacity.restore(key, loss, true));
}

/** The node's kubelet stops now; the node lifecycle controller notices on its own clock; the kubelet comes back after `recoverAfter`. */
function failNode(node: SimNode, fault: NodeFailureFault, graceSeconds: number, env: FaultEnv): void {
  const failure = { recovered: false };
  stopKubelet(env.cluster, node);
  scheduleUnreachable(env.sim, env.cluster, node, {
    gracePeriodSeconds: graceSeconds,
    stillDown: () => !failure.recovered,
    tainter: env.tainter,
  });
  if (fault.recoverAfterSeconds === undefined) return;
  env.sim.scheduleAfter(fault.recoverAfterSeconds, Phase.LIFECYCLE, COMPONENT, () => {
    failure.recovered = true;
    recoverNode(node, env);
  });
}

const COMPONENT = 'faults/nodeFailure';

/** A node that is up: Ready in the API and its kubelet running. */
function isUp(node: SimNode, env: FaultEnv): boolean {
  return node.ready && env.cluster.health.kubeletRunning(node);
}

/** The nodes a firing takes down: the named node, one live node of the pool (drawn), or every live node of the zone. */
function pickNodes(target: NodeFailureFault['target'], env: FaultEnv, int: (n: number) => number): SimNode[] {
  if ('node' in target) return env.cluster.nodes.filter((n) => n.name === target.node && isUp(n, env));
  const real = (n: SimNode): boolean => isUp(n, env) && n.pool.virtual === undefined;
  if ('zone' in target) return env.cluster.nodes.filter((n) => real(n) && zoneLabel(n.labels) === target.zone);
  const candidates = env.cluster.nodes.filter((n) => real(n) && n.pool.name === target.pool);
  return candidates.length === 0 ? [] : [candidates[int(candidates.length)]!];
}

/** The kubelet comes back, unless the node's instance is gone meanwhile (no kubelet to come back). */
function recoverNode(node: SimNode, env: FaultEnv): void {
  if (node.removed || node.instanceGoneSeconds !== undefined || env.cluster.health.kubeletRunning(node)) return;
  env.cluster.health.setKubeletRunning(node, true, env.sim.nowSeconds);
  env.cluster.setNodeReady(node, true);
  for (const pod of env.cluster.podsOn(node)) env.restarter.restart(pod);
}
