/**
 * Collects every HPA sync (an observer) and lays it out as decisions.csv rows: the values and
 * proposals of each metric, the stabilized and final replica counts, and the reasons.
 */
import type { SimObserver } from '../observe/observer.js';
import type { HpaDecisionRecord } from '../observe/records.js';
import type { Cell } from './timeseries-recorder.js';

export class DecisionLog implements SimObserver {
  readonly records: HpaDecisionRecord[] = [];

  hpaDecision(record: HpaDecisionRecord): void {
    this.records.push(record);
  }

  /** Header and rows; the metric columns repeat for the largest metric count of any HPA. */
  table(): { header: string[]; rows: Cell[][] } {
    const metricCount = this.records.reduce((m, r) => Math.max(m, r.metrics.length), 1);
    const header = [
      'time_s', 'hpa', 'target', 'spec_replicas', 'status_replicas', 'ready_pods',
      'metric_desired_replicas', 'stabilized_replicas', 'final_replicas', 'rescale',
      'path', 'able_to_scale', 'scaling_active', 'scaling_limited', 'scale_up_limit', 'scale_down_limit', 'stabilization_window',
    ];
    for (let i = 1; i <= metricCount; i++) {
      header.push(`metric${i}_name`, `metric${i}_value`, `metric${i}_proposal`, `metric${i}_reason`, `metric${i}_pods_ready_unready_missing_ignored`);
    }
    const rows = this.records.map((r) => {
      const row: Cell[] = [
        Math.round(r.timeSeconds * 1000) / 1000, r.hpa, r.target, r.specReplicas, r.statusReplicas, r.readyPods,
        r.metricDesiredReplicas ?? '', r.stabilizedReplicas ?? '', r.desiredReplicas, r.rescale ? 'true' : 'false',
        r.path, r.ableToScale, r.scalingActive, r.scalingLimited, r.scaleUpLimit ?? '', r.scaleDownLimit ?? '', r.stabilizationWindow,
      ];
      for (let i = 0; i < metricCount; i++) {
        const m = r.metrics[i];
        if (m === undefined) {
          row.push('', '', '', '', '');
          continue;
        }
        const classes = m.podClasses ? `${m.podClasses.ready}/${m.podClasses.unready}/${m.podClasses.missing}/${m.podClasses.ignored}` : '';
        row.push(m.metricName, m.currentValue, m.proposedReplicas ?? '', m.ok ? m.reason : `${m.reason}: ${m.message ?? ''}`, classes);
      }
      return row;
    });
    return { header, rows };
  }
}
