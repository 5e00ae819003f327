/**
 * The cloud's capacity by zone and pool (src/cloud/cloud-capacity.ts) and a node group in a zone
 * (src/cloud/node-group.ts), time-stamped: while the zone or the pool is out an instance asked for
 * is not launched (no billing, no registration) but counts in the target size, with an
 * OutOfResource creation error when the loss is reported; it launches when both are back, unless
 * deleted first; an instance launched before the loss whose boot ends during it registers when both
 * are back. Log entries are "t event name".
 */
import { describe, expect, it } from 'vitest';
import { NodeGroup } from '../../src/cloud/node-group.js';
import { CloudCapacity, OUT_OF_RESOURCES, scopeKey, type CapacityLoss } from '../../src/cloud/cloud-capacity.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { Phase } from '../../src/core/phases.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import { makePool } from '../helpers/builders.js';
import { nodeGroupControllers } from '../helpers/node-group-controllers.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

const ZA = scopeKey({ zone: 'za' });
const POOL_W = scopeKey({ pool: 'w' });

/** A group of pool `w` in zone `za` (60 s boot) whose zone (or the scope given) is out over each [from, to): unreported and down (booting instances held) unless said. */
function setUp(outages: [number, number, CapacityLoss?, string?, boolean?][], labels: Record<string, string> = { 'topology.kubernetes.io/zone': 'za' }) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  const log: string[] = [];
  const controllers = nodeGroupControllers(sim, cluster);
  const group = new NodeGroup(makePool({ name: 'w', count: 0, minSize: 0, maxSize: 5, labels, bootSeconds: { min: 60, max: 60 } }), cluster, sim, new Rng(7).stream('cloud'), {
    nodeRequested: (name, _pool, t) => log.push(`${t} launched ${name}`),
    nodeJoined: (name, t) => log.push(`${t} joined ${name}`),
    nodeGone: (name, t) => log.push(`${t} gone ${name}`),
  }, controllers);
  for (const [from, to, loss = 'unreported', key = ZA, down = true] of outages) {
    sim.scheduleAt(from, Phase.LIFECYCLE, 'outage', () => controllers.capacity.lose(key, loss, down));
    sim.scheduleAt(to, Phase.LIFECYCLE, 'outage', () => controllers.capacity.restore(key, loss, down));
  }
  const at = (t: number, what: () => void) => sim.scheduleAt(t, Phase.LIFECYCLE, 'test', what);
  return { sim, group, log, at };
}

