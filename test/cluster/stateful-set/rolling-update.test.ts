/**
 * The StatefulSet rolling update, pure (src/cluster/stateful-set/rolling-update.ts and
 * update-strategy.ts), checked against upstream Kubernetes v1.35 with the MaxUnavailableStatefulSet
 * gate on. Cases titled "upstream <Test>" are ported from
 *  - pkg/controller/statefulset/stateful_set_control_test.go (updateStatefulSetAfterInvariantEstablished,
 *    reduced to the pods each sync deletes),
 *  - pkg/controller/statefulset/stateful_set_utils_test.go (TestGetStatefulSetMaxUnavailable),
 *  - staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status_test.go
 *    (TestStatefulSetStatusViewerStatus; kubectl's messages end in "\n", ours are trimmed).
 * Cases titled "edge" are our own, derived from the upstream code (stateful_set_control.go,
 * stateful_set_utils.go getStatefulSetMaxUnavailable / newVersionedStatefulSetPod /
 * completeRollingUpdate, rollout_status.go StatefulSetStatusViewer.Status).
 */
import { describe, expect, it } from 'vitest';
import type { IntOrPercent } from '../../../src/cluster/deployment/strategy.js';
import {
  createsAtCurrentRevision,
  rollingUpdateComplete,
  rollingUpdateStep,
  statefulSetRolloutStatus,
  type StatefulSetCounts,
  type UpdateCandidate,
  type UpdateStep,
} from '../../../src/cluster/stateful-set/rolling-update.js';
import {
  STATEFUL_SET_UPDATE_DEFAULT,
  statefulSetMaxUnavailable,
  type StatefulSetRollingUpdate,
  type StatefulSetUpdateStrategy,
} from '../../../src/cluster/stateful-set/update-strategy.js';

const int = (value: number): IntOrPercent => ({ kind: 'int', value });
const pct = (value: number): IntOrPercent => ({ kind: 'percent', value });

/** type RollingUpdate with a rollingUpdate (the defaulted or a written partition / maxUnavailable). */
const ru = (partition: number, maxUnavailable: IntOrPercent = int(1)): StatefulSetUpdateStrategy => ({
  type: 'RollingUpdate',
  rollingUpdate: { partition, maxUnavailable },
});
/** type RollingUpdate written without a rollingUpdate (upstream's test fixtures: newStatefulSet, never defaulted). */
const RU_NIL: StatefulSetUpdateStrategy = { type: 'RollingUpdate', rollingUpdate: undefined };
const ON_DELETE: StatefulSetUpdateStrategy = { type: 'OnDelete' };

/**
 * The replicas by ordinal, one letter each:
 *  o  old revision, available           n  old revision, not available (not Ready / not yet minReadySeconds)
 *  u  update revision, available        w  update revision, not available (re-created, not Ready yet)
 *  t  old revision, terminating         T  update revision, terminating
 */
function pods(spec: string): UpdateCandidate[] {
  return [...spec].map((c) => {
    switch (c) {
      case 'o': return { updated: false, terminating: false, unavailable: false };
      case 'n': return { updated: false, terminating: false, unavailable: true };
      case 'u': return { updated: true, terminating: false, unavailable: false };
      case 'w': return { updated: true, terminating: false, unavailable: true };
      case 't': return { updated: false, terminating: true, unavailable: true };
      case 'T': return { updated: true, terminating: true, unavailable: true };
      default: throw new Error(`unknown pod letter ${c}`);
    }
  });
}

interface StepCase {
  name: string;
  strategy: StatefulSetUpdateStrategy;
  replicas: string;
  expected: UpdateStep;
}

const step = (deleteOrdinals: number[], reason: UpdateStep['reason'], maxUnavailable: number, unavailable: number): UpdateStep => ({
  deleteOrdinals,
  reason,
  maxUnavailable,
  unavailable,
});

// 6 replicas, partition 3, maxUnavailable 2: upstream's setupForInvariant and TestStatefulSetControlRollingUpdateWithMaxUnavailable.
const P3_MU2 = ru(3, int(2));

