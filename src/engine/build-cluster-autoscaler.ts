/**
 * Builds the cluster-autoscaler of a simulation when the scenario has an autoscaled node group
 * (and spec.clusterAutoscaler.enabled): owner kinds for the drain rules (Deployment pods belong to a
 * ReplicaSet, ScaledJob pods to a Job), PodDisruptionBudgets with disruptionsAllowed computed from
 * the pods as they are at each loop, and the loop's phase offset from the seeded `cluster-autoscaler`
 * stream.
 */
import { disruptionsAllowed } from '../autoscalers/cluster-autoscaler/scale-down/pdb.js';
import type { CaPdb } from '../autoscalers/cluster-autoscaler/types.js';
import type { NodeGroup } from '../cloud/node-group.js';
import type { Cluster } from '../cluster/cluster.js';
import { isActive, isServing, type SimPod } from '../cluster/model.js';
import { matchesSelector } from '../cluster/scheduling-filter.js';
import { ClusterAutoscalerController } from '../controllers/cluster-autoscaler/ca-controller.js';
import type { OwnerKindOf } from '../controllers/cluster-autoscaler/snapshot.js';
import type { Rng } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import type { SimObserver } from '../observe/observer.js';
import type { Scenario } from '../scenario/types.js';
import type { WorkloadRuntime } from './workload-runtime.js';

const OWNER_KIND: Record<string, string> = { Deployment: 'ReplicaSet', StatefulSet: 'StatefulSet' };

export function buildClusterAutoscaler(input: {
  scenario: Scenario;
  sim: Simulation;
  rng: Rng;
  cluster: Cluster;
  groups: NodeGroup[];
  workloads: readonly WorkloadRuntime[];
  observer: SimObserver;
}): ClusterAutoscalerController | undefined {
  const { scenario, sim, rng, cluster, groups, workloads } = input;
  const config = scenario.clusterAutoscaler;
  if (!config.enabled || !groups.some((g) => g.autoscaled)) return undefined;
  const ownerKind = ownerKindOf(workloads);
  const pdbs = (): CaPdb[] => podDisruptionBudgetsNow(scenario, workloads);
  const controller = new ClusterAutoscalerController(config, { sim, cluster, groups, random: rng.stream('cluster-autoscaler/expander'), observer: input.observer, ownerKind, pdbs });
  controller.start(rng.stream('cluster-autoscaler').next() * config.scanIntervalSeconds);
  return controller;
}

/** The kind of a pod's controller, for the drain rules: Deployment pods belong to a ReplicaSet, ScaledJob pods (past the workloads) to a Job. */
export function ownerKindOf(workloads: readonly WorkloadRuntime[]): OwnerKindOf {
  return (pod: SimPod): string | undefined => {
    const w = workloads[pod.owner.index];
    return w === undefined ? 'Job' : OWNER_KIND[w.controller.spec.kind];
  };
}

/**
 * The scenario's PodDisruptionBudgets with status.disruptionsAllowed computed from the pods as they
 * are now: read by the cluster-autoscaler's drain, a spot interruption handler's drain and the
 * scheduler's preemption.
 */
export function podDisruptionBudgetsNow(scenario: Scenario, workloads: readonly WorkloadRuntime[]): CaPdb[] {
  return scenario.podDisruptionBudgets.map((pdb) => {
    const matching = workloads
      .flatMap((w) => w.controller.pods)
      .filter((p) => isActive(p) && p.owner.namespace === pdb.namespace && matchesSelector(pdb.selector, p.template.labels));
    return {
      name: pdb.name,
      namespace: pdb.namespace,
      selector: pdb.selector,
      disruptionsAllowed: disruptionsAllowed(pdb, matching.length, matching.filter(isServing).length),
    };
  });
}
