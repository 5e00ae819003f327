/** isAutoscaledPool: the one rule for which pools the cluster-autoscaler may scale. */
import { describe, expect, it } from 'vitest';
import { isAutoscaledPool } from '../../src/scenario/node-pools/autoscaled-pool.js';

describe('isAutoscaledPool', () => {
  it.each([
    ['a real pool with minSize < maxSize', { minSize: 0, maxSize: 4 }, true],
    ['a fixed pool (minSize = maxSize)', { minSize: 2, maxSize: 2 }, false],
    ['a virtual pool, whatever its bounds', { minSize: 0, maxSize: 4, virtual: { provider: 'eci' } }, false],
  ])('%s: %s', (_name, pool, expected) => {
    expect(isAutoscaledPool(pool as Parameters<typeof isAutoscaledPool>[0])).toBe(expected);
  });
});
