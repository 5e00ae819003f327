/** SchedulerExplanation → the text block `scalesim explain` prints for a preemption or a FailedScheduling. */
import type { SchedulerExplanation } from './explanation.js';
import { formatSimTime } from './format-sim-time.js';
import { headerLine } from './render-header.js';

export function renderScheduler(e: SchedulerExplanation): string[] {
  if (e.reason.code === 'FailedScheduling') {
    return [
      headerLine('kube-scheduler FailedScheduling', e),
      `  pod: ${e.detail}`,
      `  reason: ${e.reason.code}: ${e.reason.text}`,
      previousLine(e),
    ];
  }
  const p = e.preemptor;
  return [
    headerLine('kube-scheduler preemption', e),
    p === null ? `  detail: ${e.detail}` : `  preemptor: ${p.pod} of ${p.workload} (priority ${p.priority}), nominated to ${e.node ?? '?'}`,
    ...(e.victims.length > 0 ? [`  evicted: ${e.victims.map((v) => `${v.pod} of ${v.workload} (priority ${v.priority})`).join(', ')}`] : []),
    `  reason: ${e.reason.code}: ${e.reason.text}`,
    previousLine(e),
  ];
}

/** The kube-scheduler row before this one: a preemption or a FailedScheduling. */
function previousLine(e: SchedulerExplanation): string {
  return e.previous === null ? '  previous kube-scheduler row: none (this is the first)' : `  previous kube-scheduler row at ${formatSimTime(e.previous.timeSeconds)}: ${e.previous.detail}`;
}
