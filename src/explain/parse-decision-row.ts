/**
 * One decisions.csv record → a typed DecisionRow, by its `controller` column; the inverse of
 * src/engine/decision-log.ts (metric groups `metric<i>_*` carry HPA metrics or KEDA triggers).
 */
import { UserInputError } from '../errors/user-input-error.js';
import {
  booleanCell,
  numberCell,
  optionalNumberCell,
  podClassesCell,
  textCell,
  windowCell,
  type CellSource,
} from './decision-cells.js';
import { unknownControllerMessage, type CaDecisionRow, type CreateFailureRow, type DecisionRow, type HpaDecisionRow, type KedaDecisionRow, type MetricCell, type TriggerCell, type WorkloadRowBase, type SchedulerDecisionRow } from './decision-row.js';

/** The columns every decisions.csv has (the metric groups come after them). */
export const REQUIRED_COLUMNS: readonly string[] = Object.freeze([
  'time_s', 'controller', 'name', 'target', 'spec_replicas', 'status_replicas', 'ready_pods',
  'metric_desired_replicas', 'stabilized_replicas', 'final_replicas', 'rescale',
  'path', 'able_to_scale', 'scaling_active', 'scaling_limited', 'scale_up_limit', 'scale_down_limit', 'stabilization_window',
  'keda_active', 'reason', 'keda_last_active_s', 'keda_cooldown_left_s',
  'ca_unschedulable_pods', 'ca_detail',
]);

/** The 1-based indexes of the metric groups in a header (metric1_name, metric2_name…). */
export function metricGroupIndexes(header: readonly string[]): number[] {
  return header.flatMap((h) => {
    const match = /^metric(\d+)_name$/.exec(h);
    return match ? [Number(match[1])] : [];
  });
}

/** Splits `Reason: message` (a failed metric's reason cell) at the first ": ". */
function splitReason(text: string): { reason: string; message: string | undefined } {
  const at = text.indexOf(': ');
  return at < 0 ? { reason: text, message: undefined } : { reason: text.slice(0, at), message: text.slice(at + 2) };
}

function metricCells(src: CellSource, groups: readonly number[]): MetricCell[] {
  return groups.flatMap((i) => {
    const name = textCell(src, `metric${i}_name`);
    if (name === '') return [];
    const proposedReplicas = optionalNumberCell(src, `metric${i}_proposal`);
    const reasonText = textCell(src, `metric${i}_reason`);
    const { reason, message } = proposedReplicas === undefined ? splitReason(reasonText) : { reason: reasonText, message: undefined };
    return [{ name, value: textCell(src, `metric${i}_value`), target: textCell(src, `metric${i}_target`), proposedReplicas, reason, message, podClasses: podClassesCell(src, `metric${i}_pods_ready_unready_missing_ignored`) }];
  });
}

function triggerCells(src: CellSource, groups: readonly number[]): TriggerCell[] {
  return groups.flatMap((i) => {
    const name = textCell(src, `metric${i}_name`);
    if (name === '') return [];
    const text = textCell(src, `metric${i}_reason`);
    const active = text.startsWith('active');
    const reason = text.replace(/^(in)?active(: )?/, '');
    return [{ name, value: textCell(src, `metric${i}_value`), active, reason }];
  });
}

function workloadCells(src: CellSource): WorkloadRowBase {
  return {
    line: src.line,
    timeSeconds: numberCell(src, 'time_s'),
    name: textCell(src, 'name'),
    target: textCell(src, 'target'),
    specReplicas: numberCell(src, 'spec_replicas'),
    statusReplicas: numberCell(src, 'status_replicas'),
    readyPods: numberCell(src, 'ready_pods'),
    finalReplicas: numberCell(src, 'final_replicas'),
    rescale: booleanCell(src, 'rescale'),
  };
}

function hpaRow(src: CellSource, groups: readonly number[]): HpaDecisionRow {
  return {
    controller: 'hpa',
    ...workloadCells(src),
    metricDesiredReplicas: optionalNumberCell(src, 'metric_desired_replicas'),
    stabilizedReplicas: optionalNumberCell(src, 'stabilized_replicas'),
    path: textCell(src, 'path'),
    ableToScale: textCell(src, 'able_to_scale'),
    scalingActive: textCell(src, 'scaling_active'),
    scalingLimited: textCell(src, 'scaling_limited'),
    scaleUpLimit: optionalNumberCell(src, 'scale_up_limit'),
    scaleDownLimit: optionalNumberCell(src, 'scale_down_limit'),
    stabilizationWindow: windowCell(src, 'stabilization_window'),
    metrics: metricCells(src, groups),
  };
}

function kedaRow(src: CellSource, groups: readonly number[]): KedaDecisionRow {
  return {
    controller: 'keda',
    ...workloadCells(src),
    executorWrote: textCell(src, 'path') === 'executor-scale',
    active: textCell(src, 'keda_active'),
    reason: textCell(src, 'reason'),
    lastActiveSeconds: optionalNumberCell(src, 'keda_last_active_s'),
    cooldownLeftSeconds: optionalNumberCell(src, 'keda_cooldown_left_s'),
    triggers: triggerCells(src, groups),
  };
}

function caRow(src: CellSource): CaDecisionRow {
  return {
    controller: 'ca',
    line: src.line,
    timeSeconds: numberCell(src, 'time_s'),
    name: textCell(src, 'name'),
    group: textCell(src, 'target'),
    nodesBefore: numberCell(src, 'spec_replicas'),
    nodesAfter: numberCell(src, 'final_replicas'),
    action: textCell(src, 'path'),
    reason: textCell(src, 'reason'),
    unschedulablePods: numberCell(src, 'ca_unschedulable_pods'),
    detail: textCell(src, 'ca_detail'),
  };
}

function schedulerRow(src: CellSource): SchedulerDecisionRow {
  return { ...eventCells(src), controller: 'scheduler' };
}

const CREATING_CONTROLLERS: readonly CreateFailureRow['controller'][] = ['replicaset', 'statefulset', 'job'];

/** The cells of a row that tells an event (scheduler, FailedCreate, a Deployment's rollout event): who, about which workload, why. */
function eventCells(src: CellSource): Omit<SchedulerDecisionRow, 'controller'> {
  return {
    line: src.line,
    timeSeconds: numberCell(src, 'time_s'),
    name: textCell(src, 'name'),
    target: textCell(src, 'target'),
    reason: textCell(src, 'reason'),
    detail: textCell(src, 'ca_detail'),
  };
}

/**
 * Parses one record. `groups` are the header's metric group indexes (metricGroupIndexes). Throws
 * UserInputError (file, line, column) for a malformed cell or an unknown controller.
 */
export function parseDecisionRow(src: CellSource, groups: readonly number[]): DecisionRow {
  const controller = textCell(src, 'controller');
  if (controller === 'hpa') return hpaRow(src, groups);
  if (controller === 'keda') return kedaRow(src, groups);
  if (controller === 'ca') return caRow(src);
  if (controller === 'scheduler') return schedulerRow(src);
  if (controller === 'deployment') return { ...eventCells(src), controller: 'deployment' };
  const creating = CREATING_CONTROLLERS.find((c) => c === controller);
  if (creating !== undefined) return { ...eventCells(src), controller: creating };
  throw new UserInputError({ file: src.file, line: src.line, field: 'controller', message: unknownControllerMessage(controller) });
}
