/** CreateFailureExplanation → the text block `scalesim explain` prints for a FailedCreate, or for a rolled-out StatefulSet's pod event. */
import type { CreateFailureExplanation } from './explanation.js';
import { formatSimTime } from './format-sim-time.js';
import { headerLine } from './render-header.js';

export function renderCreateFailure(e: CreateFailureExplanation): string[] {
  if (e.reason.code !== 'FailedCreate') {
    // A rolled-out StatefulSet's pod event: the row's target is the pod.
    return [
      headerLine(`${e.kind} ${e.name} ${e.reason.code}`, e),
      `  pod: ${e.pod ?? e.workload}`,
      `  event: ${e.detail}`,
      `  reason: ${e.reason.code}: ${e.reason.text}`,
      previousLine(e),
    ];
  }
  return [
    headerLine(`${e.kind} ${e.name} FailedCreate`, e),
    `  workload: ${e.workload}${e.quota === null ? '' : `; quota: ${e.quota}`}`,
    `  event: ${e.detail}`,
    `  reason: ${e.reason.code}: ${e.reason.text}`,
    previousLine(e),
  ];
}

/** The row before, named by its own reason (a StatefulSet's FailedCreate and pod events share one key). */
function previousLine(e: CreateFailureExplanation): string {
  const p = e.previous;
  if (p === null) return `  previous ${e.reason.code === 'FailedCreate' ? 'FailedCreate' : 'event'} of ${e.name}: none (this is the first)`;
  return p.reason === 'FailedCreate' ? `  previous FailedCreate of ${e.name} at ${formatSimTime(p.timeSeconds)}` : `  previous ${p.reason} of ${e.name} at ${formatSimTime(p.timeSeconds)}: ${p.detail}`;
}
