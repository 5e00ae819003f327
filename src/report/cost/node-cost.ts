/**
 * What one node costs over a run (NodeBillingRecord → NodeCost): a reserved node is a subscription
 * prorated over the run; on-demand and spot nodes pay their life rounded up to the billing step
 * (per second or per started hour) and at least the minimum (EC2: 60 s).
 */
import type { BillingKind, Currency, NodeBillingRecord } from '../../cloud/types.js';
import {
  EXACT_SECONDS_PER_HOUR,
  EXACT_ZERO,
  exactCeil,
  exactCompare,
  exactDivide,
  exactFraction,
  exactFromNumber,
  exactMax,
  exactMultiply,
  exactSubtract,
  type ExactAmount,
} from '../../units/exact-amount.js';
import { calculateLifeInRun } from './life-in-run.js';
import type { Money } from './money.js';

/**
 * ReservedUntilRunEnd: subscription billed from the node's start to the run's end;
 * MinimumBilled: the minimum exceeded the rounded life; RoundedUpToGranularity: the life was
 * rounded up to the billing step; ExactLife: the life was already a whole number of steps.
 */
export type NodeCostReason = 'ReservedUntilRunEnd' | 'MinimumBilled' | 'RoundedUpToGranularity' | 'ExactLife';

export interface NodeCost {
  node: string;
  pool: string;
  kind: BillingKind;
  currency: Currency;
  /** Seconds the node existed inside the run. */
  lifeSeconds: ExactAmount;
  /** Seconds paid for. */
  billedSeconds: ExactAmount;
  /** billedSeconds × pricePerHour / 3600. */
  cost: Money;
  /**
   * The part of the cost during which the node's capacity existed: from its registration (after
   * its boot; never for a request that expired) to its end, × pricePerHour / 3600. Idle cost counts
   * the rest of the billed time whole.
   */
  lifeCost: Money;
  reason: NodeCostReason;
}

/**
 * Cost of one node over a run of `runSeconds` (the record is clipped to [0, runSeconds]).
 *
 * - reserved: billedSeconds = runSeconds − startSeconds. `pricePerHour` is the subscription's hourly
 *   equivalent (monthly price ÷ 730 h), prorated over the run. A node present at the start pays the
 *   whole run; a reserved node created mid-run pays from its creation to the run's end, because a
 *   subscription is bought when the node is created and deleting the node does not end it. Its
 *   endSeconds therefore never lowers the cost, and granularity and minimum do not apply. This
 *   keeps cost additive: splitting a run in two never changes the sum.
 * - onDemand / spot: life = (endSeconds ?? runSeconds) − startSeconds; billedSeconds =
 *   max(minimumSeconds, ceil(life / granularitySeconds) × granularitySeconds). A granularity ≤ 0
 *   bills the exact life.
 *
 * cost = billedSeconds × pricePerHour / 3600, exact, in billing.currency.
 */
/** Seconds the node's capacity existed inside the run: from its registration to its end. */
function existedSeconds(record: NodeBillingRecord, runSeconds: number): ExactAmount {
  if (record.joinedSeconds === undefined) return EXACT_ZERO;
  return calculateLifeInRun(record.joinedSeconds, record.endSeconds, runSeconds).lifeSeconds;
}

export function calculateNodeCost(record: NodeBillingRecord, runSeconds: number): NodeCost {
  const { billing } = record;
  const life = calculateLifeInRun(record.startSeconds, record.endSeconds, runSeconds);
  const pricePerSecond = exactDivide(exactFromNumber(billing.pricePerHour), EXACT_SECONDS_PER_HOUR);
  const { billedSeconds, reason } =
    billing.kind === 'reserved'
      ? { billedSeconds: exactSubtract(exactFromNumber(Math.max(0, runSeconds)), life.startSeconds), reason: 'ReservedUntilRunEnd' as const }
      : calculateMeteredSeconds(life.lifeSeconds, billing.granularitySeconds, billing.minimumSeconds);
  return {
    node: record.node,
    pool: record.pool,
    kind: billing.kind,
    currency: billing.currency,
    lifeSeconds: life.lifeSeconds,
    billedSeconds,
    cost: { currency: billing.currency, amount: exactMultiply(billedSeconds, pricePerSecond) },
    lifeCost: { currency: billing.currency, amount: exactMultiply(existedSeconds(record, runSeconds), pricePerSecond) },
    reason,
  };
}

/**
 * Metered billing of a life: rounded up to a whole number of `granularitySeconds` steps, then
 * raised to `minimumSeconds`. Monotone in the life.
 */
export function calculateMeteredSeconds(
  lifeSeconds: ExactAmount,
  granularitySeconds: number,
  minimumSeconds: number,
): { billedSeconds: ExactAmount; reason: Exclude<NodeCostReason, 'ReservedUntilRunEnd'> } {
  const step = exactFromNumber(granularitySeconds);
  const rounded =
    step.numerator > 0n ? exactMultiply(exactFraction(exactCeil(exactDivide(lifeSeconds, step)), 1n), step) : lifeSeconds;
  const billedSeconds = exactMax(rounded, exactFromNumber(minimumSeconds));
  if (exactCompare(billedSeconds, rounded) > 0) return { billedSeconds, reason: 'MinimumBilled' };
  if (exactCompare(rounded, lifeSeconds) > 0) return { billedSeconds, reason: 'RoundedUpToGranularity' };
  return { billedSeconds, reason: 'ExactLife' };
}
