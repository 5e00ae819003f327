/**
 * Small hand-written decisions.csv fixtures: rows given as column → cell (the rest empty) under the
 * real header, and typed rows with defaults for the pure parts.
 */
import { decisionHeader } from '../../src/engine/decision-log.js';
import type { CaDecisionRow, HpaDecisionRow, KedaDecisionRow } from '../../src/explain/decision-row.js';
import type { AskedTime } from '../../src/explain/explanation.js';
import { csvLine } from '../../src/report/csv-line.js';

export type Cells = Record<string, string | number>;

/** The time asked for, in a run that kept every decision unless `changesOnly`. */
export const at = (atSeconds: number, changesOnly = false): AskedTime => ({ atSeconds, changesOnly });

/** decisions.csv text with `groups` metric groups and these rows. */
export function decisionsCsv(rows: readonly Cells[], groups = 1): string {
  const header = decisionHeader(groups);
  return [csvLine(header), ...rows.map((r) => csvLine(header.map((h) => r[h] ?? '')))].map((l) => `${l}\n`).join('');
}

/** An HPA CSV row: a sync at `time` that keeps 2 replicas unless overridden. */
export function hpaCells(time: number, name = 'web', over: Cells = {}): Cells {
  return {
    time_s: time, controller: 'hpa', name, target: name, spec_replicas: 2, status_replicas: 2, ready_pods: 2,
    metric_desired_replicas: 2, stabilized_replicas: 2, final_replicas: 2, rescale: 'false', path: 'behavior',
    able_to_scale: 'ReadyForNewScale', scaling_active: 'ValidMetricFound', scaling_limited: 'DesiredWithinRange',
    stabilization_window: '2@-15s', metric1_name: 'cpu', metric1_value: '50%', metric1_proposal: 2, metric1_reason: 'NoChange',
    metric1_pods_ready_unready_missing_ignored: '2/0/0/0', ...over,
  };
}

export function kedaCells(time: number, name = 'web', over: Cells = {}): Cells {
  return {
    time_s: time, controller: 'keda', name, target: name, spec_replicas: 2, status_replicas: 2, ready_pods: 2, final_replicas: 2,
    rescale: 'false', path: 'executor-none', keda_active: 'True', reason: 'ScalerActive: triggers active at 2 replicas: the HPA scales',
    keda_last_active_s: time, metric1_name: 's0-prometheus', metric1_value: '12', metric1_reason: 'active: query result 12; 12 > activation 0', ...over,
  };
}

export function caCells(time: number, over: Cells = {}): Cells {
  return {
    time_s: time, controller: 'ca', name: 'cluster-autoscaler', target: '', spec_replicas: 1, final_replicas: 1, rescale: 'false',
    path: 'no-op', reason: 'NoRemovableNodes', ca_unschedulable_pods: 0, ca_detail: '', ...over,
  };
}

/** A typed HPA row (what parseDecisionRow returns) with defaults. */
export function hpaRow(over: Partial<HpaDecisionRow> = {}): HpaDecisionRow {
  return {
    controller: 'hpa', line: 2, timeSeconds: 100, name: 'web', target: 'web', specReplicas: 2, statusReplicas: 2, readyPods: 2,
    metricDesiredReplicas: 2, stabilizedReplicas: 2, finalReplicas: 2, rescale: false, path: 'behavior',
    ableToScale: 'ReadyForNewScale', scalingActive: 'ValidMetricFound', scalingLimited: 'DesiredWithinRange',
    scaleUpLimit: undefined, scaleDownLimit: undefined, stabilizationWindow: [],
    metrics: [{ name: 'cpu', value: '50%', target: '', proposedReplicas: 2, reason: 'NoChange', message: undefined, podClasses: { ready: 2, unready: 0, missing: 0, ignored: 0 } }],
    ...over,
  };
}

export function kedaRow(over: Partial<KedaDecisionRow> = {}): KedaDecisionRow {
  return {
    controller: 'keda', line: 3, timeSeconds: 100, name: 'web', target: 'web', specReplicas: 2, statusReplicas: 2, readyPods: 2,
    finalReplicas: 2, rescale: false, executorWrote: false, active: 'True', reason: 'ScalerActive: triggers active at 2 replicas: the HPA scales',
    lastActiveSeconds: 100, cooldownLeftSeconds: undefined,
    triggers: [{ name: 's0-prometheus', value: '12', active: true, reason: 'query result 12; 12 > activation 0' }],
    ...over,
  };
}

export function caRow(over: Partial<CaDecisionRow> = {}): CaDecisionRow {
  return {
    controller: 'ca', line: 4, timeSeconds: 100, name: 'cluster-autoscaler', group: '', nodesBefore: 1, nodesAfter: 1,
    action: 'no-op', reason: 'NoRemovableNodes', unschedulablePods: 0, detail: '', ...over,
  };
}
