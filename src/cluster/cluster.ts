/**
 * The single mutable world of nodes and pods, and the pod lifecycle driven by the simulation clock:
 * create → schedule (bind or stay Unschedulable) → containers start (Running) → Ready, and delete →
 * terminate. Listeners (cluster-listener.ts) hear of every change in a pod's usage state; they keep
 * their own counts, so they settle their integrals with the counts from before the change. Each
 * owner's pods, status.replicas and restarts are kept in owner-pods.ts, a pod's share of its node
 * in node-accounting.ts, each node's health in node-health.ts, the evictions NoExecute taints call
 * for in taint-manager.ts, what the scheduler's plugins count of the pods (topology spread,
 * InterPodAffinity, priorities) in plugin-counts.ts, and the pods no node fits, with their retries,
 * in unschedulable-queue.ts; pods are charged to and released from the run's ResourceQuotas
 * (quota-ledger.ts) as they are created and gone, or held Terminating. Each step is applied and
 * announced by pod-transition.ts. A node's cloud instance ends (instanceGone) before its Node
 * object is deleted (removeNode), and its pods outlive both (src/cloud/node-teardown.ts).
 */
import { Phase } from '../core/phases.js';
import type { RandomStream, Rng } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import type { NodePoolSpec, PodTemplateSpec, StartupDelays, Taint } from '../scenario/types.js';
import { newNode, pendingPod, type PodOwner, type PodRequests, type SimNode, type SimPod } from './model.js';
import type { ClusterListener } from './cluster-listener.js';
import { countForSpreading, countPodOnNode } from './node-accounting.js';
import { NODE_CONDITION_TAINTS, NODE_NOT_READY_TAINT, NODE_UNREACHABLE_TAINT, NodeHealth } from './node-health.js';
import { applyTaint } from './node-taints.js';
import { OwnerPods } from './owner-pods.js';
import { transitionPod } from './pod-transition.js';
import { PluginCounts } from './plugin-counts.js';
import type { QuotaLedger } from './quota-ledger.js';
import type { ScoringStrategy } from './scheduling-score.js';
import { planStartup, planVirtualBindToStart } from './startup-timeline.js';
import type { SpreadGroup } from './topology-spread-counts.js';
import { Scheduler } from './scheduler.js';
import { UnschedulableQueue } from './unschedulable-queue.js';
import { reportCycleFailure, reportFailureAlike } from './cycle-failure.js';
import { TaintManager } from './taint-manager.js';

export { NODE_UNREACHABLE_NO_EXECUTE_TAINT, NODE_UNREACHABLE_TAINT } from './node-health.js';

export class Cluster {
  readonly nodes: SimNode[] = [];
  /** Each owner's pods, their active count and restarts. */
  private readonly owners = new OwnerPods();
  /** Pods no node fits, and their retries when a node relaxes. */
  private readonly unschedulable: UnschedulableQueue;
  private serial = 0;
  private readonly startupRandom: RandomStream;
  /** kube-scheduler: its cycles, its nominations (status.nominatedNodeName) and the PDBs its preemption reads. */
  readonly scheduler: Scheduler;
  private readonly listeners: ClusterListener[] = [];
  /** Whether each node's kubelet runs (node failures, the container restarter) and since when it is NotReady (setNodeReady). */
  readonly health = new NodeHealth();
  private readonly taintManager: TaintManager;
  /** What the scheduler's plugins count of the pods: spread selectors, InterPodAffinity, priorities. */
  private readonly counts: PluginCounts;
  /** The ResourceQuotas pod creates pass (controllers ask it first); unset when the run has none. */
  quotas: QuotaLedger | undefined;
  /** Every failed cycle's FailedScheduling is kept (decisions.csv): retries run the cycles that only report (unschedulable-queue.ts). */
  reportsEveryFailure = false;

