/**
 * Ported from kubernetes/kubernetes pkg/controller/deployment/util/deployment_util_test.go.
 * Version read: the stored file with search-index id 695379464 (the index did not name its commit;
 * it is a post-#128535 version, with TestGetReplicaSetFraction, TestMinAvailable,
 * TerminatingReplicas in TestGetReplicaCountForReplicaSets and ptr.To/intstr.FromInt32 fixtures,
 * i.e. Kubernetes 1.33 or later). TestNewRSNewReplicas and TestResolveFenceposts were also checked
 * against kubernetes/kubernetes@977e6e96df24a5f9f81978c18afb97c72cc545f9 (older; same expectations
 * for the cases both have).
 *
 * Ported: TestGetReplicaCountForReplicaSets (the spec.replicas count only), TestResolveFenceposts,
 * TestNewRSNewReplicas, TestMaxUnavailable, TestAnnotationUtils/IsSaturated,
 * TestGetReplicaSetFraction. Not ported: TestResolveFenceposts cases 2 and 3 (the strings "oops"
 * and "urg" are parse errors; IntOrPercent cannot hold them), GetActualReplicaCount /
 * GetTerminatingReplicaCount (not modelled), TestMinAvailable (no MinAvailable function here).
 * This upstream file has no TestFindActiveOrLatest, TestIsSaturated nor TestGetProportion table (the
 * FindActiveOrLatest table found in the index is Argo Rollouts' copy, not upstream's).
 *
 * Upstream fixture translation: generateDeployment → spec.replicas 1; a nil maxSurge/maxUnavailable
 * is resolved by ResolveFenceposts through intstr.ValueOrDefault(nil, FromInt32(0)), so it is
 * written int(0) here.
 */
import { describe, expect, it } from 'vitest';
import { replicaSetFraction, isSaturated } from '../../../src/cluster/deployment/proportional-scale.js';
import { replicaCount } from '../../../src/cluster/deployment/replica-sets.js';
import { newReplicaSetReplicas } from '../../../src/cluster/deployment/rolling-update.js';
import { maxUnavailable, resolveFenceposts, type DeploymentStrategy, type IntOrPercent } from '../../../src/cluster/deployment/strategy.js';
import type { DeploymentView, ReplicaSetView } from '../../../src/cluster/deployment/replica-sets.js';
import { int, pct, rolling, rs } from './upstream-fixtures.js';

describe('TestGetReplicaCountForReplicaSets (GetReplicaCountForReplicaSets → replicaCount)', () => {
  // rs1..rs4 as upstream: spec.replicas 1, 2, 3, 1.
  const rs1 = rs('foo-rs', 1);
  const rs2 = rs('bar-rs', 2);
  const rs3 = rs('unsynced-rs', 3);
  const rs4 = rs('dropped-rs', 1);
  it.each<[string, ReplicaSetView[], number]>([
    ['scaling down rs1', [rs1], 1],
    ['scaling down rs1 and rs2', [rs1, rs2], 3],
    ['scaling up rs3', [rs3], 3],
    ['scaling down rs1 and rs2 and scaling up rs3', [rs1, rs2, rs3], 6],
    ['invalid/unknown terminating status for rs4', [rs4], 1],
    ['invalid/unknown terminating status for rs4 with rs1, rs2 and rs3', [rs1, rs2, rs3, rs4], 7],
  ])('%s', (_name, sets, expectedCount) => {
    expect(replicaCount(sets)).toBe(expectedCount);
  });
});

describe('TestResolveFenceposts', () => {
  // Upstream names its subtests by index; cases 2 ("oops") and 3 ("urg") expect parse errors and are not portable.
  it.each<[string, IntOrPercent, IntOrPercent, number, number, number]>([
    ['0', pct(0), pct(0), 0, 0, 1],
    ['1', pct(39), pct(39), 10, 4, 3],
    ['4 (maxSurge nil)', int(0), pct(39), 10, 0, 3],
    ['5 (maxUnavailable nil)', pct(39), int(0), 10, 4, 0],
    ['6 (both nil)', int(0), int(0), 10, 0, 1],
  ])('case %s', (_name, surge, unavailable, desired, expectSurge, expectUnavailable) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual({ surge: expectSurge, unavailable: expectUnavailable });
  });
});

describe('TestNewRSNewReplicas', () => {
  // newDeployment := generateDeployment("nginx"); MaxUnavailable FromInt32(1), MaxSurge FromInt32(test.maxSurge);
  // newRC.spec.replicas = test.newRSReplicas; allRSs = [rs5] (rs5.spec.replicas = 5; newRC is not in allRSs).
  it.each<[string, 'RollingUpdate' | 'Recreate', number, number, number, number]>([
    ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
  ])('%s', (_name, strategyType, depReplicas, newRSReplicas, maxSurge, expected) => {
    const strategy: DeploymentStrategy = strategyType === 'Recreate' ? { type: 'Recreate' } : rolling(int(maxSurge), int(1));
    const d: DeploymentView = { replicas: depReplicas, strategy, statusReplicas: 0 };
    const newRC = rs('nginx-new', newRSReplicas);
    const rs5 = rs('nginx-5', 5);
    expect(newReplicaSetReplicas(d, [rs5], newRC)).toBe(expected);
  });
});

