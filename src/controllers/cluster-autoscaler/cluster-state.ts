/**
 * What the cluster-autoscaler keeps about its node groups from loop to loop (clusterstate/
 * clusterstate.go ClusterStateRegistry): the open scale-up requests (scale-up-requests.ts), the
 * backoff after a failed scale-up (node-group-backoff.ts) and each group's health
 * (cluster-health.ts nodeGroupHealth). A thin holder: the rules are in those pure files.
 * - update (UpdateNodes, at the start of every loop): stale backoff data goes; a finished request
 *   goes and removes its group's backoff; a timed-out request goes and backs its group off; then the
 *   requested instances that never registered within --max-node-provision-time are deleted
 *   (static_autoscaler.go removeOldUnregisteredNodes, which backs nothing off itself).
 * - handleCreationErrors (UpdateNodes' handleInstanceCreationErrors): instances whose launch failed
 *   and that the last loop did not see failed shrink their group's open request and back the group
 *   off; a group not scaling up (IsNodeGroupScalingUp: no request open; the failed instances are
 *   themselves upcoming, so its other half, nodes upcoming, holds) is left alone.
 * - notSafeToScaleUp (IsNodeGroupSafeToScaleUp): an unhealthy group first, else a backed-off one.
 */
import { isUnready, nodeGroupHealth } from '../../autoscalers/cluster-autoscaler/cluster-health.js';
import { isBackedOff, isStale, registerFailure, type BackoffEntry } from '../../autoscalers/cluster-autoscaler/node-group-backoff.js';
import { registerScaleUp, shrinkScaleUp, updateScaleRequests, type ScaleUpRequest, type TimedOutRequest } from '../../autoscalers/cluster-autoscaler/scale-up-requests.js';
import type { NotSafeToScaleUp } from '../../autoscalers/cluster-autoscaler/scale-up/options.js';
import type { NodeGroup } from '../../cloud/node-group.js';
import type { SimNode } from '../../cluster/model.js';
import type { NodePoolSpec } from '../../scenario/types.js';

/** A group's registered nodes by readiness (updateReadinessStats), as the loop counted them. */
export interface GroupNodeCounts {
  ready: number;
  unready: number;
  notStarted: number;
}

const NO_NODES: GroupNodeCounts = Object.freeze({ ready: 0, unready: 0, notStarted: 0 });

/** A scale-up that failed at the cloud (the ScaleUpFailed event: "Failed adding n nodes to group g due to error"). */
export interface FailedLaunches {
  group: string;
  nodes: number;
  error: string;
}

export class CaClusterState {
  private requests = new Map<string, ScaleUpRequest>();
  private readonly backoff = new Map<string, BackoffEntry>();
  /** The instances the last loop saw with a creation error (previousCloudProviderNodeInstances). */
  private failedSeen = new Set<string>();

  constructor(private readonly maxNodeProvisionTimeSeconds: number) {}

  /** UpdateNodes' bookkeeping for `groups` (the autoscaled ones) at `nowSeconds`; returns the requests that timed out. */
  update(groups: readonly NodeGroup[], notStartedByGroup: ReadonlyMap<string, number>, nowSeconds: number): TimedOutRequest[] {
    for (const [name, entry] of this.backoff) if (isStale(entry, nowSeconds)) this.backoff.delete(name);
    let timedOut: TimedOutRequest[] = [];
    if (this.requests.size > 0) {
      const upcoming = (name: string): number => (groups.find((g) => g.name === name)?.upcoming.length ?? 0) + (notStartedByGroup.get(name) ?? 0);
      const update = updateScaleRequests(this.requests, upcoming, nowSeconds);
      this.requests = update.requests;
      for (const name of update.finished) this.backoff.delete(name);
      for (const { group } of update.timedOut) this.backoff.set(group, registerFailure(this.backoff.get(group), nowSeconds));
      timedOut = update.timedOut;
    }
    for (const g of groups) g.expireRequests(this.maxNodeProvisionTimeSeconds);
    return timedOut;
  }