  constructor(private readonly sim: Simulation, rng: Rng, private readonly delays: StartupDelays, scoring: ScoringStrategy) {
    this.startupRandom = rng.stream('startup');
    this.taintManager = new TaintManager(sim, this);
    this.scheduler = new Scheduler(scoring, rng.stream('scheduler'));
    this.unschedulable = new UnschedulableQueue(sim, (pod, schedule, failedAlike) => {
      // Drawn for every waiting pod, bound or not: the startup stream's draws stay in step.
      const timeline = planStartup(pod.template, this.delays, this.startupRandom);
      if (schedule) return this.tryBind(pod, timeline.bindToContainerStartSeconds, timeline.containerStartToReadySeconds);
      reportFailureAlike(this.listeners, pod, failedAlike);
      return false;
    }, () => this.reportsEveryFailure);
    this.counts = new PluginCounts(this.owners, this.unschedulable);
  }

  addListener(listener: ClusterListener): void {
    this.listeners.push(listener);
  }

  addNode(pool: NodePoolSpec, index: number): SimNode {
    const node = newNode(pool, index, this.sim.nowSeconds);
    this.nodes.push(node);
    for (const l of this.listeners) l.nodeAdded?.(node);
    this.unschedulable.relaxed(node);
    return node;
  }

  /**
   * The node's cloud instance is gone (node-teardown.ts stops its kubelet): its capacity ends for
   * the listeners; the Node object stays, with its pods, until removeNode.
   */
  instanceGone(node: SimNode): void {
    if (node.instanceGoneSeconds !== undefined || node.removed) return;
    node.instanceGoneSeconds = this.sim.nowSeconds;
    for (const l of this.listeners) l.nodeTerminated?.(node);
  }

  /**
   * Deletes the Node object. Pods still bound to it stay in the API until the pod GC deletes them
   * (pod-gc.ts); the scheduler's cache drops them with the node (its snapshot lists only nodes).
   */
  removeNode(node: SimNode): void {
    if (node.removed) return;
    for (const pod of node.pods) this.leaveNodeInfo(pod, node);
    node.removed = true;
    this.health.removed(node);
    const i = this.nodes.indexOf(node);
    if (i >= 0) this.nodes.splice(i, 1);
    // Its topology domain may be gone: the smallest domain count can rise.
    this.unschedulable.spreadChanged();
    for (const l of this.listeners) l.nodeRemoved?.(node);
  }

  /** Adds (on) or removes (off) a taint, and lets the waiting pods try again where it matters (node-taints.ts). */
  setTaint(node: SimNode, taint: Taint, on: boolean): void {
    const change = applyTaint(node, taint, on);
    if (change.relaxes) this.unschedulable.relaxed(node);
    if (change.movesSpread) this.unschedulable.spreadChanged();
    if (change.changed && taint.effect === 'NoExecute') this.taintManager.noExecuteTaintsChanged(node);
  }

  /** Pods bound to `node` (not yet gone). */
  podsOn(node: SimNode): SimPod[] {
    return [...node.pods];
  }

  /** Pending pods no node fits (PodScheduled=False/Unschedulable), in creation order. */
  unschedulablePods(): readonly SimPod[] {
    return this.unschedulable.pods;
  }

  /** `owner`'s pods in creation order (removed pods are dropped). */
  pods(owner: PodOwner): SimPod[] {
    return this.owners.list(owner);
  }

  /** status.replicas of `owner`: its pods that are not terminating and not finished (isActive). */
  activePods(owner: PodOwner): number {
    return this.owners.activeCount(owner);
  }

  /** `owner`'s pods Running with Ready=True, terminating ones included: the HPA's getReadyPodsCount (Object and External Value metrics). */
  runningReadyPods(owner: PodOwner): number {
    return this.owners.runningReadyCount(owner);
  }

  /** Moves on at every change to `owner`'s pods: listed, bound, any transition, unlisted (OwnerPods.version). */
  ownerPodsVersion(owner: PodOwner): number {
    return this.owners.version(owner);
  }

  /** Container restarts per owner index (Σ status restartCount, pods gone included). */
  get restartsByOwner(): readonly number[] {
    return this.owners.restarts;
  }

  get unschedulableCount(): number {
    return this.unschedulable.pods.length;
  }

