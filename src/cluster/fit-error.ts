/**
 * The message of kube-scheduler's FailedScheduling event for a pod no node fits (schedule_one.go
 * FitError.Error): "0/N nodes are available: " and, per filter reason, how many nodes failed on it,
 * "<count> <reason>" joined by ", " in sorted string order, then "." (a node counts once under each
 * of its reasons: NodeResourcesFit gives one per resource the node lacks); with no node at all upstream's
 * ErrNoNodesAvailable, "no nodes available to schedule pods". The reason texts are the plugins'
 * (noderesources "Insufficient cpu", "Too many pods"; tainttoleration; nodeaffinity ErrReasonPod;
 * podtopologyspread ErrReasonConstraintsNotMatch / ErrReasonNodeLabelNotMatch; interpodaffinity
 * ErrReasonAffinityRulesNotMatch, ErrReasonAntiAffinityRulesNotMatch,
 * ErrReasonExistingAntiAffinityRulesNotMatch). Untolerated taints are named without the taint
 * itself (upstream prints the first one), and a virtual node's missing pod size is scalesim's own
 * reason (ECI/Fargate size tables).
 */
import type { PlacementFilterReason } from './place-pod.js';

const REASON_TEXT: Readonly<Record<Exclude<PlacementFilterReason, 'Fits'>, string>> = {
  InsufficientCpu: 'Insufficient cpu',
  InsufficientMemory: 'Insufficient memory',
  TooManyPods: 'Too many pods',
  UntoleratedTaint: 'node(s) had untolerated taint',
  NodeSelectorMismatch: "node(s) didn't match Pod's node affinity/selector",
  NoVirtualPodSize: 'virtual node(s) offer no pod size that covers the requests',
  TopologySpreadMissingLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
  TopologySpreadConstraintsNotMatch: "node(s) didn't match pod topology spread constraints",
  AffinityRulesNotMatch: "node(s) didn't match pod affinity rules",
  AntiAffinityRulesNotMatch: "node(s) didn't match pod anti-affinity rules",
  ExistingAntiAffinityRulesNotMatch: "node(s) didn't satisfy existing pods anti-affinity rules",
};

export function fitErrorMessage(numAllNodes: number, filterCounts: Readonly<Partial<Record<PlacementFilterReason, number>>>): string {
  if (numAllNodes === 0) return 'no nodes available to schedule pods';
  const reasons: string[] = [];
  for (const [reason, count] of Object.entries(filterCounts) as [PlacementFilterReason, number][]) {
    if (reason !== 'Fits' && count > 0) reasons.push(`${count} ${REASON_TEXT[reason]}`);
  }
  // Go's sort.Strings: byte order, which for these ASCII texts is the code-unit order of the default sort.
  reasons.sort();
  return `0/${numAllNodes} nodes are available: ${reasons.join(', ')}.`;
}
