import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { filterNode } from '../../src/cluster/scheduling-filter.js';
import { balancedAllocationScore, resourceFitScore } from '../../src/cluster/scheduling-score.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { Simulation } from '../../src/core/simulation.js';
import { makeNode, makePod, makePool, makeTemplate } from '../helpers/builders.js';

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

describe('non-zero requests (resource_allocation.go)', () => {
  const MiB = 2 ** 20;
  const bestEffort = () => makePod({ cpuRequestMillicores: 0, memoryRequestBytes: 0, cpuNonZeroRequestMillicores: 100, memoryNonZeroRequestBytes: 200 * MiB });

  it('LeastAllocated counts pods without requests at 100m / 200 MiB each, on the node and for the pod', () => {
    // a: 5 such pods + this one = 600m, 1200 MiB → cpu 85, memory 92 → 88; b: 100m, 200 MiB → 97, 98 → 97
    const a = makeNode({ name: 'a', podCount: 5, cpuNonZeroRequestedMillicores: 500, memoryNonZeroRequestedBytes: 1000 * MiB });
    const b = makeNode({ name: 'b' });
    expect(resourceFitScore(bestEffort(), a, 'LeastAllocated')).toBe(88);
    expect(resourceFitScore(bestEffort(), b, 'LeastAllocated')).toBe(97);
  });

  it('BalancedAllocation uses raw requests and is skipped (0) for a pod that requests nothing', () => {
    const uneven = makeNode({ cpuRequestedMillicores: 2000 });
    expect(balancedAllocationScore(bestEffort(), uneven)).toBe(0);
    // Non-zero sums on the node do not count: only the raw 1000m / 4 GiB of the pod → fractions 0.25, 0.25.
    const withBestEffortPods = makeNode({ cpuNonZeroRequestedMillicores: 500, memoryNonZeroRequestedBytes: 1000 * MiB });
    expect(balancedAllocationScore(makePod({ cpuRequestMillicores: 1000, memoryRequestBytes: 4 * GiB }), withBestEffortPods)).toBe(100);
  });

  it('the cluster sends a pod without requests to the empty node, not the one holding 5 such pods, whatever the seed', () => {
    const template = makeTemplate({ containers: [{ name: 'web', sidecar: false }] });
    const owner = { name: 'web', namespace: 'default', index: 0 };
    const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
    for (let seed = 1; seed <= 8; seed++) {
      const sim = new Simulation();
      const cluster = new Cluster(sim, new Rng(seed), delays, 'LeastAllocated');
      const a = cluster.addNode(makePool({ name: 'a' }), 0);
      for (let i = 0; i < 5; i++) cluster.createPod(owner, template, { cpuMillicores: 0, memoryBytes: 0 }, `web-${i}`);
      sim.runUntil(30);
      expect(a.podCount).toBe(5);
      expect([a.cpuRequestedMillicores, a.cpuNonZeroRequestedMillicores, a.memoryNonZeroRequestedBytes]).toEqual([0, 500, 1000 * MiB]);
      cluster.addNode(makePool({ name: 'b' }), 0);
      const pod = cluster.createPod(owner, template, { cpuMillicores: 0, memoryBytes: 0 }, 'web-5');
      sim.runUntil(60);
      expect(pod.node?.name).toBe('b-0');
    }
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
