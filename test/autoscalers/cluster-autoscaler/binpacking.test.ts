import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/autoscalers/cluster-autoscaler/estimator/binpacking.js';
import { buildPodEquivalenceGroups, orderPodGroupsDecreasing, podScore } from '../../../src/autoscalers/cluster-autoscaler/estimator/pod-order.js';
import type { CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { GIB, MIB, pod, pods, template } from './builders.js';

const T = template(1000, 5000 * MIB, { maxPods: 10 });

function run(podGroups: CaPod[][], maxNodes = 0, t = T) {
  const r = estimate({ podGroups, template: t, maxNodes });
  return { nodes: r.nodeCount, scheduled: r.scheduledPods.length, left: r.unschedulablePods.length, reason: r.reason };
}

describe('estimate (binpacking_estimator.go)', () => {
  it.each([
    ['resources: two 350m pods per 1000m node', [pods('a', 10, 350, 1000)], 0, T, { nodes: 5, scheduled: 10, left: 0, reason: 'AllPodsScheduled' }],
    ['max pods: 20 tiny pods on 10-pod nodes need 2 nodes', [pods('a', 20, 10, 100)], 0, template(10000, 20000 * MIB, { maxPods: 10 }), { nodes: 2, scheduled: 20, left: 0, reason: 'AllPodsScheduled' }],
    ['host ports: one pod per node', [pods('a', 8, 200, 1000, { hostPorts: [5555] })], 0, T, { nodes: 8, scheduled: 8, left: 0, reason: 'AllPodsScheduled' }],
    ['limiter: maxNodes 5 stops at 10 of 20 pods', [pods('a', 20, 500, 1000)], 5, T, { nodes: 5, scheduled: 10, left: 10, reason: 'NodeLimitReached' }],
    ['limiter: maxNodes 0 means no limit', [pods('a', 20, 500, 1000)], 0, T, { nodes: 10, scheduled: 20, left: 0, reason: 'AllPodsScheduled' }],
    ['limiter: a negative maxNodes allows no node', [pods('a', 3, 500)], -1, T, { nodes: 0, scheduled: 0, left: 3, reason: 'NodeLimitReached' }],
    ['memory binds: 3 GiB pods on a 5000 MiB node, one each', [pods('a', 4, 10, 3 * GIB)], 0, T, { nodes: 4, scheduled: 4, left: 0, reason: 'AllPodsScheduled' }],
    ['a pod bigger than a node is left, no node counted', [[pod('huge', 2000)]], 0, T, { nodes: 0, scheduled: 0, left: 1, reason: 'PodDoesNotFitTemplate' }],
  ] as const)('%s', (_name, groups, maxNodes, t, expected) => {
    expect(run(groups.map((g) => [...g]), maxNodes, t)).toEqual(expected);
  });

  it('processes larger pods first: the 500m pods fill the 5 allowed nodes, the 50m pods get nothing', () => {
    const small = pods('small', 10, 50, 1000);
    const big = pods('big', 10, 500, 1000);
    const r = estimate({ podGroups: [small, big], template: T, maxNodes: 5 });
    expect(r.nodeCount).toBe(5);
    expect(r.scheduledPods).toEqual(big);
    expect(r.unschedulablePods).toEqual(small);
  });

  it('smaller pods fill the room the larger ones left on the nodes already added', () => {
    const r = run([pods('small', 3, 400), pods('big', 3, 600)]);
    expect(r).toEqual({ nodes: 3, scheduled: 6, left: 0, reason: 'AllPodsScheduled' });
  });

  it('a pod too big for the template uses a limiter slot, but later pods may use its empty node', () => {
    const r = estimate({ podGroups: [[pod('huge', 5000)], pods('s', 2, 100)], template: T, maxNodes: 1 });
    expect(r.nodeCount).toBe(1);
    expect(r.scheduledPods.map((p) => p.name)).toEqual(['s-0', 's-1']);
    expect(r.unschedulablePods.map((p) => p.name)).toEqual(['huge']);
  });

  it.each([
    ['an untolerated NoSchedule taint', {}, false],
    ['a matching toleration', { tolerations: [{ key: 'dedicated', operator: 'Equal' as const, value: 'batch', effect: 'NoSchedule' as const }] }, true],
  ])('template taints and labels filter pods: %s', (_name, extra, fits) => {
    const t = template(1000, GIB, { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] });
    expect(estimate({ podGroups: [[pod('p', 100, 0, extra)]], template: t, maxNodes: 0 }).nodeCount).toBe(fits ? 1 : 0);
    const selective = pod('q', 100, 0, { nodeSelector: { disk: 'ssd' } });
    expect(estimate({ podGroups: [[selective]], template: template(1000, GIB, { labels: { disk: 'ssd' } }), maxNodes: 0 }).nodeCount).toBe(1);
    expect(estimate({ podGroups: [[selective]], template: template(1000, GIB), maxNodes: 0 }).reason).toBe('PodDoesNotFitTemplate');
  });

  it('does not modify its input pods or groups', () => {
    const group = pods('a', 3, 300);
    const copy = structuredClone(group);
    estimate({ podGroups: [group], template: T, maxNodes: 0 });
    expect(group).toEqual(copy);
  });
});

describe('pod order (decreasing_pod_orderer.go)', () => {
  it('scores cpu/nodeCpu + mem/nodeMem', () => {
    expect(podScore(pod('p', 500, 2500 * MIB), T)).toBeCloseTo(1, 12);
  });

  it('sorts groups by score, largest first, keeping input order on ties', () => {
    const a = pods('a', 1, 100);
    const b = pods('b', 1, 500);
    const c = pods('c', 1, 100);
    expect(orderPodGroupsDecreasing([a, b, c], T)).toEqual([b, a, c]);
  });

  it('groups pods by controller and spec; pods without a controller stay alone', () => {
    const web = pods('web', 2, 100);
    const lone = [pod('x', 100, 0, { ownerKind: undefined }), pod('y', 100, 0, { ownerKind: undefined })];
    const bigger = pod('web-big', 200, 0, { ownerName: 'web' });
    expect(buildPodEquivalenceGroups([...web, ...lone, bigger])).toEqual([web, [lone[0]], [lone[1]], [bigger]]);
  });
});
