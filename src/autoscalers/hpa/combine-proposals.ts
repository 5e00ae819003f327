/**
 * Several metrics → one desired count, with the partial-failure rules of §1.9
 * (horizontal.go `computeReplicasForMetrics`). The count is the largest proposal, except that a
 * proposal always replaces a count of 0 (upstream's `replicas == 0 ||` clause), so a negative
 * proposal after a 0 is taken.
 */
import { NOT_COMPUTED, type MetricProposal } from './evaluate-metric.js';
import type { ScalingActiveReason } from './types.js';

export type CombinedProposals =
  | {
      ok: true;
      /** The largest valid proposal (see the file header for the 0 quirk). */
      metricDesiredReplicas: number;
      /** The metric that gave it. */
      metricName: string;
      /** Failures that did not block scaling (the valid maximum is ≥ current). */
      ignoredFailures: readonly Extract<MetricProposal, { ok: false }>[];
    }
  | {
      ok: false;
      /** The first failure: its reason becomes ScalingActive=False. */
      reason: ScalingActiveReason;
      message: string;
      /** The maximum over the valid proposals, when there was any; it is not acted upon. */
      metricDesiredReplicas?: number;
    };

/** The ignored failures of a sync without failures (shared: the list is never changed). */
const NO_FAILURES: readonly Extract<MetricProposal, { ok: false }>[] = Object.freeze([]);

/** A failure's ScalingActive reason; a metric the sync did not read never reaches a combination. */
function conditionReason(failure: Extract<MetricProposal, { ok: false }>): ScalingActiveReason {
  if (failure.reason === NOT_COMPUTED) throw new Error(`combineProposals: ${failure.metricName} was not read (${failure.message})`);
  return failure.reason;
}

/**
 * The desired count is the maximum over valid proposals. Scaling is blocked (ok: false, carrying
 * the first failure) when every metric failed, when there are no metrics, or when some failed and
 * the valid maximum is below `specReplicas`: a broken metric never blocks a scale-up but always
 * blocks a scale-down.
 */
export function combineProposals(proposals: readonly MetricProposal[], specReplicas: number): CombinedProposals {
  let best: Extract<MetricProposal, { ok: true }> | undefined;
  // Most syncs have no failure: the list is made only for the first one.
  let failures: Extract<MetricProposal, { ok: false }>[] | undefined;
  for (const proposal of proposals) {
    if (!proposal.ok) (failures ??= []).push(proposal);
    // horizontal.go: `if replicas == 0 || replicaCountProposal > replicas`, with replicas starting
    // at 0: a proposal replaces a best of 0 whatever it is, so a negative proposal after a 0 wins
    // (and a later 0 after a 0 names the later metric). Not a plain maximum; reproduced.
    else if (best === undefined || best.desiredReplicas === 0 || proposal.desiredReplicas > best.desiredReplicas) best = proposal;
  }
  const first = failures?.[0];
  if (best === undefined) {
    if (first === undefined) return { ok: false, reason: 'InvalidMetricSourceType', message: 'the HPA has no metrics' };
    return { ok: false, reason: conditionReason(first), message: `${first.metricName}: ${first.message}` };
  }
  if (first !== undefined && best.desiredReplicas < specReplicas) {
    return {
      ok: false,
      reason: conditionReason(first),
      message: `${first.metricName}: ${first.message} (blocks the scale-down to ${best.desiredReplicas})`,
      metricDesiredReplicas: best.desiredReplicas,
    };
  }
  return { ok: true, metricDesiredReplicas: best.desiredReplicas, metricName: best.metricName, ignoredFailures: failures ?? NO_FAILURES };
}
