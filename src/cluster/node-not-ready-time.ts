/**
 * When the API shows a node NotReady after its kubelet stopped: the instant follows two clocks, the
 * kubelet's Lease renewals and the node lifecycle controller's health passes. Pure: times in, the
 * NotReady instant (and the NoExecute taint's) out, with a reason.
 *
 * Sources (kubernetes/kubernetes):
 * - pkg/kubelet/kubelet.go: nodeLeaseRenewIntervalFraction = 0.25; NewMainKubelet gives the lease
 *   controller renewInterval = 0.25 × NodeLeaseDurationSeconds (40 s by default,
 *   pkg/kubelet/apis/config/v1beta1/defaults.go) = 10 s, and Kubelet.Run starts it
 *   (`go kl.nodeLeaseController.Run`). staging/src/k8s.io/component-helpers/apimachinery/lease
 *   controller.go Run: `wait.JitterUntil(c.sync, c.renewInterval, 0.04, true, stopCh)`, a sync at
 *   once and then every renewInterval after the last one ended; each sync writes
 *   spec.renewTime = now (newLease).
 * - pkg/controller/nodelifecycle/node_lifecycle_controller.go Run: `wait.UntilWithContext(ctx, …
 *   nc.monitorNodeHealth …, nc.nodeMonitorPeriod)` (--node-monitor-period, 5 s:
 *   k8s.io/cloud-provider config/v1alpha1 SetDefaults_KubeCloudSharedConfiguration). tryUpdateNodeHealth:
 *   when the Lease in the informer cache has a renewTime after the saved one,
 *   `nodeHealth.probeTimestamp = nc.now()` — the pass's time, not the renewal's; then
 *   `if nc.now().After(nodeHealth.probeTimestamp.Add(gracePeriod))` the Ready condition becomes
 *   Unknown (--node-monitor-grace-period, 50 s), the NoSchedule unreachable taint follows from the
 *   condition (doNoScheduleTaintingPass on the node update) and monitorNodeHealth marks the pods
 *   Ready=False (MarkPodsNotReady) in the same pass.
 * - processTaintBaseEviction reads observedReadyCondition, the condition as the pass found it
 *   (True in the pass that sets Unknown), so the node enters the NoExecute taint queue
 *   (markNodeForTainting) at the next pass, and doNoExecuteTaintingPass (every 100 ms,
 *   scheduler.NodeEvictionPeriod) taints it then; the taint manager counts tolerationSeconds from it.
 *
 * The rules, with s the kubelet's stop:
 * 1. Renewals on a grid of `leaseRenewIntervalSeconds` from the kubelet's start (its registration,
 *    t = 0 for a warm start's nodes, or its start after a recovery: the lease controller syncs at
 *    once when the kubelet runs); the last renewal r is the last grid instant at or before s (a
 *    renewal due at the stop's very instant is made).
 * 2. Health passes on a grid of `monitorPeriodSeconds` from `monitorStartSeconds`. The pass that
 *    sees r is the first one strictly after it (the Lease reaches the controller's informer cache a
 *    watch event later): probeTimestamp p is that pass's instant.
 * 3. NotReady at the first pass at or after p + grace, and not before s: with a grace shorter than
 *    the renewal interval upstream marks even a live node between its renewals (and its kubelet
 *    sets it Ready again), which the model does not do, so the first pass at or after the stop
 *    stands in for it.
 * 4. The NoExecute taint at the pass after that.
 * So the delay from s to NotReady is at least 0, more than grace − renew interval and less than
 * grace + 2 × period; at most grace + period when the grace is a whole number of periods, as 50 s
 * is of 5 s: more than 40 s and at most 55 s by default.
 *
 * Quirk (rule 3): upstream's test is a strict After, so a pass at exactly p + grace would not mark
 * the node. But upstream's passes are never exact: wait.Until waits the period after each pass
 * ends, and nc.now() is read inside the pass, so the pass nominally at p + grace runs after
 * p + grace by the passes' own durations and does mark it. The model's passes cost nothing and sit
 * on an exact grid; taking the strict test literally would mark one period late on every failure.
 *
 * Not modelled: the lease controller's 4% jitter and the passes' drift (both grids are exact);
 * the node status the kubelet also posts (every --node-status-report-frequency, 5 min, or when it
 * changes), whose heartbeat would move probeTimestamp too; the controller's start phase (unknown
 * upstream; the grid starts at t = 0).
 */
import { gridIndexAfter } from '../core/period-grid.js';

export interface NodeMonitorConfig {
  /** The kubelet's Lease renewal interval, seconds. */
  readonly leaseRenewIntervalSeconds: number;
  /** The node lifecycle controller's --node-monitor-period, seconds. */
  readonly monitorPeriodSeconds: number;
  /** Where its health pass grid starts, seconds. */
  readonly monitorStartSeconds: number;
}