const STEP_CASES: StepCase[] = [
  // --- upstream TestStatefulSetControlRollingUpdateWithMaxUnavailable (both pod management policies) ---
  { name: 'upstream TestStatefulSetControlRollingUpdateWithMaxUnavailable: first sync deletes pods 5 and 4', strategy: P3_MU2, replicas: 'oooooo', expected: step([5, 4], 'deleting', 2, 0) },
  { name: 'upstream TestStatefulSetControlRollingUpdateWithMaxUnavailable (OrderedReady): 4 and 5 re-created and Ready, pod 3 next', strategy: P3_MU2, replicas: 'oooouu', expected: step([3], 'deleting', 2, 0) },
  { name: 'upstream TestStatefulSetControlRollingUpdateWithMaxUnavailable (Parallel): pod 4 Ready, 5 not yet, pod 3 still goes', strategy: P3_MU2, replicas: 'oooouw', expected: step([3], 'deleting', 2, 1) },
  { name: 'upstream TestStatefulSetControlRollingUpdateWithMaxUnavailable: pods 3/4/5 Ready, nothing below the partition is touched', strategy: P3_MU2, replicas: 'ooouuu', expected: step([], 'nothing-to-update', 2, 0) },

  // --- upstream TestStatefulSetControlRollingUpdateWithMaxUnavailableInOrderedModeVerifyInvariant ---
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal []', strategy: P3_MU2, replicas: 'oooooo', expected: step([5, 4], 'deleting', 2, 0) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [5]', strategy: P3_MU2, replicas: 'ooooot', expected: step([4], 'deleting', 2, 1) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [3]', strategy: P3_MU2, replicas: 'oootoo', expected: step([5], 'deleting', 2, 1) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [4]', strategy: P3_MU2, replicas: 'ooooto', expected: step([5], 'deleting', 2, 1) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [5 4]', strategy: P3_MU2, replicas: 'oooott', expected: step([], 'at-max-unavailable', 2, 2) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [5 3]', strategy: P3_MU2, replicas: 'oootot', expected: step([], 'at-max-unavailable', 2, 2) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [4 3]', strategy: P3_MU2, replicas: 'oootto', expected: step([], 'at-max-unavailable', 2, 2) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [5 4 3]', strategy: P3_MU2, replicas: 'ooottt', expected: step([], 'too-many-unavailable', 2, 3) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [2] (below the partition, still counts)', strategy: P3_MU2, replicas: 'ootooo', expected: step([5], 'deleting', 2, 1) },
  { name: 'upstream ...InOrderedModeVerifyInvariant: terminating pod at ordinal [1] (below the partition, still counts)', strategy: P3_MU2, replicas: 'otoooo', expected: step([5], 'deleting', 2, 1) },

  // --- upstream TestStatefulSetMetrics (partition 0; the MaxUnavailable and UnavailableReplicas gauges) ---
  { name: 'upstream TestStatefulSetMetrics: ordered pods within limit', strategy: ru(0, int(2)), replicas: 'noooo', expected: step([4], 'deleting', 2, 1) },
  { name: 'upstream TestStatefulSetMetrics: parallel pods exceeding limit', strategy: ru(0, pct(20)), replicas: 'tttooooooo', expected: step([], 'too-many-unavailable', 2, 3) },
  { name: 'upstream TestStatefulSetMetrics: ordered pods exactly at limit', strategy: ru(0, int(3)), replicas: 'nnnooo', expected: step([], 'at-max-unavailable', 3, 3) },
  { name: 'upstream TestStatefulSetMetrics: parallel pods all available', strategy: ru(0, int(1)), replicas: 'oooo', expected: step([3], 'deleting', 1, 0) },
  { name: 'upstream TestStatefulSetMetrics: ordered pods with percentage maxUnavailable', strategy: ru(0, pct(25)), replicas: 'nooooooo', expected: step([7], 'deleting', 2, 1) },
  { name: 'upstream TestStatefulSetMetrics: parallel pods with large percentage', strategy: ru(0, pct(80)), replicas: 'tttto', expected: step([], 'at-max-unavailable', 4, 4) },
  { name: 'upstream TestStatefulSetMetrics: small statefulset with maxUnavailable 1', strategy: ru(0, int(1)), replicas: 'no', expected: step([], 'at-max-unavailable', 1, 1) },
  { name: 'upstream TestStatefulSetMetrics: single pod statefulset', strategy: ru(0, int(1)), replicas: 't', expected: step([], 'at-max-unavailable', 1, 1) },

  // --- other upstream stateful_set_control_test.go scenarios, one sync each ---
  { name: 'upstream NewRevisionDeletePodFailure: the first sync after a new revision deletes the highest ordinal', strategy: RU_NIL, replicas: 'ooo', expected: step([2], 'deleting', 1, 0) },
  { name: 'upstream TestStatefulSetControlRollingUpdate monotonic image update: after pod 2, pod 1', strategy: RU_NIL, replicas: 'oou', expected: step([1], 'deleting', 1, 0) },
  { name: 'upstream TestStatefulSetControlRollingUpdate monotonic image update: after pods 2 and 1, pod 0', strategy: RU_NIL, replicas: 'ouu', expected: step([0], 'deleting', 1, 0) },
  { name: 'upstream TestStatefulSetControlRollingUpdate monotonic image update: done', strategy: RU_NIL, replicas: 'uuu', expected: step([], 'nothing-to-update', 1, 0) },
  { name: 'upstream TestStatefulSetControlRollingUpdateWithPartition monotonic image update: partition 2 deletes pod 2 only', strategy: ru(2), replicas: 'ooo', expected: step([2], 'deleting', 1, 0) },
  { name: 'upstream TestStatefulSetControlRollingUpdateWithPartition monotonic image update: pods 0 and 1 keep the old revision', strategy: ru(2), replicas: 'oou', expected: step([], 'nothing-to-update', 1, 0) },
  { name: 'upstream TestStatefulSetControlRollingUpdateWithPartition monotonic image update and scale up: new 3 and 4 updated, pod 2 next', strategy: ru(2), replicas: 'ooouu', expected: step([2], 'deleting', 1, 0) },
  { name: 'upstream TestStatefulSetRollingUpdateRespectsMinReadySeconds: pods Ready 10s of 30 block the update', strategy: RU_NIL, replicas: 'nn', expected: step([], 'too-many-unavailable', 1, 2) },
  { name: 'upstream TestStatefulSetRollingUpdateRespectsMinReadySeconds: pods Ready 60s of 30 let it proceed', strategy: RU_NIL, replicas: 'oo', expected: step([1], 'deleting', 1, 0) },
  { name: 'upstream TestStatefulSetPartitionRollingUpdateWithMinReadySeconds: partition 2, no pod available long enough', strategy: ru(2), replicas: 'nnnn', expected: step([], 'too-many-unavailable', 1, 4) },
  { name: 'upstream TestStatefulSetOnDeleteStrategyIgnoresMinReadySeconds: OnDelete deletes nothing', strategy: ON_DELETE, replicas: 'nn', expected: step([], 'on-delete', 0, 0) },

  // --- edges ---
  { name: 'edge: maxUnavailable "50%" of 3 is 1', strategy: ru(0, pct(50)), replicas: 'ooo', expected: step([2], 'deleting', 1, 0) },
  { name: 'edge: maxUnavailable "10%" of 5 rounds down to 0, then at least 1', strategy: ru(0, pct(10)), replicas: 'ooooo', expected: step([4], 'deleting', 1, 0) },
  { name: 'edge: maxUnavailable "100%" deletes every old pod at once', strategy: ru(0, pct(100)), replicas: 'oooo', expected: step([3, 2, 1, 0], 'deleting', 4, 0) },
  { name: 'edge: maxUnavailable "100%" stops at the partition', strategy: ru(2, pct(100)), replicas: 'oooo', expected: step([3, 2], 'deleting', 4, 0) },
  { name: 'edge: the defaults (partition 0, maxUnavailable 1)', strategy: STATEFUL_SET_UPDATE_DEFAULT, replicas: 'ooo', expected: step([2], 'deleting', 1, 0) },
  { name: 'edge: partition above replicas updates nothing', strategy: ru(5, int(2)), replicas: 'ooo', expected: step([], 'nothing-to-update', 2, 0) },
  { name: 'edge: partition equal to replicas updates nothing', strategy: ru(3), replicas: 'ooo', expected: step([], 'nothing-to-update', 1, 0) },
  { name: 'edge: a terminating old pod is not deleted again; the budget goes lower', strategy: ru(0, int(2)), replicas: 'oot', expected: step([1], 'deleting', 2, 1) },
  { name: 'edge: a terminating old pod fills maxUnavailable 1', strategy: ru(0, int(1)), replicas: 'oot', expected: step([], 'at-max-unavailable', 1, 1) },
  { name: 'edge: terminating pods at the top are skipped, the next old pod down is deleted', strategy: ru(0, int(3)), replicas: 'oott', expected: step([1], 'deleting', 3, 2) },
  { name: 'edge: a terminating updated pod counts as unavailable', strategy: ru(0, int(2)), replicas: 'ooT', expected: step([1], 'deleting', 2, 1) },
  { name: 'edge: an unavailable pod below the partition uses up maxUnavailable 1', strategy: ru(2), replicas: 'nooo', expected: step([], 'at-max-unavailable', 1, 1) },
  { name: 'edge: an unavailable pod below the partition leaves maxUnavailable 2 one deletion', strategy: ru(2, int(2)), replicas: 'nooo', expected: step([3], 'deleting', 2, 1) },
  { name: 'edge: a re-created pod not yet available holds the next deletion', strategy: RU_NIL, replicas: 'oow', expected: step([], 'at-max-unavailable', 1, 1) },
  { name: 'edge: too many unavailable, nothing deleted although pods wait for the update', strategy: ru(0, int(1)), replicas: 'nno', expected: step([], 'too-many-unavailable', 1, 2) },
  { name: 'edge: too many unavailable when every pod is updated', strategy: ru(0, int(1)), replicas: 'ww', expected: step([], 'too-many-unavailable', 1, 2) },
  { name: 'edge: updated pods between old ones are skipped', strategy: ru(0, int(3)), replicas: 'ouou', expected: step([2, 0], 'deleting', 3, 0) },
  { name: 'edge: an old pod below the partition is not pending', strategy: ru(1), replicas: 'ouuu', expected: step([], 'nothing-to-update', 1, 0) },
  { name: 'edge: no replicas', strategy: STATEFUL_SET_UPDATE_DEFAULT, replicas: '', expected: step([], 'nothing-to-update', 1, 0) },
  { name: 'edge: OnDelete never deletes old available pods', strategy: ON_DELETE, replicas: 'ooo', expected: step([], 'on-delete', 0, 0) },
  { name: 'edge: OnDelete reports no unavailability', strategy: ON_DELETE, replicas: 'tnw', expected: step([], 'on-delete', 0, 0) },
];

