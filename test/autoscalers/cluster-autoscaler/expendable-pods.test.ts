/**
 * The cluster-autoscaler and pod priority: IsExpendablePod (core/utils, TestIsExpandablePod's
 * table: below the cutoff and not preemptionPolicy Never), FilterOutExpendableAndSplit (pods
 * nominated to an existing node wait for their preemption and take its room in the snapshot), and
 * expendable pods left out of the snapshot (static_autoscaler.go initializeClusterSnapshot): their
 * room is free to the pending pods, and a node holding only them is empty to the scale-down.
 */
import { describe, expect, it } from 'vitest';
import { isExpendablePod, splitExpendable, splitWaitingForPreemption } from '../../../src/autoscalers/cluster-autoscaler/scale-up/pending-pods.js';
import { planScaleUp } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import type { CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { caPod, copyCaNode } from '../../../src/controllers/cluster-autoscaler/snapshot.js';
import { makeNode, makePod, makeTemplate } from '../../helpers/builders.js';
import { GIB, group, node, pod, seeded, settings, template } from './builders.js';

describe('IsExpendablePod (TestIsExpandablePod)', () => {
  it.each([
    ['priority not set, zero cutoff', undefined, undefined, 0, false],
    ['priority not set, negative cutoff', undefined, undefined, -1, false],
    ['priority set, default preemption policy, higher cutoff', -1, undefined, 0, true],
    ['priority set, default preemption policy, equal cutoff', -1, undefined, -1, false],
    ['priority set, default preemption policy, smaller cutoff', -1, undefined, -2, false],
    ['priority set, never preemption policy, higher cutoff', -1, 'Never', 0, false],
    ['priority set, never preemption policy, equal cutoff', -1, 'Never', -1, false],
  ] as const)('%s', (_name, priority, preemptionPolicy, cutoff, want) => {
    const p: Pick<CaPod, 'priority' | 'preemptionPolicy'> = { ...(priority !== undefined ? { priority } : {}), ...(preemptionPolicy !== undefined ? { preemptionPolicy } : {}) };
    expect(isExpendablePod(p, cutoff)).toBe(want);
  });

  it('splitExpendable follows it', () => {
    const split = splitExpendable([pod('a', 1, 0, { priority: -11 }), pod('b', 1, 0, { priority: -11, preemptionPolicy: 'Never' }), pod('c', 1, 0, { priority: -10 })], -10);
    expect(split.expendable.map((p) => p.name)).toEqual(['a']);
    expect(split.kept.map((p) => p.name)).toEqual(['b', 'c']);
  });
});

describe('FilterOutExpendableAndSplit: pods waiting for their preemption', () => {
  const small = group('small', template(1000, 4 * GIB), { targetSize: 1, maxSize: 10 });
  const plan = (pending: CaPod[], nodes = [node('n0', 'small', 1000, 4 * GIB)]) =>
    planScaleUp({
      unschedulablePods: pending,
      groups: [small],
      nodes,
      limits: { currentNodeCount: nodes.length, currentTotals: { cpuMillicores: 1000, memoryBytes: 4 * GIB } },
      config: settings(),
      nowSeconds: 1000,
      random: seeded(),
    });

  it('a pod nominated to an existing node triggers no scale-up; one nominated to a node that is gone does', () => {
    expect(splitWaitingForPreemption([pod('w', 1, 0, { nominatedNodeName: 'n0' }), pod('g', 1, 0, { nominatedNodeName: 'gone' }), pod('u', 1)], new Set(['n0'])).waiting.map((p) => p.name)).toEqual(['w']);
    const full = [node('n0', 'small', 1000, 4 * GIB, [pod('busy', 1000)])];
    expect(plan([pod('w', 600, 0, { nominatedNodeName: 'n0' })], full).reason).toBe('NoUnschedulablePods');
    expect(plan([pod('w', 600, 0, { nominatedNodeName: 'gone' })], full).reason).toBe('ScaleUp');
  });

  it("the nominated pod takes its node's room in the snapshot: another pending pod no longer fits there", () => {
    const free = [node('n0', 'small', 1000, 4 * GIB)];
    expect(plan([pod('other', 600)], free).reason).toBe('PodsFitUpcomingNodes');
    const r = plan([pod('w', 600, 0, { nominatedNodeName: 'n0' }), pod('other', 600)], free);
    expect(r.reason).toBe('ScaleUp');
    expect(r.podsHelped).toEqual(['other']);
  });
});

describe("the CA's snapshot of a node leaves expendable pods out", () => {
  const replicaSet = (): string => 'ReplicaSet';

  it('copies priority and preemptionPolicy onto the CaPod', () => {
    const p = makePod({ name: 'pause-1', template: makeTemplate({ priority: -1, preemptionPolicy: 'Never' }) });
    expect(caPod(p, replicaSet)).toMatchObject({ priority: -1, preemptionPolicy: 'Never' });
    expect(caPod(makePod({ name: 'plain' }), replicaSet).priority).toBeUndefined();
  });

  it('drops pods below the cutoff (-10), keeps pods at -1 (the overprovisioning pause pods count)', () => {
    const n = makeNode({ name: 'n0' });
    n.pods.push(makePod({ name: 'web' }), makePod({ name: 'pause', template: makeTemplate({ priority: -1 }) }), makePod({ name: 'batch', template: makeTemplate({ priority: -100 }) }));
    expect(copyCaNode(n, replicaSet).pods.map((p) => p.name)).toEqual(['web', 'pause']);
  });
});
