/** softtaint.go UpdateSoftDeletionTaints: which nodes get DeletionCandidate and which lose it, within the budget. */
import { describe, expect, it } from 'vitest';
import { softTaintUpdates, type SoftTaintNode } from '../../../src/autoscalers/cluster-autoscaler/scale-down/soft-taints.js';

const node = (name: string, softTainted = false, beingDeleted = false): SoftTaintNode => ({ name, softTainted, beingDeleted });

describe('softTaintUpdates', () => {
  it('marks the unneeded nodes not yet tainted and cleans the needed ones that are', () => {
    const r = softTaintUpdates([node('u1'), node('u2', true)], [node('n1', true), node('n2')], 10);
    expect(r).toMatchObject({ mark: ['u1'], clean: ['n1'], skipped: 0, reason: '1 soft-tainted, 1 cleaned' });
  });

  it('leaves nodes being deleted alone, whatever their taint', () => {
    expect(softTaintUpdates([node('u', false, true)], [node('n', true, true)], 10)).toMatchObject({ mark: [], clean: [] });
  });

  it('spends the budget on the needed nodes first, then skips the rest (budgetTracker)', () => {
    const needed = [node('n1', true), node('n2', true)];
    const unneeded = [node('u1'), node('u2'), node('u3')];
    expect(softTaintUpdates(unneeded, needed, 3)).toMatchObject({ clean: ['n1', 'n2'], mark: ['u1'], skipped: 2, reason: '1 soft-tainted, 2 cleaned, 2 left for a later loop (budget 3)' });
    expect(softTaintUpdates(unneeded, needed, 0)).toMatchObject({ clean: [], mark: [], skipped: 5 });
  });
});
