/**
 * The StatefulSet controller's rolling update, pure (pkg/controller/statefulset
 * stateful_set_control.go updateStatefulSetAfterInvariantEstablished, the path of the
 * MaxUnavailableStatefulSet gate, beta and on since v1.35; stateful_set_utils.go
 * newVersionedStatefulSetPod and completeRollingUpdate; kubectl's statefulSetStatusViewer).
 *
 * A sync reaches the update only when the replicas and condemned passes did not stop it (under
 * OrderedReady: every replica Running, Ready and available). It counts the unavailable replicas
 * (every ordinal, the partition's too), does nothing while more than maxUnavailable are, and
 * otherwise deletes up to maxUnavailable − unavailable pods not at the update revision and not
 * terminating, highest ordinal first, down to the partition; the controller re-creates each at the
 * update revision once it is gone. Under OnDelete nothing is deleted: a pod takes the update
 * revision only when it is made anew.
 */
import { statefulSetMaxUnavailable, type StatefulSetUpdateStrategy } from './update-strategy.js';

/** A replica (ordinal in [0, spec.replicas)) as the update step sees it. */
export interface UpdateCandidate {
  /** Labelled with the update revision. */
  updated: boolean;
  terminating: boolean;
  /** isUnavailable: not available (Ready for minReadySeconds), or terminating. */
  unavailable: boolean;
}

export type UpdateStepReason = 'on-delete' | 'too-many-unavailable' | 'at-max-unavailable' | 'deleting' | 'nothing-to-update';

export interface UpdateStep {
  /** Ordinals to delete for the update, highest first. */
  deleteOrdinals: number[];
  reason: UpdateStepReason;
  maxUnavailable: number;
  unavailable: number;
}

/** Which replicas the update step deletes; `replicas[i]` is the pod at ordinal i. */
export function rollingUpdateStep(strategy: StatefulSetUpdateStrategy, replicas: readonly UpdateCandidate[]): UpdateStep {
  const count = replicas.length;
  if (strategy.type === 'OnDelete') return { deleteOrdinals: [], reason: 'on-delete', maxUnavailable: 0, unavailable: 0 };
  const maxUnavailable = statefulSetMaxUnavailable(strategy.rollingUpdate, count);
  const updateMin = strategy.rollingUpdate?.partition ?? 0;
  let unavailable = 0;
  for (const r of replicas) if (r.unavailable) unavailable++;
  if (unavailable > maxUnavailable) return { deleteOrdinals: [], reason: 'too-many-unavailable', maxUnavailable, unavailable };
  const budget = maxUnavailable - unavailable;
  const deleteOrdinals: number[] = [];
  for (let target = count - 1; target >= updateMin && deleteOrdinals.length < budget; target--) {
    const r = replicas[target]!;
    if (!r.updated && !r.terminating) deleteOrdinals.push(target);
  }
  if (deleteOrdinals.length > 0) return { deleteOrdinals, reason: 'deleting', maxUnavailable, unavailable };
  let pending = false;
  for (let target = count - 1; target >= updateMin; target--) if (!replicas[target]!.updated) pending = true;
  return { deleteOrdinals, reason: pending ? 'at-max-unavailable' : 'nothing-to-update', maxUnavailable, unavailable };
}

/**
 * newVersionedStatefulSetPod: whether a pod made at `ordinal` gets the current revision (else the
 * update revision). Go's precedence reads `A && B || C`: under RollingUpdate without a
 * rollingUpdate, ordinals below the last status's currentReplicas keep the current revision; with
 * one, ordinals below its partition do.
 */
export function createsAtCurrentRevision(strategy: StatefulSetUpdateStrategy, ordinal: number, statusCurrentReplicas: number): boolean {
  if (strategy.type !== 'RollingUpdate') return false;
  const rollingUpdate = strategy.rollingUpdate;
  return rollingUpdate === undefined ? ordinal < statusCurrentReplicas : ordinal < rollingUpdate.partition;
}

/** The counts of StatefulSetStatus a sync computes (computeReplicaStatus over its pods). */
export interface StatefulSetCounts {
  /** Created pods (terminating ones included). */
  replicas: number;
  /** Running and Ready (terminating ones included). */
  readyReplicas: number;
  availableReplicas: number;
  /** Not terminating, at the current revision / at the update revision. */
  currentReplicas: number;
  updatedReplicas: number;
}

/** completeRollingUpdate: under RollingUpdate, every one of spec.replicas updated and Ready: the update revision becomes current. */
export function rollingUpdateComplete(strategy: StatefulSetUpdateStrategy, specReplicas: number, status: StatefulSetCounts): boolean {
  return strategy.type === 'RollingUpdate' && status.updatedReplicas === specReplicas && status.readyReplicas === specReplicas && status.replicas === specReplicas;
}

/**
 * kubectl's statefulSetStatusViewer: done, and what `kubectl rollout status` prints. OnDelete has no
 * rollout status (kubectl refuses: never done here). With a rollingUpdate (the defaulted partition
 * 0 too) it is "partitioned": done once spec.replicas pods are Ready and spec.replicas − partition
 * are updated; without one, once the update revision is the current one.
 */
export function statefulSetRolloutStatus(
  strategy: StatefulSetUpdateStrategy,
  specReplicas: number,
  status: Pick<StatefulSetCounts, 'readyReplicas' | 'updatedReplicas'>,
  revisionsEqual: boolean,
  updateRevision: string,
): { done: boolean; message: string } {
  if (strategy.type !== 'RollingUpdate') return { done: false, message: 'rollout status is only available for RollingUpdate strategy type' };
  if (status.readyReplicas < specReplicas) return { done: false, message: `Waiting for ${specReplicas - status.readyReplicas} pods to be ready...` };
  const rollingUpdate = strategy.rollingUpdate;
  if (rollingUpdate !== undefined) {
    const wanted = specReplicas - rollingUpdate.partition;
    if (status.updatedReplicas < wanted) {
      return { done: false, message: `Waiting for partitioned roll out to finish: ${status.updatedReplicas} out of ${wanted} new pods have been updated...` };
    }
    return { done: true, message: `partitioned roll out complete: ${status.updatedReplicas} new pods have been updated...` };
  }
  if (!revisionsEqual) return { done: false, message: `waiting for statefulset rolling update to complete ${status.updatedReplicas} pods at revision ${updateRevision}...` };
  return { done: true, message: `statefulset rolling update complete ${status.updatedReplicas} pods at revision ${updateRevision}...` };
}
