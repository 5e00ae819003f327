/**
 * Streams every autoscaler decision (an observer) into decisions.csv: each HPA sync (metric values
 * and proposals, stabilized and final replicas, the window, the reasons) and each KEDA polling cycle
 * (trigger values and activity, the executor's action and reason). A `controller` column tells them
 * apart; columns that do not apply to a row are empty.
 *
 * Detail (spec.decisions): `all` writes every row; `changes` writes a row only when it differs from
 * the same autoscaler's previous row in a column other than those that move at every sync (the time,
 * the stabilization window's ages, metric values, KEDA's last-active and cooldown clocks), so a long
 * steady stretch is one row; `none` writes the header only (the run builds no decision records).
 */
import type { SimObserver } from '../observe/observer.js';
import type {
  CaDecisionRecord,
  DeploymentEventRecord,
  FailedCreateRecord,
  FailedSchedulingRecord,
  HpaDecisionRecord,
  KedaDecisionRecord,
  PreemptionRecord,
  StatefulSetEventRecord,
} from '../observe/records.js';
import type { RowCell } from '../report/csv-line.js';
import type { TableSink, TableSinkFactory } from '../report/table-sink.js';
import type { StabilizationWindow } from '../autoscalers/hpa/recommendation-history.js';
import { WindowCell } from './window-text.js';

const BASE_COLUMNS = [
  'time_s', 'controller', 'name', 'target', 'spec_replicas', 'status_replicas', 'ready_pods',
  'metric_desired_replicas', 'stabilized_replicas', 'final_replicas', 'rescale',
  'path', 'able_to_scale', 'scaling_active', 'scaling_limited', 'scale_up_limit', 'scale_down_limit', 'stabilization_window',
  'keda_active', 'reason', 'keda_last_active_s', 'keda_cooldown_left_s',
  'ca_unschedulable_pods', 'ca_detail',
];

const GROUP = ['name', 'value', 'target', 'proposal', 'reason', 'pods_ready_unready_missing_ignored'];

/** The decisions.csv header with `groupCount` metric (or trigger) column groups (at least one). */
export function decisionHeader(groupCount: number): string[] {
  const header = [...BASE_COLUMNS];
  for (let i = 1; i <= Math.max(1, groupCount); i++) for (const g of GROUP) header.push(`metric${i}_${g}`);
  return header;
}

const WINDOW_COLUMN = BASE_COLUMNS.indexOf('stabilization_window');

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

export type DecisionDetail = 'all' | 'changes' | 'none';

/** Per column: whether it changes at nearly every sync (and so does not make a row a change). */
function volatileColumns(groupCount: number): boolean[] {
  const names = new Set(['time_s', 'stabilization_window', 'keda_last_active_s', 'keda_cooldown_left_s']);
  for (let i = 1; i <= Math.max(1, groupCount); i++) names.add(`metric${i}_value`);
  return decisionHeader(groupCount).map((h) => names.has(h));
}

export class DecisionLog implements SimObserver {
  readonly sink: TableSink;
  private readonly groupCount: number;
  /** `changes`: the HPA and KEDA controllers may keep repeated decisions to themselves (SimObserver.changesOnly). */
  readonly changesOnly: boolean;
  private readonly volatile: boolean[];
  /**
   * The row being written, reused by every decision: every cell is set for each row, and no sink
   * keeps the array (the file sink writes it at once, the in-memory sink copies it, `changes`
   * copies or updates its own).
   */
  private readonly row: RowCell[];
  /** The last pod-class counts written and their text: most syncs repeat them. */
  private readonly lastClasses = { ready: -1, unready: -1, missing: -1, ignored: -1, text: '' };
  /** `changes`: the previous row of each autoscaler, per controller kind and name. */
  private readonly previous = new Map<RowCell, Map<RowCell, RowCell[]>>();

  /** @param groupCount the most metrics any HPA has, or triggers any ScaledObject has. */
  constructor(
    groupCount: number,
    tables: TableSinkFactory,
    readonly detail: DecisionDetail = 'all',
  ) {
    this.groupCount = Math.max(1, groupCount);
    this.sink = tables('decisions.csv', decisionHeader(groupCount));
    this.changesOnly = detail === 'changes';
    this.volatile = volatileColumns(groupCount);
    this.row = new Array<RowCell>(BASE_COLUMNS.length + GROUP.length * this.groupCount).fill('');
  }

