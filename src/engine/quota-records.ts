/**
 * The run's ResourceQuotas, wired when the run builds (none: nothing is attached and pod creates
 * skip admission): the cluster's quota ledger, whose FailedCreate events go to the observers that
 * keep them (decisions.csv); the ledger counts them per quota for the summary. The resource quota
 * controller's periodic resync (resource-quota-resync.ts) drops the pods stuck Terminating past
 * their charge.
 */
import type { Cluster } from '../cluster/cluster.js';
import { QuotaLedger } from '../cluster/quota-ledger.js';
import { ResourceQuotaResync } from '../cluster/resource-quota-resync.js';
import type { Rng } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import { listensTo, type ObserverHub } from '../observe/observer.js';
import type { Scenario } from '../scenario/types.js';

export function recordQuotaEvents(scenario: Scenario, sim: Simulation, rng: Rng, cluster: Cluster, hub: ObserverHub): { ledger: QuotaLedger; resync: ResourceQuotaResync } | undefined {
  if (scenario.resourceQuotas.length === 0) return undefined;
  const ledger = new QuotaLedger(scenario.resourceQuotas);
  cluster.quotas = ledger;
  const resync = new ResourceQuotaResync(sim, ledger, scenario.config.resourceQuota.syncPeriodSeconds, rng.stream('resourcequota'));
  if (listensTo(hub, 'failedCreate')) ledger.onCreateFailed((owner, failure) => hub.failedCreate({ timeSeconds: sim.nowSeconds, owner: owner.name, ...failure }));
  return { ledger, resync };
}