export const NODE_MONITOR_DEFAULTS: NodeMonitorConfig = Object.freeze({
  /** pkg/kubelet/kubelet.go nodeLeaseRenewIntervalFraction (0.25) × NodeLeaseDurationSeconds (40 s). */
  leaseRenewIntervalSeconds: 10,
  /** kube-controller-manager --node-monitor-period (KubeCloudSharedConfiguration.NodeMonitorPeriod). */
  monitorPeriodSeconds: 5,
  /** The controller started before the scenario at an unknown phase; the model puts a pass at t = 0. */
  monitorStartSeconds: 0,
});

export interface NodeNotReadyInput {
  /** When the kubelet started (the node registered, or the kubelet came back): the renewal grid's origin, seconds. */
  readonly kubeletStartedSeconds: number;
  /** When the kubelet stopped (≥ its start), seconds. */
  readonly kubeletStoppedSeconds: number;
  /** --node-monitor-grace-period, seconds (≥ 0). */
  readonly gracePeriodSeconds: number;
}

export interface NodeNotReadyTime {
  /** The last Lease renewal (spec.renewTime), seconds. */
  readonly lastRenewalSeconds: number;
  /** The pass that saw it: nodeHealth.probeTimestamp, seconds. */
  readonly probeSeconds: number;
  /** The pass that sets the Ready condition Unknown, seconds. */
  readonly notReadySeconds: number;
  /** The pass after it, which puts the node.kubernetes.io/unreachable:NoExecute taint on, seconds. */
  readonly noExecuteSeconds: number;
  readonly reason: string;
}

/** The last instant origin + k·step (k ≥ 0) at or before `atSeconds` (origin itself when `atSeconds` is earlier). */
function lastInstantAtOrBefore(originSeconds: number, stepSeconds: number, atSeconds: number): number {
  if (atSeconds <= originSeconds) return originSeconds;
  let k = Math.floor((atSeconds - originSeconds) / stepSeconds);
  // Instants are always originSeconds + k * stepSeconds: guard the division's rounding at a boundary.
  while (originSeconds + k * stepSeconds > atSeconds) k--;
  while (originSeconds + (k + 1) * stepSeconds <= atSeconds) k++;
  return originSeconds + k * stepSeconds;
}

/** The index of the first health pass at or after `atSeconds`. */
function passIndexAtOrAfter(config: NodeMonitorConfig, atSeconds: number): number {
  const k = gridIndexAfter(config.monitorStartSeconds, config.monitorPeriodSeconds, atSeconds);
  // gridIndexAfter leaves pass k − 1 at or before atSeconds: at it exactly, that pass is the one.
  return k > 0 && config.monitorStartSeconds + (k - 1) * config.monitorPeriodSeconds >= atSeconds ? k - 1 : k;
}

/** The instant of the first health pass at or after `atSeconds`. */
export function monitorPassAtOrAfterSeconds(atSeconds: number, config: NodeMonitorConfig = NODE_MONITOR_DEFAULTS): number {
  return config.monitorStartSeconds + passIndexAtOrAfter(config, atSeconds) * config.monitorPeriodSeconds;
}

/** How many whole periods reach at least `seconds` (the smallest m with m · period ≥ seconds). */
function periodsCovering(seconds: number, periodSeconds: number): number {
  let m = Math.max(0, Math.ceil(seconds / periodSeconds));
  while (m > 0 && (m - 1) * periodSeconds >= seconds) m--;
  while (m * periodSeconds < seconds) m++;
  return m;
}

/** Rules 1–4 of the file header. */
export function nodeNotReadyTime(input: NodeNotReadyInput, config: NodeMonitorConfig = NODE_MONITOR_DEFAULTS): NodeNotReadyTime {
  const { kubeletStartedSeconds: started, kubeletStoppedSeconds: stopped, gracePeriodSeconds: grace } = input;
  const lastRenewalSeconds = lastInstantAtOrBefore(started, config.leaseRenewIntervalSeconds, stopped);
  const probeIndex = gridIndexAfter(config.monitorStartSeconds, config.monitorPeriodSeconds, lastRenewalSeconds);
  const pass = (k: number): number => config.monitorStartSeconds + k * config.monitorPeriodSeconds;
  const byGrace = probeIndex + periodsCovering(grace, config.monitorPeriodSeconds);
  // Rule 3's floor: the first pass at or after the stop.
  const fromStop = passIndexAtOrAfter(config, stopped);
  const notReadyIndex = Math.max(byGrace, fromStop);
  const probeSeconds = pass(probeIndex);
  const notReadySeconds = pass(notReadyIndex);
  const noExecuteSeconds = pass(notReadyIndex + 1);
  const reason =
    `kubelet stopped at ${stopped} s; its Lease was last renewed at ${lastRenewalSeconds} s (every ${config.leaseRenewIntervalSeconds} s from ${started} s); ` +
    `the health pass at ${probeSeconds} s saw it (probeTimestamp); ` +
    (byGrace >= fromStop ? `the first pass at or after ${probeSeconds} + ${grace} s` : `the first pass at or after the stop (${probeSeconds} + ${grace} s is before it)`) +
    ` marks the node NotReady: ${notReadySeconds} s; ` +
    `the next pass taints it NoExecute: ${noExecuteSeconds} s`;
  return { lastRenewalSeconds, probeSeconds, notReadySeconds, noExecuteSeconds, reason };
}
