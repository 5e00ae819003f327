/**
 * PodTopologySpread in the cluster-autoscaler's simulations: upstream's predicate checker
 * (simulator/predicatechecker, SchedulerBasedPredicateChecker) runs the scheduler framework's
 * PreFilter and Filter, so a pod's DoNotSchedule constraints apply to every simulated placement,
 * counted over the simulation's whole snapshot (kube-scheduler podtopologyspread/filtering.go; the
 * rules are src/cluster/topology-spread-filter.ts's).
 *
 * A node from a group template carries the template's labels (its zone, say) and, as
 * FreshNodeInfoFromTemplateNodeInfo/SanitizeNodeInfo give it, a kubernetes.io/hostname label with
 * its own name: each new node is a new hostname domain. The matching pods of a node are counted once
 * per selector and kept with the node object: simulations only append pods to a node in place (a
 * removal makes a new node), so the count is brought up to date from the pods added since.
 */
import { preFilterSpread, spreadFilter, spreadFilterReason, type SpreadFilterState, type SpreadNodeView } from '../../cluster/topology-spread-filter.js';
import { HOSTNAME_LABEL } from '../../cluster/topology-spread-score.js';
import { spreadSelectorMatches } from '../../cluster/topology-spread-selectors.js';
import type { SimulatedNode } from './simulated-node.js';
import type { CaPod, CaPodSelector, CaSpreadConstraint } from './types.js';

/** A pod's PreFilter state over one snapshot, for the Filter of each node it is tried on. */
export interface SnapshotSpread {
  constraints: readonly CaSpreadConstraint[];
  state: SpreadFilterState;
}

export type SpreadPredicateReason = 'Fits' | 'TopologySpreadMissingLabel' | 'TopologySpreadConstraintsNotMatch';

/** countPodsMatchSelector's test for one pod: the namespace, not terminating, the revision, the labels. */
export function caPodSelected(selector: CaPodSelector, pod: CaPod): boolean {
  return pod.deletionSeconds === undefined && spreadSelectorMatches(selector, pod.namespace, pod.revision, pod.labels);
}

interface MatchMemo {
  /** How many of the node's pods were looked at. */
  seen: number;
  matching: number;
}

const MATCHING = new WeakMap<SimulatedNode, Map<CaPodSelector, MatchMemo>>();

/** The node's pods `selector` matches (memoized per node and selector, brought up to date from pods appended since). */
export function matchingPodsOn(node: SimulatedNode, selector: CaPodSelector): number {
  let bySelector = MATCHING.get(node);
  if (bySelector === undefined) {
    bySelector = new Map();
    MATCHING.set(node, bySelector);
  }
  let memo = bySelector.get(selector);
  if (memo === undefined) {
    memo = { seen: 0, matching: 0 };
    bySelector.set(selector, memo);
  }
  const pods = node.pods;
  for (let i = memo.seen; i < pods.length; i++) if (caPodSelected(selector, pods[i]!)) memo.matching++;
  memo.seen = pods.length;
  return memo.matching;
}

interface NodeView extends SpreadNodeView {
  node: SimulatedNode;
}

const VIEWS = new WeakMap<SimulatedNode, NodeView>();

/** The node as the spreading rules (and InterPodAffinity's, affinity-predicate.ts) read it: its labels with kubernetes.io/hostname set to its name when the template had none. */
export function viewOf(node: SimulatedNode): NodeView {
  let view = VIEWS.get(node);
  if (view === undefined) {
    const labels = Object.hasOwn(node.labels, HOSTNAME_LABEL) ? node.labels : { ...node.labels, [HOSTNAME_LABEL]: node.name };
    view = { name: node.name, labels, taints: node.taints, node };
    VIEWS.set(node, view);
  }
  return view;
}

/** The node's labels as the scheduler's plugins read them in a simulation: kubernetes.io/hostname set to its name when the template had none. */
export function simulatedNodeLabels(node: SimulatedNode): Readonly<Record<string, string>> {
  return viewOf(node).labels;
}

/** PreFilter of the pod's DoNotSchedule constraints over `snapshot` (every node of the simulation); undefined when it has none. */
export function snapshotSpread(pod: CaPod, snapshot: readonly SimulatedNode[]): SnapshotSpread | undefined {
  const constraints = pod.spreadConstraints;
  if (constraints === undefined || constraints.length === 0) return undefined;
  const state = preFilterSpread(constraints, pod, snapshot.map(viewOf), (view, i) => matchingPodsOn(view.node, constraints[i]!.selector));
  return { constraints, state };
}

/** Filter on one node, given the pod's PreFilter state. */
export function checkSpread(spread: SnapshotSpread, node: SimulatedNode): SpreadPredicateReason {
  const verdict = spreadFilter(spread.constraints, spread.state, viewOf(node).labels);
  if (verdict.fits) return 'Fits';
  return spreadFilterReason(verdict);
}