describe('rollingUpdateStep (updateStatefulSetAfterInvariantEstablished)', () => {
  it.each(STEP_CASES)('$name', ({ strategy, replicas, expected }) => {
    expect(rollingUpdateStep(strategy, pods(replicas))).toEqual(expected);
  });
});

interface MaxUnavailableCase {
  name: string;
  rollingUpdate: StatefulSetRollingUpdate | undefined;
  replicas: number;
  expected: number;
}

const mu = (maxUnavailable: IntOrPercent): StatefulSetRollingUpdate => ({ partition: 0, maxUnavailable });

const MAX_UNAVAILABLE_CASES: MaxUnavailableCase[] = [
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 0: nil of 10', rollingUpdate: undefined, replicas: 10, expected: 1 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 1: 3 of 10', rollingUpdate: mu(int(3)), replicas: 10, expected: 3 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 2: 3 of 0', rollingUpdate: mu(int(3)), replicas: 0, expected: 3 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 3: 0 of 0', rollingUpdate: mu(int(0)), replicas: 0, expected: 1 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 4: "10%" of 25', rollingUpdate: mu(pct(10)), replicas: 25, expected: 2 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 5: "100%" of 5', rollingUpdate: mu(pct(100)), replicas: 5, expected: 5 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 6: "50%" of 5', rollingUpdate: mu(pct(50)), replicas: 5, expected: 2 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 7: "10%" of 5', rollingUpdate: mu(pct(10)), replicas: 5, expected: 1 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 8: "1%" of 0', rollingUpdate: mu(pct(1)), replicas: 0, expected: 1 },
  { name: 'upstream TestGetStatefulSetMaxUnavailable case 9: "0%" of 0', rollingUpdate: mu(pct(0)), replicas: 0, expected: 1 },
  { name: 'edge: "50%" of 3 rounds down to 1', rollingUpdate: mu(pct(50)), replicas: 3, expected: 1 },
  { name: 'edge: "67%" of 3 rounds down to 2', rollingUpdate: mu(pct(67)), replicas: 3, expected: 2 },
  { name: 'edge: "100%" of 3', rollingUpdate: mu(pct(100)), replicas: 3, expected: 3 },
  { name: 'edge: "100%" of 0 is at least 1', rollingUpdate: mu(pct(100)), replicas: 0, expected: 1 },
  { name: 'edge: an int above replicas is not capped', rollingUpdate: mu(int(5)), replicas: 3, expected: 5 },
  { name: 'edge: the default rollingUpdate of 10', rollingUpdate: (STATEFUL_SET_UPDATE_DEFAULT as { rollingUpdate: StatefulSetRollingUpdate }).rollingUpdate, replicas: 10, expected: 1 },
];

