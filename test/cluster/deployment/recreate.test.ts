/**
 * Ported from kubernetes/kubernetes pkg/controller/deployment/recreate_test.go at commit
 * f77451e4e879907a21acdc62346dc4af0b875561 (apps/v1 era).
 *
 * TestScaleDownOldReplicaSets calls dc.scaleDownOldReplicaSetsForRecreate(oldRSs, d) directly and
 * checks that every old set is at 0. The simulator has no such function: its Recreate scale-down is
 * the first step of syncDeployment's Recreate path, so the case runs through syncDeployment with a
 * Recreate strategy (upstream's newDeployment is RollingUpdate, which the direct call ignores) and no
 * new set. newReplicaSet(d, "foo-<n>", size) has no creation timestamp and no annotations.
 *
 * Not ported: TestOldPodsRunning (oldPodsRunning is an input of syncDeployment here, computed by the
 * caller from the pods, so there is no function of the views to test).
 */
import { describe, expect, it } from 'vitest';
import { syncDeployment } from '../../../src/cluster/deployment/deployment-sync.js';
import type { DeploymentView } from '../../../src/cluster/deployment/replica-sets.js';
import { rs } from './upstream-fixtures.js';

describe('TestScaleDownOldReplicaSets (scaleDownOldReplicaSetsForRecreate, via syncDeployment Recreate)', () => {
  it.each<[string, number[], number]>([['scenario 0', [3], 3]])('%s: old sets %j, Deployment of %i → every old set at 0', (_name, oldRSSizes, replicas) => {
    const d: DeploymentView = { replicas, strategy: { type: 'Recreate' }, statusReplicas: 0 };
    const oldSets = oldRSSizes.map((size, n) => rs(`foo-${n}`, size));
    const result = syncDeployment({ deployment: d, oldSets, newSet: undefined, newSetName: 'foo-new', nowSeconds: 100, oldPodsRunning: true });
    expect(result.path).toBe('recreate');
    expect(result.oldSets).toHaveLength(oldRSSizes.length);
    for (const set of result.oldSets) expect(set.replicas, `rs ${set.name}`).toBe(0);
  });
});