  /**
   * Creates a Pending pod and schedules its first scheduling attempt. `spread`: the pods the system
   * default topology spread constraints count for it (its workload's; none for a Job's pod).
   */
  createPod(owner: PodOwner, template: PodTemplateSpec, requests: PodRequests, name: string, spread?: SpreadGroup): SimPod {
    const pod = this.newPod(owner, template, requests, name, spread);
    this.quotas?.charge(owner.namespace, template);
    this.owners.add(pod);
    const timeline = planStartup(template, this.delays, this.startupRandom);
    this.sim.scheduleAfter(timeline.schedulingSeconds, Phase.SCHEDULE, 'scheduler', () => {
      if (pod.deletionSeconds !== undefined) return;
      if (!this.tryBind(pod, timeline.bindToContainerStartSeconds, timeline.containerStartToReadySeconds)) this.unschedulable.add(pod);
    });
    return pod;
  }

  private newPod(owner: PodOwner, template: PodTemplateSpec, requests: PodRequests, name: string, spread: SpreadGroup | undefined): SimPod {
    const spreadSource = this.counts.sourceFor(owner, template, this.nodes);
    return pendingPod({ name, owner, template, requests, serial: this.serial++, createdSeconds: this.sim.nowSeconds, spread, spreadSource });
  }

  private bindTo(pod: SimPod, node: SimNode): void {
    countPodOnNode(pod, node, 1);
    node.pods.push(pod);
    node.podsVersion++;
    pod.node = node;
    this.unschedulable.bound(pod);
    this.scheduler.forget(pod);
    pod.boundSeconds = this.sim.nowSeconds;
    pod.startTimeSeconds = this.sim.nowSeconds;
    // The kubelet's first status update after admission (status.startTime) carries Ready=False
    // (ContainersNotReady): lastTransitionTime is the start time, so a pod whose image pull outlasts the 30 s
    // initial readiness delay is still "never Ready" to the HPA after the CPU initialization period (groupPods).
    pod.readyConditionSeconds ??= this.sim.nowSeconds;
    this.owners.touched(pod);
    this.counts.bound(pod, node);
    // The taint manager hears of the bind (a node pool's NoExecute taints, a NotReady node's).
    this.taintManager.podBound(pod, node);
  }

  /**
   * Warm start: binds a pod that has been Running and Ready since `sinceSeconds` (< now), if a
   * node fits it, and tells the listeners (podChanged) as a bind does; otherwise returns undefined
   * and the caller creates it the normal way.
   */
  createRunningPod(owner: PodOwner, template: PodTemplateSpec, requests: PodRequests, name: string, sinceSeconds: number, spread?: SpreadGroup): SimPod | undefined {
    const pod = this.newPod(owner, template, requests, name, spread);
    const placement = this.scheduler.place(pod, this.nodes, this.counts.affinity);
    if (placement.node === undefined) return undefined;
    this.quotas?.charge(owner.namespace, template);
    this.bindTo(pod, placement.node);
    pod.createdSeconds = sinceSeconds;
    pod.boundSeconds = sinceSeconds;
    pod.startTimeSeconds = sinceSeconds;
    pod.containerStartSeconds = sinceSeconds;
    pod.phase = 'Running';
    pod.ready = true;
    pod.readyConditionSeconds = sinceSeconds;
    this.owners.add(pod);
    // Listeners hear of it as of a bind (billing counts the pod from t = 0); its usage state is
    // seeded by the caller (WorkloadRuntime.seedPod), so no usageStateChanging is sent.
    for (const l of this.listeners) l.podChanged?.(pod);
    return pod;
  }

  /** Phase Succeeded or Failed, and the pod is gone: a Job's pod whose containers exited, or an orphan the pod GC fails and deletes (pod-gc.ts). */
  finishPod(pod: SimPod, phase: 'Succeeded' | 'Failed'): void {
    if (pod.removed) return;
    this.transition(pod, () => {
      pod.phase = phase;
      pod.ready = false;
    });
    this.removePod(pod);
  }

