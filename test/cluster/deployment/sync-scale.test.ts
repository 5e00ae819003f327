/**
 * Ported from kubernetes/kubernetes pkg/controller/deployment/sync_test.go TestScale (the
 * proportional-scaling table), at commit 78fc8e44052f699bf598f84b697b41e5a328c9c5 (ptr.To /
 * intstr.FromInt32 / ktesting era). Fixture helpers (newDeployment, rs) as in
 * deployment_controller_test.go; see upstream-fixtures.ts.
 *
 * Upstream's setup, kept: every given set (new and old) gets the replica annotations
 * SetReplicasAnnotations(rs, desired, desired + MaxSurge(oldDeployment)), desired being
 * oldDeployment's spec.replicas unless desiredReplicasAnnotations names the set; then
 * dc.scale(deployment, newRS, oldRSs) (here scaleForReplicas). Upstream reads each set's size from
 * the fake client's Update actions, except for the sets in wasntUpdated, whose size stays the
 * given one (a simulated failed update); here the views are updated in place, so a set in
 * wasntUpdated is read at its given size and every other set at its size after the call.
 * Timestamps: olderTimestamp 2016-05-20T00:00Z, oldTimestamp 01:00, newTimestamp 02:00 (seconds
 * 0, 3600, 7200 here; only their order matters).
 */
import { describe, expect, it } from 'vitest';
import { scaleForReplicas } from '../../../src/cluster/deployment/proportional-scale.js';
import type { DeploymentView, ReplicaSetScaling, ReplicaSetView } from '../../../src/cluster/deployment/replica-sets.js';
import { maxSurge } from '../../../src/cluster/deployment/strategy.js';
import { int, newDeployment, rs } from './upstream-fixtures.js';

const olderTimestamp = 0;
const oldTimestamp = 3600;
const newTimestamp = 7200;

interface ScaleCase {
  name: string;
  deployment: DeploymentView;
  oldDeployment: DeploymentView;
  newRS: ReplicaSetView | undefined;
  oldRSs: ReplicaSetView[];
  expectedNew: ReplicaSetView | undefined;
  expectedOld: ReplicaSetView[];
  wasntUpdated?: Record<string, boolean>;
  desiredReplicasAnnotations?: Record<string, number>;
}

