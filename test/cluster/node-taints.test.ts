/** applyTaint: which taint changes let waiting pods try again or move the spread counts. */
import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../src/cluster/model.js';
import { applyTaint } from '../../src/cluster/node-taints.js';

const node = (taints: SimNode['taints'] = []): SimNode => ({ taints }) as SimNode;
const HARD = { key: 'k', effect: 'NoSchedule' as const };
const SOFT = { key: 'DeletionCandidateOfClusterAutoscaler', effect: 'PreferNoSchedule' as const };

describe('applyTaint', () => {
  it('a filtering taint: on moves the spread counts, off also relaxes; a repeat changes nothing', () => {
    const n = node();
    expect(applyTaint(n, HARD, true)).toEqual({ relaxes: false, movesSpread: true, changed: true });
    expect(applyTaint(n, HARD, true)).toEqual({ relaxes: false, movesSpread: false, changed: false });
    expect(n.taints).toEqual([HARD]);
    expect(applyTaint(n, HARD, false)).toEqual({ relaxes: true, movesSpread: true, changed: true });
    expect(n.taints).toEqual([]);
  });

  it('a PreferNoSchedule taint goes on and off without asking the scheduler for anything', () => {
    const n = node([HARD]);
    expect(applyTaint(n, SOFT, true)).toEqual({ relaxes: false, movesSpread: false, changed: true });
    expect(n.taints).toEqual([HARD, SOFT]);
    expect(applyTaint(n, SOFT, false)).toEqual({ relaxes: false, movesSpread: false, changed: true });
    expect(n.taints).toEqual([HARD]);
  });
});