  /** Marks the pod deleted (deletion time and grace); it stops serving at once and frees its node after termination. */
  deletePod(pod: SimPod, terminationGracePeriodSeconds: number): void {
    if (pod.deletionSeconds !== undefined) return;
    this.transition(pod, () => {
      pod.deletionSeconds = this.sim.nowSeconds;
      pod.deletionGracePeriodSeconds = pod.node === undefined ? 0 : terminationGracePeriodSeconds;
    });
    // A terminating pod no longer counts for topology spreading (countPodsMatchSelector); one on a deleted Node left the counts with it.
    if (pod.node !== undefined && !pod.removed && !pod.node.removed) {
      countForSpreading(pod, pod.node, -1);
      this.counts.terminating(pod);
    }
    if (pod.node === undefined) {
      this.removePod(pod);
      return;
    }
    const delay = Math.min(this.delays.terminationSeconds, terminationGracePeriodSeconds);
    this.sim.scheduleAfter(delay, Phase.LIFECYCLE, 'kubelet', () => {
      if (!this.health.finishTermination(pod.node, terminationGracePeriodSeconds, () => this.removePod(pod))) this.quotas?.terminationHeld(pod);
    });
  }

  private tryBind(pod: SimPod, defaultToStartSeconds: number, toReadySeconds: number): boolean {
    const placement = this.scheduler.place(pod, this.nodes, this.counts.affinity);
    if (placement.node === undefined) {
      // PostFilter (preemption) runs before the failure handler records FailedScheduling (schedule_one.go).
      if (this.counts.prioritiesInUse) this.preempt(pod);
      reportCycleFailure(this.listeners, pod, { numAllNodes: this.nodes.length, filterCounts: placement.filterCounts });
      return false;
    }
    this.bindTo(pod, placement.node);
    const virtual = placement.node.pool.virtual?.startup;
    let toStartSeconds = defaultToStartSeconds;
    if (virtual !== undefined) {
      const plan = planVirtualBindToStart(pod.template, virtual, this.delays, this.startupRandom);
      toStartSeconds = plan.bindToContainerStartSeconds;
      pod.imagePullStartSeconds = this.sim.nowSeconds + plan.sandboxSeconds;
    }
    for (const l of this.listeners) l.podChanged?.(pod);
    this.sim.scheduleAfter(toStartSeconds, Phase.LIFECYCLE, 'kubelet', () => {
      // A kubelet that is down (nodeFailure) starts nothing, even for a pod bound while the API
      // still showed its node Ready; the restarter runs it on recovery.
      if (pod.removed || placement.node.ready === false || !this.health.kubeletRunning(placement.node)) return;
      this.startContainer(pod, toReadySeconds);
    });
    return true;
  }

  /** DefaultPreemption after `pod`'s failed cycle: the victims go with their own grace period (the scheduler's DeletePod sets none). */
  private preempt(pod: SimPod): void {
    const preemption = this.scheduler.postFilter(pod, this.nodes, this.sim.nowSeconds, this.counts.affinity);
    if (preemption === undefined) return;
    for (const l of this.listeners) l.podsPreempted?.(pod, preemption.node, preemption.victims);
    for (const victim of preemption.victims) this.deletePod(victim, victim.template.terminationGracePeriodSeconds);
  }

  /**
   * The kubelet starts (or restarts, in place) the pod's containers: phase Running, status
   * restartCount + 1 when they ran before, Ready=False until the readiness probe passes
   * `toReadySeconds` later (unless the container exits or the pod is deleted first). A pod being
   * deleted still starts (its kubelet may not have seen the deletion yet); callers that restart check.
   */
  startContainer(pod: SimPod, toReadySeconds: number): void {
    if (pod.removed || pod.containerStartSeconds !== undefined) return;
    const now = this.sim.nowSeconds;
    this.transition(pod, () => {
      if (pod.phase === 'Running') {
        pod.restartCount++;
        this.owners.restarted(pod.owner);
      }
      pod.phase = 'Running';
      pod.containerStartSeconds = now;
      // Ready=False since the pod started (bindTo); a restart of a Ready container turns it False now.
      if (pod.ready || pod.readyConditionSeconds === undefined) pod.readyConditionSeconds = now;
      pod.ready = false;
    });
    this.sim.scheduleAfter(toReadySeconds, Phase.LIFECYCLE, 'kubelet', () => {
      if (pod.removed || pod.deletionSeconds !== undefined || pod.containerStartSeconds !== now) return;
      this.setPodReady(pod, true);
    });
  }