  /** `ready/unready/missing/ignored`, built only when the counts differ from the last ones. */
  private classesText(ready: number, unready: number, missing: number, ignored: number): string {
    const last = this.lastClasses;
    if (last.ready !== ready || last.unready !== unready || last.missing !== missing || last.ignored !== ignored) {
      last.ready = ready;
      last.unready = unready;
      last.missing = missing;
      last.ignored = ignored;
      last.text = `${ready}/${unready}/${missing}/${ignored}`;
    }
    return last.text;
  }

  /** Sets the base columns of the reused row, in header order. */
  private base(...cells: RowCell[]): RowCell[] {
    const row = this.row;
    for (let i = 0; i < cells.length; i++) row[i] = cells[i]!;
    return row;
  }

  /** Sets metric group `i` (0-based) of the reused row. */
  private group(row: RowCell[], i: number, name: RowCell, value: RowCell, target: RowCell, proposal: RowCell, reason: RowCell, pods: RowCell): void {
    const at = BASE_COLUMNS.length + i * GROUP.length;
    row[at] = name;
    row[at + 1] = value;
    row[at + 2] = target;
    row[at + 3] = proposal;
    row[at + 4] = reason;
    row[at + 5] = pods;
  }

  hpaDecision(r: HpaDecisionRecord): void {
    const row = this.base(
      round3(r.timeSeconds), 'hpa', r.hpa, r.target, r.specReplicas, r.statusReplicas, r.readyPods,
      r.metricDesiredReplicas ?? '', r.stabilizedReplicas ?? '', r.desiredReplicas, r.rescale ? 'true' : 'false',
      r.path, r.ableToScale, r.scalingActive, r.scalingLimited, r.scaleUpLimit ?? '', r.scaleDownLimit ?? '', '',
      '', '', '', '',
      '', '',
    );
    for (let i = 0; i < this.groupCount; i++) {
      const m = r.metrics[i];
      if (m === undefined) {
        this.group(row, i, '', '', '', '', '', '');
        continue;
      }
      const c = m.podClasses;
      const classes = c ? this.classesText(c.ready, c.unready, c.missing, c.ignored) : '';
      this.group(row, i, m.metricName, m.currentValue, m.target, m.proposedReplicas ?? '', m.ok ? m.reason : `${m.reason}: ${m.message ?? ''}`, classes);
    }
    // The window is the longest cell: a piece cell, set only for rows that are written.
    this.write(row, r.stabilizationWindow);
  }

  kedaDecision(r: KedaDecisionRecord): void {
    const rescale = r.scaleTo !== undefined && r.scaleTo !== r.specReplicas;
    const row = this.base(
      round3(r.timeSeconds), 'keda', r.scaledObject, r.target, r.specReplicas, r.statusReplicas, r.readyPods,
      '', '', r.scaleTo ?? r.specReplicas, rescale ? 'true' : 'false',
      r.scaleTo !== undefined ? 'executor-scale' : 'executor-none', '', '', '', '', '', '',
      r.active, r.reason, r.lastActiveSeconds !== undefined ? round3(r.lastActiveSeconds) : '', r.cooldownLeftSeconds !== undefined ? round3(r.cooldownLeftSeconds) : '',
      '', '',
    );
    for (let i = 0; i < this.groupCount; i++) {
      const t = r.triggers[i];
      if (t === undefined) this.group(row, i, '', '', '', '', '', '');
      else this.group(row, i, t.name, t.value, '', '', `${t.active ? 'active' : 'inactive'}: ${t.reason}`, '');
    }
    this.write(row);
  }

  caDecision(r: CaDecisionRecord): void {
    const row = this.base(
      round3(r.timeSeconds), 'ca', 'cluster-autoscaler', r.group, r.nodesBefore, '', '',
      '', '', r.nodesAfter, r.nodesAfter !== r.nodesBefore ? 'true' : 'false',
      r.action, '', '', '', '', '', '',
      '', r.reason, '', '',
      r.unschedulablePods, r.detail,
    );
    for (let i = 0; i < this.groupCount; i++) this.group(row, i, '', '', '', '', '', '');
    this.write(row);
  }

  /**
   * A preemption by kube-scheduler (runs with pod priorities only): controller `scheduler`, the
   * preemptor's workload as the target, path `preempt`, reason Preempted, and who was evicted where
   * in ca_detail.
   */
  preemption(r: PreemptionRecord): void {
    this.write(this.eventRow(r.timeSeconds, 'scheduler', 'kube-scheduler', r.preemptor.owner, 'preempt', 'Preempted', preemptionDetail(r)));
  }

