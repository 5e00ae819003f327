/**
 * The pods of nodes being drained in the scale-up (core/podlistprocessor/currently_drained_nodes.go,
 * whose table test the first block follows), and the snapshot the scale-up leaves for scale-down:
 * pods filterOutSchedulable put on existing nodes' free room, and pods waiting for a preemption on
 * their nominated node, stay there for the rest of RunOnce (nothing reverts them).
 */
import { describe, expect, it } from 'vitest';
import { podsOfDrainedNodes } from '../../../src/autoscalers/cluster-autoscaler/scale-up/drained-pods.js';
import { planScaleUp, type ScaleUpPlanInput } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import type { CaNode, CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { TO_BE_DELETED_TAINT } from '../../../src/controllers/cluster-autoscaler/snapshot.js';
import { GIB, group, node, pod, seeded, settings, template } from './builders.js';

const NOW = 1000;

/** A node of group `g` with 1000m and 10 GiB, its pods as given. */
const n = (name: string, podsOnNode: CaPod[] = [], extra: Partial<CaNode> = {}): CaNode => node(name, 'g', 1000, 10 * GIB, podsOnNode, extra);
const names = (list: readonly CaPod[]) => list.map((p) => p.name);

/** One scale-up loop over group `g` (two nodes of 1000m at target, room for five), no pending pod unless given. */
function plan(extra: Partial<ScaleUpPlanInput>) {
  return planScaleUp({
    unschedulablePods: [],
    groups: [group('g', template(1000, 10 * GIB), { targetSize: 2, maxSize: 5 })],
    limits: { currentNodeCount: 2, currentTotals: { cpuMillicores: 2000, memoryBytes: 20 * GIB } },
    config: settings(),
    nowSeconds: NOW,
    random: seeded(),
    ...extra,
  });
}

describe('podsOfDrainedNodes (currentlyDrainedNodesPodListProcessor)', () => {
  const p1 = pod('p1', 100);
  const p2 = pod('p2', 200);
  it.each([
    ['no nodes', [], [], []],
    ['a single node being drained: its pods', [n('n', [p1, p2])], ['n'], ['p1', 'p2']],
    ['its terminating pods are skipped', [n('n', [p1, pod('p2', 200, 0, { deletionSeconds: NOW - 1 })])], ['n'], ['p1']],
    ['an empty node being drained', [n('n')], ['n'], []],
    ['a node not being drained', [n('n', [p1, p2])], [], []],
    ['only the nodes being drained', [n('n1', [p1, p2]), n('n2', [pod('p3', 300), pod('p4', 400)])], ['n1'], ['p1', 'p2']],
    ['all nodes being drained, in node order', [n('n1', [p1, p2]), n('n2', [pod('p3', 300), pod('p4', 400)])], ['n1', 'n2'], ['p1', 'p2', 'p3', 'p4']],
    [
      'pods no controller recreates are left out (DaemonSet, mirror and static pods); a pod with no controller stays',
      [
        n('n', [
          pod('bare', 100, 0, { ownerKind: undefined, ownerName: undefined }),
          pod('rs', 200),
          pod('ds', 300, 0, { ownerKind: 'DaemonSet' }),
          pod('ds-flag', 300, 0, { daemonSet: true }),
          pod('mirror', 400, 0, { annotations: { 'kubernetes.io/config.mirror': 'abc' } }),
          pod('static', 500, 0, { mirror: true }),
        ]),
      ],
      ['n'],
      ['bare', 'rs'],
    ],
    ['terminal pods are not in the snapshot', [n('n', [p1, pod('done', 100, 0, { terminal: true })])], ['n'], ['p1']],
  ] as const)('%s', (_name, nodes, draining, expected) => {
    expect(names(podsOfDrainedNodes(nodes, new Set(draining)))).toEqual(expected);
  });
});

describe('planScaleUp with the pods of a node being drained', () => {
  const drained = (podsOnNode: CaPod[]): CaNode => n('d', podsOnNode, { taints: [TO_BE_DELETED_TAINT], beingDeleted: true });

  it('pods that fit the free room elsewhere take it, and there is no pod to help', () => {
    const a = pod('a', 300);
    const r = plan({ drainedPods: [a], nodes: [drained([a]), n('free', [pod('other', 500)])] });
    expect(r).toMatchObject({ reason: 'NoUnschedulablePods', increase: 0, podsAbsorbed: ['a'] });
    // The room they took stays taken for scale-down; never the node being drained (its taint).
    expect([...r.placedOnNodes].map(([k, v]) => [k, names(v)])).toEqual([['free', ['a']]]);
  });

  it('pods with no room left start a scale-up before their eviction', () => {
    const a = pod('a', 600);
    const r = plan({ drainedPods: [a], nodes: [drained([a]), n('busy', [pod('other', 500)])] });
    expect(r).toMatchObject({ reason: 'ScaleUp', group: 'g', increase: 1, podsHelped: ['a'], podsAbsorbed: [] });
  });

  it('they join after the expendable filter: a low-priority pod of a drained node counts', () => {
    const low = pod('low', 600, 0, { priority: -100 });
    expect(plan({ drainedPods: [low], nodes: [drained([low]), n('busy', [pod('other', 500)])] })).toMatchObject({ reason: 'ScaleUp', podsHelped: ['low'] });
    // The same pod pending is expendable and never helped.
    expect(plan({ unschedulablePods: [low], nodes: [n('busy', [pod('other', 500)])] })).toMatchObject({ reason: 'NoUnschedulablePods', increase: 0 });
  });

  it('they go after the pending pods of the same priority: a pending pod takes the room first', () => {
    const a = pod('a', 400);
    const r = plan({ unschedulablePods: [pod('pending', 400)], drainedPods: [a], nodes: [drained([a]), n('room', [pod('other', 500)])] });
    expect(r).toMatchObject({ reason: 'ScaleUp', podsAbsorbed: ['pending'], podsHelped: ['a'] });
    expect(names(r.placedOnNodes.get('room')!)).toEqual(['pending']);
  });
});

describe('the snapshot scale-down starts from (ScaleUpPlan.placedOnNodes)', () => {

  it('holds pending pods put on existing free room, by node, not those put on upcoming nodes', () => {
    const r = plan({
      unschedulablePods: [pod('p0', 600), pod('p1', 600), pod('p2', 300)],
      nodes: [n('a', [pod('x', 300)]), n('b', [pod('y', 900)])],
      upcomingNodes: [{ group: 'g', count: 1 }],
    });
    expect(r).toMatchObject({ reason: 'PodsFitUpcomingNodes', podsAbsorbed: ['p0', 'p1', 'p2'] });
    // p0 takes a's room, p1 the upcoming node, p2 the rest of the upcoming node (a has 100m left).
    expect([...r.placedOnNodes].map(([k, v]) => [k, names(v)])).toEqual([['a', ['p0']]]);
  });

  it('holds a pod waiting for a preemption on its nominated node', () => {
    const r = plan({ unschedulablePods: [pod('nominated', 500, 0, { nominatedNodeName: 'b' })], nodes: [n('a'), n('b', [pod('victim', 400)])] });
    expect(r.reason).toBe('NoUnschedulablePods');
    expect([...r.placedOnNodes].map(([k, v]) => [k, names(v)])).toEqual([['b', ['nominated']]]);
  });

  it('is empty when no pod landed on an existing node', () => {
    expect(plan({ unschedulablePods: [pod('big', 900)], nodes: [n('a', [pod('x', 300)])] }).placedOnNodes.size).toBe(0);
  });
});
