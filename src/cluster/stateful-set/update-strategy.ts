/**
 * A StatefulSet's update strategy and minReadySeconds, with SetDefaults_StatefulSet's defaults
 * (pkg/apis/apps/v1/defaults.go): an unset type is RollingUpdate with a rollingUpdate of partition
 * 0 and, with the MaxUnavailableStatefulSet feature gate (beta and on by default since v1.35),
 * maxUnavailable 1. A type written as RollingUpdate without a rollingUpdate keeps none (the
 * defaulting fills it only for an unset type): such a set has no partition, which changes the
 * revision of a re-created pod and what `kubectl rollout status` waits for (rolling-update.ts).
 * getStatefulSetMaxUnavailable (stateful_set_utils.go) rounds a percentage down, to at least 1.
 * Pure.
 */
import { scaledValue, type IntOrPercent } from '../deployment/strategy.js';

/** spec.updateStrategy.rollingUpdate: ordinals below the partition keep the current revision. */
export interface StatefulSetRollingUpdate {
  partition: number;
  maxUnavailable: IntOrPercent;
}

export type StatefulSetUpdateStrategy =
  /** rollingUpdate undefined: type RollingUpdate written without one (no partition; maxUnavailable 1). */
  | { type: 'RollingUpdate'; rollingUpdate: StatefulSetRollingUpdate | undefined }
  | { type: 'OnDelete' };

/** apps/v1 StatefulSet fields the controller needs. */
export interface StatefulSetSettings {
  /** spec.podManagementPolicy, default OrderedReady. */
  podManagementPolicy: 'OrderedReady' | 'Parallel';
  serviceName?: string;
  /** spec.updateStrategy, defaults filled; undefined = STATEFUL_SET_UPDATE_DEFAULT. */
  updateStrategy?: StatefulSetUpdateStrategy;
  /** spec.minReadySeconds (undefined = 0): a pod counts as available once Ready for this long. */
  minReadySeconds?: number;
}

/** SetDefaults_StatefulSet's rollingUpdate.maxUnavailable with the MaxUnavailableStatefulSet gate on (and getStatefulSetMaxUnavailable's when unset): 1. */
export const STATEFUL_SET_MAX_UNAVAILABLE_DEFAULT: Readonly<IntOrPercent> = Object.freeze({ kind: 'int' as const, value: 1 });

/** SetDefaults_StatefulSet for an unset spec.updateStrategy: RollingUpdate, partition 0, maxUnavailable 1. */
export const STATEFUL_SET_UPDATE_DEFAULT: Readonly<StatefulSetUpdateStrategy> = Object.freeze({
  type: 'RollingUpdate' as const,
  rollingUpdate: Object.freeze({ partition: 0, maxUnavailable: STATEFUL_SET_MAX_UNAVAILABLE_DEFAULT }),
});

/** getStatefulSetMaxUnavailable: maxUnavailable of `replicas` (1 when unset), a percentage rounded down, at least 1. */
export function statefulSetMaxUnavailable(rollingUpdate: StatefulSetRollingUpdate | undefined, replicas: number): number {
  const value = rollingUpdate?.maxUnavailable ?? STATEFUL_SET_MAX_UNAVAILABLE_DEFAULT;
  return Math.max(1, scaledValue(value, replicas, false));
}
