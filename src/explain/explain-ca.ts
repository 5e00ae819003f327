/**
 * A cluster-autoscaler loop's decisions.csv row → CaExplanation: what it saw (unschedulable pods,
 * nodes), what it did, its reason code (static_autoscaler.go RunOnce → ScaleUp / ScaleDown status)
 * and the detail: the expander's group, the cap, skipped groups, nodes removed and unneeded.
 */
import { parseCaDetail } from './ca-detail.js';
import type { CaDecisionRow } from './decision-row.js';
import type { AskedTime, CaExplanation, CaOtherLoop, ReasonCode } from './explanation.js';

/** The reason codes of src/autoscalers/cluster-autoscaler (scale-up and scale-down planners), as sentences. */
const CA_REASONS: Readonly<Record<string, string>> = Object.freeze({
  ClusterUnhealthy:
    'more than 3 nodes, and more than 45% of the nodes, are NotReady past their 15-minute start-up time (--ok-total-unready-count, --max-total-unready-percentage): the CA does nothing this loop and forgets its unneeded nodes',
  ScaleUp: 'pods are unschedulable and a node group fits them: the expander chose the group and the CA asked it for more nodes',
  NoUnschedulablePods: 'no pod is unschedulable',
  PodsTooNew: 'the unschedulable pods are younger than --new-pod-scale-up-delay, so the CA waits',
  AllPodsNew: 'every pod left to help was created less than 2 s ago: the CA waits a loop for more pods to come, and removes no node in this loop either',
  PodsFitUpcomingNodes: 'the unschedulable pods fit on nodes that are already booting or on free room: no new node is needed',
  NoGroupFits: "no node group's template fits the pending pods",
  AllGroupsAtMax: 'every node group that fits the pending pods is at its max size',
  AllGroupsBackedOff:
    'every node group that fits the pending pods is backed off (5 min, doubling to 30 min) after a scale-up timed out: its nodes were not all registered and started within --max-node-provision-time (15 min) of the group\'s last scale-up (a registered node that is not Ready counts as not started for its first 15 min)',
  AllGroupsNotSafeToScaleUp:
    'every node group that fits the pending pods is unhealthy (its Ready nodes fall short of its target, less the nodes still being asked for, by more than 3 and more than 45% of its nodes) or backed off after a timed-out scale-up',
  LimitsReached: 'the cluster limits (--max-nodes-total, --cores-total, --memory-total or the group max size) leave no room',
  NoExpansionOption: 'no node group gave an expansion option',
  ScaleDownDisabled: 'scale-down is disabled (--scale-down-enabled=false)',
  ScaleDownInCooldown: 'scale-down waits after a recent scale-up, deletion or failure',
  NodesRemovable: 'nodes have been unneeded for longer than --scale-down-unneeded-time: the CA removes them',
  NoRemovableNodes: 'no node can be removed now: none has been unneeded long enough, its pods cannot move, or a limit holds it back (a node a limit holds is listed under held back)',
});

/** The cooldown qualifiers and the flags they come from. */
const COOLDOWN_FLAGS: Readonly<Record<string, string>> = Object.freeze({
  ScaleDownDisabledForLoop: 'all pending pods very new (static_autoscaler.go allPodsAreNew)',
  ScaleDownDelayAfterAdd: '--scale-down-delay-after-add',
  ScaleDownDelayAfterDelete: '--scale-down-delay-after-delete',
  ScaleDownDelayAfterFailure: '--scale-down-delay-after-failure',
});

/** `ScaleDownInCooldown (ScaleDownDelayAfterAdd)` → code ScaleDownInCooldown and a sentence naming the flag. */
export function caReason(reason: string): ReasonCode {
  const match = /^(\w+)(?: \((\w*)\))?$/.exec(reason);
  const code = match?.[1] ?? reason;
  const qualifier = match?.[2];
  let text = CA_REASONS[code] ?? reason;
  if (qualifier) text += ` (${qualifier}${COOLDOWN_FLAGS[qualifier] ? `, ${COOLDOWN_FLAGS[qualifier]}` : ''})`;
  return { code, text };
}

function otherLoop(row: CaDecisionRow | undefined): CaOtherLoop | null {
  if (row === undefined) return null;
  return { timeSeconds: row.timeSeconds, action: row.action, reasonCode: caReason(row.reason).code, nodesBefore: row.nodesBefore, nodesAfter: row.nodesAfter };
}

/** Explains `row`, the CA loop nearest `atSeconds`; `previous` is the loop before it, `next` (a run that kept changes only) the change after it. */
export function explainCa(row: CaDecisionRow, previous: CaDecisionRow | undefined, at: AskedTime, next?: CaDecisionRow): CaExplanation {
  return {
    controller: 'ca',
    kind: 'ClusterAutoscaler',
    name: row.name,
    ...at,
    timeSeconds: row.timeSeconds,
    line: row.line,
    action: row.action,
    group: row.group === '' ? null : row.group,
    nodesBefore: row.nodesBefore,
    nodesAfter: row.nodesAfter,
    unschedulablePods: row.unschedulablePods,
    reason: caReason(row.reason),
    detail: parseCaDetail(row.detail),
    previous: otherLoop(previous),
    next: otherLoop(next),
  };
}