  /**
   * The pod's container exited (a crash, or a kill after failed liveness probes): the pod stays
   * bound and Running, Ready=False at once (it leaves the endpoints), no usage until a restart.
   * Returns false when the container was not running.
   */
  stopContainer(pod: SimPod): boolean {
    if (pod.removed || pod.phase !== 'Running' || pod.containerStartSeconds === undefined) return false;
    this.transition(pod, () => {
      pod.containerStartSeconds = undefined;
      if (pod.ready) pod.readyConditionSeconds = this.sim.nowSeconds;
      pod.ready = false;
    });
    return true;
  }

  /**
   * The pod's node lost its kubelet: its containers stop (no usage, no metrics) but nothing reports
   * it, so the API keeps the Ready condition the kubelet last posted until the node lifecycle
   * controller marks the pod (MarkPodsNotReady, via setPodReady). A Ready pod is then an endpoint
   * that answers nothing (isUnreachableEndpoint). Returns false when the container was not running.
   */
  loseContainers(pod: SimPod): boolean {
    if (pod.removed || pod.phase !== 'Running' || pod.containerStartSeconds === undefined) return false;
    this.transition(pod, () => {
      pod.containerStartSeconds = undefined;
    });
    return true;
  }

  /** Sets the pod's Ready condition (a readiness probe result); no-op when unchanged. */
  setPodReady(pod: SimPod, ready: boolean): void {
    if (pod.ready === ready || pod.removed || (ready && (pod.containerStartSeconds === undefined || pod.deletionSeconds !== undefined))) return;
    this.transition(pod, () => {
      pod.ready = ready;
      pod.readyConditionSeconds = this.sim.nowSeconds;
    });
  }

  /**
   * The node's Ready condition as the API shows it. NotReady taints it (TaintNodesByCondition) so no new
   * pod lands there: unreachable:NoSchedule when the condition is Unknown (the kubelet stopped posting),
   * not-ready:NoSchedule when False (src/faults/node-boot-failure.ts); the :NoExecute twin follows a
   * pass later (node-lifecycle.ts, node-boot-failure.ts). Ready again removes them all.
   */
  setNodeReady(node: SimNode, ready: boolean, notReadyCondition: 'Unknown' | 'False' = 'Unknown'): void {
    if (node.ready === ready || node.removed) return;
    node.ready = ready;
    this.health.readyChanged(node, ready, this.sim.nowSeconds);
    if (!ready) this.setTaint(node, notReadyCondition === 'False' ? NODE_NOT_READY_TAINT : NODE_UNREACHABLE_TAINT, true);
    else for (const taint of NODE_CONDITION_TAINTS) this.setTaint(node, taint, false);
    for (const l of this.listeners) l.nodeReadyChanged?.(node);
  }

  private removePod(pod: SimPod): void {
    if (pod.removed) return;
    this.transition(pod, () => {
      pod.removed = true;
      pod.ready = false;
    });
    const node = pod.node;
    if (node !== undefined) {
      // A deleted node's pods left the scheduler's counts with it (removeNode).
      if (!node.removed) this.leaveNodeInfo(pod, node);
      const at = node.pods.indexOf(pod);
      if (at >= 0) node.pods.splice(at, 1);
      node.podsVersion++;
    }
    this.owners.remove(pod);
    this.quotas?.podGone(pod, this.sim.nowSeconds);
    this.unschedulable.remove(pod);
    this.scheduler.forget(pod);
    if (node !== undefined && !node.removed) this.unschedulable.relaxed(node);
  }

  /** The pod leaves its node's NodeInfo: requests, spread and InterPodAffinity counts. */
  private leaveNodeInfo(pod: SimPod, node: SimNode): void {
    countPodOnNode(pod, node, -1);
    this.counts.removed(pod, node);
  }

  /** Applies `mutate` and tells the listeners what changed (pod-transition.ts). */
  private transition(pod: SimPod, mutate: () => void): void {
    transitionPod(pod, mutate, this.owners, this.listeners);
  }
}
