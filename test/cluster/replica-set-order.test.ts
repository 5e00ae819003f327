/**
 * ReplicaSet scale-down order (replica_set.go getPodsToDelete, controller_utils.go
 * ActivePodsWithRanks.Less with LogarithmicScaleDown): a table of pairs, each separated by one rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePodsToDelete, logarithmicRank, pseudoUid } from '../../src/cluster/replica-set-order.js';
import type { SimPod } from '../../src/cluster/model.js';
import { makeNode, makePod } from '../helpers/builders.js';

const A = makeNode({ name: 'A' });
const B = makeNode({ name: 'B' });
const NOW = 10_000;

function pod(name: string, over: Partial<SimPod> = {}): SimPod {
  return makePod({ name, node: A, ready: true, readyConditionSeconds: 100, createdSeconds: 90, serial: 0, ...over });
}

describe('logarithmicRank', () => {
  it.each([
    // ⌊log2(d × 1e9)⌋: 1 s → 29, 2 s → 30, 3 s → 31, 4 s → 31, 5 s → 32 (bucket edges are not powers of 2 seconds)
    [1, 29],
    [2, 30],
    [3, 31],
    [4, 31],
    [5, 32],
    [1000, 39],
    [0, -1],
  ])('%i s ago → %i', (ago, rank) => {
    expect(logarithmicRank(NOW - ago, NOW)).toBe(rank);
  });

  it('uses whole seconds for the timestamp (metav1.Time)', () => {
    expect(logarithmicRank(NOW - 2.9, NOW)).toBe(logarithmicRank(NOW - 3, NOW));
  });
});

describe('ReplicaSet scale-down order (ActivePodsWithRanks)', () => {
  // Each row: two pods, the one deleted first named first.
  it.each<[string, SimPod[], string]>([
    ['1. unscheduled before scheduled', [pod('bound'), pod('unbound', { node: undefined, phase: 'Pending', ready: false })], 'unbound'],
    ['2. Pending before Running', [pod('running'), pod('pending', { phase: 'Pending', ready: false })], 'pending'],
    ['3. not ready before ready', [pod('ready'), pod('not-ready', { ready: false })], 'not-ready'],
    ['5. doubled up: a pod sharing node A goes before the one alone on B, ready more recently', [pod('a1', { serial: 1 }), pod('a2', { restartCount: 1 }), pod('b1', { node: B, readyConditionSeconds: 5000, createdSeconds: 4990 })], 'a2'],
    ['6. ready more recently (another log bucket) first', [pod('old', { readyConditionSeconds: 100 }), pod('recent', { readyConditionSeconds: 9000 })], 'recent'],
    ['7. more restarts first at the same ready and creation time', [pod('calm'), pod('flaky', { restartCount: 5 })], 'flaky'],
    ['7. restarts come before creation time', [pod('new', { createdSeconds: 95, serial: 2 }), pod('flaky', { restartCount: 1 })], 'flaky'],
    ['8. newer first when ready at the same second', [pod('older', { createdSeconds: 10 }), pod('newer', { createdSeconds: 95 })], 'newer'],
    ['ready within the same second counts as the same time: restarts decide', [pod('r1', { readyConditionSeconds: 100.2, restartCount: 2 }), pod('r2', { readyConditionSeconds: 100.7 })], 'r1'],
    ['nothing separates them: the later serial', [pod('first', { serial: 1 }), pod('second', { serial: 2 })], 'second'],
  ])('%s', (_name, pods, first) => {
    expect(choosePodsToDelete(pods, 1, NOW)[0]?.name).toBe(first);
    expect(choosePodsToDelete([...pods].reverse(), 1, NOW)[0]?.name).toBe(first);
  });

  it('6. ready times in the same log bucket are ordered by UID, not by which is more recent', () => {
    // 8000 s and 5000 s ago share bucket ⌊log2(d·1e9)⌋ = 42, so the UIDs decide, and the restarts are never read.
    const x = pod('web-x', { readyConditionSeconds: NOW - 5000 });
    const y = pod('web-y', { readyConditionSeconds: NOW - 8000, restartCount: 3 });
    expect(logarithmicRank(x.readyConditionSeconds!, NOW)).toBe(logarithmicRank(y.readyConditionSeconds!, NOW));
    const byUid = pseudoUid(x) < pseudoUid(y) ? 'web-x' : 'web-y';
    expect(choosePodsToDelete([x, y], 1, NOW)[0]?.name).toBe(byUid);
    expect(choosePodsToDelete([y, x], 1, NOW)[0]?.name).toBe(byUid);
  });

  it('deletes unscheduled, then pending, then not ready, then by rank, then the most recently ready', () => {
    const pods = [
      pod('ready-old', { node: B, readyConditionSeconds: 10, createdSeconds: 0 }),
      pod('ready-new', { node: B, readyConditionSeconds: 5000, createdSeconds: 4000 }),
      pod('not-ready', { ready: false, createdSeconds: 5900 }),
      pod('pending', { phase: 'Pending', ready: false, createdSeconds: 5950 }),
      pod('unscheduled', { node: undefined, phase: 'Pending', ready: false, createdSeconds: 1000 }),
    ];
    expect(choosePodsToDelete(pods, 5, NOW).map((p) => p.name)).toEqual(['unscheduled', 'pending', 'not-ready', 'ready-new', 'ready-old']);
  });

  it('deletes only as many as asked', () => {
    expect(choosePodsToDelete([pod('a'), pod('b', { serial: 1 }), pod('c', { serial: 2 })], 2, NOW)).toHaveLength(2);
  });
});

/**
 * The rules as one comparator over the pods themselves, each key read at every comparison: the
 * straightforward form the keyed sort of choosePodsToDelete must agree with, order for order.
 */
