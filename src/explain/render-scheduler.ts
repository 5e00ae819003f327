/** SchedulerExplanation → the text block `scalesim explain` prints for a preemption. */
import type { SchedulerExplanation } from './explanation.js';
import { formatSimTime } from './format-sim-time.js';
import { headerLine } from './render-header.js';

export function renderScheduler(e: SchedulerExplanation): string[] {
  const p = e.preemptor;
  return [
    headerLine('kube-scheduler preemption', e),
    p === null ? `  detail: ${e.detail}` : `  preemptor: ${p.pod} of ${p.workload} (priority ${p.priority}), nominated to ${e.node ?? '?'}`,
    ...(e.victims.length > 0 ? [`  evicted: ${e.victims.map((v) => `${v.pod} of ${v.workload} (priority ${v.priority})`).join(', ')}`] : []),
    `  reason: ${e.reason.code}: ${e.reason.text}`,
    e.previous === null ? '  previous preemption: none (this is the first)' : `  previous preemption at ${formatSimTime(e.previous.timeSeconds)}: ${e.previous.detail}`,
  ];
}
