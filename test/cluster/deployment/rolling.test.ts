/**
 * Ported from kubernetes/kubernetes pkg/controller/deployment/rolling_test.go. Version read: the
 * stored file with search-index id 4271180920 (the index did not name its commit; it is the
 * DeploymentPodReplacementPolicy / DeploymentReplicaSetTerminatingReplicas era, Kubernetes 1.33 or
 * later, with named reconcileNewReplicaSet cases and status.availableReplicas fixtures). The four
 * tables were also compared with kubernetes/kubernetes@bb81beffb115fe12707e92461e057dd63c5f66bd
 * (2016, pod-list fixtures): same rows and expectations.
 *
 * Fixtures: rs(name, replicas, selector, noTimestamp) and newDeployment(...) as in
 * deployment_controller_test.go (upstream-fixtures.ts); newRSWithFullStatus(name, replicas,
 * status, ...) is rs() with that status. Upstream checks the fake client's actions: "no action" is
 * read here as the set left exactly as given (size and annotations) and no event; "exactly one
 * Update" as exactly one ScalingReplicaSet event and the new size.
 *
 * TestDeploymentController_reconcileNewReplicaSet: the five cases without the feature gates, and
 * the two gated cases whose policy ignores terminating pods (empty policy, TerminationStarted),
 * whose terminating counts the views do not hold. Not ported: the six TerminationComplete cases
 * (they need status.terminatingReplicas and spec.podReplacementPolicy, which the views do not
 * model).
 */
import { describe, expect, it } from 'vitest';
import type { ReplicaSetScaling, ReplicaSetView } from '../../../src/cluster/deployment/replica-sets.js';
import { cleanupUnhealthyReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDownOldReplicaSets } from '../../../src/cluster/deployment/rolling-update.js';
import type { IntOrPercent } from '../../../src/cluster/deployment/strategy.js';
import { copyOf, int, newDeployment, rs } from './upstream-fixtures.js';

describe('TestDeploymentController_reconcileNewReplicaSet', () => {
  interface Case {
    name: string;
    deploymentReplicas: number;
    maxSurge: IntOrPercent;
    oldReplicas: number;
    newReplicas: number;
    scaleExpected: boolean;
    expectedNewReplicas?: number;
  }
  const tests: Case[] = [
    { name: 'should not scale up when old replica set is fully saturated', deploymentReplicas: 10, maxSurge: int(0), oldReplicas: 10, newReplicas: 0, scaleExpected: false },
    { name: 'should scale up according to the maxSurge when old replica set is fully saturated', deploymentReplicas: 10, maxSurge: int(2), oldReplicas: 10, newReplicas: 0, scaleExpected: true, expectedNewReplicas: 2 },
    { name: 'should scale up according to the maxSurge', deploymentReplicas: 10, maxSurge: int(2), oldReplicas: 5, newReplicas: 0, scaleExpected: true, expectedNewReplicas: 7 },
    { name: 'should not scale when maxSurge is fully saturated', deploymentReplicas: 10, maxSurge: int(2), oldReplicas: 10, newReplicas: 2, scaleExpected: false },
    { name: 'should scale down when there are replicas above maxSurge', deploymentReplicas: 10, maxSurge: int(2), oldReplicas: 2, newReplicas: 11, scaleExpected: true, expectedNewReplicas: 10 },
    // Gated cases (enableDeploymentPodReplacementPolicy: true) whose policy ignores terminating pods;
    // upstream sets oldTerminatingReplicas 1 and newTerminatingReplicas 10, not held by the views.
    { name: 'should scale up according to the maxSurge with empty policy and ignore terminating pods', deploymentReplicas: 10, maxSurge: int(2), oldReplicas: 5, newReplicas: 0, scaleExpected: true, expectedNewReplicas: 7 },
    { name: 'should scale up according to the maxSurge with TerminationStarted policy and ignore terminating pods', deploymentReplicas: 10, maxSurge: int(2), oldReplicas: 5, newReplicas: 0, scaleExpected: true, expectedNewReplicas: 7 },
  ];

  it.each(tests.map((t) => [t.name, t] as const))('%s', (_name, test) => {
    const newRS = rs('foo-v2', test.newReplicas);
    const oldRS = rs('foo-v1', test.oldReplicas);
    const newBefore = copyOf(newRS);
    const allRSs = [newRS, oldRS];
    const deployment = newDeployment(test.deploymentReplicas, test.maxSurge, int(0));
    const events: ReplicaSetScaling[] = [];

    const scaled = reconcileNewReplicaSet(deployment, allRSs, newRS, events);

    if (!test.scaleExpected) {
      expect(scaled).toBe(false);
      expect(events).toEqual([]);
      expect(newRS).toEqual(newBefore);
      return;
    }
    expect(scaled).toBe(true);
    expect(events).toHaveLength(1);
    expect(newRS.replicas).toBe(test.expectedNewReplicas);
  });
});

