/**
 * Translations of the fixture helpers kubernetes/kubernetes' deployment controller tests build
 * their objects with, into the simulator's views:
 * - pkg/controller/deployment/deployment_controller_test.go `newDeployment(name, replicas,
 *   revisionHistoryLimit, maxSurge, maxUnavailable, selector)`: a RollingUpdate Deployment whose
 *   maxSurge and maxUnavailable default to intstr.FromInt32(0) when nil, status left at its zero
 *   value (status.replicas 0);
 * - `rs(name, replicas, selector, timestamp)`: a ReplicaSet with spec.replicas, the creation
 *   timestamp, no annotations and a zero status (status.availableReplicas 0);
 * - pkg/controller/deployment/util/deployment_util_test.go `generateDeployment` / `generateRS`:
 *   spec.replicas 1, no strategy fields beyond what each test sets.
 * Names and selectors the views have no room for are dropped; nothing else is.
 */
import type { DeploymentView, ReplicaSetView } from '../../../src/cluster/deployment/replica-sets.js';
import type { DeploymentStrategy, IntOrPercent } from '../../../src/cluster/deployment/strategy.js';

/** intstr.FromInt32(n). */
export function int(value: number): IntOrPercent {
  return { kind: 'int', value };
}

/** intstr.FromString("n%"). */
export function pct(value: number): IntOrPercent {
  return { kind: 'percent', value };
}

/** A RollingUpdate strategy; an absent field is FromInt32(0), as newDeployment leaves it. */
export function rolling(maxSurge?: IntOrPercent, maxUnavailable?: IntOrPercent): DeploymentStrategy {
  return { type: 'RollingUpdate', maxSurge: maxSurge ?? int(0), maxUnavailable: maxUnavailable ?? int(0) };
}

/** deployment_controller_test.go newDeployment: RollingUpdate, maxSurge/maxUnavailable FromInt32(0) unless given, status zero. */
export function newDeployment(replicas: number, maxSurge?: IntOrPercent, maxUnavailable?: IntOrPercent): DeploymentView {
  return { replicas, strategy: rolling(maxSurge, maxUnavailable), statusReplicas: 0 };
}

/** deployment_controller_test.go rs(name, replicas, selector, timestamp): no annotations, zero status. */
export function rs(name: string, replicas: number, createdSeconds = 0): ReplicaSetView {
  return { name, createdSeconds, replicas, availableReplicas: 0, desiredReplicas: undefined, maxReplicas: undefined };
}

/** A deep enough copy of a view (all its fields are primitives). */
export function copyOf(set: ReplicaSetView): ReplicaSetView {
  return { ...set };
}
