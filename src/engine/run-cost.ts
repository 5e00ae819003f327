/**
 * The cost report of a finished run: the billing ledger's node and virtual-pod records and each
 * pool's capacity and use, the requests served, and the active-user-seconds of workloads whose trace
 * counts active users (offered requests ÷ requests per user per second).
 */
import { buildCostReport, type CostReport } from '../report/cost/cost-report.js';
import type { BuiltSimulation } from './build-simulation.js';

export function buildRunCost(built: BuiltSimulation, endSeconds: number): CostReport {
  const { scenario, ledger } = built;
  built.billing.finish(endSeconds);
  const traces = new Map(scenario.traces.map((t) => [t.name, t]));
  let servedRequests = 0;
  let activeUserSeconds: number | undefined;
  for (const w of built.workloads) {
    servedRequests += w.totals.servedRequests;
    const trace = w.load === undefined ? undefined : traces.get(w.load.trace);
    if (trace?.valueKind === 'activeUsers' && trace.requestsPerUserPerSecond) {
      activeUserSeconds = (activeUserSeconds ?? 0) + w.totals.offeredRequests / trace.requestsPerUserPerSecond;
    }
  }
  return buildCostReport({
    runSeconds: endSeconds,
    nodes: ledger.nodes,
    virtualPods: ledger.virtualPods,
    usage: ledger.usage(endSeconds),
    servedRequests,
    ...(activeUserSeconds !== undefined ? { activeUserSeconds } : {}),
    rates: scenario.currencyRates,
    ...(scenario.reportCurrency !== undefined ? { reportCurrency: scenario.reportCurrency } : {}),
  });
}
