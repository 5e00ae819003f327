/**
 * Why an HPA sync ended where it did, from its decisions.csv row alone: the metric that drove it,
 * the window entry that held it (ScaleUpStabilized / ScaleDownStabilized), the rate limit or the
 * min/max bound (ScalingLimited reasons of horizontal.go), and the metric-level keep reasons.
 */
import type { HpaDecisionRow, WindowEntry } from './decision-row.js';
import type { ReasonCode } from './explanation.js';

/** Metric reasons that keep a metric's proposal at the current count (replica_calculator.go). */
const KEEP_REASONS: Readonly<Record<string, string>> = Object.freeze({
  WithinTolerance: 'the usage-to-target ratio is within the tolerance, so the metric proposes the current count',
  WithinToleranceAfterImputation:
    'with missing and unready pods filled in at their assumed usage the ratio is within the tolerance, so the metric proposes the current count',
  DirectionFlipGuard: 'filling in missing and unready pods would reverse the direction of the change, so the metric proposes the current count',
  ReplicaCountGuard: 'the count after filling in missing and unready pods would move against the ratio, so the metric proposes the current count',
});

/** The branches of reconcile that skip the metrics, stabilization and rate limits. */
const PATH_REASONS: Readonly<Record<string, (row: HpaDecisionRow) => ReasonCode>> = Object.freeze({
  disabled: (row) => ({
    code: 'ScalingDisabled',
    text: `spec.replicas is ${row.specReplicas} and minReplicas is not 0: the HPA takes no action until something scales the target up`,
  }),
  aboveMax: (row) => ({
    code: 'TooManyReplicas',
    text: `spec.replicas ${row.specReplicas} is above maxReplicas: set to ${row.finalReplicas} (maxReplicas) at once, without metrics, stabilization or rate limits`,
  }),
  belowMin: (row) => ({
    code: 'TooFewReplicas',
    text: `spec.replicas ${row.specReplicas} is below minReplicas: set to ${row.finalReplicas} (minReplicas) at once, without metrics, stabilization or rate limits`,
  }),
  metricsFailed: (row) => ({
    code: row.scalingActive,
    text: `metrics failed, so the HPA keeps ${row.specReplicas}: ${row.metrics
      .filter((m) => m.proposedReplicas === undefined)
      .map((m) => `${m.name} ${m.reason}${m.message ? ` (${m.message})` : ''}`)
      .join('; ')}`,
  }),
});

/** The metrics whose proposal equals the metrics' maximum (all of them when tied). */
export function drivingMetricNames(row: HpaDecisionRow): string[] {
  if (row.metricDesiredReplicas === undefined) return [];
  return row.metrics.filter((m) => m.proposedReplicas === row.metricDesiredReplicas).map((m) => m.name);
}

/**
 * When stabilization moved the metrics' count, the youngest window entry that held it there: for a
 * held scale-down an entry at or above the stabilized count, for a held scale-up one at or below.
 */
export function stabilizationHolder(row: HpaDecisionRow): WindowEntry | null {
  const { metricDesiredReplicas: desired, stabilizedReplicas: stabilized } = row;
  if (desired === undefined || stabilized === undefined || desired === stabilized) return null;
  const holds = desired < stabilized ? (e: WindowEntry) => e.replicas >= stabilized : (e: WindowEntry) => e.replicas <= stabilized;
  const youngestFirst = [...row.stabilizationWindow].sort((a, b) => a.ageSeconds - b.ageSeconds);
  return youngestFirst.find(holds) ?? null;
}

function limitText(row: HpaDecisionRow, side: 'up' | 'down', limit: number | undefined): string {
  const which = row.path === 'legacy' ? `the legacy scale-${side} cap` : `the scale-${side} policies`;
  return `limited by ${which} (limit ${limit ?? '?'}): ${row.stabilizedReplicas ?? row.metricDesiredReplicas ?? '?'} wanted, ${row.finalReplicas} allowed`;
}

/** The ScalingLimited reasons, as sentences. */
const LIMITED_REASONS: Readonly<Record<string, (row: HpaDecisionRow) => string>> = Object.freeze({
  ScaleUpLimit: (row) => limitText(row, 'up', row.scaleUpLimit),
  ScaleDownLimit: (row) => limitText(row, 'down', row.scaleDownLimit),
  TooManyReplicas: (row) => `${row.stabilizedReplicas ?? '?'} is above maxReplicas: clamped to ${row.finalReplicas}`,
  TooFewReplicas: (row) => `${row.stabilizedReplicas ?? '?'} is below minReplicas: clamped to ${row.finalReplicas}`,
});

/**
 * Whether the window's count made the result differ from what the metrics' count would have given:
 * not when the rate limit or the min/max bound then took both past the final count on the same side
 * (a window that raised 19 to 29 under maxReplicas 10 held nothing: 19 is clamped to 10 as well).
 */
function stabilizationMattered(desired: number, stabilized: number, finalReplicas: number): boolean {
  if (stabilized > finalReplicas && desired >= finalReplicas) return false;
  if (stabilized < finalReplicas && desired <= finalReplicas) return false;
  return true;
}

/**
 * Everything that kept the sync's result from the metrics' count or from changing, in the order the
 * reconcile applies them: metric keep reasons, stabilization, then the rate limit or min/max clamp.
 * On the disabled, aboveMax, belowMin and metricsFailed paths, the one reason of that path.
 */
export function hpaLimitingFactors(row: HpaDecisionRow): ReasonCode[] {
  const pathReason = PATH_REASONS[row.path];
  if (pathReason !== undefined) return [pathReason(row)];
  const factors: ReasonCode[] = [];
  const driving = new Set(drivingMetricNames(row));
  for (const m of row.metrics) {
    const keep = KEEP_REASONS[m.reason];
    if (keep !== undefined && driving.has(m.name)) factors.push({ code: m.reason, text: `${m.name} ${m.value}: ${keep}` });
  }
  const { metricDesiredReplicas: desired, stabilizedReplicas: stabilized } = row;
  if (desired !== undefined && stabilized !== undefined && desired !== stabilized && stabilizationMattered(desired, stabilized, row.finalReplicas)) {
    const holder = stabilizationHolder(row);
    const by = holder === null ? 'the stabilization window' : `the window entry ${holder.replicas}@-${holder.ageSeconds}s`;
    factors.push({
      // The legacy path has one window, the downscale one (horizontal.go stabilizeRecommendation
      // sets ScaleDownStabilized whenever it changes the count); the behavior path has one per direction.
      code: row.path === 'legacy' || desired < row.specReplicas ? 'ScaleDownStabilized' : 'ScaleUpStabilized',
      text: `metrics want ${desired}; ${by} holds it at ${stabilized}`,
    });
  }
  const limited = LIMITED_REASONS[row.scalingLimited];
  if (limited !== undefined) factors.push({ code: row.scalingLimited, text: limited(row) });
  return factors;
}