  /**
   * kube-scheduler's FailedScheduling for a pod no node fits (once per pod and message): controller
   * `scheduler`, the pod's workload as the target, path `schedule`, reason FailedScheduling, and
   * `<pod>: 0/N nodes are available: …` in ca_detail.
   */
  failedScheduling(r: FailedSchedulingRecord): void {
    this.write(this.eventRow(r.timeSeconds, 'scheduler', 'kube-scheduler', r.owner, 'schedule', 'FailedScheduling', `${r.pod}: ${r.message}`));
  }

  /**
   * A controller's FailedCreate (pod creates a ResourceQuota forbade, once per failed sync):
   * controller `replicaset`, `statefulset` or `job`, the creating object as the name, the pods'
   * workload as the target, path `create`, reason FailedCreate, and the event's message in ca_detail.
   */
  failedCreate(r: FailedCreateRecord): void {
    this.write(this.eventRow(r.timeSeconds, r.controller.replace(/-controller$/, ''), r.object, r.owner, 'create', 'FailedCreate', r.pods > 1 ? `${r.message} (${r.pods} creates refused)` : r.message));
  }

  /**
   * A Deployment's rollout event: controller `deployment`, the Deployment as name, the ReplicaSet
   * as target, path `rollout`, the event's reason, and its message in ca_detail.
   */
  deploymentEvent(r: DeploymentEventRecord): void {
    this.write(this.eventRow(r.timeSeconds, 'deployment', r.deployment, r.replicaSet, 'rollout', r.reason, r.message), undefined, true);
  }

  /**
   * A pod a rolled-out StatefulSet created or deleted: controller `statefulset`, the StatefulSet as
   * name, the pod as target, path `rollout`, the event's reason, and its message and step in ca_detail.
   */
  statefulSetEvent(r: StatefulSetEventRecord): void {
    this.write(this.eventRow(r.timeSeconds, 'statefulset', r.statefulSet, r.pod, 'rollout', r.reason, `${r.message} (${r.why})`), undefined, true);
  }

  /**
   * A row that tells an event (scheduler, FailedCreate, a rollout's): who, about which object, the
   * path and reason, the message in ca_detail; every replica and metric cell empty.
   */
  private eventRow(timeSeconds: number, controller: string, name: string, target: string, path: string, reason: string, detail: string): RowCell[] {
    const row = this.base(
      round3(timeSeconds), controller, name, target, '', '', '',
      '', '', '', 'false',
      path, '', '', '', '', '', '',
      '', reason, '', '',
      '', detail,
    );
    for (let i = 0; i < this.groupCount; i++) this.group(row, i, '', '', '', '', '', '');
    return row;
  }

  /** `event`: a rollout's event row, a change in itself, kept under `changes` even when it reads as the one before (an ordinal made anew twice). */
  private write(row: RowCell[], window?: StabilizationWindow, event = false): void {
    if (this.detail === 'none') return;
    if (this.detail === 'changes' && !this.changed(row) && !event) return;
    if (window !== undefined) row[WINDOW_COLUMN] = new WindowCell(window);
    this.sink.row(row);
  }

  /** Whether `row` differs from its autoscaler's previous row outside the volatile columns; remembers it. */
  private changed(row: RowCell[]): boolean {
    let byName = this.previous.get(row[1]!);
    if (byName === undefined) this.previous.set(row[1]!, (byName = new Map()));
    const before = byName.get(row[2]!);
    if (before === undefined) {
      byName.set(row[2]!, row.slice());
      return true;
    }
    // The remembered row is updated in place: rows are built and dropped at every sync, and one
    // kept until the next sync would outlive the young generation.
    const volatile = this.volatile;
    let changed = false;
    for (let i = 0; i < row.length; i++) {
      if (volatile[i] || row[i] === before[i]) continue;
      changed = true;
      before[i] = row[i]!;
    }
    return changed;
  }
}

/** `web-7 (priority 0) nominated to workers-1; evicted overprovisioning-2 (overprovisioning, priority -1)`. */
export function preemptionDetail(r: PreemptionRecord): string {
  const victims = r.victims.map((v) => `${v.name} (${v.owner}, priority ${v.priority})`).join('; ');
  return `${r.preemptor.name} (priority ${r.preemptor.priority}) nominated to ${r.node}; evicted ${victims}`;
}