const tests: ScaleCase[] = [
  {
    name: 'normal scaling event: 10 -> 12',
    deployment: newDeployment(12),
    oldDeployment: newDeployment(10),
    newRS: rs('foo-v1', 10, newTimestamp),
    oldRSs: [],
    expectedNew: rs('foo-v1', 12, newTimestamp),
    expectedOld: [],
  },
  {
    name: 'normal scaling event: 10 -> 5',
    deployment: newDeployment(5),
    oldDeployment: newDeployment(10),
    newRS: rs('foo-v1', 10, newTimestamp),
    oldRSs: [],
    expectedNew: rs('foo-v1', 5, newTimestamp),
    expectedOld: [],
  },
  {
    name: 'proportional scaling: 5 -> 10',
    deployment: newDeployment(10),
    oldDeployment: newDeployment(5),
    newRS: rs('foo-v2', 2, newTimestamp),
    oldRSs: [rs('foo-v1', 3, oldTimestamp)],
    expectedNew: rs('foo-v2', 4, newTimestamp),
    expectedOld: [rs('foo-v1', 6, oldTimestamp)],
  },
  {
    name: 'proportional scaling: 5 -> 3',
    deployment: newDeployment(3),
    oldDeployment: newDeployment(5),
    newRS: rs('foo-v2', 2, newTimestamp),
    oldRSs: [rs('foo-v1', 3, oldTimestamp)],
    expectedNew: rs('foo-v2', 1, newTimestamp),
    expectedOld: [rs('foo-v1', 2, oldTimestamp)],
  },
  {
    name: 'proportional scaling: 9 -> 4',
    deployment: newDeployment(4),
    oldDeployment: newDeployment(9),
    newRS: rs('foo-v2', 8, newTimestamp),
    oldRSs: [rs('foo-v1', 1, oldTimestamp)],
    expectedNew: rs('foo-v2', 4, newTimestamp),
    expectedOld: [rs('foo-v1', 0, oldTimestamp)],
  },
  {
    name: 'proportional scaling: 7 -> 10',
    deployment: newDeployment(10),
    oldDeployment: newDeployment(7),
    newRS: rs('foo-v3', 2, newTimestamp),
    oldRSs: [rs('foo-v2', 3, oldTimestamp), rs('foo-v1', 2, olderTimestamp)],
    expectedNew: rs('foo-v3', 3, newTimestamp),
    expectedOld: [rs('foo-v2', 4, oldTimestamp), rs('foo-v1', 3, olderTimestamp)],
  },
  {
    name: 'proportional scaling: 13 -> 8',
    deployment: newDeployment(8),
    oldDeployment: newDeployment(13),
    newRS: rs('foo-v3', 2, newTimestamp),
    oldRSs: [rs('foo-v2', 8, oldTimestamp), rs('foo-v1', 3, olderTimestamp)],
    expectedNew: rs('foo-v3', 1, newTimestamp),
    expectedOld: [rs('foo-v2', 5, oldTimestamp), rs('foo-v1', 2, olderTimestamp)],
  },
  // Scales up the new replica set.
  {
    name: 'leftover distribution: 3 -> 4',
    deployment: newDeployment(4),
    oldDeployment: newDeployment(3),
    newRS: rs('foo-v3', 1, newTimestamp),
    oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    expectedNew: rs('foo-v3', 2, newTimestamp),
    expectedOld: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
  },
  // Scales down the older replica set.
  {
    name: 'leftover distribution: 3 -> 2',
    deployment: newDeployment(2),
    oldDeployment: newDeployment(3),
    newRS: rs('foo-v3', 1, newTimestamp),
    oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    expectedNew: rs('foo-v3', 1, newTimestamp),
    expectedOld: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 0, olderTimestamp)],
  },
  // Scales up the latest replica set first.
  {
    name: 'proportional scaling (no new rs): 4 -> 5',
    deployment: newDeployment(5),
    oldDeployment: newDeployment(4),
    newRS: undefined,
    oldRSs: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 2, olderTimestamp)],
    expectedNew: undefined,
    expectedOld: [rs('foo-v2', 3, oldTimestamp), rs('foo-v1', 2, olderTimestamp)],
  },
  // Scales down to zero
  {
    name: 'proportional scaling: 6 -> 0',
    deployment: newDeployment(0),
    oldDeployment: newDeployment(6),
    newRS: rs('foo-v3', 3, newTimestamp),
    oldRSs: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    expectedNew: rs('foo-v3', 0, newTimestamp),
    expectedOld: [rs('foo-v2', 0, oldTimestamp), rs('foo-v1', 0, olderTimestamp)],
  },
  // Scales up from zero
  {
    name: 'proportional scaling: 0 -> 6',
    deployment: newDeployment(6),
    oldDeployment: newDeployment(6),
    newRS: rs('foo-v3', 0, newTimestamp),
    oldRSs: [rs('foo-v2', 0, oldTimestamp), rs('foo-v1', 0, olderTimestamp)],
    expectedNew: rs('foo-v3', 6, newTimestamp),
    expectedOld: [rs('foo-v2', 0, oldTimestamp), rs('foo-v1', 0, olderTimestamp)],
    wasntUpdated: { 'foo-v2': true, 'foo-v1': true },
  },
  // Scenario: deployment.spec.replicas == 3 ( foo-v1.spec.replicas == foo-v2.spec.replicas == foo-v3.spec.replicas == 1 )
  // Deployment is scaled to 5. foo-v3.spec.replicas and foo-v2.spec.replicas should increment by 1 but foo-v2 fails to
  // update.
  {
    name: 'failed rs update',
    deployment: newDeployment(5),
    oldDeployment: newDeployment(5),
    newRS: rs('foo-v3', 2, newTimestamp),
    oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    expectedNew: rs('foo-v3', 2, newTimestamp),
    expectedOld: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    wasntUpdated: { 'foo-v3': true, 'foo-v1': true },
    desiredReplicasAnnotations: { 'foo-v2': 3 },
  },
  {
    name: 'deployment with surge pods',
    deployment: newDeployment(20, int(2)),
    oldDeployment: newDeployment(10, int(2)),
    newRS: rs('foo-v2', 6, newTimestamp),
    oldRSs: [rs('foo-v1', 6, oldTimestamp)],
    expectedNew: rs('foo-v2', 11, newTimestamp),
    expectedOld: [rs('foo-v1', 11, oldTimestamp)],
  },
  {
    name: 'change both surge and size',
    deployment: newDeployment(50, int(6)),
    oldDeployment: newDeployment(10, int(3)),
    newRS: rs('foo-v2', 5, newTimestamp),
    oldRSs: [rs('foo-v1', 8, oldTimestamp)],
    expectedNew: rs('foo-v2', 22, newTimestamp),
    expectedOld: [rs('foo-v1', 34, oldTimestamp)],
  },
  {
    // Upstream's updatedTemplate(14) differs from oldDeployment only in a template label; the
    // template is not part of the views, and dc.scale does not read it.
    name: 'change both size and template',
    deployment: newDeployment(14),
    oldDeployment: newDeployment(10),
    newRS: undefined,
    oldRSs: [rs('foo-v2', 7, newTimestamp), rs('foo-v1', 3, oldTimestamp)],
    expectedNew: undefined,
    expectedOld: [rs('foo-v2', 10, newTimestamp), rs('foo-v1', 4, oldTimestamp)],
  },
  {
    name: 'saturated but broken new replica set does not affect old pods',
    deployment: newDeployment(2, int(1), int(1)),
    oldDeployment: newDeployment(2, int(1), int(1)),
    newRS: { ...rs('foo-v2', 2, newTimestamp), availableReplicas: 0 },
    oldRSs: [rs('foo-v1', 1, oldTimestamp)],
    expectedNew: rs('foo-v2', 2, newTimestamp),
    expectedOld: [rs('foo-v1', 1, oldTimestamp)],
  },
];

