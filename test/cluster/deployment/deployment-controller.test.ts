/**
 * Ported from kubernetes/kubernetes pkg/controller/deployment/deployment_controller_test.go
 * TestSyncDeploymentCreatesReplicaSet, at commit 57a37514f2231cf381908e589517bddb3ab09d62 (the
 * stored version the index returns for that path; extensions/v1beta1 era, same fixture defaults:
 * newDeployment's maxSurge and maxUnavailable FromInt(0), RollingUpdate).
 *
 * Upstream: a Deployment "foo" of 1 replica and no ReplicaSet; syncDeployment must create one
 * ReplicaSet, newReplicaSet(d, ..., 1), i.e. of 1 replica, and then only update the Deployment's
 * status (no further ReplicaSet action). Here: the sync creates the new set with 1 replica, records
 * its one creation event and scales nothing else.
 */
import { describe, expect, it } from 'vitest';
import { syncDeployment } from '../../../src/cluster/deployment/deployment-sync.js';
import { newDeployment } from './upstream-fixtures.js';

describe('TestSyncDeploymentCreatesReplicaSet', () => {
  it('a Deployment of 1 with no ReplicaSet creates one ReplicaSet of 1 replica and takes no other ReplicaSet action', () => {
    const d = newDeployment(1);
    const result = syncDeployment({ deployment: d, oldSets: [], newSet: undefined, newSetName: 'foo-4186632231', nowSeconds: 100, oldPodsRunning: false });
    expect(result.path).toBe('rollingUpdate');
    expect(result.createdNewSet).toBe(true);
    expect(result.newSet?.replicas).toBe(1);
    expect(result.newSet?.desiredReplicas).toBe(1);
    expect(result.newSet?.maxReplicas).toBe(1);
    expect(result.events.map((e) => [e.replicaSet, e.fromReplicas, e.toReplicas])).toEqual([['foo-4186632231', 0, 1]]);
  });
});
