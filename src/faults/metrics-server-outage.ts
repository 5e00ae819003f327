/**
 * metricsServerOutage: inside [from, to) metrics-server neither scrapes nor serves; the HPA's
 * resource metrics fail (FailedGetResourceMetric) and it keeps its replica count (horizontal.go
 * reconcileAutoscaler: no rescale on a metrics error). It comes back with an empty store.
 */
import { Phase } from '../core/phases.js';
import type { MetricsServerOutageFault } from '../scenario/fault-types.js';
import type { FaultEnv } from './fault-env.js';

export function scheduleMetricsServerOutage(fault: MetricsServerOutageFault, env: FaultEnv): void {
  env.sim.scheduleAt(fault.fromSeconds, Phase.LIFECYCLE, 'faults/metricsServerOutage', () => {
    env.metricsServer.setAvailable(false);
    env.fired('metricsServerOutage');
  });
  env.sim.scheduleAt(fault.toSeconds, Phase.LIFECYCLE, 'faults/metricsServerOutage', () => env.metricsServer.setAvailable(true));
}
