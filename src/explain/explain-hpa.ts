/**
 * An HPA sync's decisions.csv row (and the one before it) → HpaExplanation: each metric's value,
 * pods and proposal, which metric drove the result, the window, the limits and the conditions
 * (horizontal.go reconcileAutoscaler, read back from its record).
 */
import type { HpaDecisionRow } from './decision-row.js';
import type { AskedTime, HpaExplanation, HpaMetricExplanation, HpaOtherSync } from './explanation.js';
import { drivingMetricNames, hpaLimitingFactors, stabilizationHolder } from './hpa-limiting-factors.js';
import { workloadHeader } from './workload-header.js';

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function metricExplanations(row: HpaDecisionRow, driving: ReadonlySet<string>): HpaMetricExplanation[] {
  return row.metrics.map((m) => ({
    name: m.name,
    value: m.value === '' ? null : m.value,
    target: m.target === '' ? null : m.target,
    proposedReplicas: orNull(m.proposedReplicas),
    reason: m.reason,
    message: orNull(m.message),
    pods: orNull(m.podClasses),
    drives: driving.has(m.name),
  }));
}

function previousSync(row: HpaDecisionRow | undefined): HpaOtherSync | null {
  if (row === undefined) return null;
  return {
    timeSeconds: row.timeSeconds,
    fromReplicas: row.specReplicas,
    toReplicas: row.finalReplicas,
    metricDesiredReplicas: orNull(row.metricDesiredReplicas),
    drivingMetrics: drivingMetricNames(row),
    ableToScale: row.ableToScale,
    scalingLimited: row.scalingLimited,
    limitedBy: hpaLimitingFactors(row).map((f) => f.code),
  };
}

/**
 * Explains `row`, the HPA decision nearest `atSeconds`; `previous` is the same HPA's sync before it,
 * `next` (a run that kept changes only) its change after it.
 */
export function explainHpa(row: HpaDecisionRow, previous: HpaDecisionRow | undefined, at: AskedTime, next?: HpaDecisionRow): HpaExplanation {
  const drivingMetrics = drivingMetricNames(row);
  const direction = row.finalReplicas > row.specReplicas ? 'up' : row.finalReplicas < row.specReplicas ? 'down' : 'none';
  return {
    controller: 'hpa',
    kind: 'HPA',
    ...workloadHeader(row, at),
    metrics: metricExplanations(row, new Set(drivingMetrics)),
    metricDesiredReplicas: orNull(row.metricDesiredReplicas),
    drivingMetrics,
    stabilization: {
      path: row.path,
      window: row.stabilizationWindow,
      stabilizedReplicas: orNull(row.stabilizedReplicas),
      heldBy: stabilizationHolder(row),
    },
    rateLimit: { scaleUpLimit: orNull(row.scaleUpLimit), scaleDownLimit: orNull(row.scaleDownLimit), scalingLimited: row.scalingLimited },
    decision: {
      fromReplicas: row.specReplicas,
      toReplicas: row.finalReplicas,
      rescale: row.rescale,
      direction,
      ableToScale: row.ableToScale,
      scalingActive: row.scalingActive,
      scalingLimited: row.scalingLimited,
    },
    limitedBy: hpaLimitingFactors(row),
    previous: previousSync(previous),
    next: previousSync(next),
  };
}
