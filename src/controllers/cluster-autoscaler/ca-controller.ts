/**
 * The cluster-autoscaler loop (core/static_autoscaler.go RunOnce), a thin loop around the pure
 * planners: every scan interval settle the scale-up requests (cluster-state.ts: one timed out backs
 * its group off, instances that never registered go), stop while too many nodes are Unready
 * (cluster-health.ts), take NotStarted nodes for upcoming ones (template nodes in the simulations,
 * no scale-down candidates), plan a scale-up when pods are unschedulable or nodes are being drained
 * (their pods count as pending: scale-up/drained-pods.ts) over the groups safe to scale up (not
 * unhealthy, not backed off), and, in a loop that scaled nothing up, plan a scale-down from the
 * nodes with the pods the scale-up's snapshot placed on them (RunOnce returns early only after a
 * successful scale-up; spec §4.3); then actuate: IncreaseSize (registering the group's scale-up
 * request), or taint, drain (evict the movable pods, which their controllers recreate elsewhere)
 * and delete, 5 s after the taint and then at a 5 s poll (node-deletion.ts). Each loop is recorded
 * once: a loop with pending pods and no scale-up keeps the scale-up's reason unless it removes
 * nodes, and says what scale-down found in its detail.
 */
import { isClusterHealthy, isNotStarted, isUnready } from '../../autoscalers/cluster-autoscaler/cluster-health.js';
import { buildExpanderChain, type ExpanderChain } from '../../autoscalers/cluster-autoscaler/expanders/chain.js';
import { planScaleDown, type NotRemovableReason } from '../../autoscalers/cluster-autoscaler/scale-down/planner.js';
import { nodeIndexByName } from '../../autoscalers/cluster-autoscaler/scale-down/removal-simulation.js';
import { softTaintUpdates, type SoftTaintNode } from '../../autoscalers/cluster-autoscaler/scale-down/soft-taints.js';
import { countReadyNodes, planScaleUp } from '../../autoscalers/cluster-autoscaler/scale-up-planner.js';
import { withUpcomingNodes } from '../../autoscalers/cluster-autoscaler/scale-up/limits.js';
import { podsOfDrainedNodes } from '../../autoscalers/cluster-autoscaler/scale-up/drained-pods.js';
import type { CaNode, CaPdb, CaPod } from '../../autoscalers/cluster-autoscaler/types.js';
import type { NodeGroup } from '../../cloud/node-group.js';
import type { Cluster } from '../../cluster/cluster.js';
import type { SimNode, SimPod } from '../../cluster/model.js';
import { Phase } from '../../core/phases.js';
import type { RandomStream } from '../../core/rng.js';
import type { Simulation } from '../../core/simulation.js';
import type { SimObserver } from '../../observe/observer.js';
import type { ClusterAutoscalerSettings } from '../../scenario/types.js';
import { startNodeDeletion } from './node-deletion.js';
import { caNode, caNodeGroup, caPod, DELETION_CANDIDATE_TAINT, TO_BE_DELETED_TAINT, type OwnerKindOf } from './snapshot.js';
import { CaClusterState, groupNodeCounts } from './cluster-state.js';

/**
 * Reasons that hold back a node already unneeded long enough: the loop's detail names such nodes
 * (`held: n1 (ParallelismLimitReached)`) so that explain can say why an unneeded node stayed. The
 * timers still running (NotUnneededLongEnough) show in the `unneeded` list with their ages instead.
 */
const HELD_BACK: ReadonlySet<string> = new Set<NotRemovableReason>(['NodeGroupMinSizeReached', 'MinimalResourceLimitExceeded', 'ParallelismLimitReached']);

export interface CaDeps {
  sim: Simulation;
  cluster: Cluster;
  groups: NodeGroup[];
  random: RandomStream;
  observer: SimObserver;
  ownerKind: OwnerKindOf;
  /** PDBs with status.disruptionsAllowed computed now. */
  pdbs: () => CaPdb[];
}

