import { describe, expect, it } from 'vitest';
import { planScaleDown, unneededNodesLimit, type ScaleDownPlanInput } from '../../../src/autoscalers/cluster-autoscaler/scale-down/planner.js';
import type { CaNode, CaNodeGroup } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { GIB, group, node, pod, settings, template } from './builders.js';

const NOW = 10_000;
const g = (extra: Partial<CaNodeGroup> = {}) => group('g', template(1000, 4 * GIB), { minSize: 0, maxSize: 20, targetSize: 3, ...extra });
const busy = node('busy', 'g', 1000, 4 * GIB, [pod('work', 600)]);
const idle = (name: string, cpu = 0, extra: Partial<CaNode> = {}) => node(name, 'g', 1000, 4 * GIB, cpu > 0 ? [pod(`${name}-pod`, cpu)] : [], extra);

function plan(nodes: CaNode[], extra: Partial<ScaleDownPlanInput> = {}) {
  return planScaleDown({
    nodes,
    groups: [g()],
    unneededSince: new Map(),
    nowSeconds: NOW,
    config: settings(),
    clusterTotals: { cpuMillicores: nodes.length * 1000, memoryBytes: nodes.length * 4 * GIB },
    ...extra,
  });
}

const removableNames = (p: ReturnType<typeof plan>) => p.removable.map((r) => r.node);
const reasonOf = (p: ReturnType<typeof plan>, name: string) => p.notRemovable.find((n) => n.node === name)?.reason;

describe('planScaleDown: the unneeded map', () => {
  it('new unneeded nodes start now, earlier ones keep their time, needed ones drop out', () => {
    const before = new Map([['a', NOW - 100], ['busy', NOW - 500]]);
    const p = plan([idle('a'), idle('b'), busy], { unneededSince: before });
    expect(p.unneededSince).toEqual(new Map([['a', NOW - 100], ['b', NOW]]));
    expect(reasonOf(p, 'busy')).toBe('NotUnderutilized');
  });

  it('a node whose pods fit nowhere else stays needed', () => {
    const p = plan([idle('a', 400), node('full', 'g', 1000, 4 * GIB, [pod('x', 700)])]);
    expect(p.unneededSince.has('a')).toBe(false);
    expect(p.notRemovable.find((n) => n.node === 'a')).toEqual({ node: 'a', reason: 'NoPlaceToMovePods', unplacedPod: 'a-pod' });
  });

  it('pods moved by an earlier removal count on their new node: the next candidate must move them too', () => {
    // a's pod moves to b (b then holds 600m); b's pods then fit nowhere (busy has 400m free).
    const p = plan([idle('a', 300), idle('b', 300), busy]);
    expect([...p.unneededSince.keys()]).toEqual(['a']);
    expect(reasonOf(p, 'b')).toBe('NoPlaceToMovePods');
  });

  it('tries empty nodes first (main.go\'s EmptySorting comparer): the empty node is unneeded, not the busy one that would move onto it', () => {
    // Listed first, a (300m) would move its pod onto the empty b and leave b needed; empty first, b
    // goes first, and a's 450m fits nowhere else (c has 400m free).
    const p = plan([idle('a', 450), idle('b'), node('c', 'g', 1000, 4 * GIB, [pod('work', 600)])]);
    expect([...p.unneededSince.keys()]).toEqual(['b']);
    expect(reasonOf(p, 'a')).toBe('NoPlaceToMovePods');
  });

  it('among empty or among busy nodes, those already unneeded first; otherwise the nodes keep their order', () => {
    // Both a and b could take the other's pod; a was unneeded before, so a is tried first and b keeps it.
    const p = plan([idle('b', 300), idle('a', 300), busy], { unneededSince: new Map([['a', NOW - 100]]) });
    expect([...p.unneededSince.keys()]).toEqual(['a']);
    expect(reasonOf(p, 'b')).toBe('NoPlaceToMovePods');
  });

  it('a blocking pod keeps the node, with the pod and the rule named', () => {
    const lonely = node('a', 'g', 1000, 4 * GIB, [pod('bare', 100, 0, { ownerKind: undefined })]);
    expect(plan([lonely, busy]).notRemovable.find((n) => n.node === 'a')).toEqual({ node: 'a', reason: 'BlockedByPod', blockingPod: { name: 'bare', reason: 'NotReplicated' } });
  });

  it('a node with only DaemonSet and mirror pods is empty', () => {
    const dsOnly = idle('a', 0, { pods: [pod('ds', 100, 0, { daemonSet: true }), pod('static', 50, 0, { mirror: true })] });
    const p = plan([dsOnly, busy], { unneededSince: new Map([['a', NOW - 700]]) });
    expect(p.removable).toEqual([{ node: 'a', group: 'g', empty: true, risky: false, podsToMove: [], reason: 'UnneededLongEnough' }]);
  });
});