describe('statefulSetMaxUnavailable (getStatefulSetMaxUnavailable)', () => {
  it.each(MAX_UNAVAILABLE_CASES)('$name', ({ rollingUpdate, replicas, expected }) => {
    expect(statefulSetMaxUnavailable(rollingUpdate, replicas)).toBe(expected);
  });

  it('edge: STATEFUL_SET_UPDATE_DEFAULT is RollingUpdate, partition 0, maxUnavailable 1, frozen', () => {
    expect(STATEFUL_SET_UPDATE_DEFAULT).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: { kind: 'int', value: 1 } } });
    expect(Object.isFrozen(STATEFUL_SET_UPDATE_DEFAULT)).toBe(true);
    expect(Object.isFrozen((STATEFUL_SET_UPDATE_DEFAULT as { rollingUpdate: StatefulSetRollingUpdate }).rollingUpdate)).toBe(true);
  });
});

interface RevisionCase {
  name: string;
  strategy: StatefulSetUpdateStrategy;
  ordinal: number;
  statusCurrentReplicas: number;
  expected: boolean;
}

const REVISION_CASES: RevisionCase[] = [
  // TestStatefulSetControlRollingUpdate "monotonic image update and scale up": 3 -> 5 replicas, no rollingUpdate.
  { name: 'upstream TestStatefulSetControlRollingUpdate monotonic image update and scale up: no rollingUpdate, ordinal 0 below status currentReplicas 3 keeps the current revision', strategy: RU_NIL, ordinal: 0, statusCurrentReplicas: 3, expected: true },
  { name: 'upstream TestStatefulSetControlRollingUpdate monotonic image update and scale up: no rollingUpdate, ordinal 2 keeps the current revision', strategy: RU_NIL, ordinal: 2, statusCurrentReplicas: 3, expected: true },
  { name: 'upstream TestStatefulSetControlRollingUpdate monotonic image update and scale up: no rollingUpdate, new ordinal 3 gets the update revision', strategy: RU_NIL, ordinal: 3, statusCurrentReplicas: 3, expected: false },
  { name: 'upstream TestStatefulSetControlRollingUpdate monotonic image update and scale up: no rollingUpdate, new ordinal 4 gets the update revision', strategy: RU_NIL, ordinal: 4, statusCurrentReplicas: 3, expected: false },
  // TestStatefulSetControlRollingUpdateWithPartition "monotonic image update and scale up": partition 2, 3 -> 5.
  { name: 'upstream TestStatefulSetControlRollingUpdateWithPartition monotonic image update and scale up: ordinal 1 below partition 2 keeps the current revision', strategy: ru(2), ordinal: 1, statusCurrentReplicas: 3, expected: true },
  { name: 'upstream TestStatefulSetControlRollingUpdateWithPartition monotonic image update and scale up: ordinal 2 at partition 2 gets the update revision, status currentReplicas ignored', strategy: ru(2), ordinal: 2, statusCurrentReplicas: 3, expected: false },
  { name: 'upstream TestStatefulSetControlRollingUpdateWithPartition monotonic image update and scale up: new ordinal 4 gets the update revision', strategy: ru(2), ordinal: 4, statusCurrentReplicas: 3, expected: false },
  // TestStatefulSetControlOnDeleteUpdate "monotonic image update and scale up" / validateRestart.
  { name: 'upstream TestStatefulSetControlOnDeleteUpdate monotonic image update and scale up: OnDelete new ordinal 3 gets the update revision', strategy: ON_DELETE, ordinal: 3, statusCurrentReplicas: 3, expected: false },
  { name: 'upstream TestStatefulSetControlOnDeleteUpdate validateRestart: OnDelete ordinal 0 made anew gets the update revision', strategy: ON_DELETE, ordinal: 0, statusCurrentReplicas: 3, expected: false },
  // edges
  { name: 'edge: no rollingUpdate, ordinal equal to status currentReplicas gets the update revision (strict <)', strategy: RU_NIL, ordinal: 2, statusCurrentReplicas: 2, expected: false },
  { name: 'edge: no rollingUpdate, status currentReplicas 0 (a fresh set): ordinal 0 gets the update revision', strategy: RU_NIL, ordinal: 0, statusCurrentReplicas: 0, expected: false },
  { name: 'edge: the defaulted partition 0 ignores status currentReplicas', strategy: STATEFUL_SET_UPDATE_DEFAULT, ordinal: 0, statusCurrentReplicas: 3, expected: false },
  { name: 'edge: partition 0 written explicitly, ordinal 0 gets the update revision', strategy: ru(0, int(2)), ordinal: 0, statusCurrentReplicas: 5, expected: false },
  { name: 'edge: partition above replicas keeps every ordinal at the current revision', strategy: ru(5), ordinal: 4, statusCurrentReplicas: 0, expected: true },
  { name: 'edge: OnDelete ignores status currentReplicas', strategy: ON_DELETE, ordinal: 0, statusCurrentReplicas: 5, expected: false },
];

