/**
 * The run's ResourceQuotas, wired when the run builds (none: nothing is attached and pod creates
 * skip admission): the cluster's quota ledger, whose FailedCreate events go to the observers that
 * keep them (decisions.csv); the ledger counts them per quota for the summary.
 */
import type { Cluster } from '../cluster/cluster.js';
import { QuotaLedger } from '../cluster/quota-ledger.js';
import type { Simulation } from '../core/simulation.js';
import { listensTo, type ObserverHub } from '../observe/observer.js';
import type { Scenario } from '../scenario/types.js';

export function recordQuotaEvents(scenario: Scenario, sim: Simulation, cluster: Cluster, hub: ObserverHub): QuotaLedger | undefined {
  if (scenario.resourceQuotas.length === 0) return undefined;
  const ledger = new QuotaLedger(scenario.resourceQuotas);
  cluster.quotas = ledger;
  if (listensTo(hub, 'failedCreate')) ledger.onCreateFailed((owner, failure) => hub.failedCreate({ timeSeconds: sim.nowSeconds, owner: owner.name, ...failure }));
  return ledger;
}
