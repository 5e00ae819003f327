/**
 * A Deployment's status and its Progressing condition, as the deployment controller keeps them
 * (pkg/controller/deployment/sync.go calculateStatus, syncRolloutStatus; progress.go
 * requeueStuckDeployment; util DeploymentComplete, DeploymentProgressing, DeploymentTimedOut).
 * The condition's lastUpdateTime moves when the new ReplicaSet is created and whenever the rollout
 * progresses (more updated, ready or available pods, fewer old ones); a rollout that has not
 * progressed for progressDeadlineSeconds (strictly after, in the API's whole seconds) is marked
 * ProgressDeadlineExceeded, which is all it does: the controller goes on rolling. Pure.
 */

/** The work queue's first rate-limited retry (workqueue.DefaultControllerRateLimiter: 5 ms). */
const RATE_LIMITED_RETRY_SECONDS = 0.005;

/** status.replicas, updatedReplicas, readyReplicas, availableReplicas. */
export interface DeploymentStatus {
  /** Active pods of every ReplicaSet. */
  replicas: number;
  /** Active pods of the new ReplicaSet. */
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
}

type ProgressingReason = 'NewReplicaSetCreated' | 'ReplicaSetUpdated' | 'NewReplicaSetAvailable' | 'ProgressDeadlineExceeded';

/** The Progressing condition: its reason and lastUpdateTime (seconds). */
export interface ProgressingCondition {
  reason: ProgressingReason;
  lastUpdateSeconds: number;
}

/** DeploymentComplete: every pod of spec.replicas is updated and available, and no old pod is left active. */
export function deploymentComplete(specReplicas: number, s: DeploymentStatus): boolean {
  return s.updatedReplicas === specReplicas && s.replicas === specReplicas && s.availableReplicas === specReplicas;
}

/** DeploymentProgressing: more updated, ready or available pods than before, or fewer old ones. */
function deploymentProgressing(before: DeploymentStatus, after: DeploymentStatus): boolean {
  return (
    after.updatedReplicas > before.updatedReplicas ||
    after.replicas - after.updatedReplicas < before.replicas - before.updatedReplicas ||
    after.readyReplicas > before.readyReplicas ||
    after.availableReplicas > before.availableReplicas
  );
}

/** DeploymentTimedOut: no progress since lastUpdateTime + progressDeadlineSeconds (whole seconds, strictly before now). */
function deploymentTimedOut(condition: ProgressingCondition | undefined, progressDeadlineSeconds: number, nowSeconds: number): boolean {
  if (condition === undefined || condition.reason === 'NewReplicaSetAvailable') return false;
  if (condition.reason === 'ProgressDeadlineExceeded') return true;
  return Math.floor(condition.lastUpdateSeconds) + progressDeadlineSeconds < nowSeconds;
}

/**
 * syncRolloutStatus's Progressing condition after a rollout sync: complete, progressing (a new
 * lastUpdateTime), timed out, or as it was. `before` is the status the last sync wrote.
 */
export function nextProgressing(
  condition: ProgressingCondition | undefined,
  before: DeploymentStatus,
  after: DeploymentStatus,
  specReplicas: number,
  progressDeadlineSeconds: number,
  nowSeconds: number,
): ProgressingCondition | undefined {
  const complete = after.replicas === after.updatedReplicas && condition?.reason === 'NewReplicaSetAvailable';
  if (complete) return condition;
  if (deploymentComplete(specReplicas, after)) return condition?.reason === 'NewReplicaSetAvailable' ? condition : { reason: 'NewReplicaSetAvailable', lastUpdateSeconds: nowSeconds };
  if (deploymentProgressing(before, after)) return { reason: 'ReplicaSetUpdated', lastUpdateSeconds: nowSeconds };
  if (deploymentTimedOut(condition, progressDeadlineSeconds, nowSeconds)) {
    return condition?.reason === 'ProgressDeadlineExceeded' ? condition : { reason: 'ProgressDeadlineExceeded', lastUpdateSeconds: nowSeconds };
  }
  return condition;
}

/**
 * requeueStuckDeployment: when the controller looks again at a rollout in progress, seconds from
 * now: lastUpdateTime + deadline − now, plus a second against clock skew. Under a second upstream
 * requeues through the work queue's rate limiter (5 ms, doubling) until the deadline has passed;
 * here the look is 5 ms after the deadline. undefined when there is nothing to wait for
 * (complete, timed out, no condition).
 */
export function progressCheckAfterSeconds(condition: ProgressingCondition | undefined, specReplicas: number, status: DeploymentStatus, progressDeadlineSeconds: number, nowSeconds: number): number | undefined {
  if (condition === undefined || deploymentComplete(specReplicas, status) || condition.reason === 'ProgressDeadlineExceeded') return undefined;
  // A rollout that completed (NewReplicaSetAvailable) and is scaling up now: upstream requeues it
  // through the rate limiter (every 5 ms after the first 10 min, 10 a second past the bucket's 100)
  // until the new pods are available, and those syncs change nothing (DeploymentTimedOut is false
  // for a complete rollout), so none is simulated.
  if (condition.reason === 'NewReplicaSetAvailable') return undefined;
  const after = Math.floor(condition.lastUpdateSeconds) + progressDeadlineSeconds - nowSeconds;
  return after < 1 ? Math.max(after, 0) + RATE_LIMITED_RETRY_SECONDS : after + 1;
}