describe('createsAtCurrentRevision (newVersionedStatefulSetPod)', () => {
  it.each(REVISION_CASES)('$name', ({ strategy, ordinal, statusCurrentReplicas, expected }) => {
    expect(createsAtCurrentRevision(strategy, ordinal, statusCurrentReplicas)).toBe(expected);
  });
});

interface CompleteCase {
  name: string;
  strategy: StatefulSetUpdateStrategy;
  specReplicas: number;
  status: StatefulSetCounts;
  expected: boolean;
}

const counts = (replicas: number, readyReplicas: number, availableReplicas: number, currentReplicas: number, updatedReplicas: number): StatefulSetCounts => ({
  replicas,
  readyReplicas,
  availableReplicas,
  currentReplicas,
  updatedReplicas,
});

const COMPLETE_CASES: CompleteCase[] = [
  { name: 'edge: every replica updated and Ready completes', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 3, status: counts(3, 3, 3, 0, 3), expected: true },
  { name: 'edge: availability is not required (minReadySeconds not yet met)', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 3, status: counts(3, 3, 0, 0, 3), expected: true },
  { name: 'edge: without a rollingUpdate it completes the same way', strategy: RU_NIL, specReplicas: 3, status: counts(3, 3, 3, 0, 3), expected: true },
  { name: 'edge: one replica not updated', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 3, status: counts(3, 3, 3, 1, 2), expected: false },
  { name: 'edge: one updated replica not Ready', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 3, status: counts(3, 2, 2, 0, 3), expected: false },
  { name: 'edge: a condemned pod still created (status.replicas above spec)', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 3, status: counts(4, 3, 3, 0, 3), expected: false },
  { name: 'edge: more Ready than spec (a condemned pod still Ready)', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 3, status: counts(4, 4, 4, 0, 3), expected: false },
  { name: 'edge: a partitioned rollout never completes the revision', strategy: ru(2), specReplicas: 3, status: counts(3, 3, 3, 2, 1), expected: false },
  { name: 'edge: OnDelete never completes here', strategy: ON_DELETE, specReplicas: 3, status: counts(3, 3, 3, 0, 3), expected: false },
  { name: 'edge: zero replicas completes', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 0, status: counts(0, 0, 0, 0, 0), expected: true },
];

