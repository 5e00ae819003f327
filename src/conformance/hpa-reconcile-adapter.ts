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
 * The sync grid `syncTimesSeconds` describes: an array of times, or the §8 text "0,15,30,... (every
 * 15s)". Only a grid from 0 with a fixed step is modelled; the step must agree with
 * controllerConfig.syncPeriodSeconds when both are given. Undefined when the vector gives none.
 */
function readSyncStepSeconds(fields: InputFields): number | undefined {
  const raw = fields.raw('syncTimesSeconds');
  if (raw === undefined || raw === null) return undefined;
  const times = Array.isArray(raw) ? raw : typeof raw === 'string' ? (raw.match(/-?\d+(?:\.\d+)?/g) ?? []).slice(0, 3).map(Number) : [];
  const grid = times.length >= 2 && times.every((x) => typeof x === 'number') && times[0] === 0 && (times as number[]).every((x, i) => x === i * (times[1] as number));
  if (!grid || !((times[1] as number) > 0)) {
    throw new Error(`${fields.path}.syncTimesSeconds: expected syncs every P seconds from 0 ("0,15,30,..." or [0, 15, 30]), got ${JSON.stringify(raw)}`);
  }
  return times[1] as number;
}

/**
 * `historyAtT0`: the §8 text "empty; …" (the first sync seeds the history), or the recommendations
 * already held at t = 0 as `[{replicas, ageSeconds}]`.
 */
function readHistoryAtT0(fields: InputFields): HpaHistory['recommendations'] {
  const raw = fields.raw('historyAtT0');
  if (raw === undefined || raw === null || (typeof raw === 'string' && /^\s*empty\b/i.test(raw))) return undefined;
  if (Array.isArray(raw)) return readRecommendations(fields.objects('historyAtT0'), 0);
  throw new Error(`${fields.path}.historyAtT0: expected "empty; …" or an array of {replicas, ageSeconds}, got ${JSON.stringify(raw)}`);
}

/**
 * hpa.timeline: `{firstScaleDownAtSeconds, replicasAfterFirstScaleDown, syncs}` (null, null when no
 * scale-down happened within `maxDurationSeconds`, default 7200 s). Syncs run at k × syncPeriod from
 * t = 0 with an empty (unseeded) history, or `historyAtT0`; each writes spec = status = the reconciled count.
 */
export function adaptTimeline(input: unknown): Record<string, unknown> {
  const fields = InputFields.of(input);
  const config = readControllerConfig(fields.optObject('controllerConfig'));
  const step = readSyncStepSeconds(fields);
  if (step !== undefined) {
    const configured = fields.optObject('controllerConfig')?.optNumber('syncPeriodSeconds');
    if (configured !== undefined && configured !== step) {
      throw new Error(`${fields.path}.syncTimesSeconds: syncs every ${step} s disagree with controllerConfig.syncPeriodSeconds ${configured}`);
    }
    config.syncPeriodSeconds = step;
  }
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
  let history: HpaHistory = { recommendations: readHistoryAtT0(fields), scaleUpEvents: [], scaleDownEvents: [] };
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