  /** handleInstanceCreationErrors at `nowSeconds`: the groups scaling up whose instances newly failed to launch, each backed off. */
  handleCreationErrors(groups: readonly NodeGroup[], nowSeconds: number): FailedLaunches[] {
    const failed: FailedLaunches[] = [];
    const seen = new Set<string>();
    for (const g of groups) {
      let unseen = 0;
      let error = '';
      for (const u of g.upcoming) {
        const creationError = g.creationErrorOf(u);
        if (creationError === undefined) continue;
        seen.add(u.name);
        if (this.failedSeen.has(u.name)) continue;
        unseen++;
        error = creationError;
      }
      // IsNodeGroupScalingUp: only a group with its scale-up request open.
      if (unseen === 0 || !this.requests.has(g.name)) continue;
      const request = shrinkScaleUp(this.requests.get(g.name), unseen);
      if (request === undefined) this.requests.delete(g.name);
      else this.requests.set(g.name, request);
      this.backoff.set(g.name, registerFailure(this.backoff.get(g.name), nowSeconds));
      failed.push({ group: g.name, nodes: unseen, error });
    }
    this.failedSeen = seen;
    return failed;
  }

  /** RegisterScaleUp after IncreaseSize(delta) of `group`. */
  registerScaleUp(group: string, delta: number, nowSeconds: number): void {
    this.requests.set(group, registerScaleUp(this.requests.get(group), delta, nowSeconds, this.maxNodeProvisionTimeSeconds));
  }

  /**
   * The groups scale-up skips (IsNodeGroupReadyToScaleUp) with why: NodeGroupUnhealthy
   * (NotReadyReason) before BackedOff. `counts` are the groups' registered nodes by readiness.
   */
  notSafeToScaleUp(groups: readonly NodeGroup[], counts: ReadonlyMap<string, GroupNodeCounts>, nowSeconds: number): Map<string, NotSafeToScaleUp> {
    const skipped = new Map<string, NotSafeToScaleUp>();
    for (const g of groups) {
      if (!this.isHealthy(g, counts.get(g.name) ?? NO_NODES)) skipped.set(g.name, 'NodeGroupUnhealthy');
      else if (isBackedOff(this.backoff.get(g.name), nowSeconds)) skipped.set(g.name, 'BackedOff');
    }
    return skipped;
  }

  /** IsNodeGroupHealthy from the group's registered nodes by readiness, its instances and its open request. */
  private isHealthy(g: NodeGroup, c: GroupNodeCounts): boolean {
    return nodeGroupHealth({ ...c, unregistered: g.upcoming.length, target: g.targetSize, requestedIncrease: this.requests.get(g.name)?.increase ?? 0 }).healthy;
  }
}

/**
 * The registered nodes of each of `groups` by readiness: `nodes` are the loop's nodes without the
 * NotStarted ones (counted in `notStartedByGroup`), so a group's node there is Ready or Unready.
 * The warm start's nodes (t = 0) were created long before.
 */
export function groupNodeCounts(nodes: readonly SimNode[], notStartedByGroup: ReadonlyMap<string, number>, groups: readonly NodeGroup[], nowSeconds: number): Map<string, GroupNodeCounts> {
  const byPool = new Map<NodePoolSpec, GroupNodeCounts>();
  for (const g of groups) byPool.set(g.spec, { ready: 0, unready: 0, notStarted: notStartedByGroup.get(g.name) ?? 0 });
  for (const n of nodes) {
    const counts = byPool.get(n.pool);
    if (counts === undefined) continue;
    if (n.ready) counts.ready++;
    else if (isUnready(n, nowSeconds, 0)) counts.unready++;
  }
  return new Map(groups.map((g) => [g.name, byPool.get(g.spec)!]));
}
