/**
 * percentageOfNodesToScore (schedule_one.go numFeasibleNodesToFind, adaptive default) and the
 * round-robin start of the node search (nextStartNodeIndex).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { numFeasibleNodesToFind, placePod } from '../../src/cluster/place-pod.js';
import { makeNode, makePod } from '../helpers/builders.js';

describe('numFeasibleNodesToFind', () => {
  it.each([
    [0, 0],
    [50, 50],
    [99, 99],
    [100, 100], // 100 × 50% = 50 → at least 100
    [200, 100], // 200 × 49% = 98 → 100
    [500, 230], // 500 × 46%
    [1000, 420], // 1000 × 42%
    [2000, 680], // 2000 × 34%
    [5000, 500], // 5000 × 10%
    [6000, 300], // 50 − 48 = 2% → the 5% floor
  ])('%i nodes → %i', (nodes, expected) => {
    expect(numFeasibleNodesToFind(nodes)).toBe(expected);
  });
});

describe('placePod search window', () => {
  const nodes = Array.from({ length: 150 }, (_, i) => makeNode({ name: `n${i}` }));

  it('stops after 100 feasible nodes of 150 and reports how far it went', () => {
    const placement = placePod(makePod(), nodes, 'LeastAllocated', new Rng(1).stream('s'), 0);
    expect(placement.processedNodes).toBe(100);
    expect(Number(placement.node!.name.slice(1))).toBeLessThan(100);
  });

  it('starts at startIndex and wraps around the node list', () => {
    const placement = placePod(makePod(), nodes, 'LeastAllocated', new Rng(1).stream('s'), 120);
    const index = Number(placement.node!.name.slice(1));
    // Nodes 120…149 and 0…69 are searched.
    expect(index >= 120 || index < 70).toBe(true);
    expect(placement.processedNodes).toBe(100);
  });

  it('counts infeasible nodes as processed and searches every node when fewer fit', () => {
    const mixed = nodes.map((n, i) => (i % 2 === 0 ? makeNode({ name: n.name, cpuRequestedMillicores: 4000 }) : n));
    const placement = placePod(makePod(), mixed, 'LeastAllocated', new Rng(1).stream('s'), 0);
    expect(placement.processedNodes).toBe(150);
    expect(Number(placement.node!.name.slice(1)) % 2).toBe(1);
  });
});
