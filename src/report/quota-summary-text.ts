/** One line on a ResourceQuota's run for the terminal summary and report.md: its peak use against spec.hard, and its refusals. */
import type { ResourceQuotaSummary } from './summary.js';

/** "peak requests.cpu 4/4, pods 8/10; 12 pod creates refused in 5 syncs" (or "…; no create refused"). */
export function quotaUseText(q: ResourceQuotaSummary): string {
  const peak = Object.entries(q.peakUsed).map(([resource, used]) => `${resource} ${used}/${q.hard[resource]}`).join(', ');
  const refused = q.failedCreates > 0 ? `${q.refusedPods} pod creates refused in ${q.failedCreates} syncs` : 'no create refused';
  return `peak ${peak}; ${refused}`;
}
