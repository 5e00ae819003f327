/**
 * Resolved scenario faults (spec.faults) the engine injects, besides KEDA scaler faults
 * (ScalerFaultSpec): container crashes, crash loops, liveness failures, readiness flapping, node
 * failures and metrics-server outages. Times are seconds since t = 0.
 */

/** When a fault fires: at one instant, or as a Poisson process of `ratePerHour` in [from, to). */
export type FaultTiming =
  | { kind: 'at'; atSeconds: number }
  | { kind: 'rate'; ratePerHour: number; fromSeconds: number; toSeconds: number | undefined };

export interface ContainerCrashFault {
  kind: 'containerCrash';
  workload: string;
  timing: FaultTiming;
  /** Pods hit at each firing (distinct running containers). */
  count: number;
  /** Index in the workload's pods (creation order) at firing time; undefined = drawn from `faults/containerCrash`. */
  podIndex?: number;
}

export interface CrashLoopFault {
  kind: 'crashLoop';
  workload: string;
  fromSeconds: number;
  toSeconds: number;
}

export interface LivenessFailureFault {
  kind: 'livenessFailure';
  workload: string;
  timing: FaultTiming;
  podIndex?: number;
}

export interface ReadinessFlapFault {
  kind: 'readinessFlap';
  workload: string;
  fromSeconds: number;
  toSeconds: number;
  periodSeconds: number;
}

export interface NodeFailureFault {
  kind: 'nodeFailure';
  /**
   * A node name (`<pool>-<index>`), a pool whose live node is drawn from `faults/nodeFailure`, or a
   * zone (a pool's topology.kubernetes.io/zone label), every live node of which fails at once.
   */
  target: { node: string } | { pool: string } | { zone: string };
  timing: FaultTiming;
  /** The kubelet comes back after this long; undefined = the node stays down. */
  recoverAfterSeconds?: number;
  /** kube-controller-manager --node-monitor-grace-period; undefined = NODE_FAILURE_DEFAULTS (50 s). */
  nodeMonitorGracePeriodSeconds?: number;
  /** A zone target only: the zone's cloud capacity is lost too, until the recovery, reported or not (src/cloud/cloud-capacity.ts). */
  capacityLost?: 'reported' | 'unreported';
}

/** New nodes of a pool that register and never become Ready (src/faults/node-boot-failure.ts). */
export interface NodeBootFailureFault {
  kind: 'nodeBootFailure';
  pool: string;
  /** The chance that a node of the pool registering inside the window never becomes Ready, drawn per node from `faults/nodeBootFailure`. */
  probability: number;
  /** Nodes that register at or after this (default 0: every node that boots during the run). */
  fromSeconds: number;
  /** Nodes that register before this (default: the end of the run). */
  toSeconds: number;
}

/** A zone's or a pool's cloud capacity lost over a window: launches there fail, reported or not (src/faults/capacity-loss.ts). */
export interface CapacityLossFault {
  kind: 'capacityLoss';
  scope: { zone: string } | { pool: string };
  fromSeconds: number;
  /** Infinity: for the rest of the run. */
  toSeconds: number;
  loss: 'reported' | 'unreported';
}

export interface MetricsServerOutageFault {
  kind: 'metricsServerOutage';
  fromSeconds: number;
  toSeconds: number;
}

export type FaultSpec = ContainerCrashFault | CrashLoopFault | LivenessFailureFault | ReadinessFlapFault | NodeFailureFault | NodeBootFailureFault | CapacityLossFault | MetricsServerOutageFault;

export type FaultKind = FaultSpec['kind'];
