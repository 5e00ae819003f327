/**
 * What kube-scheduler tells the answers, wired to the cluster's listener hooks when the run builds:
 * - FailedScheduling as its event recorder aggregates it: a record when a pod's FitError message
 *   (fit-error.ts) differs from its previous one (the first failure, or a change in why nodes
 *   refuse it); only when an observer keeps such records;
 * - preemptions, which happen only with pod priorities (a PriorityClass): counted for the summary
 *   and recorded for the observers that keep them (preemption-record.ts); no listener at all
 *   without priorities.
 */
import type { Cluster } from '../cluster/cluster.js';
import { fitErrorMessage } from '../cluster/fit-error.js';
import type { SimPod } from '../cluster/model.js';
import type { Simulation } from '../core/simulation.js';
import { listensTo, type ObserverHub } from '../observe/observer.js';
import type { Scenario } from '../scenario/types.js';
import { preemptionRecord } from './preemption-record.js';

export interface PreemptionCounts {
  preemptions: number;
  victims: number;
}

/** Whether some pod template has a priority (a PriorityClass resolved onto it): preemption may happen. */
function scenarioUsesPriorities(scenario: Scenario): boolean {
  return scenario.workloads.some((w) => w.template.priority !== undefined) || scenario.jobTemplates.some((j) => j.template.priority !== undefined);
}

/** Attaches the listeners; the returned counts fill as the run preempts. */
export function recordSchedulerEvents(scenario: Scenario, sim: Simulation, cluster: Cluster, hub: ObserverHub): PreemptionCounts {
  if (listensTo(hub, 'failedScheduling')) {
    // Every failed cycle is reported, as kube-scheduler's failure handler records each.
    cluster.reportsEveryFailure = true;
    const lastMessage = new WeakMap<SimPod, string>();
    cluster.addListener({
      podUnschedulable: (pod, numAllNodes, filterCounts) => {
        const message = fitErrorMessage(numAllNodes, filterCounts);
        if (lastMessage.get(pod) === message) return;
        lastMessage.set(pod, message);
        hub.failedScheduling({ timeSeconds: sim.nowSeconds, pod: pod.name, owner: pod.owner.name, message });
      },
    });
  }
  const preemptions: PreemptionCounts = { preemptions: 0, victims: 0 };
  if (scenarioUsesPriorities(scenario)) {
    const record = listensTo(hub, 'preemption');
    cluster.addListener({
      podsPreempted: (preemptor, node, victims) => {
        preemptions.preemptions++;
        preemptions.victims += victims.length;
        if (record) hub.preemption(preemptionRecord(sim.nowSeconds, preemptor, node, victims));
      },
    });
  }
  return preemptions;
}