describe('planScaleDown: removal timing', () => {
  it.each([
    ['unneeded for exactly 600 s is not long enough', NOW - 600, true, 'NotUnneededLongEnough'],
    ['unneeded for 610 s is removable', NOW - 610, true, undefined],
    ['an unready node waits scale-down-unready-time (1200 s)', NOW - 900, false, 'NotUnreadyLongEnough'],
    ['an unready node after 1210 s is removable', NOW - 1210, false, undefined],
  ] as const)('%s', (_name, since, ready, reason) => {
    const p = plan([idle('a', 0, { ready }), busy], { unneededSince: new Map([['a', since]]) });
    expect(reasonOf(p, 'a')).toBe(reason);
    expect(removableNames(p)).toEqual(reason === undefined ? ['a'] : []);
  });

  it.each([
    ['delay-after-add running (599 s ago)', { lastScaleUpSeconds: NOW - 599 }, true, 'ScaleDownDelayAfterAdd'],
    ['delay-after-add over at exactly 600 s', { lastScaleUpSeconds: NOW - 600 }, false, undefined],
    ['delay-after-failure running (179 s ago)', { lastScaleDownFailureSeconds: NOW - 179 }, true, 'ScaleDownDelayAfterFailure'],
    ['delay-after-delete 0 by default', { lastDeleteSeconds: NOW }, false, undefined],
    ['delay-after-delete when set', { lastDeleteSeconds: NOW - 5, config: settings({ scaleDownDelayAfterDeleteSeconds: 10 }) }, true, 'ScaleDownDelayAfterDelete'],
  ] as const)('cooldown: %s', (_name, extra, inCooldown, cooldownReason) => {
    const p = plan([idle('a'), busy], { unneededSince: new Map([['a', NOW - 3000]]), ...extra });
    expect({ inCooldown: p.inCooldown, cooldownReason: p.cooldownReason }).toEqual({ inCooldown, cooldownReason });
    expect(removableNames(p)).toEqual(inCooldown ? [] : ['a']);
    expect(p.unneededSince.get('a')).toBe(NOW - 3000);
  });

  it('keeps the group above min size, counting deletions in progress', () => {
    const nodes = [idle('a'), idle('b'), busy];
    const since = new Map([['a', 0], ['b', 0]]);
    const p = plan(nodes, { unneededSince: since, groups: [g({ minSize: 1, targetSize: 3 })] });
    expect(removableNames(p)).toEqual(['a', 'b']);
    const tight = plan(nodes, { unneededSince: since, groups: [g({ minSize: 2, targetSize: 3 })] });
    expect(removableNames(tight)).toEqual(['a']);
    expect(reasonOf(tight, 'b')).toBe('NodeGroupMinSizeReached');
    const inFlight = plan(nodes, { unneededSince: since, groups: [g({ minSize: 2, targetSize: 3 })], deletionsInProgress: new Map([['g', 1]]) });
    expect(removableNames(inFlight)).toEqual([]);
  });

  it('offers no candidate from a group at or below its min size: no unneeded timer runs there (pre_filtering_processor.go)', () => {
    const nodes = [idle('a'), idle('b'), busy];
    const atMin = plan(nodes, { unneededSince: new Map([['a', NOW - 100]]), groups: [g({ minSize: 3, targetSize: 3 })] });
    expect(atMin.unneededSince.size).toBe(0);
    expect(atMin.notRemovable.map((n) => n.reason)).toEqual(['NodeGroupAtMinSize', 'NodeGroupAtMinSize', 'NodeGroupAtMinSize']);
    // Once the group is above its min size (a node requested counts, target size), the timers start afresh.
    const above = plan(nodes, { unneededSince: atMin.unneededSince, groups: [g({ minSize: 3, targetSize: 4 })] });
    expect(above.unneededSince).toEqual(new Map([['a', NOW], ['b', NOW]]));
    // A node the simulation rejected stays out of simulations for the recheck timeout meanwhile.
    const kept = plan(nodes, { unremovableUntil: new Map([['a', NOW + 60]]), groups: [g({ minSize: 3, targetSize: 3 })] });
    expect(kept.unremovableUntil).toEqual(new Map([['a', NOW + 60]]));
  });

  it('drains a node whose pods a budget lets go only one at a time after the others (sortByRisk)', () => {
    // risky holds two pods of a budget allowing one disruption: its drain must wait between evictions.
    const web = (name: string) => pod(name, 100, 0, { labels: { app: 'web' } });
    const risky = node('risky', 'g', 1000, 4 * GIB, [web('r1'), web('r2')]);
    const safe = node('safe', 'g', 1000, 4 * GIB, [pod('s1', 100)]);
    const pdbs = [{ namespace: 'default', selector: { app: 'web' }, disruptionsAllowed: 1 }];
    const since = new Map([['risky', 0], ['safe', 0]]);
    const p = plan([busy, risky, safe], { unneededSince: since, pdbs, config: settings({ maxDrainParallelism: 1 }) });
    expect(p.removable.map((r) => [r.node, r.risky])).toEqual([['safe', false]]);
    expect(reasonOf(p, 'risky')).toBe('ParallelismLimitReached');
    // Without the budget, the node order decides.
    expect(removableNames(plan([busy, risky, safe], { unneededSince: since, config: settings({ maxDrainParallelism: 1 }) }))).toEqual(['risky']);
  });

  it('keeps the cluster above the cores-total minimum', () => {
    const p = plan([idle('a'), busy], { unneededSince: new Map([['a', 0]]), config: settings({ coresTotal: { min: 2, max: 100 } }) });
    expect(reasonOf(p, 'a')).toBe('MinimalResourceLimitExceeded');
  });

  it('scale-down-enabled=false plans nothing', () => {
    expect(plan([idle('a'), busy], { config: settings({ scaleDownEnabled: false }) })).toMatchObject({ reason: 'ScaleDownDisabled', removable: [], unneededSince: new Map() });
  });
});

