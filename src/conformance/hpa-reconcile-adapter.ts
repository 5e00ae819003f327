/**
 * Adapters for whole-sync vector kinds: `hpa.reconcile` (one reconcileHpa call, §1.2–1.11) and
 * `hpa.timeline` (reconciles every sync period from t = 0 with a constant metric result).
 */
import { computeProposals } from '../autoscalers/hpa/compute-proposals.js';
import type { MetricProposal } from '../autoscalers/hpa/evaluate-metric.js';
import { reconcileHpa } from '../autoscalers/hpa/reconcile.js';
import type { HpaHistory } from '../autoscalers/hpa/types.js';
import { readBehavior, readControllerConfig, readRecommendations, readScaleEvents, VECTOR_NOW_SECONDS } from './hpa-vector-fields.js';
import { readMetricObservation, readMetricSpec } from './hpa-vector-metric.js';
import { InputFields } from './input-fields.js';

/**
 * hpa.reconcile: `{desiredReplicas, rescale, metricDesiredReplicas?, stabilizedReplicas?,
 * scalingLimitedReason, ableToScaleReason, scalingActiveReason, path}`. `recommendations` is the
 * history before the sync as given (an array, even empty, is NOT seeded; absent or null is).
 */
export function adaptReconcile(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const now = VECTOR_NOW_SECONDS;
  const specReplicas = fields.number('specReplicas');
  const statusReplicas = fields.optNumber('statusReplicas') ?? specReplicas;
  const config = readControllerConfig(fields.optObject('controllerConfig'));
  const behavior = readBehavior(fields);
  const metrics = fields.objects('metrics');
  const proposals = computeProposals({
    metrics: metrics.map(readMetricSpec),
    observations: metrics.map((m) => readMetricObservation(m, specReplicas)),
    specReplicas,
    statusReplicas,
    behavior,
    config,
  });
  const history: HpaHistory = {
    recommendations: fields.has('recommendations') ? readRecommendations(fields.objects('recommendations'), now) : undefined,
    scaleUpEvents: readScaleEvents(fields.optObjects('scaleUpEvents'), now),
    scaleDownEvents: readScaleEvents(fields.optObjects('scaleDownEvents'), now),
  };
  const result = reconcileHpa({
    nowSeconds: now,
    spec: { minReplicas: fields.optNumber('minReplicas') ?? 1, maxReplicas: fields.number('maxReplicas'), behavior },
    specReplicas,
    statusReplicas,
    proposals,
    history,
    config,
  });
  const out: Record<string, unknown> = { desiredReplicas: result.desiredReplicas, rescale: result.rescale };
  if (result.metricDesiredReplicas !== undefined) out.metricDesiredReplicas = result.metricDesiredReplicas;
  if (result.stabilizedReplicas !== undefined) out.stabilizedReplicas = result.stabilizedReplicas;
  // A condition the sync does not set (null) is left out, as upstream leaves the HPA's as it was.
  if (result.conditions.scalingLimited !== null) out.scalingLimitedReason = result.conditions.scalingLimited.reason;
  out.ableToScaleReason = result.conditions.ableToScale.reason;
  if (result.conditions.scalingActive !== null) out.scalingActiveReason = result.conditions.scalingActive.reason;
  out.path = result.trace.path;
  return out;
}

/** How long a timeline runs when it never scales down. */
const DEFAULT_TIMELINE_LIMIT_SECONDS = 7200;

/**
 * hpa.timeline: `{firstScaleDownAtSeconds, replicasAfterFirstScaleDown, syncs}` (null, null when no
 * scale-down happened within `maxDurationSeconds`, default 7200 s). Syncs run at k × syncPeriod from
 * t = 0 with an empty (unseeded) history; each writes spec = status = the reconciled count.
 */
export function adaptTimeline(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const config = readControllerConfig(fields.optObject('controllerConfig'));
  const behavior = readBehavior(fields);
  // A number is the constant result; an array gives one result per sync (the last one repeats).
  const metricDesired = Array.isArray(fields.raw('metricDesiredReplicasAtEverySync'))
    ? fields.numbers('metricDesiredReplicasAtEverySync')
    : [fields.number('metricDesiredReplicasAtEverySync')];
  const limitSeconds = fields.optNumber('maxDurationSeconds') ?? DEFAULT_TIMELINE_LIMIT_SECONDS;
  const spec = { minReplicas: fields.optNumber('minReplicas') ?? 1, maxReplicas: fields.number('maxReplicas'), behavior };
  const proposalAt = (k: number): MetricProposal => ({
    ok: true,
    metricName: 'constant',
    desiredReplicas: metricDesired[Math.min(k, metricDesired.length - 1)] ?? 0,
    currentValue: {},
    reason: 'Given',
  });
  let replicas = fields.number('initialSpecReplicas');
  let history: HpaHistory = { recommendations: undefined, scaleUpEvents: [], scaleDownEvents: [] };
  for (let k = 0; k * config.syncPeriodSeconds <= limitSeconds; k++) {
    const nowSeconds = k * config.syncPeriodSeconds;
    const result = reconcileHpa({ nowSeconds, spec, specReplicas: replicas, statusReplicas: replicas, proposals: [proposalAt(k)], history, config });
    history = result.history;
    if (result.rescale && result.desiredReplicas < replicas) {
      return { firstScaleDownAtSeconds: nowSeconds, replicasAfterFirstScaleDown: result.desiredReplicas, syncs: k + 1 };
    }
    replicas = result.desiredReplicas;
  }
  return { firstScaleDownAtSeconds: null, replicasAfterFirstScaleDown: null, syncs: Math.floor(limitSeconds / config.syncPeriodSeconds) + 1 };
}
