/**
 * A kube-scheduler decisions.csv row (controller `scheduler`, engine/decision-log.ts) →
 * SchedulerExplanation: a preemption (the pending pod that preempted, DefaultPreemption's
 * PostFilter, the node it was nominated to and the pods evicted there, most important first), or a
 * FailedScheduling (the pod and, per filter, how many nodes refused it).
 */
import type { SchedulerDecisionRow } from './decision-row.js';
import type { AskedTime, SchedulerExplanation } from './explanation.js';

const REASONS: Readonly<Record<string, string>> = Object.freeze({
  FailedScheduling:
    'no node passed the filters for the pod (kube-scheduler\'s FitError: per filter, how many nodes failed it); it waits Unschedulable, the cluster-autoscaler sees it, and it is retried when a node it might fit appears, frees room or loses a taint. A row is written when a pod\'s message differs from its previous one, as the event recorder aggregates repeats',
  Preempted:
    'no node fit the pending pod; DefaultPreemption evicted lower-priority pods on one node (the fewest PDB violations, then the lowest victim priorities, fewest victims, latest start) and nominated the pod there; it binds once they are gone, and pods of lower priority may not take that room meanwhile',
});

/** `web-7 (priority 0) nominated to workers-1; evicted a (o, priority -1); b (o, priority -1)`, taken apart. */
function parseDetail(detail: string): Pick<SchedulerExplanation, 'preemptor' | 'node' | 'victims'> {
  const match = /^(\S+) \(priority (-?\d+)\) nominated to (\S+); evicted (.*)$/.exec(detail);
  if (match === null) return { preemptor: null, node: null, victims: [] };
  const victims = [...match[4]!.matchAll(/(\S+) \(([^,]+), priority (-?\d+)\)/g)].map((v) => ({ pod: v[1]!, workload: v[2]!, priority: Number(v[3]) }));
  return { preemptor: { pod: match[1]!, priority: Number(match[2]), workload: '' }, node: match[3]!, victims };
}

export function explainScheduler(row: SchedulerDecisionRow, previous: SchedulerDecisionRow | undefined, at: AskedTime): SchedulerExplanation {
  const parsed = parseDetail(row.detail);
  return {
    controller: 'scheduler',
    kind: 'Scheduler',
    name: row.name,
    ...at,
    timeSeconds: row.timeSeconds,
    line: row.line,
    reason: { code: row.reason, text: REASONS[row.reason] ?? row.reason },
    preemptor: parsed.preemptor === null ? null : { ...parsed.preemptor, workload: row.target },
    node: parsed.node,
    victims: parsed.victims,
    detail: row.detail,
    previous: previous === undefined ? null : { timeSeconds: previous.timeSeconds, detail: previous.detail },
  };
}
