/**
 * The cluster-autoscaler's scale-up requests (clusterstate/clusterstate.go ScaleUpRequest,
 * registerOrUpdateScaleUpNoLock, updateScaleRequests): one request per node group. A scale-up
 * creates it, or adds to its Increase and moves its Time and ExpectedAddTime (Time +
 * --max-node-provision-time) to now, so a group scaled up again gets a fresh deadline for all its
 * nodes. At the start of every loop (UpdateNodes), a group with no upcoming node left (target size
 * no larger than its registered nodes less the NotStarted ones, getProvisionedAndTargetSizesForNodeGroup)
 * has finished: the request goes and the group's backoff is removed (RemoveBackoff). A group whose
 * ExpectedAddTime is strictly before now with nodes still upcoming has timed out (ScaleUpTimedOut):
 * the request goes and the group is backed off (registerFailedScaleUpNoLock). A node that registered
 * and is not Ready yet (NotStarted, younger than MaxNodeStartupTime) is still upcoming, so a scale-up
 * whose nodes register and never become Ready times out too. Instances whose launch failed shrink
 * the request (registerOrUpdateScaleUpNoLock with a negative delta, from handleInstanceCreationErrors):
 * it goes once nothing is left of it, and its Time and ExpectedAddTime stay. Pure.
 */

export interface ScaleUpRequest {
  /** ScaleUpRequest.Time: the last scale-up of the group. */
  readonly timeSeconds: number;
  /** ExpectedAddTime: Time + max-node-provision-time. */
  readonly expectedAddSeconds: number;
  /** Increase: nodes asked for since the request was created. */
  readonly increase: number;
}

/** registerOrUpdateScaleUpNoLock for a positive `delta`: the group's request after a scale-up at `nowSeconds`. */
export function registerScaleUp(previous: ScaleUpRequest | undefined, delta: number, nowSeconds: number, maxNodeProvisionTimeSeconds: number): ScaleUpRequest {
  return { timeSeconds: nowSeconds, expectedAddSeconds: nowSeconds + maxNodeProvisionTimeSeconds, increase: (previous?.increase ?? 0) + delta };
}

/** registerOrUpdateScaleUpNoLock for a negative delta: `failed` of the request's nodes failed to launch; undefined = the request goes (no scale-up intent left, or none there was). */
export function shrinkScaleUp(previous: ScaleUpRequest | undefined, failed: number): ScaleUpRequest | undefined {
  if (previous === undefined || previous.increase - failed <= 0) return undefined;
  return { ...previous, increase: previous.increase - failed };
}

export interface TimedOutRequest {
  group: string;
  /** now − Time: how long since the group's last scale-up ("Scale-up timed out for node group g after 15m5s"). */
  afterSeconds: number;
}

export interface ScaleRequestsUpdate {
  /** The requests still open. */
  requests: Map<string, ScaleUpRequest>;
  /** Groups whose scale-up finished (their backoff is removed). */
  finished: string[];
  /** Groups whose scale-up timed out (backed off). */
  timedOut: TimedOutRequest[];
}

/**
 * updateScaleRequests: `upcomingNodes(group)` is target − (registered − NotStarted), the requested
 * nodes not registered yet plus the NotStarted ones.
 */
export function updateScaleRequests(requests: ReadonlyMap<string, ScaleUpRequest>, upcomingNodes: (group: string) => number, nowSeconds: number): ScaleRequestsUpdate {
  const result: ScaleRequestsUpdate = { requests: new Map(), finished: [], timedOut: [] };
  for (const [group, request] of requests) {
    if (upcomingNodes(group) <= 0) result.finished.push(group);
    else if (request.expectedAddSeconds < nowSeconds) result.timedOut.push({ group, afterSeconds: nowSeconds - request.timeSeconds });
    else result.requests.set(group, request);
  }
  return result;
}
