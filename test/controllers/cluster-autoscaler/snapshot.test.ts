/** The cluster-autoscaler's snapshot of a pod: kept on the pod while it holds, made anew when the pod changes. */
import { describe, expect, it } from 'vitest';
import { caPod } from '../../../src/controllers/cluster-autoscaler/snapshot.js';
import { makePod } from '../../helpers/builders.js';

const replicaSet = (): string => 'ReplicaSet';

describe('caPod', () => {
  it('copies the pod, and hands out the same copy while nothing it copies changed', () => {
    const pod = makePod({ name: 'web-1' });
    const first = caPod(pod, replicaSet);
    expect(first).toMatchObject({ name: 'web-1', namespace: 'default', cpuMillicores: 250, ownerKind: 'ReplicaSet', ownerName: 'web', terminationGracePeriodSeconds: 30 });
    expect(first.deletionSeconds).toBeUndefined();
    expect(first.terminal).toBeUndefined();
    expect(caPod(pod, replicaSet)).toBe(first);
  });

  it('makes a new copy once the pod is being deleted, leaving the old one as it was', () => {
    const pod = makePod({ name: 'web-2' });
    const before = caPod(pod, replicaSet);
    pod.deletionSeconds = 120;
    const after = caPod(pod, replicaSet);
    expect(after).not.toBe(before);
    expect(after.deletionSeconds).toBe(120);
    expect(before.deletionSeconds).toBeUndefined();
    expect(caPod(pod, replicaSet)).toBe(after);
  });

  it.each(['Succeeded', 'Failed'] as const)('makes a new copy once the pod is terminal (%s)', (phase) => {
    const pod = makePod({ name: 'job-1' });
    const before = caPod(pod, replicaSet);
    pod.phase = phase;
    const after = caPod(pod, replicaSet);
    expect(after.terminal).toBe(true);
    expect(before.terminal).toBeUndefined();
  });
});
