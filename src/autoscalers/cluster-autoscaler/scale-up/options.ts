/**
 * Expansion options per node group (core/scaleup/orchestrator filterValidScaleUpNodeGroups,
 * SchedulablePodGroups, ComputeExpansionOption): groups at max size or over a resource maximum are
 * skipped; the pod groups whose exemplar fits an empty template node are bin-packed with the
 * group's node limit; a group that gets pods and nodes becomes an option.
 */
import type { ClusterAutoscalerSettings } from '../../../scenario/types.js';
import { estimate } from '../estimator/binpacking.js';
import type { PodEquivalenceGroup } from '../estimator/pod-order.js';
import type { ExpansionOption } from '../expanders/expander.js';
import { checkPredicates, nodeFromTemplate, type CaPredicateReason, type SimulatedNode } from '../simulated-node.js';
import { snapshotAffinity } from '../affinity-predicate.js';
import { snapshotSpread } from '../spread-predicate.js';
import type { CaNodeGroup, CaResourceTotals } from '../types.js';
import { estimationNodeLimit } from './limits.js';

/** IsNodeGroupReadyToScaleUp's reasons (NotReadyReason for an unhealthy group, BackoffReason). */
export type NotSafeToScaleUp = 'NodeGroupUnhealthy' | 'BackedOff';

export type GroupSkipReason = NotSafeToScaleUp | 'MaxSizeReached' | 'MaxResourceLimitReached' | 'MaxNodesTotalReached' | 'NoPodFitsTemplate' | 'NoNodesEstimated';

export interface GroupOptionsInput {
  podGroups: readonly PodEquivalenceGroup[];
  groups: readonly CaNodeGroup[];
  config: ClusterAutoscalerSettings;
  currentNodeCount: number;
  resourcesLeft: CaResourceTotals;
  /**
   * Groups not safe to scale up (IsNodeGroupSafeToScaleUp): unhealthy ones (cluster-health.ts
   * nodeGroupHealth) and ones in backoff after a failed scale-up (node-group-backoff.ts), skipped first.
   */
  notSafe?: ReadonlyMap<string, NotSafeToScaleUp>;
  /**
   * The cluster snapshot the simulations start from (existing and upcoming nodes with the absorbed
   * pods): PodTopologySpread counts over it and the new nodes. Only pods with DoNotSchedule
   * constraints read it.
   */
  snapshot?: readonly SimulatedNode[];
}

export interface GroupOptions {
  options: ExpansionOption[];
  skipped: Record<string, GroupSkipReason>;
  /**
   * For a group skipped as NoPodFitsTemplate: the filter the first pending pod group's pod fails on
   * its empty template node (upstream's NotTriggerScaleUp event names the failing predicates).
   */
  templateMisfits: Record<string, Exclude<CaPredicateReason, 'Fits'>>;
  /** Groups whose empty template fits at least one pending pod (skipped or not). */
  fittingGroups: Set<string>;
  /** Pod groups that fit no group's template: never schedulable by a scale-up. */
  neverSchedulable: PodEquivalenceGroup[];
}

/** SchedulablePodGroups: the pod groups whose first pod fits an empty node of `group` added to `snapshot`. */
export function podGroupsFittingTemplate(podGroups: readonly PodEquivalenceGroup[], group: CaNodeGroup, snapshot: readonly SimulatedNode[] = []): PodEquivalenceGroup[] {
  const empty = nodeFromTemplate(group.template, `${group.name}-template`, group.name);
  return podGroups.filter((g) => templateFit(g, empty, snapshot) === 'Fits');
}

/** Whether a pod group's first pod fits the empty template node `empty` added to `snapshot`, or the filter it fails. */
function templateFit(podGroup: PodEquivalenceGroup, empty: SimulatedNode, snapshot: readonly SimulatedNode[]): CaPredicateReason | undefined {
  const exemplar = podGroup[0];
  if (exemplar === undefined) return undefined;
  const spread = exemplar.spreadConstraints === undefined ? undefined : snapshotSpread(exemplar, [...snapshot, empty]);
  return checkPredicates(exemplar, empty, spread, snapshotAffinity(exemplar, [snapshot, [empty]]));
}

function skipReason(group: CaNodeGroup, input: GroupOptionsInput): GroupSkipReason | undefined {
  const notSafe = input.notSafe?.get(group.name);
  if (notSafe !== undefined) return notSafe;
  if (group.targetSize >= group.maxSize) return 'MaxSizeReached';
  const t = group.template;
  if (t.cpuMillicores > input.resourcesLeft.cpuMillicores || t.memoryBytes > input.resourcesLeft.memoryBytes) return 'MaxResourceLimitReached';
  if (input.config.maxNodesTotal > 0 && input.currentNodeCount >= input.config.maxNodesTotal) return 'MaxNodesTotalReached';
  return undefined;
}

/** The options of every group (input order) and why the other groups give none. */
export function computeExpansionOptions(input: GroupOptionsInput): GroupOptions {
  const result: GroupOptions = { options: [], skipped: {}, templateMisfits: {}, fittingGroups: new Set(), neverSchedulable: [] };
  const fitsSomewhere = new Set<PodEquivalenceGroup>();
  for (const group of input.groups) {
    const fitting = podGroupsFittingTemplate(input.podGroups, group, input.snapshot);
    for (const g of fitting) fitsSomewhere.add(g);
    if (fitting.length > 0) result.fittingGroups.add(group.name);
    const skip = skipReason(group, input) ?? (fitting.length === 0 ? 'NoPodFitsTemplate' : undefined);
    if (skip !== undefined) {
      result.skipped[group.name] = skip;
      if (skip === 'NoPodFitsTemplate') {
        const first = input.podGroups[0];
        const misfit = first === undefined ? undefined : templateFit(first, nodeFromTemplate(group.template, `${group.name}-template`, group.name), input.snapshot ?? []);
        if (misfit !== undefined && misfit !== 'Fits') result.templateMisfits[group.name] = misfit;
      }
      continue;
    }
    const estimated = estimate({
      podGroups: fitting,
      template: group.template,
      maxNodes: estimationNodeLimit(group, input.config, input.currentNodeCount),
      nodeNamePrefix: group.name,
      ...(input.snapshot === undefined ? {} : { snapshot: input.snapshot }),
    });
    if (estimated.nodeCount === 0 || estimated.scheduledPods.length === 0) {
      result.skipped[group.name] = 'NoNodesEstimated';
      continue;
    }
    result.options.push({
      group: group.name,
      nodeCount: estimated.nodeCount,
      pods: estimated.scheduledPods.map((p) => p.name),
      debug: `binpacking: ${estimated.nodeCount} node(s) for ${estimated.scheduledPods.length} pod(s), ${estimated.reason}`,
    });
  }
  result.neverSchedulable = input.podGroups.filter((g) => !fitsSomewhere.has(g));
  return result;
}