describe('TestDeploymentController_reconcileOldReplicaSets', () => {
  // Upstream's loop asserts only the scaled flag; the table's expectedOldReplicas column (given for
  // the scaling rows) is asserted here as well, and an unscaled old set must keep its size.
  it.each<[string, number, IntOrPercent, number, number, number, number, boolean, number | undefined]>([
    ['scenario 0', 10, int(0), 10, 0, 10, 0, true, 9],
    ['scenario 1', 10, int(2), 10, 0, 10, 0, true, 8],
    ['scenario 2: expect unhealthy replicas from old replica sets been cleaned up', 10, int(2), 10, 0, 8, 0, true, 8],
    ['scenario 3: expect 1 unhealthy replica from old replica sets been cleaned up, and 1 ready pod been scaled down', 10, int(2), 10, 0, 9, 0, true, 8],
    ['scenario 4: the unavailable pods from the newRS would not make us scale down old RSs in a further step', 10, int(2), 8, 2, 8, 0, false, undefined],
  ])(
    '%s',
    (_name, deploymentReplicas, maxUnavailable, oldReplicas, newReplicas, readyPodsFromOldRS, readyPodsFromNewRS, scaleExpected, expectedOldReplicas) => {
      const newRS: ReplicaSetView = { ...rs('foo-new', newReplicas), availableReplicas: readyPodsFromNewRS };
      const oldRS: ReplicaSetView = { ...rs('foo-old', oldReplicas), availableReplicas: readyPodsFromOldRS };
      const oldRSs = [oldRS];
      const deployment = newDeployment(deploymentReplicas, int(0), maxUnavailable);
      const events: ReplicaSetScaling[] = [];

      const scaled = reconcileOldReplicaSets(deployment, oldRSs, newRS, events);

      expect(scaled).toBe(scaleExpected);
      expect(oldRS.replicas).toBe(scaleExpected ? expectedOldReplicas : oldReplicas);
      expect(newRS.replicas).toBe(newReplicas);
    },
  );
});

describe('TestDeploymentController_cleanupUnhealthyReplicas', () => {
  // oldRS := rs("foo-v2", oldReplicas), status.availableReplicas = readyPods; deployment of 10 with maxSurge 2, maxUnavailable 2.
  it.each<[string, number, number, number, number]>([
    ['scenario 0', 10, 8, 1, 1],
    ['scenario 1', 10, 8, 3, 2],
    ['scenario 2', 10, 8, 0, 0],
    ['scenario 3', 10, 10, 3, 0],
  ])('%s: oldReplicas %i, readyPods %i, maxCleanupCount %i → cleaned up %i', (_name, oldReplicas, readyPods, maxCleanupCount, cleanupCountExpected) => {
    const oldRS: ReplicaSetView = { ...rs('foo-v2', oldReplicas), availableReplicas: readyPods };
    const deployment = newDeployment(10, int(2), int(2));
    const events: ReplicaSetScaling[] = [];

    const cleanupCount = cleanupUnhealthyReplicas(deployment, [oldRS], maxCleanupCount, events);

    expect(cleanupCount).toBe(cleanupCountExpected);
    expect(oldRS.replicas).toBe(oldReplicas - cleanupCountExpected);
  });
});

describe('TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate', () => {
  // oldRS := rs("foo-v2", oldReplicas), status.availableReplicas = readyPods; allRSs = oldRSs = [oldRS];
  // deployment: maxSurge 0, maxUnavailable from the row.
  it.each<[string, number, IntOrPercent, number, number, boolean, number | undefined]>([
    ['scenario 0', 10, int(0), 10, 10, true, 9],
    ['scenario 1', 10, int(2), 10, 10, true, 8],
    ['scenario 2', 10, int(2), 8, 10, false, undefined],
    ['scenario 3', 10, int(2), 10, 0, false, undefined],
    ['scenario 4', 10, int(2), 1, 10, false, undefined],
  ])('%s', (_name, deploymentReplicas, maxUnavailable, readyPods, oldReplicas, scaleExpected, expectedOldReplicas) => {
    const oldRS: ReplicaSetView = { ...rs('foo-v2', oldReplicas), availableReplicas: readyPods };
    const before = copyOf(oldRS);
    const deployment = newDeployment(deploymentReplicas, int(0), maxUnavailable);
    const events: ReplicaSetScaling[] = [];

    const scaled = scaleDownOldReplicaSets(deployment, [oldRS], [oldRS], events);

    if (!scaleExpected) {
      expect(scaled).toBe(0);
      expect(events).toEqual([]);
      expect(oldRS).toEqual(before);
      return;
    }
    expect(scaled).not.toBe(0);
    expect(events).toHaveLength(1);
    expect(oldRS.replicas).toBe(expectedOldReplicas);
  });
});

describe('probe, not an upstream table case: cleanupUnhealthyReplicas when status.availableReplicas exceeds spec.replicas', () => {
  // Upstream rolling.go cleanupUnhealthyReplicas (same in every version read):
  //   scaledDownCount := min(maxCleanupCount-totalScaledDown, *(targetRS.Spec.Replicas)-targetRS.Status.AvailableReplicas)
  //   newReplicasCount := *(targetRS.Spec.Replicas) - scaledDownCount
  //   if newReplicasCount > *(targetRS.Spec.Replicas) {
  //     return nil, 0, fmt.Errorf("when cleaning up unhealthy replicas, got invalid request to scale down ...")
  //   }
  // and reconcileOldReplicaSets turns that error into `return false, nil`: nothing is scaled this step.
  // A stale status (old set just scaled 10 → 8, its 10 pods still counted available) makes the
  // difference negative. Deployment 10, maxSurge 2, maxUnavailable 2; new set 4 replicas, 4 available:
  // allPods 12, minAvailable 8, newUnavailable 0 → maxScaledDown 4 > 0, so the cleanup runs and errors.
  it('old set spec 8 / available 10: no scaling, old set stays at 8, no event', () => {
    const deployment = newDeployment(10, int(2), int(2));
    const oldRS: ReplicaSetView = { ...rs('foo-old', 8), availableReplicas: 10 };
    const newRS: ReplicaSetView = { ...rs('foo-new', 4), availableReplicas: 4 };
    const events: ReplicaSetScaling[] = [];

    const scaled = reconcileOldReplicaSets(deployment, [oldRS], newRS, events);

    expect(scaled).toBe(false);
    expect(oldRS.replicas).toBe(8);
    expect(events).toEqual([]);
  });
});