export class ClusterAutoscalerController {
  readonly counts = { scans: 0, scaleUps: 0, nodesAdded: 0, nodesRemoved: 0 };
  private unneededSince = new Map<string, number>();
  /** Autoscaled nodes with the DeletionCandidate soft taint, as last counted (0: nothing to clean). */
  private softTainted = 0;
  private unremovableUntil = new Map<string, number>();
  /** Where the last scale-down simulation put pods (HintingSimulator hints), for the next one. */
  private removalHints = new Map<string, string>();
  private lastScaleUpSeconds: number | undefined;
  private lastDeleteSeconds: number | undefined;
  /** Nodes being deleted, with their group and whether they need a drain (only drains count against max-drain-parallelism, budgets.go CropNodes). */
  private readonly deleting = new Map<SimNode, { group: NodeGroup; drain: boolean }>();
  /** Scale-up requests, backoff and group health (clusterstate.go). */
  private readonly clusterState: CaClusterState;
  /** What UpdateNodes found this loop (a scale-up timed out), put first in the loop's detail. */
  private loopNote = '';
  private readonly expander: ExpanderChain;
  /** The snapshot's node positions by name, kept while the snapshot holds the same nodes in the same order (most loops). */
  private snapshotIndex: { nodes: SimNode[]; byName: ReadonlyMap<string, number> } | undefined;

  constructor(
    readonly config: ClusterAutoscalerSettings,
    private readonly deps: CaDeps,
  ) {
    this.expander = buildExpanderChain(config.expanders, deps.random);
    this.clusterState = new CaClusterState(config.maxNodeProvisionTimeSeconds);
  }

  private get autoscaled(): NodeGroup[] {
    return this.deps.groups.filter((g) => g.autoscaled);
  }

  start(firstScanSeconds: number): void {
    const { sim } = this.deps;
    sim.every(firstScanSeconds, this.config.scanIntervalSeconds, Phase.CONTROL, 'cluster-autoscaler', () => this.scan(sim.nowSeconds));
  }

