/**
 * The drain's eviction rounds (drain.go evictPod against the eviction subresource): one disruption
 * per evicted pod, used up at once; a refused pod is tried every 10 s while that is before the
 * drain's start + 2 min.
 */
import { describe, expect, it } from 'vitest';
import { evictionRound, retriesEviction } from '../../../src/autoscalers/cluster-autoscaler/scale-down/eviction.js';
import { isRiskyRemoval } from '../../../src/autoscalers/cluster-autoscaler/scale-down/pdb.js';
import type { CaPdb, CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { pod } from './builders.js';

const web = (name: string): CaPod => pod(name, 100, 0, { labels: { app: 'web' } });
const other = (name: string): CaPod => pod(name, 100, 0, { labels: { app: 'other' } });
const pdb = (disruptionsAllowed: number): CaPdb => ({ namespace: 'default', selector: { app: 'web' }, disruptionsAllowed });
const names = (pods: readonly CaPod[]) => pods.map((p) => p.name);

describe('evictionRound', () => {
  it('lets as many covered pods go as the budget allows, in order, and every uncovered pod', () => {
    const round = evictionRound([web('a'), other('x'), web('b'), web('c')], (p) => p, [pdb(2)]);
    expect(names(round.evicted)).toEqual(['a', 'x', 'b']);
    expect(names(round.refused)).toEqual(['c']);
  });

  it('refuses every covered pod while the budget allows none, and evicts all without budgets', () => {
    expect(names(evictionRound([web('a'), web('b')], (p) => p, [pdb(0)]).refused)).toEqual(['a', 'b']);
    expect(names(evictionRound([web('a'), web('b')], (p) => p, []).evicted)).toEqual(['a', 'b']);
  });
});

describe('retriesEviction', () => {
  it.each([
    [100, true],
    [109.9, true],
    [110, false],
  ])('a pod refused %s s into the drain is tried again: %s', (attempt, again) => {
    expect(retriesEviction(0, attempt)).toBe(again);
  });
});

describe('isRiskyRemoval (pdb CanRemovePods inParallel)', () => {
  it('is risky when a budget covers more pods to move than it allows disruptions; budgets covering none do not count', () => {
    expect(isRiskyRemoval([pdb(1)], [web('a'), web('b')])).toBe(true);
    expect(isRiskyRemoval([pdb(2)], [web('a'), web('b')])).toBe(false);
    expect(isRiskyRemoval([pdb(-1)], [other('x')])).toBe(false);
    expect(isRiskyRemoval([], [web('a')])).toBe(false);
  });
});
