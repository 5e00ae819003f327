/**
 * Node groups at run time: requested nodes register after their seeded boot time, and spot nodes are
 * interrupted at the group's rate — terminated at the end of the notice (cordoned during it only with
 * a drain handler) and replaced — with every node life recorded for billing.
 */
import { describe, expect, it } from 'vitest';
import { NodeGroup } from '../../src/cloud/node-group.js';
import { NODE_UNSCHEDULABLE_TAINT } from '../../src/cluster/node-health.js';
import type { InterruptionHandling } from '../../src/cloud/types.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import { makePool } from '../helpers/builders.js';
import { nodeGroupControllers } from '../helpers/node-group-controllers.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function setUp(pool: Parameters<typeof makePool>[0]) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  const log: [string, string, number][] = [];
  const group = new NodeGroup(makePool(pool), cluster, sim, new Rng(7).stream('cloud'), {
    nodeRequested: (name, _pool, t) => log.push(['requested', name, t]),
    nodeGone: (name, t) => log.push(['gone', name, t]),
  }, nodeGroupControllers(sim, cluster));
  return { sim, cluster, group, log };
}

describe('NodeGroup', () => {
  it('registers requested nodes after a boot time within the pool range, counting them as upcoming meanwhile', () => {
    const { sim, cluster, group } = setUp({ name: 'od', count: 1, minSize: 1, maxSize: 5, bootSeconds: { min: 60, max: 120 } });
    group.startInitial();
    group.increaseSize(2);
    expect(group.targetSize).toBe(3);
    expect(group.upcoming).toHaveLength(2);
    sim.runUntil(59);
    expect(cluster.nodes).toHaveLength(1);
    sim.runUntil(121);
    expect(cluster.nodes).toHaveLength(3);
    expect(group.upcoming).toHaveLength(0);
  });

  it('drops requests older than max-node-provision-time from the upcoming nodes', () => {
    const { sim, group, log } = setUp({ name: 'slow', count: 0, minSize: 0, maxSize: 5, bootSeconds: { min: 2000, max: 2000 } });
    group.increaseSize(1);
    sim.runUntil(901);
    expect(group.expireRequests(900)).toBe(1);
    expect(group.targetSize).toBe(0);
    expect(log.map(([e]) => e)).toEqual(['requested', 'gone']);
  });

  it.each([
    ['none', 0],
    ['drain', 1],
  ] as [InterruptionHandling, number][])('interrupts spot nodes (handling %s): cordoned for the notice only by a handler, terminated, replaced', (interruptionHandling, cordonedAtMost) => {
    const billing = { kind: 'spot' as const, currency: 'USD', pricePerHour: 0.03, granularitySeconds: 1, minimumSeconds: 60, interruptionRatePerHour: 2, interruptionNoticeSeconds: 120, interruptionHandling, source: 'test' };
    const { sim, cluster, group, log } = setUp({ name: 'spot', count: 2, minSize: 2, maxSize: 2, billing, bootSeconds: { min: 60, max: 60 } });
    group.startInitial();
    let cordoned = 0;
    sim.every(1, 1, 6, 'probe', () => {
      const live = cluster.nodes.filter((n) => n.instanceGoneSeconds === undefined);
      cordoned = Math.max(cordoned, live.filter((n) => n.taints.some((t) => t.key === NODE_UNSCHEDULABLE_TAINT.key)).length);
    });
    sim.runUntil(6 * 3600);
    expect(group.interruptions).toBeGreaterThan(5);
    expect(cordoned).toBe(cordonedAtMost);
    // Every interruption is replaced: the group keeps its size, give or take nodes still booting.
    expect(group.targetSize).toBe(2);
    expect(log.filter(([e]) => e === 'gone')).toHaveLength(group.interruptions);
    expect(log.filter(([e]) => e === 'requested')).toHaveLength(2 + group.interruptions);
  });
});
