/**
 * The nodes of real pools (virtual pools' nodes excluded) over time, for the summary's peak and
 * mean nodes: seeded with the nodes the node groups made as the simulation was built, then kept by
 * the cluster's node events, so its extremes and integral follow every node added and every
 * instance terminated (not timeseries.csv's samples; a Node object that outlives its instance is
 * not counted).
 */
import type { Cluster } from '../cluster/cluster.js';
import type { SimNode } from '../cluster/model.js';
import { HeldValue } from '../core/held-value.js';
import type { Simulation } from '../core/simulation.js';

const real = (node: SimNode): boolean => node.pool.virtual === undefined;

export function realNodeCount(cluster: Cluster, sim: Simulation): HeldValue {
  const held = new HeldValue(cluster.nodes.filter(real).length, sim.nowSeconds);
  cluster.addListener({
    nodeAdded: (node) => {
      if (real(node)) held.set(held.value + 1, sim.nowSeconds);
    },
    nodeTerminated: (node) => {
      if (real(node)) held.set(held.value - 1, sim.nowSeconds);
    },
  });
  return held;
}
