/**
 * Streams every HPA sync (an observer) into decisions.csv: the values and proposals of each
 * metric, the stabilized and final replica counts, the stabilization window and the reasons.
 */
import type { SimObserver } from '../observe/observer.js';
import type { HpaDecisionRecord } from '../observe/records.js';
import type { Cell } from '../report/csv-line.js';
import type { TableSink, TableSinkFactory } from '../report/table-sink.js';

const BASE_COLUMNS = [
  'time_s', 'hpa', 'target', 'spec_replicas', 'status_replicas', 'ready_pods',
  'metric_desired_replicas', 'stabilized_replicas', 'final_replicas', 'rescale',
  'path', 'able_to_scale', 'scaling_active', 'scaling_limited', 'scale_up_limit', 'scale_down_limit', 'stabilization_window',
];

/** The decisions.csv header for HPAs with at most `metricCount` metrics (at least one group). */
export function decisionHeader(metricCount: number): string[] {
  const header = [...BASE_COLUMNS];
  for (let i = 1; i <= Math.max(1, metricCount); i++) {
    header.push(`metric${i}_name`, `metric${i}_value`, `metric${i}_proposal`, `metric${i}_reason`, `metric${i}_pods_ready_unready_missing_ignored`);
  }
  return header;
}

export class DecisionLog implements SimObserver {
  readonly sink: TableSink;
  private readonly metricCount: number;
  count = 0;

  constructor(metricCount: number, tables: TableSinkFactory) {
    this.metricCount = Math.max(1, metricCount);
    this.sink = tables('decisions.csv', decisionHeader(metricCount));
  }

  hpaDecision(r: HpaDecisionRecord): void {
    const row: Cell[] = [
      Math.round(r.timeSeconds * 1000) / 1000, r.hpa, r.target, r.specReplicas, r.statusReplicas, r.readyPods,
      r.metricDesiredReplicas ?? '', r.stabilizedReplicas ?? '', r.desiredReplicas, r.rescale ? 'true' : 'false',
      r.path, r.ableToScale, r.scalingActive, r.scalingLimited, r.scaleUpLimit ?? '', r.scaleDownLimit ?? '', r.stabilizationWindow,
    ];
    for (let i = 0; i < this.metricCount; i++) {
      const m = r.metrics[i];
      if (m === undefined) {
        row.push('', '', '', '', '');
        continue;
      }
      const c = m.podClasses;
      const classes = c ? `${c.ready}/${c.unready}/${c.missing}/${c.ignored}` : '';
      row.push(m.metricName, m.currentValue, m.proposedReplicas ?? '', m.ok ? m.reason : `${m.reason}: ${m.message ?? ''}`, classes);
    }
    this.sink.row(row);
    this.count++;
  }
}
