import { describe, expect, it } from 'vitest';
import { choosePodsToDelete } from '../../src/cluster/replica-set-order.js';
import { makeNode, makePod } from '../helpers/builders.js';

describe('ReplicaSet scale-down order (ActivePodsWithRanks)', () => {
  const node = makeNode();
  const readyOld = makePod({ name: 'ready-old', node, ready: true, readyConditionSeconds: 10, createdSeconds: 0, serial: 0 });
  const readyNew = makePod({ name: 'ready-new', node, ready: true, readyConditionSeconds: 500, createdSeconds: 400, serial: 1 });
  const notReady = makePod({ name: 'not-ready', node, ready: false, readyConditionSeconds: 600, createdSeconds: 590, serial: 2 });
  const pending = makePod({ name: 'pending', node, phase: 'Pending', createdSeconds: 595, serial: 3 });
  const unscheduled = makePod({ name: 'unscheduled', phase: 'Pending', createdSeconds: 100, serial: 4 });

  it('deletes unscheduled, then pending, then not ready, then the most recently ready first', () => {
    const order = choosePodsToDelete([readyOld, readyNew, notReady, pending, unscheduled], 5).map((p) => p.name);
    expect(order).toEqual(['unscheduled', 'pending', 'not-ready', 'ready-new', 'ready-old']);
  });

  it('deletes only as many as asked', () => {
    expect(choosePodsToDelete([readyOld, readyNew], 1).map((p) => p.name)).toEqual(['ready-new']);
  });

  it('among equally ranked pods deletes the newer one', () => {
    const a = makePod({ name: 'a', node, createdSeconds: 5, serial: 0 });
    const b = makePod({ name: 'b', node, createdSeconds: 9, serial: 1 });
    expect(choosePodsToDelete([a, b], 1)[0]?.name).toBe('b');
  });
});
