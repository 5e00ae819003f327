/**
 * clusterstate.go updateReadinessStats and IsClusterHealthy: Unready = NotReady and older than
 * MaxNodeStartupTime (15 min); unhealthy when Unready > 3 and > 45% of the registered nodes.
 */
import { describe, expect, it } from 'vitest';
import { clusterHealth, isNotStarted } from '../../../src/autoscalers/cluster-autoscaler/cluster-health.js';

const NOW = 10_000;
const nodes = (ready: number, unready: number, createdSeconds = 0) => [
  ...Array.from({ length: ready }, () => ({ ready: true, createdSeconds })),
  ...Array.from({ length: unready }, () => ({ ready: false, createdSeconds })),
];

describe('clusterHealth', () => {
  it.each([
    [10, 3, true], // 3 unready is ok-total-unready-count: healthy at any share
    [0, 3, true],
    [1, 4, false], // 4 of 5: 80%
    [4, 4, false], // 4 of 8: 50%
    [5, 4, true], // 4 of 9: 4 > 0.45 × 9 = 4.05 is false (strict)
    [11, 9, true], // 9 of 20: exactly 45%, not more
    [10, 9, false], // 9 of 19
  ] as const)('%s ready, %s unready → healthy %s', (ready, unready, healthy) => {
    expect(clusterHealth(nodes(ready, unready), NOW)).toEqual({ healthy, unready, registered: ready + unready });
  });

  it('does not count a NotReady node younger than 15 minutes (NotStarted)', () => {
    expect(clusterHealth(nodes(1, 4, NOW - 899), NOW)).toEqual({ healthy: true, unready: 0, registered: 5 });
    expect(clusterHealth(nodes(1, 4, NOW - 900), NOW)).toEqual({ healthy: false, unready: 4, registered: 5 });
    expect(clusterHealth(nodes(1, 4, Number.NEGATIVE_INFINITY), NOW).healthy).toBe(false);
    // The warm start's nodes (created at or before the given time) were started long before.
    expect(clusterHealth(nodes(1, 4, 0), 100).healthy).toBe(true);
    expect(clusterHealth(nodes(1, 4, 0), 100, 0).healthy).toBe(false);
    expect(clusterHealth(nodes(1, 4, 50), 100, 0).healthy).toBe(true);
  });
});

describe('isNotStarted (updateReadinessStats: not Ready and created less than MaxNodeStartupTime ago)', () => {
  it.each([
    [false, NOW - 899, Number.NEGATIVE_INFINITY, true],
    [false, NOW - 900, Number.NEGATIVE_INFINITY, false], // CreationTimestamp + 15 min After(now) is strict: Unready at exactly 900 s
    [true, NOW - 10, Number.NEGATIVE_INFINITY, false], // Ready
    [false, 0, 0, false], // a warm start's node was started long before the run
    [false, NOW - 100, 0, true],
  ] as const)('ready %s, created %s (warm start at or before %s) → NotStarted %s', (ready, createdSeconds, startedBefore, expected) => {
    expect(isNotStarted({ ready, createdSeconds }, NOW, startedBefore)).toBe(expected);
  });
});
