/**
 * clusterstate.go updateReadinessStats and IsClusterHealthy: Unready = NotReady and older than
 * MaxNodeStartupTime (15 min); unhealthy when Unready > 3 and > 45% of the registered nodes;
 * IsNodeGroupHealthy per node group.
 */
import { describe, expect, it } from 'vitest';
import { clusterHealth, isNotStarted, nodeGroupHealth } from '../../../src/autoscalers/cluster-autoscaler/cluster-health.js';

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

describe('nodeGroupHealth (IsNodeGroupHealthy)', () => {
  const group = (ready: number, unready: number, notStarted: number, target: number, requestedIncrease = 0, unregistered = 0) => ({ ready, unready, notStarted, unregistered, target, requestedIncrease });
  it.each([
    // MinNodes = target − request's Increase; unjustified = MinNodes − Ready when Ready falls short.
    ['all Ready', group(10, 0, 0, 10), true, 0],
    ['3 short: ok-total-unready-count', group(7, 0, 3, 10), true, 3],
    ['4 short of 10: 40%, not more than 45%', group(6, 0, 4, 10), true, 4],
    ['5 short of 10: 50%', group(5, 0, 5, 10), false, 5],
    ['5 short of 11 counted: 45.45%', group(6, 5, 0, 11), false, 5],
    ['5 short of 12 counted: 41.7%', group(7, 5, 0, 12), true, 5],
    ['the open request excuses the nodes it asked for', group(5, 0, 5, 10, 5), true, 0],
    ['its Increase excuses only that many', group(2, 0, 8, 10, 3), false, 5],
    ['Unready nodes count in the share (45% of Ready, Unready and NotStarted)', group(4, 6, 0, 10), false, 6],
    ['no readiness, target 0', group(0, 0, 0, 0), true, 0],
    ['no readiness, scaling up from 0 (MinNodes 0)', group(0, 0, 0, 2, 2), true, 0],
    ['no readiness and no request: target 2 missing', group(0, 0, 0, 2), false, 2],
    ['no readiness, MinNodes below 0: only MinNodes == 0 is excused', group(0, 0, 0, 1, 2), false, 0],
    ['nodes not registered give readiness; with no request open they are unjustified', group(0, 0, 0, 4, 0, 4), false, 4],
  ] as const)('%s', (_, readiness, healthy, unjustifiedUnready) => {
    expect(nodeGroupHealth(readiness)).toEqual({ healthy, unjustifiedUnready });
  });
});