describe('planScaleDown: parallelism', () => {
  const roomy = node('roomy', 'g', 8000, 32 * GIB, [pod('w', 4100)]);
  const groups = [g({ targetSize: 20 })];

  it('deletes up to max-scale-down-parallelism empty nodes at once; the rest wait', () => {
    const empties = Array.from({ length: 12 }, (_, i) => idle(`e${i}`));
    const since = new Map(empties.map((n) => [n.name, 0]));
    const p = plan([...empties, roomy], { unneededSince: since, groups });
    expect(p.removable).toHaveLength(10);
    expect(p.notRemovable.filter((n) => n.reason === 'ParallelismLimitReached').map((n) => n.node)).toEqual(['e10', 'e11']);
  });

  it('drains one node at a time by default, and none while a drain is in flight', () => {
    const drains = [idle('d1', 100), idle('d2', 100)];
    const since = new Map([['d1', 0], ['d2', 0]]);
    const p = plan([...drains, roomy], { unneededSince: since, groups });
    expect(p.removable.map((r) => [r.node, r.empty, r.podsToMove])).toEqual([['d1', false, ['d1-pod']]]);
    expect(reasonOf(p, 'd2')).toBe('ParallelismLimitReached');
    expect(plan([...drains, roomy], { unneededSince: since, groups, drainsInProgress: 1, deletionsInProgress: new Map([['g', 1]]) }).removable).toEqual([]);
  });

  it('empty nodes go first and use the shared budget', () => {
    const nodes = [idle('e1'), idle('d1', 100), roomy];
    const p = plan(nodes, { unneededSince: new Map([['d1', 0], ['e1', 0]]), groups, config: settings({ maxScaleDownParallelism: 1 }) });
    expect(removableNames(p)).toEqual(['e1']);
    expect(reasonOf(p, 'd1')).toBe('ParallelismLimitReached');
  });

  it('an empty candidate is tried before a drained one, so it never receives the drained pods (listed after it or not)', () => {
    const p = plan([idle('d1', 100), idle('e1'), roomy], { unneededSince: new Map([['d1', 0], ['e1', 0]]), groups, config: settings({ maxDrainParallelism: 5 }) });
    expect(p.removable.map((r) => [r.node, r.empty, r.podsToMove])).toEqual([
      ['e1', true, []],
      ['d1', false, ['d1-pod']],
    ]);
  });
});

