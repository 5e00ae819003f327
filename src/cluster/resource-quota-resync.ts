/**
 * The resource quota controller's periodic full resync (kube-controller-manager
 * pkg/controller/resourcequota resource_quota_controller.go Run: `wait.UntilWithContext(ctx,
 * rq.enqueueAll, rq.resyncPeriod())`, every quota recalculated each --resource-quota-sync-period,
 * first when the controller starts; 0 disables it). Nothing else recalculates a quota whose pods
 * send no event, so a pod stuck Terminating leaves status.used at the first resync after its charge
 * ended (or at a replenishment for another pod of its namespace: quota-ledger.ts podGone).
 * The controller started long before the scenario: the grid's phase is drawn from the seeded
 * `resourcequota` stream, uniform over one period, as each HPA's first sync is. Only the grid
 * instants that can change something are scheduled (the first one after each held pod's charge
 * ends): every other resync finds status.used already exact, so a run without held pods has no
 * resync events at all.
 */
import { Phase } from '../core/phases.js';
import type { RandomStream } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import { nextResyncSeconds } from './quota-charge.js';
import type { QuotaLedger } from './quota-ledger.js';

export const RESOURCE_QUOTA_DEFAULTS = Object.freeze({
  /**
   * kube-controller-manager --resource-quota-sync-period: 5 m
   * (pkg/controller/resourcequota/config/v1alpha1/defaults.go RecommendedDefaultResourceQuotaControllerConfiguration).
   */
  syncPeriodSeconds: 300,
});

export class ResourceQuotaResync {
  /** The grid's first instant, in [0, period): firstSeconds + k · period. */
  readonly firstSeconds: number;
  /** Grid instants already scheduled. */
  private readonly armed = new Set<number>();

  constructor(
    private readonly sim: Simulation,
    private readonly ledger: QuotaLedger,
    private readonly periodSeconds: number,
    phase: RandomStream,
  ) {
    this.firstSeconds = periodSeconds > 0 ? phase.next() * periodSeconds : 0;
    ledger.onChargeLapse((end) => this.arm(end));
  }

  /** Schedules the first resync strictly after `chargeEndSeconds` (QuotaV1Pod's now.After), unless one is. */
  private arm(chargeEndSeconds: number): void {
    const at = nextResyncSeconds(this.firstSeconds, this.periodSeconds, Math.max(chargeEndSeconds, this.sim.nowSeconds));
    if (at === undefined || this.armed.has(at)) return;
    this.armed.add(at);
    this.sim.scheduleAt(at, Phase.CONTROL, 'resourcequota-controller', () => {
      this.armed.delete(at);
      this.ledger.resync(this.sim.nowSeconds);
    });
  }
}
