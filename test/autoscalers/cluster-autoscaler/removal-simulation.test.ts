/**
 * Where the removal simulation puts a candidate's pods (scheduling/hinting_simulator.go): the node a
 * recent simulation put the pod on when it still fits and is a destination, else the first node that
 * fits; which node a pod takes decides whether a later candidate's pods still fit. Hints are set and
 * refreshed per loop and kept one loop more (Hints.DropOld).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeIndexByName, simulateNodeRemovals, type RemovalSimulationInput } from '../../../src/autoscalers/cluster-autoscaler/scale-down/removal-simulation.js';
import { node, pod } from './builders.js';

const DRAIN = { skipNodesWithSystemPods: true, skipNodesWithLocalStorage: true, nowSeconds: 0 };

/**
 * Two candidates, c1 (pod p, 600m) and c2 (pod q, 600m), and two empty 1-CPU nodes a and b that each
 * have room for one of them. First fit sends p to a; then q goes to b.
 */
function cluster() {
  const c1 = node('c1', 'g', 1000, 0, [pod('p', 600)]);
  const c2 = node('c2', 'g', 1000, 0, [pod('q', 600)]);
  return { candidates: [c1, c2], nodes: [node('a', 'g', 1000, 0, []), node('b', 'g', 1000, 0, []), c1, c2] };
}

function run(input: Pick<RemovalSimulationInput, 'candidates' | 'nodes'> & { hints?: ReadonlyMap<string, string> }) {
  return simulateNodeRemovals({ ...input, drain: DRAIN, pdbs: [] });
}

/** Each candidate, and whether the simulation found it removable: `c1 removable`, `c2 kept`. */
const outcome = (r: ReturnType<typeof run>): string[] => r.results.map((x) => `${x.node} ${x.removable ? 'removable' : 'kept'}`);

describe('simulateNodeRemovals: hints', () => {
  it('without hints puts each pod on the first node that fits, and hints where it went', () => {
    const r = run(cluster());
    expect(outcome(r)).toEqual(['c1 removable', 'c2 removable']);
    expect(Object.fromEntries(r.hints)).toEqual({ 'default/p': 'a', 'default/q': 'b' });
  });

  it('puts a pod on its hinted node when that still fits, though an earlier node does too', () => {
    const r = run({ ...cluster(), hints: new Map([['default/p', 'b']]) });
    // p takes b, so q takes a: both candidates still go.
    expect(outcome(r)).toEqual(['c1 removable', 'c2 removable']);
    expect(Object.fromEntries(r.hints)).toEqual({ 'default/p': 'b', 'default/q': 'a' });
  });

  it('decides whether a later candidate fits: a hint can keep free the only node that takes the next pods', () => {
    // a has 900m free, b 500m; c1's pod p (400m) fits either, c2's pod q (600m) only a.
    const input = {
      candidates: [node('c1', 'g', 1000, 0, [pod('p', 400)]), node('c2', 'g', 1000, 0, [pod('q', 600)])],
      nodes: [node('a', 'g', 1000, 0, [pod('a-busy', 100)]), node('b', 'g', 1000, 0, [pod('b-busy', 500)])],
    };
    input.nodes.push(...input.candidates);
    // First fit: p takes a, and q has nowhere to go.
    expect(outcome(run(input))).toEqual(['c1 removable', 'c2 kept']);
    // p's hint (b, where an earlier loop put it) leaves a to q: both go.
    const hinted = run({ ...input, hints: new Map([['default/p', 'b']]) });
    expect(outcome(hinted)).toEqual(['c1 removable', 'c2 removable']);
    expect(Object.fromEntries(hinted.hints)).toEqual({ 'default/p': 'b', 'default/q': 'a' });
  });

  it('tries the first fitting node when the hinted one no longer fits, and replaces the hint', () => {
    const r = run({ ...cluster(), hints: new Map([['default/p', 'c2']]) });
    // c2 (1,000m with q's 600m on it) has no room for p's 600m: p goes to a.
    expect(Object.fromEntries(r.hints)).toMatchObject({ 'default/p': 'a' });
  });

  it('refreshes the hint of a pod whose hinted node fits but is no destination now, when the pod fits nowhere else', () => {
    // c1's pod p moves to a; then c2's pod q fits neither a nor b. Its hint points at c1, which is
    // empty now in the snapshot but no destination (it is being removed): the hint is kept for the
    // next loop (upstream sets it before asking whether the node is acceptable).
    const input = {
      candidates: [node('c1', 'g', 1000, 0, [pod('p', 600)]), node('c2', 'g', 1000, 0, [pod('q', 600)])],
      nodes: [node('a', 'g', 1000, 0, [pod('a-busy', 300)]), node('b', 'g', 1000, 0, [pod('b-busy', 600)])],
    };
    input.nodes.push(...input.candidates);
    const r = run({ ...input, hints: new Map([['default/q', 'c1']]) });
    expect(outcome(r)).toEqual(['c1 removable', 'c2 kept']);
    expect(Object.fromEntries(r.hints)).toEqual({ 'default/p': 'a', 'default/q': 'c1' });
    // Without the hint, q gets none: it was placed nowhere.
    expect(run(input).hints.has('default/q')).toBe(false);
  });

  it('keeps only the hints this loop set or refreshed: one for a pod it did not simulate is gone', () => {
    const r = run({ ...cluster(), hints: new Map([['default/gone', 'a']]) });
    expect(r.hints.has('default/gone')).toBe(false);
  });
});

