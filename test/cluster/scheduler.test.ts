import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { filterNode } from '../../src/cluster/scheduling-filter.js';
import { balancedAllocationScore, resourceFitScore } from '../../src/cluster/scheduling-score.js';
import { makeNode, makePod } from '../helpers/builders.js';

const GiB = 2 ** 30;

describe('NodeResourcesFit filter', () => {
  it.each([
    ['fits when requests ≤ allocatable − requested', {}, {}, 'Fits'],
    ['rejects when CPU is short by 1m', { cpuRequestedMillicores: 3751 }, {}, 'InsufficientCpu'],
    ['accepts an exact CPU fit', { cpuRequestedMillicores: 3750 }, {}, 'Fits'],
    ['rejects when memory is short', { memoryRequestedBytes: 16 * GiB - 1 }, {}, 'InsufficientMemory'],
    ['rejects at max pods', { podCount: 110 }, {}, 'TooManyPods'],
    ['rejects an untolerated NoSchedule taint', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' as const }] }, {}, 'UntoleratedTaint'],
    ['ignores a PreferNoSchedule taint', { taints: [{ key: 'x', effect: 'PreferNoSchedule' as const }] }, {}, 'Fits'],
    [
      'accepts a tolerated taint',
      { taints: [{ key: 'virtual-kubelet.io/provider', effect: 'NoSchedule' as const }] },
      { tolerations: [{ key: 'virtual-kubelet.io/provider', operator: 'Exists' as const }] },
      'Fits',
    ],
    ['rejects a node selector mismatch', { labels: { type: 'ecs' } }, { nodeSelector: { type: 'virtual-kubelet' } }, 'NodeSelectorMismatch'],
  ])('%s', (_name, nodeOver, podOver, expected) => {
    expect(filterNode(makePod(podOver), makeNode(nodeOver))).toBe(expected);
  });
});

describe('scoring (least_allocated.go, balanced_allocation.go)', () => {
  it('LeastAllocated: integer ((alloc − requested) × 100 / alloc) averaged over cpu and memory', () => {
    // cpu: (4000 − 1250) × 100 / 4000 = 68.75 → 68; memory: (16Gi − 4.25Gi)/16Gi → 73.4 → 73; (68 + 73) / 2 → 70
    const node = makeNode({ cpuRequestedMillicores: 1000, memoryRequestedBytes: 4 * GiB });
    expect(resourceFitScore(makePod(), node, 'LeastAllocated')).toBe(70);
  });

  it('MostAllocated prefers the fuller node', () => {
    const pod = makePod();
    const empty = makeNode();
    const full = makeNode({ cpuRequestedMillicores: 3000, memoryRequestedBytes: 12 * GiB });
    expect(resourceFitScore(pod, full, 'MostAllocated')).toBeGreaterThan(resourceFitScore(pod, empty, 'MostAllocated'));
    expect(resourceFitScore(pod, full, 'LeastAllocated')).toBeLessThan(resourceFitScore(pod, empty, 'LeastAllocated'));
  });

  it('BalancedAllocation is 100 when cpu and memory fractions are equal', () => {
    const pod = makePod({ cpuRequestMillicores: 1000, memoryRequestBytes: 4 * GiB });
    expect(balancedAllocationScore(pod, makeNode())).toBe(100);
  });
});

describe('placePod', () => {
  it('spreads pods onto the emptier node by default', () => {
    const busy = makeNode({ name: 'busy', cpuRequestedMillicores: 2000, memoryRequestedBytes: 8 * GiB });
    const idle = makeNode({ name: 'idle' });
    const placement = placePod(makePod(), [busy, idle], 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(placement.node?.name).toBe('idle');
  });

  it('reports Unschedulable with the count of each failing filter', () => {
    const placement = placePod(makePod({ cpuRequestMillicores: 5000 }), [makeNode(), makeNode({ name: 'n1' })], 'LeastAllocated', new Rng(1).stream('s'));
    expect(placement.reason).toBe('Unschedulable');
    if (placement.node === undefined) expect(placement.filterCounts).toEqual({ InsufficientCpu: 2 });
  });

  it('breaks ties with the seeded stream: same seed, same node; all tied nodes get used over seeds', () => {
    const nodes = ['a', 'b', 'c'].map((name) => makeNode({ name }));
    const pick = (seed: number): string | undefined => placePod(makePod(), nodes, 'LeastAllocated', new Rng(seed).stream('scheduler')).node?.name;
    expect(pick(5)).toBe(pick(5));
    const seen = new Set(Array.from({ length: 40 }, (_, s) => pick(s)));
    expect(seen).toEqual(new Set(['a', 'b', 'c']));
  });
});