describe('CloudCapacity', () => {
  it('counts overlapping losses of a scope: out until the last ends; the callbacks waiting run, in the order added, at each end of a loss', () => {
    const capacity = new CloudCapacity();
    const ran: string[] = [];
    capacity.lose(ZA, 'unreported', false);
    capacity.lose(ZA, 'unreported', true);
    capacity.whenRestored(ZA, () => ran.push('first'));
    capacity.whenRestored(ZA, () => ran.push('second'));
    expect([capacity.outKey([ZA]), capacity.outKey([POOL_W]), capacity.outKey([POOL_W, ZA]), capacity.outKey([])]).toEqual([ZA, undefined, ZA, undefined]);
    expect([capacity.downKey([ZA]), capacity.downKey([POOL_W])]).toEqual([ZA, undefined]);
    capacity.restore(ZA, 'unreported', true);
    // Still out, no longer down: the callbacks ran (their owners check again and may wait on).
    expect([capacity.outKey([ZA]), capacity.downKey([ZA]), ran]).toEqual([ZA, undefined, ['first', 'second']]);
    capacity.whenRestored(ZA, () => ran.push('third'));
    capacity.restore(ZA, 'unreported', false);
    expect([capacity.outKey([ZA]), ran]).toEqual([undefined, ['first', 'second', 'third']]);
    // Callbacks run once: a later loss and its end run none of them again.
    capacity.lose(ZA, 'unreported', false);
    capacity.restore(ZA, 'unreported', false);
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it('refuses to end a loss that did not begin, or one of another kind', () => {
    const capacity = new CloudCapacity();
    expect(() => capacity.restore(ZA, 'unreported', false)).toThrow('no such loss to end');
    capacity.lose(ZA, 'unreported', false);
    expect(() => capacity.restore(ZA, 'reported', false)).toThrow('no such loss to end');
    expect(() => capacity.restore(ZA, 'unreported', true)).toThrow('no such loss to end');
  });

  it('keeps a zone and a pool of the same name apart', () => {
    const capacity = new CloudCapacity();
    capacity.lose(scopeKey({ zone: 'w' }), 'reported', false);
    expect([capacity.outKey([POOL_W]), capacity.creationError([POOL_W])]).toEqual([undefined, undefined]);
  });

  it('gives launches the OutOfResource creation error while a reported loss of any of their scopes lasts', () => {
    const capacity = new CloudCapacity();
    const errors: (string | undefined)[] = [];
    const note = () => errors.push(capacity.creationError([POOL_W, ZA]));
    note();
    capacity.lose(ZA, 'unreported', false);
    note();
    capacity.lose(POOL_W, 'reported', false);
    note();
    capacity.restore(ZA, 'unreported', false);
    note();
    capacity.restore(POOL_W, 'reported', false);
    note();
    expect(errors).toEqual([undefined, undefined, OUT_OF_RESOURCES, OUT_OF_RESOURCES, undefined]);
  });
});

describe('a node group while its zone has lost its capacity', () => {
  it('launches nothing while the zone is out: an instance asked for counts in the target size and launches when the zone is back', () => {
    const { sim, group, log, at } = setUp([[10, 500]]);
    at(100, () => group.increaseSize(2));
    at(200, () => expect([group.targetSize, group.upcoming.map((u) => u.readySeconds)]).toEqual([2, [undefined, undefined]]));
    sim.runUntil(1000);
    expect(log).toEqual(['500 launched w-0', '500 launched w-1', '560 joined w-0', '560 joined w-1']);
    expect(group.nodes.map((n) => [n.name, n.createdSeconds])).toEqual([['w-0', 560], ['w-1', 560]]);
  });

  it('registers an instance launched before the outage, whose boot ends during it, when the zone is back', () => {
    const { sim, group, log, at } = setUp([[30, 400]]);
    at(0, () => group.increaseSize(1));
    sim.runUntil(1000);
    expect(log).toEqual(['0 launched w-0', '400 joined w-0']);
  });

  it('an instance deleted while it waits (the cluster-autoscaler expiring it) is never launched, billed or told of', () => {
    const { sim, group, log, at } = setUp([[10, 2000]]);
    at(100, () => group.increaseSize(1));
    at(1001, () => expect(group.expireRequests(900)).toBe(1));
    sim.runUntil(3000);
    expect(log).toEqual([]);
    expect(group.targetSize).toBe(0);
  });

  it('an instance launched and expired while its boot waits for the zone ends its billing and never registers', () => {
    const { sim, group, log, at } = setUp([[30, 2000]]);
    at(0, () => group.increaseSize(1));
    at(901, () => expect(group.expireRequests(900)).toBe(1));
    sim.runUntil(3000);
    expect(log).toEqual(['0 launched w-0', '901 gone w-0']);
  });

  it('marks an instance asked for during a reported loss with its creation error until it launches; deleting the failed ones leaves the others', () => {
    const { sim, group, log, at } = setUp([[10, 500, 'reported']]);
    at(5, () => group.increaseSize(1));
    at(100, () => group.increaseSize(2));
    at(200, () => expect(group.upcoming.map((u) => [u.name, group.creationErrorOf(u)])).toEqual([['w-0', undefined], ['w-1', OUT_OF_RESOURCES], ['w-2', OUT_OF_RESOURCES]]));
    at(300, () => group.increaseSize(1));
    at(301, () => expect(group.deleteFailedRequests()).toBe(3));
    at(302, () => expect(group.targetSize).toBe(1));
    sim.runUntil(1000);
    // w-0 launched before the outage and registers at its end; the failed ones never launch.
    expect(log).toEqual(['5 launched w-0', '500 joined w-0']);
  });

  it('launches a failed instance nobody deleted when the zone is back, as an auto-scaling group retrying its desired capacity', () => {
    const { sim, group, log, at } = setUp([[10, 500, 'reported']]);
    at(100, () => group.increaseSize(1));
    at(400, () => expect(group.upcoming.map((u) => group.creationErrorOf(u))).toEqual([OUT_OF_RESOURCES]));
    at(530, () => expect(group.upcoming.map((u) => group.creationErrorOf(u))).toEqual([undefined]));
    sim.runUntil(1000);
    expect(log).toEqual(['500 launched w-0', '560 joined w-0']);
  });

  it('a failed instance is no unregistered node: never expired; launched when the zone is back, it is a new instance timed from then', () => {
    const { sim, group, log, at } = setUp([[10, 2000, 'reported']]);
    at(100, () => group.increaseSize(1));
    // 1,400 s after the request: an unregistered node would have expired.
    at(1500, () => expect(group.expireRequests(900)).toBe(0));
    at(2001, () => expect(group.upcoming.map((u) => [u.requestedSeconds, group.creationErrorOf(u)])).toEqual([[2000, undefined]]));
    // Booting from 2,000 s: 50 s later it is not yet 900 s old.
    at(2050, () => expect(group.expireRequests(900)).toBe(0));
    sim.runUntil(3000);
    expect(log).toEqual(['2000 launched w-0', '2060 joined w-0']);
  });

  it('a reported loss beginning over an unreported one fails the instances already waiting, not those launched', () => {
    const { sim, group, at } = setUp([[10, 500, 'unreported'], [200, 400, 'reported']]);
    at(5, () => group.increaseSize(1));
    at(100, () => group.increaseSize(1));
    at(150, () => expect(group.upcoming.map((u) => group.creationErrorOf(u))).toEqual([undefined, undefined]));
    at(250, () => expect(group.upcoming.map((u) => group.creationErrorOf(u))).toEqual([undefined, OUT_OF_RESOURCES]));
    sim.runUntil(260);
  });

  it('stays out until the last of two overlapping outages ends', () => {
    const { sim, group, log, at } = setUp([[10, 300], [200, 700]]);
    at(100, () => group.increaseSize(1));
    sim.runUntil(1000);
    expect(log).toEqual(['700 launched w-0', '760 joined w-0']);
  });

  it('launches nothing while its pool is out either, and only once both its pool and its zone are back', () => {
    const { sim, group, log, at } = setUp([[10, 300, 'unreported', POOL_W], [200, 500]]);
    at(100, () => group.increaseSize(1));
    sim.runUntil(1000);
    expect(log).toEqual(['500 launched w-0', '560 joined w-0']);
  });

  it('a reported loss of its pool fails the instances waiting, as one of its zone does', () => {
    const { sim, group, at } = setUp([[10, 500, 'reported', POOL_W]]);
    at(100, () => group.increaseSize(1));
    at(200, () => expect(group.upcoming.map((u) => group.creationErrorOf(u))).toEqual([OUT_OF_RESOURCES]));
    sim.runUntil(300);
  });

  it('a loss that is not a zone down (a capacityLoss) lets an instance already booting register; it holds only new launches', () => {
    const { sim, group, log, at } = setUp([[30, 500, 'reported', POOL_W, false]]);
    at(0, () => group.increaseSize(1));
    at(100, () => group.increaseSize(1));
    sim.runUntil(1000);
    expect(log).toEqual(['0 launched w-0', '60 joined w-0', '500 launched w-1', '560 joined w-1']);
  });

  it('a reported loss of its pool that begins after the request fails the instance waiting through an unreported one (the listener)', () => {
    const { sim, group, at } = setUp([[10, 500, 'unreported', POOL_W, false], [200, 400, 'reported', POOL_W, false]]);
    at(100, () => group.increaseSize(1));
    at(150, () => expect(group.upcoming.map((u) => [group.creationErrorOf(u), u.failed])).toEqual([[undefined, undefined]]));
    at(250, () => expect(group.upcoming.map((u) => [group.creationErrorOf(u), u.failed])).toEqual([[OUT_OF_RESOURCES, true]]));
    // The reported loss over, the unreported one goes on: no error listed, and it launches at 500 s as a new instance.
    at(450, () => expect(group.upcoming.map((u) => group.creationErrorOf(u))).toEqual([undefined]));
    at(501, () => expect(group.upcoming.map((u) => u.requestedSeconds)).toEqual([500]));
    sim.runUntil(600);
  });

  it('leaves a pool of another zone, or of none, alone', () => {
    for (const labels of [{ 'topology.kubernetes.io/zone': 'zb' }, {}] as Record<string, string>[]) {
      const { sim, group, log, at } = setUp([[10, 500]], labels);
      at(100, () => group.increaseSize(1));
      sim.runUntil(1000);
      expect(log).toEqual(['100 launched w-0', '160 joined w-0']);
    }
  });
});