describe('simulateNodeRemovals: results', () => {
  it('gives one result per candidate tried, in candidate order, and skips the rest once the limit is reached (the planner pairs them by position)', () => {
    const clusterArb = fc.record({
      candidatePods: fc.array(fc.array(fc.integer({ min: 100, max: 900 }), { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
      freeNodes: fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 4 }),
      maxRemovable: fc.integer({ min: 0, max: 13 }),
    });
    fc.assert(
      fc.property(clusterArb, ({ candidatePods, freeNodes, maxRemovable }) => {
        const candidates = candidatePods.map((cpus, i) => node(`c${i}`, 'g', 1000, 0, cpus.map((cpu, k) => pod(`p${i}-${k}`, cpu))));
        const nodes = [...freeNodes.map((free, i) => node(`n${i}`, 'g', 2000, 0, [pod(`busy${i}`, 2000 - free)])), ...candidates];
        const r = simulateNodeRemovals({ candidates, nodes, drain: DRAIN, pdbs: [], maxRemovable });
        expect(r.results.map((x) => x.node)).toEqual(candidates.slice(0, r.results.length).map((c) => c.name));
        expect(r.skipped).toEqual(candidates.slice(r.results.length).map((c) => c.name));
        const removable = r.results.filter((x) => x.removable).length;
        expect(removable).toBeLessThanOrEqual(maxRemovable);
        if (r.skipped.length > 0) expect(removable).toBe(maxRemovable);
      }),
      { numRuns: 500 },
    );
  });
});

describe('simulateNodeRemovals: a node index kept by the caller', () => {
  it('gives the same results, hints and PDBs as the index the simulation builds itself', () => {
    const clusterArb = fc.record({
      candidatePods: fc.array(fc.array(fc.integer({ min: 100, max: 900 }), { maxLength: 3 }), { minLength: 1, maxLength: 8 }),
      freeNodes: fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 4 }),
      // Hints from an earlier loop: pod p<i>-<k> → node n<j> or c<j>.
      hints: fc.array(fc.tuple(fc.nat(7), fc.nat(2), fc.boolean(), fc.nat(7)), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(clusterArb, ({ candidatePods, freeNodes, hints }) => {
        const candidates = candidatePods.map((cpus, i) => node(`c${i}`, 'g', 1000, 0, cpus.map((cpu, k) => pod(`p${i}-${k}`, cpu))));
        const nodes = [...freeNodes.map((free, i) => node(`n${i}`, 'g', 2000, 0, [pod(`busy${i}`, 2000 - free)])), ...candidates];
        const previous = new Map(hints.map(([i, k, onFree, j]) => [`default/p${i}-${k}`, `${onFree ? 'n' : 'c'}${j}`]));
        const built = simulateNodeRemovals({ candidates, nodes, drain: DRAIN, pdbs: [], hints: previous });
        const kept = simulateNodeRemovals({ candidates, nodes, drain: DRAIN, pdbs: [], hints: previous, indexByName: nodeIndexByName(nodes) });
        expect(kept.results).toEqual(built.results);
        expect([...kept.hints]).toEqual([...built.hints]);
        expect(kept.remainingPdbs).toEqual(built.remainingPdbs);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an index that puts a candidate where another node is (a caller\'s bug, not a user\'s input)', () => {
    const { candidates, nodes } = cluster();
    const stale = nodeIndexByName([nodes[1]!, nodes[0]!, nodes[3]!, nodes[2]!]);
    expect(() => simulateNodeRemovals({ candidates, nodes, drain: DRAIN, pdbs: [], indexByName: stale })).toThrow('the node index puts c1 at 3, where c2 is');
  });
});