describe('planScaleDown: unremovable-node-recheck-timeout (RecentlyUnremovable)', () => {
  const full = node('full', 'g', 1000, 4 * GIB, [pod('x', 700)]);

  it('a node the simulation rejects is not simulated again for 5 minutes', () => {
    const first = plan([idle('a', 400), full]);
    expect(reasonOf(first, 'a')).toBe('NoPlaceToMovePods');
    expect(first.unremovableUntil).toEqual(new Map([['a', NOW + 300]]));
    // Room appears (full is gone; b is not empty, so a is tried before it), but a is skipped until its recheck time, strictly after.
    const later = plan([idle('a', 400), idle('b', 100)], { nowSeconds: NOW + 299, unremovableUntil: first.unremovableUntil });
    expect(reasonOf(later, 'a')).toBe('RecentlyUnremovable');
    expect(later.unneededSince.has('a')).toBe(false);
    const recheck = plan([idle('a', 400), idle('b', 100)], { nowSeconds: NOW + 300, unremovableUntil: first.unremovableUntil });
    expect(recheck.unneededSince.has('a')).toBe(true);
    expect(recheck.unremovableUntil.has('a')).toBe(false);
  });

  it('eligibility failures are checked every loop and not remembered', () => {
    expect(plan([busy]).unremovableUntil.size).toBe(0);
  });

  it('forgets nodes that left the cluster', () => {
    const p = plan([busy], { unremovableUntil: new Map([['gone', NOW + 100]]) });
    expect(p.unremovableUntil.has('gone')).toBe(false);
  });
});

describe('planScaleDown: unneededNodesLimit', () => {
  it.each([
    // previously unneeded, parallelism, unneeded time, scan interval → limit
    [0, 10, 600, 10, 20],
    [100, 10, 600, 10, 120],
    [700, 10, 600, 10, 610],
    [0, 1, 5, 10, 2], // unneeded time below the interval counts as one interval
  ])('%i unneeded before, N=%i, U=%is, I=%is → %i', (before, n, u, i, expected) => {
    const unneededSince = new Map(Array.from({ length: before }, (_, k) => [`n${k}`, 0] as [string, number]));
    const config = settings({ maxScaleDownParallelism: n, scaleDownUnneededTimeSeconds: u, scanIntervalSeconds: i });
    expect(unneededNodesLimit({ unneededSince, config })).toBe(expected);
  });

  it('stops simulating once the limit is found; the rest wait for the next loop', () => {
    const nodes = Array.from({ length: 25 }, (_, k) => idle(`i${String(k).padStart(2, '0')}`));
    const p = planScaleDown({
      nodes: [...nodes, busy],
      groups: [g({ targetSize: 26, maxSize: 30 })],
      unneededSince: new Map(),
      nowSeconds: NOW,
      config: settings(),
      clusterTotals: { cpuMillicores: 26_000, memoryBytes: 26 * 4 * GIB },
    });
    expect(p.unneededSince.size).toBe(20);
    expect(p.notRemovable.filter((n) => n.reason === 'NotUnneededOtherReason').map((n) => n.node)).toEqual(['i20', 'i21', 'i22', 'i23', 'i24']);
  });
});

describe('planScaleDown: removal hints (HintingSimulator)', () => {
  // a and b are above the threshold (their memory; not candidates) with 600m and 350m free; c1's pod
  // p (300m) fits either, c2's pod q (400m) only a, and only if p went to b.
  const nodes = () => [
    node('a', 'g', 1000, 4 * GIB, [pod('a-work', 400, 3 * GIB)]),
    node('b', 'g', 1000, 4 * GIB, [pod('b-work', 650, 3 * GIB)]),
    node('c1', 'g', 1000, 4 * GIB, [pod('p', 300)]),
    node('c2', 'g', 1000, 4 * GIB, [pod('q', 400)]),
  ];

  it('returns where its simulations put pods, and the next loop starts from them', () => {
    const first = plan(nodes());
    expect(first.unneededSince.has('c1')).toBe(true);
    expect(reasonOf(first, 'c2')).toBe('NoPlaceToMovePods');
    expect(first.hints.get('default/p')).toBe('a');
    // A loop whose hints put p on b (where an earlier simulation could have put it) finds c2 unneeded too.
    const hinted = plan(nodes(), { hints: new Map([['default/p', 'b']]) });
    expect([...hinted.unneededSince.keys()].sort()).toEqual(['c1', 'c2']);
    expect(Object.fromEntries(hinted.hints)).toEqual({ 'default/p': 'b', 'default/q': 'a' });
  });
});