describe('rollingUpdateComplete (completeRollingUpdate)', () => {
  it.each(COMPLETE_CASES)('$name', ({ strategy, specReplicas, status, expected }) => {
    expect(rollingUpdateComplete(strategy, specReplicas, status)).toBe(expected);
  });
});

interface StatusCase {
  name: string;
  strategy: StatefulSetUpdateStrategy;
  specReplicas: number;
  readyReplicas: number;
  updatedReplicas: number;
  revisionsEqual: boolean;
  updateRevision: string;
  expected: { done: boolean; message: string };
}

const STATUS_CASES: StatusCase[] = [
  // upstream TestStatefulSetStatusViewerStatus (newStatefulSet(3)); kubectl returns an error for OnDelete: never done here.
  { name: 'upstream TestStatefulSetStatusViewerStatus: on delete returns an error', strategy: ON_DELETE, specReplicas: 3, readyReplicas: 1, updatedReplicas: 0, revisionsEqual: true, updateRevision: '', expected: { done: false, message: 'rollout status is only available for RollingUpdate strategy type' } },
  { name: 'upstream TestStatefulSetStatusViewerStatus: if all pods are not ready the update is not complete', strategy: RU_NIL, specReplicas: 3, readyReplicas: 2, updatedReplicas: 0, revisionsEqual: false, updateRevision: '', expected: { done: false, message: 'Waiting for 1 pods to be ready...' } },
  { name: 'upstream TestStatefulSetStatusViewerStatus: partition update completes when all replicas above the partition are updated', strategy: ru(2), specReplicas: 3, readyReplicas: 3, updatedReplicas: 1, revisionsEqual: false, updateRevision: '', expected: { done: true, message: 'partitioned roll out complete: 1 new pods have been updated...' } },
  // Upstream's table says done: true here but only checks `done && !test.done`; the viewer returns false.
  { name: 'upstream TestStatefulSetStatusViewerStatus: partition update is in progress if all pods above the partition have not been updated', strategy: ru(2), specReplicas: 3, readyReplicas: 3, updatedReplicas: 0, revisionsEqual: false, updateRevision: '', expected: { done: false, message: 'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...' } },
  { name: 'upstream TestStatefulSetStatusViewerStatus: update completes when all replicas are current', strategy: RU_NIL, specReplicas: 3, readyReplicas: 3, updatedReplicas: 3, revisionsEqual: true, updateRevision: 'foo', expected: { done: true, message: 'statefulset rolling update complete 3 pods at revision foo...' } },
  // edges
  { name: 'edge: OnDelete with every pod Ready is still not available', strategy: ON_DELETE, specReplicas: 3, readyReplicas: 3, updatedReplicas: 3, revisionsEqual: true, updateRevision: 'web-1', expected: { done: false, message: 'rollout status is only available for RollingUpdate strategy type' } },
  { name: 'edge: readiness is checked before the partition', strategy: ru(2), specReplicas: 3, readyReplicas: 1, updatedReplicas: 1, revisionsEqual: false, updateRevision: 'web-2', expected: { done: false, message: 'Waiting for 2 pods to be ready...' } },
  { name: 'edge: defaulted partition 0 waits for every replica updated', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 3, readyReplicas: 3, updatedReplicas: 2, revisionsEqual: false, updateRevision: 'web-2', expected: { done: false, message: 'Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...' } },
  { name: 'edge: defaulted partition 0 is done without comparing revisions', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 3, readyReplicas: 3, updatedReplicas: 3, revisionsEqual: false, updateRevision: 'web-2', expected: { done: true, message: 'partitioned roll out complete: 3 new pods have been updated...' } },
  { name: 'edge: partition above replicas is done at once', strategy: ru(5), specReplicas: 3, readyReplicas: 3, updatedReplicas: 0, revisionsEqual: false, updateRevision: 'web-2', expected: { done: true, message: 'partitioned roll out complete: 0 new pods have been updated...' } },
  { name: 'edge: more Ready than spec (a condemned pod) does not wait', strategy: ru(0), specReplicas: 3, readyReplicas: 4, updatedReplicas: 3, revisionsEqual: false, updateRevision: 'web-2', expected: { done: true, message: 'partitioned roll out complete: 3 new pods have been updated...' } },
  { name: 'edge: without a rollingUpdate it waits for the revisions to match', strategy: RU_NIL, specReplicas: 3, readyReplicas: 3, updatedReplicas: 3, revisionsEqual: false, updateRevision: 'web-2', expected: { done: false, message: 'waiting for statefulset rolling update to complete 3 pods at revision web-2...' } },
  { name: 'edge: without a rollingUpdate, part way', strategy: RU_NIL, specReplicas: 3, readyReplicas: 3, updatedReplicas: 1, revisionsEqual: false, updateRevision: 'web-7d9f', expected: { done: false, message: 'waiting for statefulset rolling update to complete 1 pods at revision web-7d9f...' } },
  { name: 'edge: zero replicas with a partition is done', strategy: STATEFUL_SET_UPDATE_DEFAULT, specReplicas: 0, readyReplicas: 0, updatedReplicas: 0, revisionsEqual: false, updateRevision: 'web-2', expected: { done: true, message: 'partitioned roll out complete: 0 new pods have been updated...' } },
];

describe('statefulSetRolloutStatus (kubectl StatefulSetStatusViewer)', () => {
  it.each(STATUS_CASES)('$name', ({ strategy, specReplicas, readyReplicas, updatedReplicas, revisionsEqual, updateRevision, expected }) => {
    expect(statefulSetRolloutStatus(strategy, specReplicas, { readyReplicas, updatedReplicas }, revisionsEqual, updateRevision)).toEqual(expected);
  });
});
