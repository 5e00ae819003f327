/** A simulated cluster of 1-CPU nodes for tests that drive pods through the kernel and the cluster. */
import { Cluster } from '../../src/cluster/cluster.js';
import type { SimNode } from '../../src/cluster/model.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { StartupDelays } from '../../src/scenario/types.js';
import { makePool } from './builders.js';

export interface SmallCluster {
  sim: Simulation;
  cluster: Cluster;
  /** Adds one more node of the same pool. */
  addNode(): SimNode;
}

/** `nodes` nodes of 1,000m CPU, LeastAllocated scoring, the given seed and start-up delays. */
export function smallCluster(seed: number, delays: StartupDelays, nodes: number): SmallCluster {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(seed), delays, 'LeastAllocated');
  const pool = makePool({ cpuMillicores: 1000 });
  let count = 0;
  const addNode = (): SimNode => cluster.addNode(pool, count++);
  for (let i = 0; i < nodes; i++) addNode();
  return { sim, cluster, addNode };
}

/** Each preemption the cluster reports, as `<preemptor's workload> on <node>: <victims' workloads>`, in order. */
export function preemptionLog(cluster: Cluster): string[] {
  const preemptions: string[] = [];
  cluster.addListener({ podsPreempted: (p, node, victims) => preemptions.push(`${p.owner.name} on ${node.name}: ${victims.map((v) => v.owner.name).join(',')}`) });
  return preemptions;
}