describe('TestMaxUnavailable', () => {
  // deployment(replicas, maxUnavailable): RollingUpdate, MaxSurge FromInt32(1).
  it.each<[string, DeploymentStrategy, number, number]>([
    ['maxUnavailable less than replicas', rolling(int(1), int(5)), 10, 5],
    ['maxUnavailable equal replicas', rolling(int(1), int(10)), 10, 10],
    ['maxUnavailable greater than replicas', rolling(int(1), int(10)), 5, 5],
    ['maxUnavailable with replicas is 0', rolling(int(1), int(10)), 0, 0],
    // Upstream leaves spec.replicas nil here; MaxUnavailable returns before reading it.
    ['maxUnavailable with Recreate deployment strategy', { type: 'Recreate' }, 0, 0],
    ['maxUnavailable less than replicas with percents', rolling(int(1), pct(50)), 10, 5],
    ['maxUnavailable equal replicas with percents', rolling(int(1), pct(100)), 10, 10],
    ['maxUnavailable greater than replicas with percents', rolling(int(1), pct(100)), 5, 5],
  ])('%s', (_name, strategy, replicas, expected) => {
    expect(maxUnavailable(strategy, replicas)).toBe(expected);
  });
});

describe('TestAnnotationUtils / IsSaturated', () => {
  it('IsSaturated: spec.replicas 1, desired-replicas "1", 1 available, Deployment of 1 → saturated', () => {
    // tDeployment := generateDeployment("nginx") (spec.replicas 1, no strategy fields).
    const d: DeploymentView = { replicas: 1, strategy: rolling(), statusReplicas: 0 };
    const tRS: ReplicaSetView = { ...rs('nginx-rs', 1), availableReplicas: 1, desiredReplicas: 1, maxReplicas: 11 };
    expect(isSaturated(d, tRS)).toBe(true);
  });
});

describe('TestGetReplicaSetFraction', () => {
  // tDeployment: status.replicas = deploymentStatusReplicas, spec.replicas = deploymentReplicas,
  // RollingUpdate with MaxSurge FromInt32(deploymentMaxSurge), MaxUnavailable FromInt32(1).
  // tRS: annotations = rsAnnotations (only max-replicas is ever set), spec.replicas = rsReplicas.
  it.each<[string, number, number, number, number, number | undefined, number]>([
    ['empty deployment always scales to 0', 0, 0, 0, 10, undefined, -10],
    ['unsynced deployment does not scale when max-replicas annotation is missing (removed by a 3rd party)', 10, 0, 0, 5, undefined, 0],
    ['unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0 (by a 3rd party)', 10, 0, 0, 5, 0, 0],
    ['scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is missing (removed by a 3rd party)', 120, 100, 0, 50, undefined, 10],
    ['scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is incorrectly set to 0 (by a 3rd party)', 120, 100, 0, 50, 0, 10],
    ['scale up by 1/5 should increase RS replicas by 1/5', 120, 0, 0, 50, 100, 10],
    ['scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5', 120, 0, 10, 50, 110, 9],
    ['scale down by 1/6 should decrease RS replicas by 1/6', 10, 0, 0, 6, 12, -1],
    ['scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6', 100, 0, 10, 50, 130, -8],
  ])('%s', (_name, deploymentReplicas, deploymentStatusReplicas, deploymentMaxSurge, rsReplicas, maxReplicasAnnotation, expectedFraction) => {
    const d: DeploymentView = { replicas: deploymentReplicas, strategy: rolling(int(deploymentMaxSurge), int(1)), statusReplicas: deploymentStatusReplicas };
    const tRS: ReplicaSetView = { ...rs('nginx-rs', rsReplicas), maxReplicas: maxReplicasAnnotation };
    expect(replicaSetFraction(tRS, d)).toBe(expectedFraction);
  });
});

describe('probe, not an upstream table case: getReplicaSetFraction divides after multiplying', () => {
  // Upstream: newRSsize := (float64(*(rs.Spec.Replicas) * deploymentMaxReplicas)) / float64(deploymentMaxReplicasBeforeScale)
  //           return integer.RoundToInt32(newRSsize) - *(rs.Spec.Replicas)
  // 3 × 55 / 22 = 7.5 exactly in float64, which RoundToInt32 (math.Round) takes to 8: fraction +5.
  // Dividing first, (3 / 22) × 55 = 7.499999999999999, which rounds to 7.
  it('rs of 3, max-replicas 22, Deployment now 55 (maxSurge 0) → fraction 5', () => {
    const d: DeploymentView = { replicas: 55, strategy: rolling(int(0), int(1)), statusReplicas: 0 };
    const set: ReplicaSetView = { ...rs('foo-v1', 3), maxReplicas: 22 };
    expect(replicaSetFraction(set, d)).toBe(5);
  });
});