  scan(nowSeconds: number): void {
    const { cluster, ownerKind } = this.deps;
    this.counts.scans++;
    const groups = this.autoscaled;
    // RunOnce stops here while too many nodes are Unready, and forgets the unneeded nodes
    // (IsClusterHealthy, CleanUpUnneededNodes). The warm start's nodes (t = 0) were created before the run.
    // A Node whose instance is gone is left out: clusterstate counts it Deleted, not Unready
    // (updateReadinessStats), and NodeGroupForNode finds it in no group, so it is never a candidate.
    // A cordoned node counts by its Ready condition alone (GetNodeReadiness), unlike the ready nodes below.
    // A node of a node group that is NotStarted (not Ready, younger than 15 min: updateReadinessStats)
    // is an upcoming node: GetUpcomingNodes counts target − (Ready + Unready + LongUnregistered), the
    // NotStarted nodes and the requests not registered yet, and returns the NotStarted ones' names;
    // RunOnce puts a template node in the snapshot for each upcoming node
    // (addUpcomingNodesToClusterSnapshot) and takes the NotStarted ones, with their pods, out of
    // allNodes and the snapshot (subtractNodesByName, ClusterSnapshot.RemoveNode), "so that
    // scale-down can't consider them as candidates". Here a group's target is its live nodes plus its
    // requests, so that count is never below the NotStarted nodes (upstream's `newNodes <= 0` skip,
    // which would keep them, cannot happen). A node of no node group has no group readiness and stays.
    let registered = 0;
    let unready = 0;
    const inSnapshot: SimNode[] = [];
    const notStarted = new Map<string, number>();
    for (const n of cluster.nodes) {
      if (n.pool.virtual !== undefined || n.instanceGoneSeconds !== undefined) continue;
      registered++;
      if (isUnready(n, nowSeconds, 0)) unready++;
      else if (isNotStarted(n, nowSeconds, 0) && groups.some((g) => g.spec === n.pool)) {
        notStarted.set(n.pool.name, (notStarted.get(n.pool.name) ?? 0) + 1);
        continue;
      }
      inSnapshot.push(n);
    }
    // UpdateNodes: scale-up requests finished or timed out (cluster-state.ts), before the health check.
    const timedOut = this.clusterState.update(groups, notStarted, nowSeconds);
    const failed = this.clusterState.handleCreationErrors(groups, nowSeconds);
    this.loopNote = [
      timedOut.length === 0 ? '' : `scale-up timed out: ${timedOut.map((t) => `${t.group} after ${Math.round(t.afterSeconds)}s`).join(', ')}`,
      failed.length === 0 ? '' : `scale-up failed: ${failed.map((f) => `${f.group} ${f.nodes} node(s) ${f.error}`).join(', ')}`,
    ].filter((n) => n !== '').join('; ');
    let before = groups.reduce((n, g) => n + g.targetSize, 0);
    const pending = cluster.unschedulablePods().filter((p) => !p.removed && p.deletionSeconds === undefined);
    const health = isClusterHealthy(unready, registered);
    if (!health.healthy) {
      this.unneededSince = new Map();
      this.record(nowSeconds, 'no-op', '', before, pending.length, 'ClusterUnhealthy', [], `${health.unready} of ${health.registered} nodes unready`);
      return;
    }
    // deleteCreatedNodesWithErrors, then the loop goes on (Recalculate; the early return went in kubernetes/autoscaler#7087).
    const removedFailed = groups.reduce((n, g) => n + g.deleteFailedRequests(), 0);
    if (removedFailed > 0) {
      this.loopNote = [this.loopNote, `${removedFailed} node(s) that failed to create deleted`].filter((n) => n !== '').join('; ');
      // Recalculate: what the loop does next starts from the smaller target sizes.
      before -= removedFailed;
    }
    const nodes = inSnapshot.map((n) => caNode(n, ownerKind, this.config.expendablePodsPriorityCutoff));
    const caGroups = groups.map((g) => caNodeGroup(g, this.config.nodePriceUsdPerHour));
    // Both count the nodes still booting and the NotStarted ones, at their group's template, through
    // `upcoming` (scale-up: target sizes; scale-down: the upcoming nodes RunOnce put in the snapshot
    // in the NotStarted nodes' place); scale-down's minimums leave out nodes being deleted
    // (scaledown/resource/limits.go coresMemoryTotal skips IsNodeBeingDeleted).
    const totals = { cpuMillicores: 0, memoryBytes: 0 };
    const staying = { cpuMillicores: 0, memoryBytes: 0 };
    for (const n of nodes) {
      totals.cpuMillicores += n.cpuAllocatableMillicores;
      totals.memoryBytes += n.memoryAllocatableBytes;
      if (n.beingDeleted === true) continue;
      staying.cpuMillicores += n.cpuAllocatableMillicores;
      staying.memoryBytes += n.memoryAllocatableBytes;
    }
    // A loop with pending pods that scales nothing up goes on to scale-down (§4.3; RunOnce returns
    // early only after a successful scale-up). Its record says why there was no scale-up.
    let noScaleUp: { reason: string; notes: string[] } | undefined;
    let scaleDownDisabledForLoop = false;
    // Upcoming: requests not registered yet and NotStarted nodes (above), each a template node.
    const upcoming = groups.flatMap((g) => {
      const count = g.upcoming.length + (notStarted.get(g.name) ?? 0);
      return count > 0 ? [{ group: g.name, count, template: caNodeGroup(g, this.config.nodePriceUsdPerHour).template }] : [];
    });
    // The pods of nodes being drained count as pending too (scale-up/drained-pods.ts).
    const draining = this.drainingNodes();
    const drainedPods = draining.length === 0 ? [] : podsOfDrainedNodes(nodes, new Set(draining.map((n) => n.name)));
    // Pods the scale-up's snapshot put on existing nodes, which scale-down's snapshot holds too.
    let placedOnNodes: ReadonlyMap<string, readonly CaPod[]> | undefined;
    if (pending.length > 0 || drainedPods.length > 0) {
      const plan = planScaleUp({
        unschedulablePods: pending.map((p) => withNomination(caPod(p, ownerKind), cluster.scheduler.nominator.nominatedNode(p))),
        drainedPods,
        groups: caGroups,
        upcomingNodes: upcoming,
        nodes,
        limits: {
          // RunOnce hands ScaleUp the ready nodes (ReadyNodeLister: Ready and not cordoned, by hand, by a
          // drain or as a node being deleted is; isReadyNode).
          currentNodeCount: countReadyNodes(nodes) + upcoming.reduce((n, u) => n + u.count, 0),
          // Nodes still booting count against the cores and memory maxima too (target sizes, manager.go coresMemoryTotal).
          currentTotals: withUpcomingNodes(totals, upcoming),
        },
        config: this.config,
        nowSeconds,
        podCreatedSeconds: createdSeconds(pending, draining),
        random: this.deps.random,
        expander: this.expander,
        notSafeGroups: this.clusterState.notSafeToScaleUp(groups, groupNodeCounts(inSnapshot, notStarted, groups, nowSeconds), nowSeconds),
      });
      const group = groups.find((g) => g.name === plan.group);
      if (group !== undefined && plan.increase > 0) {
        group.increaseSize(plan.increase);
        this.clusterState.registerScaleUp(group.name, plan.increase, nowSeconds);
        this.lastScaleUpSeconds = nowSeconds;
        this.counts.scaleUps++;
        this.counts.nodesAdded += plan.increase;
      }
      const skipped = Object.entries(plan.skipped)
        .map(([g, r]) => (plan.templateMisfits[g] === undefined ? `${g}: ${r}` : `${g}: ${r}: ${plan.templateMisfits[g]}`))
        .join('; ');
      const absorbed = new Set(plan.podsAbsorbed);
      const drainedLeft = drainedPods.filter((p) => !absorbed.has(p.name)).length;
      const notes = [drainedLeft > 0 ? `${drainedLeft} pod(s) of draining nodes have no room left` : '', plan.cappedBy ? `capped by ${plan.cappedBy}` : '', skipped ? `skipped ${skipped}` : ''].filter((n) => n !== '');
      // Only drained pods, and each found room: no pod to help (RunOnce's "No unschedulable pods").
      const nothingToHelp = pending.length === 0 && plan.reason === 'NoUnschedulablePods';
      if (plan.increase > 0 || (!this.config.scaleDownEnabled && !nothingToHelp)) {
        const added = plan.increase > 0 ? `+${plan.increase} node(s) for ${plan.podsHelped.length} pod(s)` : '';
        this.record(nowSeconds, plan.increase > 0 ? 'scale-up' : 'no-op', plan.group ?? '', before, pending.length, plan.reason, [], `${added}${notes.map((n) => `; ${n}`).join('')}`);
        return;
      }
      placedOnNodes = plan.placedOnNodes;
      if (!nothingToHelp) noScaleUp = { reason: plan.reason, notes };
      scaleDownDisabledForLoop = plan.scaleDownDisabledForLoop;
    }
    if (!this.config.scaleDownEnabled) {
      this.record(nowSeconds, 'no-op', '', before, 0, 'ScaleDownDisabled', [], '');
      return;
    }
    const deletionsInProgress = new Map<string, number>();
    let drainsInProgress = 0;
    for (const { group, drain } of this.deleting.values()) {
      deletionsInProgress.set(group.name, (deletionsInProgress.get(group.name) ?? 0) + 1);
      if (drain) drainsInProgress++;
    }
    const plan = planScaleDown({
      nodes: withPlacedPods(nodes, placedOnNodes),
      groups: caGroups,
      unneededSince: this.unneededSince,
      unremovableUntil: this.unremovableUntil,
      hints: this.removalHints,
      nodeIndexByName: this.snapshotIndexOf(inSnapshot),
      nowSeconds,
      config: this.config,
      pdbs: this.deps.pdbs(),
      scaleDownDisabledForLoop,
      lastScaleUpSeconds: this.lastScaleUpSeconds,
      lastDeleteSeconds: this.lastDeleteSeconds,
      deletionsInProgress,
      drainsInProgress,
      clusterTotals: withUpcomingNodes(staying, upcoming),
    });
    const removed = plan.removable.map((r) => ({ node: r.node, unneededForSeconds: nowSeconds - (this.unneededSince.get(r.node) ?? nowSeconds) }));
    this.unneededSince = plan.unneededSince;
    this.unremovableUntil = plan.unremovableUntil;
    this.removalHints = plan.hints;
    for (const r of plan.removable) this.removeNode(r.node, r.empty);
    // static_autoscaler.go: lastScaleDownDeleteTime is the loop that started deletions, not when a node is gone
    // (a drain may take the pods' whole grace period).
    if (plan.removable.length > 0) this.lastDeleteSeconds = nowSeconds;
    // static_autoscaler.go: a scale-down outside its cooldown that deleted no node updates the soft taints.
    else if (!plan.inCooldown) this.updateSoftTaints(nodes, inSnapshot, groups, plan.unneededSince);
    const unneeded = [...plan.unneededSince].map(([n, t]) => `${n} for ${Math.round(nowSeconds - t)}s`).join(', ');
    const held = plan.notRemovable.filter((n) => HELD_BACK.has(n.reason)).map((n) => `${n.node} (${n.reason})`).join(', ');
    const scaleDownDetail = [
      plan.removable.length > 0 ? `removing ${plan.removable.map((r) => `${r.node}${r.empty ? '' : ' (drain)'}`).join(', ')}` : '',
      unneeded ? `unneeded: ${unneeded}` : '',
      held ? `held: ${held}` : '',
    ]
      .filter((part) => part !== '')
      .join('; ');
    const scaleDownReason = plan.inCooldown ? `ScaleDownInCooldown (${plan.cooldownReason ?? ''})` : plan.reason;
    const action = plan.removable.length > 0 ? 'scale-down' : 'no-op';
    const groupsActed = plan.removable.map((r) => r.group).join(',');
    if (noScaleUp === undefined) {
      this.record(nowSeconds, action, groupsActed, before, 0, scaleDownReason, removed, scaleDownDetail);
    } else if (plan.removable.length === 0) {
      // Nothing happened: the scale-up's reason stays the loop's reason; the scale-down's goes to the detail.
      this.record(nowSeconds, action, '', before, pending.length, noScaleUp.reason, [], [...noScaleUp.notes, `scale-down: ${scaleDownReason}`, scaleDownDetail].filter((d) => d !== '').join('; '));
    } else {
      const why = [noScaleUp.reason, ...noScaleUp.notes].join('; ');
      this.record(nowSeconds, action, groupsActed, before, pending.length, scaleDownReason, removed, `no scale-up for ${pending.length} pending pod(s): ${why}; ${scaleDownDetail}`);
    }
  }

