/**
 * The opening of an HPA or KEDA explanation: which autoscaler, which workload, when, and the
 * replicas before the decision. Key order is part of the `--json` output, so it is built in one place.
 */
import type { WorkloadRowBase } from './decision-row.js';
import type { AskedTime } from './explanation.js';

export function workloadHeader(row: WorkloadRowBase, at: AskedTime) {
  return {
    name: row.name,
    target: row.target,
    atSeconds: at.atSeconds,
    changesOnly: at.changesOnly,
    timeSeconds: row.timeSeconds,
    line: row.line,
    current: { specReplicas: row.specReplicas, statusReplicas: row.statusReplicas, readyPods: row.readyPods },
  };
}
