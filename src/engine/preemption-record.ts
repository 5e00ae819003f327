/** kube-scheduler's preemption as a decision record (decisions.csv, `scalesim explain`): who preempted whom, on which node. */
import type { SimNode, SimPod } from '../cluster/model.js';
import { podPriority } from '../cluster/pod-priority.js';
import type { PreemptionRecord } from '../observe/records.js';

export function preemptionRecord(timeSeconds: number, preemptor: SimPod, node: SimNode, victims: readonly SimPod[]): PreemptionRecord {
  const pod = (p: SimPod) => ({ name: p.name, owner: p.owner.name, priority: podPriority(p) });
  return { timeSeconds, preemptor: pod(preemptor), node: node.name, victims: victims.map(pod) };
}
