import { describe, expect, it } from 'vitest';
import { POD_SCALE_UP_DELAY_ANNOTATION } from '../../../src/autoscalers/cluster-autoscaler/scale-up/pending-pods.js';
import { parseGoDurationSeconds } from '../../../src/units/go-duration.js';
import { countReadyNodes, isReadyNode, planScaleUp, type ScaleUpPlanInput } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import { NODE_UNSCHEDULABLE_TAINT } from '../../../src/cluster/node-health.js';
import { withUpcomingNodes } from '../../../src/autoscalers/cluster-autoscaler/scale-up/limits.js';
import type { CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { GIB, group, node, pod, pods, seeded, settings, template } from './builders.js';

const NOW = 1000;
const small = group('small', template(1000, 4 * GIB), { targetSize: 1, maxSize: 10 });

function plan(unschedulablePods: CaPod[], extra: Partial<ScaleUpPlanInput> = {}) {
  return planScaleUp({
    unschedulablePods,
    groups: [small],
    limits: { currentNodeCount: 1, currentTotals: { cpuMillicores: 1000, memoryBytes: 4 * GIB } },
    config: settings(),
    nowSeconds: NOW,
    random: seeded(),
    ...extra,
  });
}

describe('planScaleUp', () => {
  it('scales the group by the binpacking estimate and names the pods it helps', () => {
    const r = plan(pods('web', 5, 400));
    expect(r).toMatchObject({ reason: 'ScaleUp', group: 'small', increase: 3, estimatedNodeCount: 3, cappedBy: undefined });
    expect(r.podsHelped).toHaveLength(5);
  });

  it.each([
    ['no unschedulable pods', [], {}, 'NoUnschedulablePods'],
    ['only expendable pods (priority below -10)', [pod('low', 100, 0, { priority: -11 })], {}, 'NoUnschedulablePods'],
    ['pods younger than new-pod-scale-up-delay', [pod('new', 100)], { config: settings({ newPodScaleUpDelaySeconds: 30 }), podCreatedSeconds: new Map([['new', NOW - 29]]) }, 'PodsTooNew'],
    ['pods whose annotation lengthens the delay', [pod('new', 100, 0, { annotations: { [POD_SCALE_UP_DELAY_ANNOTATION]: '2m' } })], { podCreatedSeconds: new Map([['new', NOW - 100]]) }, 'PodsTooNew'],
  ] as const)('no scale-up: %s', (_name, unschedulable, extra, reason) => {
    expect(plan([...unschedulable], extra).reason).toBe(reason);
  });

  it('a pod exactly as old as the delay still waits (filterOutYoungPods: podAge > delay)', () => {
    const config = settings({ newPodScaleUpDelaySeconds: 30 });
    expect(plan([pod('p', 100)], { config, podCreatedSeconds: new Map([['p', NOW - 30]]) }).reason).toBe('PodsTooNew');
    expect(plan([pod('p', 100)], { config, podCreatedSeconds: new Map([['p', NOW - 30.5]]) }).reason).toBe('ScaleUp');
  });

  it('young pods take room on upcoming nodes before they are set aside (filterOutSchedulable runs before filterOutYoungPods)', () => {
    // One upcoming 1-CPU node; a young 900m pod of higher priority takes it, the old 900m pod needs a new node.
    const config = settings({ newPodScaleUpDelaySeconds: 30 });
    const r = plan([pod('old', 900), pod('young', 900, 0, { priority: 10 })], {
      config,
      upcomingNodes: [{ group: 'small', count: 1 }],
      podCreatedSeconds: new Map([['old', NOW - 60], ['young', NOW - 5]]),
    });
    expect(r).toMatchObject({ reason: 'ScaleUp', increase: 1, podsAbsorbed: ['young'], podsTooNew: [], podsHelped: ['old'] });
    // A young pod nothing absorbs waits; alone it is PodsTooNew.
    const alone = plan([pod('young', 900)], { config, podCreatedSeconds: new Map([['young', NOW - 5]]) });
    expect(alone).toMatchObject({ reason: 'PodsTooNew', podsTooNew: ['young'] });
  });

  it('waits a loop while every pod left to help is younger than 2 s, and disables scale-down for it (allPodsAreNew)', () => {
    const created = (ages: Record<string, number>) => new Map(Object.entries(ages).map(([name, age]) => [name, NOW - age]));
    const young = plan([pod('a', 100), pod('b', 100)], { podCreatedSeconds: created({ a: 1.9, b: 0.5 }) });
    expect(young).toMatchObject({ reason: 'AllPodsNew', increase: 0, scaleDownDisabledForLoop: true });
    // Exactly 2 s old is old enough (creation + 2 s is not after now); one old pod is enough.
    expect(plan([pod('a', 100)], { podCreatedSeconds: created({ a: 2 }) })).toMatchObject({ reason: 'ScaleUp', scaleDownDisabledForLoop: false });
    expect(plan([pod('a', 100), pod('b', 100)], { podCreatedSeconds: created({ a: 5, b: 0.5 }) }).reason).toBe('ScaleUp');
    // Only the pods left after free room and upcoming nodes count: an old pod they absorb does not.
    const upcomingNodes = [{ group: 'small', count: 1 }];
    const r = plan([pod('old', 900), pod('new', 900)], { upcomingNodes, podCreatedSeconds: created({ old: 60, new: 1 }) });
    expect(r).toMatchObject({ reason: 'AllPodsNew', podsAbsorbed: ['old'] });
    // With the ready nodes at max-nodes-total RunOnce reports no option instead and scale-down runs.
    const nodes = [node('n1', 'small', 1000, 4 * GIB, [pod('running', 900)])];
    const full = plan([pod('a', 200)], { nodes, config: settings({ maxNodesTotal: 1 }), podCreatedSeconds: created({ a: 1 }) });
    expect(full).toMatchObject({ reason: 'LimitsReached', scaleDownDisabledForLoop: false });
  });

  it.each([
    ['Ready and schedulable', true, {}],
    ['NotReady', false, { ready: false }],
    ['being deleted by the CA (cordoned with its taint)', false, { beingDeleted: true }],
    ['cordoned (spec.unschedulable)', false, { cordoned: true }],
  ] as const)('a node %s is a ready node: %s (ReadyNodeLister, IsNodeReadyAndSchedulable)', (_name, ready, extra) => {
    const n = node('n1', 'small', 1000, 4 * GIB, [], extra);
    expect(isReadyNode(n)).toBe(ready);
    expect(countReadyNodes([n, node('n2', 'small', 1000, 4 * GIB)])).toBe(ready ? 2 : 1);
  });

  it('a cordoned node does not count against max-nodes-total: pods younger than 2 s wait a loop (allPodsAreNew)', () => {
    // The group's only node is cordoned, max-nodes-total 1: RunOnce's len(readyNodes) is 0, not at the maximum.
    const cordoned = [node('n1', 'small', 1000, 4 * GIB, [], { cordoned: true, taints: [NODE_UNSCHEDULABLE_TAINT] })];
    const r = plan([pod('a', 200)], { nodes: cordoned, config: settings({ maxNodesTotal: 1 }), limits: { currentNodeCount: 0, currentTotals: { cpuMillicores: 1000, memoryBytes: 4 * GIB } }, podCreatedSeconds: new Map([['a', NOW - 1]]) });
    expect(r).toMatchObject({ reason: 'AllPodsNew', scaleDownDisabledForLoop: true, podsAbsorbed: [] });
  });

  it('upcoming nodes absorb the pods that fit on them first', () => {
    const upcomingNodes = [{ group: 'small', count: 1 }];
    expect(plan(pods('web', 2, 500), { upcomingNodes })).toMatchObject({ reason: 'PodsFitUpcomingNodes', increase: 0, podsAbsorbed: ['web-0', 'web-1'] });
    const r = plan(pods('web', 3, 500), { upcomingNodes });
    expect(r).toMatchObject({ reason: 'ScaleUp', increase: 1, podsHelped: ['web-2'] });
  });

  it('free room on existing nodes absorbs pods too', () => {
    const nodes = [node('n1', 'small', 1000, 4 * GIB, [pod('running', 300)])];
    expect(plan([pod('p', 700)], { nodes }).reason).toBe('PodsFitUpcomingNodes');
    expect(plan([pod('p', 701)], { nodes }).reason).toBe('ScaleUp');
  });

  it('records why each group gave no option', () => {
    const full = group('full', template(4000, 8 * GIB), { targetSize: 5, maxSize: 5 });
    const tainted = group('gpu', template(4000, 8 * GIB, { taints: [{ key: 'gpu', effect: 'NoSchedule' }] }));
    const r = plan(pods('web', 2, 500), { groups: [full, tainted, small] });
    expect(r.skipped).toEqual({ full: 'MaxSizeReached', gpu: 'NoPodFitsTemplate' });
    // The filter the pods fail on the skipped group's template, for a NoPodFitsTemplate group only.
    expect(r.templateMisfits).toEqual({ gpu: 'UntoleratedTaint' });
    expect(r.group).toBe('small');
  });

  it('a pod that fits no group template is never schedulable: NoGroupFits', () => {
    const r = plan([pod('huge', 8000)]);
    expect(r).toMatchObject({ reason: 'NoGroupFits', increase: 0, podsNeverSchedulable: ['huge'], skipped: { small: 'NoPodFitsTemplate' }, templateMisfits: { small: 'InsufficientCpu' } });
  });

  it('every fitting group at max size: AllGroupsAtMax', () => {
    expect(plan([pod('p', 100)], { groups: [{ ...small, targetSize: 10 }] }).reason).toBe('AllGroupsAtMax');
  });

  it.each([
    ['max-nodes-total already reached', { config: settings({ maxNodesTotal: 1 }) }, 'MaxNodesTotalReached'],
    ['cores-total maximum already reached', { config: settings({ coresTotal: { min: 0, max: 1 } }) }, 'MaxResourceLimitReached'],
  ] as const)('cluster limits: %s gives LimitsReached', (_name, extra, skip) => {
    const r = plan([pod('p', 100)], extra);
    expect(r.reason).toBe('LimitsReached');
    expect(r.skipped.small).toBe(skip);
  });

  it.each([
    ['max-nodes-total', { config: settings({ maxNodesTotal: 3 }) }, 2],
    ['max-nodes-per-scaleup', { config: settings({ maxNodesPerScaleUp: 2 }) }, 2],
    ['the group max size', { groups: [{ ...small, maxSize: 3 }] }, 2],
  ] as const)('the estimate is limited by %s', (_name, extra, increase) => {
    expect(plan(pods('web', 10, 600), extra)).toMatchObject({ reason: 'ScaleUp', increase });
  });

  it('the cores-total maximum caps the chosen count (ApplyLimits)', () => {
    const r = plan(pods('web', 10, 600), { config: settings({ coresTotal: { min: 0, max: 4 } }) });
    expect(r).toMatchObject({ reason: 'ScaleUp', increase: 3, estimatedNodeCount: 9, cappedBy: 'CoresTotal' });
  });

  it('nodes still booting count against cores-total at their template (coresMemoryTotal by target size)', () => {
    const groups = new Map([['small', small]]);
    const totals = withUpcomingNodes({ cpuMillicores: 1000, memoryBytes: 4 * GIB }, [{ group: 'small', count: 2 }], groups);
    expect(totals).toEqual({ cpuMillicores: 3000, memoryBytes: 12 * GIB });
    // One registered node and two booting under a 4-core maximum: room for one more node only.
    const r = plan(pods('web', 10, 600), { config: settings({ coresTotal: { min: 0, max: 4 } }), limits: { currentNodeCount: 3, currentTotals: totals } });
    expect(r).toMatchObject({ reason: 'ScaleUp', increase: 1, cappedBy: 'CoresTotal' });
  });

  it('the expander picks among the groups (least-waste by default)', () => {
    // 900m / 3.5 GiB pods: big (4000m, 8 GiB) holds 2 per node, small (1000m, 4 GiB) 1 per node.
    const big = group('big', template(4000, 8 * GIB));
    const heavy = pods('web', 4, 900, 3.5 * GIB);
    const r = plan(heavy, { groups: [big, small] });
    expect(r.options.map((o) => `${o.group}:${o.nodeCount}`)).toEqual(['big:2', 'small:4']);
    expect(r).toMatchObject({ group: 'small', increase: 4 });
    expect(plan(heavy, { groups: [big, small], config: settings({ expanders: ['least-nodes'] }) }).group).toBe('big');
  });
});

describe('parseGoDurationSeconds', () => {
  it.each([
    ['90s', 90],
    ['1m30s', 90],
    ['1.5h', 5400],
    ['500ms', 0.5],
    ['0', 0],
    ['ten', undefined],
    ['-5s', undefined],
  ])('%s → %s', (text, seconds) => {
    expect(parseGoDurationSeconds(text)).toBe(seconds);
  });
});
