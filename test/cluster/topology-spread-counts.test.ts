/**
 * SpreadGroup's per-node counts (src/cluster/topology-spread-counts.ts): exact whatever the order of
 * binds and departures, and the entries kept at 0 (so that a Map key is not deleted and re-added at
 * every pod's coming and going) stay bounded as nodes come and go.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpreadGroup } from '../../src/cluster/topology-spread-counts.js';
import { makeNode } from '../helpers/builders.js';

describe('SpreadGroup counts', () => {
  it('match a plain count per node for any sequence of pods counted and uncounted, with the zero entries bounded', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => makeNode({ name: `n${i}`, labels: { 'topology.kubernetes.io/zone': `z${i % 3}` } }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(nodes.length - 1), fc.boolean()), { maxLength: 2000 }), (steps) => {
        const group = new SpreadGroup();
        const expected = new Map<number, number>();
        for (const [i, add] of steps) {
          const have = expected.get(i) ?? 0;
          if (!add && have === 0) continue; // a pod leaves only a node it was counted on
          expected.set(i, have + (add ? 1 : -1));
          group.count(nodes[i]!, add ? 1 : -1);
        }
        let nonZero = 0;
        for (let i = 0; i < nodes.length; i++) {
          const pods = expected.get(i) ?? 0;
          expect(group.podsOnNode(nodes[i]!)).toBe(pods);
          if (pods > 0) nonZero++;
        }
        for (let z = 0; z < 3; z++) {
          const inZone = [...expected].filter(([i]) => i % 3 === z).reduce((sum, [, pods]) => sum + pods, 0);
          expect(group.podsInZone(`z${z}`)).toBe(inZone);
        }
        // At most 64 entries at 0, or no more zeros than nodes with pods (plus the one just made).
        expect(group.trackedNodeCount - nonZero).toBeLessThanOrEqual(Math.max(64, nonZero + 1));
      }),
      { seed: 14, numRuns: 150 },
    );
  });

  it('drops the zero entries of nodes that are gone once they pile up', () => {
    const group = new SpreadGroup();
    // 1,000 short-lived nodes, each with one pod that comes and goes: the map does not keep them all.
    for (let i = 0; i < 1000; i++) {
      const node = makeNode({ name: `n${i}` });
      group.count(node, 1);
      group.count(node, -1);
    }
    expect(group.trackedNodeCount).toBeLessThanOrEqual(65);
  });
});
