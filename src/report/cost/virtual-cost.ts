/**
 * What one virtual pod costs (VirtualPodBillingRecord → VirtualPodCost), per docs/fidelity-spec.md
 * §5.2: billed per second from the start of the image pull (or storage attach) to the pod's end,
 * at the rounded-up size's per-second price, with the pool's minimum (Fargate 60 s, ECI none). A
 * pod gone before its image pull started (deleted in its sandbox phase) is not billed at all: AWS
 * bills Fargate "from the time you start to download your container image until the ... Pod
 * terminates" (aws.amazon.com/fargate/pricing), so the one-minute minimum applies to a pod that
 * started its download, not to one that never did.
 */
import type { Currency, VirtualPodSize, VirtualPodBillingRecord } from '../../cloud/types.js';
import { EXACT_ZERO, exactCompare, exactMultiply, type ExactAmount } from '../../units/exact-amount.js';
import { calculateLifeInRun } from './life-in-run.js';
import type { Money } from './money.js';
import { calculateMeteredSeconds, type NodeCostReason } from './node-cost.js';
import { calculateVirtualPricePerSecond } from '../../cloud/virtual-price.js';

/**
 * MinimumBilled: the minimum exceeded the life; RoundedUpToGranularity: a partial second was rounded
 * up; PullNotStarted: the pod ended (or the run did) before its image pull started: nothing billed.
 */
export type VirtualPodCostReason = Exclude<NodeCostReason, 'ReservedUntilRunEnd'> | 'PullNotStarted';

export interface VirtualPodCost {
  pod: string;
  workload: string;
  pool: string;
  currency: Currency;
  size: VirtualPodSize;
  /** Seconds from image-pull start to pod end, inside the run. */
  lifeSeconds: ExactAmount;
  /** max(minimumSeconds, ceil(lifeSeconds)); 0 when the life is 0 (PullNotStarted). */
  billedSeconds: ExactAmount;
  /** vCPU × pricePerVcpuSecond + GiB × pricePerGibSecond, for record.size. */
  pricePerSecond: ExactAmount;
  /** billedSeconds × pricePerSecond. */
  cost: Money;
  /** lifeSeconds × pricePerSecond: the part of the cost during which the pod existed. */
  lifeCost: Money;
  reason: VirtualPodCostReason;
}

/**
 * Cost of one virtual pod over a run of `runSeconds` (the record is clipped to [0, runSeconds]; a
 * pod still running at the end is billed to runSeconds). `record.size` must already be a valid
 * size (roundUpToVirtualSize); `record.startSeconds` is the image pull start, where ECI's charge
 * starts. Both ECI and Fargate bill per second: a partial second is rounded up to a whole one
 * (Fargate's documented rule; taken for ECI too), then raised to `pricing.minimumSeconds`
 * (ECI pay-as-you-go has no minimum: 0; Fargate 60). ECI's "billed hourly" is the settlement
 * period, not a rounding of usage, so it does not change the amount. A record with no life in the
 * run (its pod gone, or the run over, no later than its image pull start) bills 0 s.
 */
export function calculateVirtualPodCost(record: VirtualPodBillingRecord, runSeconds: number): VirtualPodCost {
  const { pricing } = record;
  const life = calculateLifeInRun(record.startSeconds, record.endSeconds, runSeconds);
  const pulled = exactCompare(life.lifeSeconds, EXACT_ZERO) > 0;
  const { billedSeconds, reason } = pulled
    ? calculateMeteredSeconds(life.lifeSeconds, 1, pricing.minimumSeconds)
    : { billedSeconds: EXACT_ZERO, reason: 'PullNotStarted' as const };
  const pricePerSecond = calculateVirtualPricePerSecond(record.size, pricing);
  return {
    pod: record.pod,
    workload: record.workload,
    pool: record.pool,
    currency: pricing.currency,
    size: { ...record.size },
    lifeSeconds: life.lifeSeconds,
    billedSeconds,
    pricePerSecond,
    cost: { currency: pricing.currency, amount: exactMultiply(billedSeconds, pricePerSecond) },
    lifeCost: { currency: pricing.currency, amount: exactMultiply(life.lifeSeconds, pricePerSecond) },
    reason,
  };
}