  /**
   * UpdateSoftDeletionTaints (scale-down/soft-taints.ts) over the autoscaled nodes of the snapshot:
   * the unneeded ones get DeletionCandidateOfClusterAutoscaler:PreferNoSchedule, the others lose it,
   * within --max-bulk-soft-taint-count a loop. The taint carries no value (upstream's is the time).
   */
  private updateSoftTaints(nodes: readonly CaNode[], simNodes: readonly SimNode[], groups: readonly NodeGroup[], unneeded: ReadonlyMap<string, number>): void {
    const budget = this.config.maxBulkSoftTaintCount;
    if (budget <= 0 || (unneeded.size === 0 && this.softTainted === 0)) return;
    const autoscaledGroups = new Set(groups.map((g) => g.name));
    // `nodes` are the loop's view of `simNodes`, in the same order.
    const byName = new Map<string, { view: SoftTaintNode; node: SimNode }>();
    const needed: SoftTaintNode[] = [];
    nodes.forEach((n, i) => {
      if (!autoscaledGroups.has(n.group)) return;
      const view = { name: n.name, softTainted: n.taints.some((t) => t.key === DELETION_CANDIDATE_TAINT.key), beingDeleted: n.beingDeleted === true };
      byName.set(n.name, { view, node: simNodes[i]! });
      if (!unneeded.has(n.name)) needed.push(view);
    });
    const unneededNodes = [...unneeded.keys()].flatMap((name) => byName.get(name)?.view ?? []);
    const updates = softTaintUpdates(unneededNodes, needed, budget);
    for (const name of updates.clean) this.deps.cluster.setTaint(byName.get(name)!.node, DELETION_CANDIDATE_TAINT, false);
    for (const name of updates.mark) this.deps.cluster.setTaint(byName.get(name)!.node, DELETION_CANDIDATE_TAINT, true);
    // Recounted whenever the nodes are walked (a soft-tainted node may have gone since).
    let tainted = updates.mark.length - updates.clean.length;
    for (const { view } of byName.values()) if (view.softTainted) tainted++;
    this.softTainted = tainted;
  }

