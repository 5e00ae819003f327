/**
 * Per-pod cumulative use of one resource: CPU (the counter the kubelet's summary API exposes and
 * metrics-server turns into rates, millicore-seconds) or memory (byte-seconds, for the cost report).
 * Serving pods of one workload all use the same amount at any instant, so the workload keeps one
 * integral per serving pod; a pod only remembers where it joined that integral. Cost per pod is O(1)
 * per state change, not per load change.
 */
import type { UsageState } from '../cluster/cluster-listener.js';
import type { SimPod } from '../cluster/model.js';
import { PodSlot } from '../cluster/pod-slots.js';

export interface PodAccount {
  state: UsageState;
  /** Use up to `sinceSeconds` (millicore-seconds or byte-seconds). */
  settledMilliSeconds: number;
  sinceSeconds: number;
  /** Value of the workload's serving integral at `sinceSeconds` (serving pods only). */
  servingIntegralAtSince: number;
}

/** Where a ledger keeps its pods' accounts: one slot per resource (a pod is in one workload's ledgers). */
export const CPU_ACCOUNTS = new PodSlot<PodAccount>('workload CPU ledger');
export const MEMORY_ACCOUNTS = new PodSlot<PodAccount>('workload memory ledger');

export class PodUsageLedger {
  /**
   * @param baseRate what a running pod that serves no traffic uses (millicores, or bytes).
   * @param accounts the pod slot of this resource's accounts (held on the pod, not in a Map: see PodSlot).
   */
  constructor(
    private readonly baseRate: number,
    private readonly accounts: PodSlot<PodAccount>,
  ) {}

  /** Moves a pod to a new usage state at `nowSeconds`; `servingIntegral` must be settled to now. */
  change(pod: SimPod, to: UsageState, nowSeconds: number, servingIntegral: number): void {
    const account = this.accounts.get(pod);
    if (account === undefined) {
      if (to !== 'none') {
        this.accounts.set(pod, { state: to, settledMilliSeconds: 0, sinceSeconds: nowSeconds, servingIntegralAtSince: servingIntegral });
      }
      return;
    }
    account.settledMilliSeconds = this.cumulative(account, nowSeconds, servingIntegral);
    account.state = to;
    account.sinceSeconds = nowSeconds;
    account.servingIntegralAtSince = servingIntegral;
    if (to === 'none' && pod.removed) this.accounts.clear(pod);
  }

  /** Cumulative use of `pod` at `nowSeconds` (0 for a pod never started). */
  cumulativeAt(pod: SimPod, nowSeconds: number, servingIntegral: number): number {
    const account = this.accounts.get(pod);
    return account === undefined ? 0 : this.cumulative(account, nowSeconds, servingIntegral);
  }

  /** When the pod's usage state last changed (or its counter was seeded); undefined without an account. */
  sinceSeconds(pod: SimPod): number | undefined {
    return this.accounts.get(pod)?.sinceSeconds;
  }

  /** Starts a pod's counter at a given value (warm start: the pod ran before t = 0). */
  seed(pod: SimPod, state: UsageState, settledMilliSeconds: number, nowSeconds: number, servingIntegral: number): void {
    this.accounts.set(pod, { state, settledMilliSeconds, sinceSeconds: nowSeconds, servingIntegralAtSince: servingIntegral });
  }

  private cumulative(a: PodAccount, nowSeconds: number, servingIntegral: number): number {
    if (a.state === 'serving') return a.settledMilliSeconds + (servingIntegral - a.servingIntegralAtSince);
    if (a.state === 'base') return a.settledMilliSeconds + this.baseRate * (nowSeconds - a.sinceSeconds);
    return a.settledMilliSeconds;
  }
}
