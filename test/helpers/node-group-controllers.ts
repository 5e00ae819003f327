/** The cluster side a NodeGroup needs in tests: the teardown controllers (seeded), an eviction API with no budgets and every zone's capacity there. */
import type { NodeGroupControllers } from '../../src/cloud/node-group.js';
import { NodeTeardown } from '../../src/cloud/node-teardown.js';
import type { EvictionApi } from '../../src/cloud/spot-drain.js';
import { CloudCapacity } from '../../src/cloud/cloud-capacity.js';
import type { Cluster } from '../../src/cluster/cluster.js';
import { caPod } from '../../src/controllers/cluster-autoscaler/snapshot.js';
import { Rng } from '../../src/core/rng.js';
import type { Simulation } from '../../src/core/simulation.js';

export function nodeGroupControllers(sim: Simulation, cluster: Cluster, evictions?: Partial<EvictionApi>): NodeGroupControllers {
  return {
    teardown: new NodeTeardown(sim, cluster, new Rng(5)),
    evictions: { pdbs: () => [], view: (pod) => caPod(pod, () => 'ReplicaSet'), ...evictions },
    capacity: new CloudCapacity(),
  };
}