  /** The nodes whose drain is in progress (upstream's drained deletions; empty-node deletions are not among them). */
  private drainingNodes(): SimNode[] {
    const draining: SimNode[] = [];
    for (const [node, { drain }] of this.deleting) if (drain) draining.push(node);
    return draining;
  }

  /** `nodes`' positions by name: the last loop's index while the snapshot holds the same nodes in the same order. */
  private snapshotIndexOf(nodes: SimNode[]): ReadonlyMap<string, number> {
    const kept = this.snapshotIndex;
    if (kept !== undefined && kept.nodes.length === nodes.length && kept.nodes.every((n, i) => n === nodes[i])) return kept.byName;
    const byName = nodeIndexByName(nodes);
    this.snapshotIndex = { nodes, byName };
    return byName;
  }

  /** Taint now; the deletion (and the drain of a node that needs one) follows in node-deletion.ts. */
  private removeNode(name: string, empty: boolean): void {
    const { cluster, sim } = this.deps;
    const node = cluster.nodes.find((n) => n.name === name);
    const group = this.deps.groups.find((g) => g.spec === node?.pool);
    if (node === undefined || group === undefined || this.deleting.has(node)) return;
    this.deleting.set(node, { group, drain: !empty });
    cluster.setTaint(node, TO_BE_DELETED_TAINT, true);
    startNodeDeletion({
      sim,
      cluster,
      group,
      node,
      empty,
      maxGracefulTerminationSeconds: this.config.maxGracefulTerminationSeconds,
      expendablePodsPriorityCutoff: this.config.expendablePodsPriorityCutoff,
      pdbs: this.deps.pdbs,
      drainRules: { skipNodesWithSystemPods: this.config.skipNodesWithSystemPods, skipNodesWithLocalStorage: this.config.skipNodesWithLocalStorage },
      view: (pod) => caPod(pod, this.deps.ownerKind),
      done: (outcome) => {
        // Deleted, gone another way meanwhile (a spot interruption), or kept (not drainable after the
        // delay, or a failed drain): no longer a deletion in progress either way.
        this.deleting.delete(node);
        if (outcome === 'deleted') this.counts.nodesRemoved++;
      },
    });
  }