/** deploymentutil.SetReplicasAnnotations(rs, desired, desired + MaxSurge(*test.oldDeployment)). */
function annotate(set: ReplicaSetView, test: ScaleCase): void {
  const desired = test.desiredReplicasAnnotations?.[set.name] ?? test.oldDeployment.replicas;
  set.desiredReplicas = desired;
  set.maxReplicas = desired + maxSurge(test.oldDeployment.strategy, test.oldDeployment.replicas);
}

describe('TestScale (sync.go scale → scaleForReplicas)', () => {
  it.each(tests.map((t) => [t.name, t] as const))('%s', (_name, test) => {
    const given = new Map<string, number>();
    if (test.newRS !== undefined) {
      annotate(test.newRS, test);
      given.set(test.newRS.name, test.newRS.replicas);
    }
    for (const set of test.oldRSs) {
      annotate(set, test);
      given.set(set.name, set.replicas);
    }

    const events: ReplicaSetScaling[] = [];
    scaleForReplicas(test.deployment, test.newRS, test.oldRSs, events);

    const sizeOf = (set: ReplicaSetView): number => (test.wasntUpdated?.[set.name] ? given.get(set.name)! : set.replicas);
    if (test.expectedNew !== undefined && test.newRS !== undefined) {
      expect(sizeOf(test.newRS), `expected new replicas (${test.newRS.name})`).toBe(test.expectedNew.replicas);
    }
    expect(test.oldRSs.length).toBe(test.expectedOld.length);
    for (const expected of test.expectedOld) {
      const set = test.oldRSs.find((candidate) => candidate.name === expected.name);
      expect(set, `old set ${expected.name}`).toBeDefined();
      expect(sizeOf(set!), `expected old (${expected.name}) replicas`).toBe(expected.replicas);
    }
  });
});
