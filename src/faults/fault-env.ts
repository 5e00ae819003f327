/**
 * What a fault scheduler may act through: the clock, the cluster (kubelet and node lifecycle
 * operations), the cloud's capacity by zone and pool, the node lifecycle controller's NoExecute tainting, the kubelet's container restarter, metrics-server, the workloads by name and the
 * seeded random streams (`faults/<kind>`), plus the counter of firings the summary reports.
 */
import type { CloudCapacity } from '../cloud/cloud-capacity.js';
import type { Cluster } from '../cluster/cluster.js';
import type { ContainerRestarter } from '../cluster/container-restarter.js';
import type { NoExecuteTainter } from '../cluster/no-execute-tainter.js';
import type { WorkloadController } from '../cluster/workload-controller.js';
import type { Rng } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import type { MetricsServer } from '../metrics/metrics-server.js';
import type { FaultKind } from '../scenario/fault-types.js';

export interface FaultEnv {
  sim: Simulation;
  cluster: Cluster;
  /** Where the cloud can launch instances (a nodeFailure of a zone with capacityLost, a capacityLoss). */
  capacity: CloudCapacity;
  restarter: ContainerRestarter;
  /** The node lifecycle controller's NoExecute tainting queues. */
  tainter: NoExecuteTainter;
  metricsServer: MetricsServer;
  workloads: ReadonlyMap<string, WorkloadController>;
  rng: Rng;
  /** Counts one firing of `kind` that hit something. */
  fired(kind: FaultKind): void;
}

/** Looks a workload up; the scenario resolvers checked the name. */
export function workloadNamed(env: FaultEnv, name: string): WorkloadController {
  const w = env.workloads.get(name);
  if (w === undefined) throw new Error(`fault: no workload ${name}`);
  return w;
}
