/**
 * Every metric of an HPA → its proposal, with the HPA's tolerance pair resolved once
 * (horizontal.go `computeReplicasForMetrics` loop, with `tolerancesForHpa`).
 */
import { evaluateMetric, type MetricObservation, type MetricProposal } from './evaluate-metric.js';
import { resolveTolerances } from './tolerance.js';
import type { HpaBehavior, HpaControllerConfig, HpaMetricSpec } from './types.js';

export interface ComputeProposalsInput {
  metrics: readonly HpaMetricSpec[];
  /** One observation per metric, same order. */
  observations: readonly MetricObservation[];
  specReplicas: number;
  statusReplicas: number;
  /** spec.behavior as written (tolerance overrides live there). */
  behavior: HpaBehavior | null;
  config: HpaControllerConfig;
}

/** Evaluates each metric with `resolveTolerances(behavior, config)`; a metric without an observation fails. */
export function computeProposals(input: ComputeProposalsInput): MetricProposal[] {
  const tolerances = resolveTolerances(input.behavior, input.config);
  return input.metrics.map((spec, i) =>
    evaluateMetric({
      spec,
      observation: input.observations[i] ?? { kind: 'error', message: 'no observation for this metric' },
      specReplicas: input.specReplicas,
      statusReplicas: input.statusReplicas,
      tolerances,
    }),
  );
}