  private record(
    nowSeconds: number,
    action: string,
    group: string,
    before: number,
    unschedulablePods: number,
    reason: string,
    removedNodes: { node: string; unneededForSeconds: number }[],
    detail: string,
  ): void {
    const after = this.autoscaled.reduce((n, g) => n + g.targetSize, 0);
    this.deps.observer.caDecision?.({
      timeSeconds: nowSeconds,
      action,
      group,
      nodesBefore: before,
      nodesAfter: after,
      unschedulablePods,
      reason,
      detail: this.loopNote === '' ? detail : detail === '' ? this.loopNote : `${this.loopNote}; ${detail}`,
      removedNodes,
      ...(this.lastScaleUpSeconds !== undefined ? { lastScaleUpSeconds: this.lastScaleUpSeconds } : {}),
    });
  }
}

/** Creation times of the pending pods and of the pods on draining nodes (for the young-pod rules). */
function createdSeconds(pending: readonly SimPod[], draining: readonly SimNode[]): Map<string, number> {
  const created = new Map(pending.map((p) => [p.name, p.createdSeconds]));
  for (const node of draining) for (const p of node.pods) created.set(p.name, p.createdSeconds);
  return created;
}

/** `nodes` with the pods the scale-up's snapshot placed on them (ScaleUpPlan.placedOnNodes) added, as scale-down's snapshot holds them. */
function withPlacedPods(nodes: readonly CaNode[], placed: ReadonlyMap<string, readonly CaPod[]> | undefined): readonly CaNode[] {
  if (placed === undefined || placed.size === 0) return nodes;
  return nodes.map((n) => {
    const extra = placed.get(n.name);
    return extra === undefined ? n : { ...n, pods: [...n.pods, ...extra] };
  });
}

/** The pending pod's status.nominatedNodeName, when a preemption set one (a fresh CaPod: kept ones are never changed). */
function withNomination(pod: CaPod, nominated: SimNode | undefined): CaPod {
  return nominated === undefined ? pod : { ...pod, nominatedNodeName: nominated.name };
}