function referenceOrder(pods: readonly SimPod[], nowSeconds: number): SimPod[] {
  const perNode = new Map<string | undefined, number>();
  for (const p of pods) perNode.set(p.node?.name, (perNode.get(p.node?.name) ?? 0) + 1);
  const phaseRank = (p: SimPod): number => ({ Pending: 0, Unknown: 1, Running: 2 })[p.phase as string] ?? 0;
  const logarithmic = (a: SimPod, at: number, b: SimPod, bt: number): number => logarithmicRank(at, nowSeconds) - logarithmicRank(bt, nowSeconds) || pseudoUid(a) - pseudoUid(b);
  const less = (a: SimPod, b: SimPod): number => {
    if ((a.node !== undefined) !== (b.node !== undefined)) return a.node !== undefined ? 1 : -1;
    if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
    if (a.ready !== b.ready) return a.ready ? 1 : -1;
    const ra = perNode.get(a.node?.name)!;
    const rb = perNode.get(b.node?.name)!;
    if (ra !== rb) return rb - ra;
    const [ta, tb] = [a.readyConditionSeconds, b.readyConditionSeconds];
    if (a.ready && b.ready && ta !== undefined && tb !== undefined && Math.floor(ta) !== Math.floor(tb)) return logarithmic(a, ta, b, tb);
    if (a.restartCount !== b.restartCount) return b.restartCount - a.restartCount;
    if (Math.floor(a.createdSeconds) !== Math.floor(b.createdSeconds)) return logarithmic(a, a.createdSeconds, b, b.createdSeconds);
    return b.serial - a.serial;
  };
  return [...pods].sort(less);
}

describe('choosePodsToDelete against the rules read pod by pod', () => {
  const nodes = [A, B, makeNode({ name: 'C' })];
  const podArb = fc.record({
    node: fc.option(fc.constantFrom(...nodes), { nil: undefined }),
    phase: fc.constantFrom('Pending', 'Running', 'Unknown'),
    ready: fc.boolean(),
    readyConditionSeconds: fc.option(fc.double({ min: 0, max: NOW, noNaN: true }), { nil: undefined }),
    createdSeconds: fc.oneof(fc.double({ min: 0, max: NOW, noNaN: true }), fc.constantFrom(90, 90.5, 4000)),
    restartCount: fc.nat(2),
  });

  it('gives the same pods in the same order, ties and intransitive triples included', () => {
    fc.assert(
      fc.property(fc.array(podArb, { maxLength: 40 }), fc.nat(45), (specs, count) => {
        const pods = specs.map((s, i) => pod(`web-${i}`, { ...s, phase: s.phase as SimPod['phase'], serial: i }));
        const expected = referenceOrder(pods, NOW).slice(0, count).map((p) => p.name);
        expect(choosePodsToDelete(pods, count, NOW).map((p) => p.name)).toEqual(expected);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
