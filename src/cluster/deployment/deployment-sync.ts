/**
 * One sync of the deployment controller over a Deployment's ReplicaSets
 * (pkg/controller/deployment/deployment_controller.go syncDeployment): a scaling event (spec.replicas
 * changed since the sets were sized) resizes the sets (proportional-scale.ts) and ends the sync;
 * otherwise the strategy takes a step. RollingUpdate creates the new set when the template has none
 * (sized by NewRSNewReplicas, sync.go getNewReplicaSet) and takes one rolling step
 * (rolling-update.ts). Recreate (recreate.go rolloutRecreate) scales every old set to 0, waits
 * until no old pod is left that has not finished (terminating ones included), then creates the new
 * set at full size. Pure: works on copies of the views and says what changed.
 */
import { activeReplicaSets, replicasAnnotations, scaleReplicaSetAndRecordEvent, type DeploymentView, type ReplicaSetScaling, type ReplicaSetView } from './replica-sets.js';
import { newReplicaSetReplicas, rollingUpdateStep } from './rolling-update.js';
import { isScalingEvent, scaleForReplicas } from './proportional-scale.js';

export interface DeploymentSyncInput {
  deployment: DeploymentView;
  /** The sets whose template is not the Deployment's. */
  oldSets: readonly ReplicaSetView[];
  /** The set of the Deployment's template, if it exists yet. */
  newSet: ReplicaSetView | undefined;
  /** Name and creation time for the new set, should this sync create it. */
  newSetName: string;
  nowSeconds: number;
  /**
   * Recreate (oldPodsRunning): some pod of an old set exists that has not Succeeded or Failed
   * (terminating ones included), which also covers the old sets' status.replicas.
   */
  oldPodsRunning: boolean;
}

export interface DeploymentSyncResult {
  /** The sets after the sync, old ones then the new one (when it exists). */
  oldSets: ReplicaSetView[];
  newSet: ReplicaSetView | undefined;
  /** The new set was created in this sync. */
  createdNewSet: boolean;
  /** ScalingReplicaSet events, in order. */
  events: ReplicaSetScaling[];
  /** Which path the sync took. */
  path: 'scale' | 'rollingUpdate' | 'recreate';
}

/** getNewReplicaSet's create: spec.replicas from NewRSNewReplicas, the replica annotations set. */
function createNewSet(input: DeploymentSyncInput, oldSets: readonly ReplicaSetView[], events: ReplicaSetScaling[]): ReplicaSetView {
  const d = input.deployment;
  const fresh: ReplicaSetView = { name: input.newSetName, createdSeconds: input.nowSeconds, replicas: 0, availableReplicas: 0, desiredReplicas: undefined, maxReplicas: undefined };
  fresh.replicas = newReplicaSetReplicas(d, [...oldSets, fresh], fresh);
  Object.assign(fresh, replicasAnnotations(d));
  if (fresh.replicas > 0) events.push({ replicaSet: fresh.name, fromReplicas: 0, toReplicas: fresh.replicas, message: `Scaled up replica set ${fresh.name} from 0 to ${fresh.replicas}` });
  return fresh;
}

export function syncDeployment(input: DeploymentSyncInput): DeploymentSyncResult {
  const d = input.deployment;
  const oldSets = input.oldSets.map((rs) => ({ ...rs }));
  let newSet = input.newSet === undefined ? undefined : { ...input.newSet };
  const events: ReplicaSetScaling[] = [];
  if (isScalingEvent(d, [...oldSets, newSet])) {
    scaleForReplicas(d, newSet, oldSets, events);
    return { oldSets, newSet, createdNewSet: false, events, path: 'scale' };
  }
  if (d.strategy.type === 'Recreate') {
    let scaledDown = false;
    for (const rs of activeReplicaSets(oldSets)) scaledDown = scaleReplicaSetAndRecordEvent(rs, 0, d, events) || scaledDown;
    let created = false;
    if (!scaledDown && !input.oldPodsRunning) {
      if (newSet === undefined) {
        newSet = createNewSet(input, oldSets, events);
        created = true;
      }
      scaleReplicaSetAndRecordEvent(newSet, d.replicas, d, events);
    }
    return { oldSets, newSet, createdNewSet: created, events, path: 'recreate' };
  }
  const created = newSet === undefined;
  const current = newSet ?? createNewSet(input, oldSets, events);
  rollingUpdateStep(d, oldSets, current, events);
  return { oldSets, newSet: current, createdNewSet: created, events, path: 'rollingUpdate' };
}
