/**
 * The cluster-autoscaler's bookkeeping between loops (clusterstate.go): a scale-up request per group,
 * timed out into a backoff, finished into the backoff's removal, instances that failed to launch
 * into a smaller request and a backoff, and the groups scale-up skips.
 */
import { describe, expect, it } from 'vitest';
import { CaClusterState, type GroupNodeCounts } from '../../../src/controllers/cluster-autoscaler/cluster-state.js';
import type { NodeGroup } from '../../../src/cloud/node-group.js';

/** The parts of a NodeGroup the bookkeeping reads: its name, requested nodes not registered yet, target size. */
class FakeGroup {
  readonly spec: { name: string };
  upcoming: { name: string; requestedSeconds: number; creationError?: string }[] = [];
  expired = 0;
  now = 0;

  constructor(
    readonly name: string,
    public live: number,
  ) {
    this.spec = { name };
  }

  get targetSize(): number {
    return this.live + this.upcoming.length;
  }

  creationErrorOf(u: { creationError?: string }): string | undefined {
    return u.creationError;
  }

  expireRequests(maxSeconds: number): number {
    const before = this.upcoming.length;
    this.upcoming = this.upcoming.filter((u) => this.now - u.requestedSeconds <= maxSeconds);
    this.expired += before - this.upcoming.length;
    return before - this.upcoming.length;
  }
}
type Fake = FakeGroup;
const fakeGroup = (name: string, live: number): FakeGroup => new FakeGroup(name, live);
const asGroups = (gs: Fake[]): NodeGroup[] => gs as unknown as NodeGroup[];
const counts = (ready: number, notStarted = 0): GroupNodeCounts => ({ ready, unready: 0, notStarted });

/** One loop at `now`: UpdateNodes, then what scale-up would skip. */
function loop(state: CaClusterState, groups: Fake[], now: number, notStarted: Record<string, number> = {}) {
  for (const g of groups) g.now = now;
  const timedOut = state.update(asGroups(groups), new Map(Object.entries(notStarted)), now);
  const nodeCounts = new Map(groups.map((g) => [g.name, counts(g.live - (notStarted[g.name] ?? 0), notStarted[g.name] ?? 0)]));
  return { timedOut, skipped: Object.fromEntries(state.notSafeToScaleUp(asGroups(groups), nodeCounts, now)) };
}

describe('CaClusterState.handleCreationErrors (handleInstanceCreationErrors)', () => {
  const ERROR = 'OutOfResource/placeholder-cannot-be-fulfilled';
  const failedInstance = (name: string) => ({ name, requestedSeconds: 0, creationError: ERROR });

  it('shrinks a scaling-up group\'s request by the newly failed instances and backs the group off; each instance counts once', () => {
    const state = new CaClusterState(900);
    const a = fakeGroup('zone-a', 1);
    state.registerScaleUp('zone-a', 3, 0);
    a.upcoming = [failedInstance('zone-a-1'), failedInstance('zone-a-2'), { name: 'zone-a-3', requestedSeconds: 0 }];
    expect(state.handleCreationErrors(asGroups([a]), 10)).toEqual([{ group: 'zone-a', nodes: 2, error: ERROR }]);
    expect(loop(state, [a], 10).skipped).toEqual({ 'zone-a': 'BackedOff' });
    // Seen again at the next loop (not deleted, as in a loop the cluster's health stopped): nothing new.
    expect(state.handleCreationErrors(asGroups([a]), 20)).toEqual([]);
    // The third instance fails later: it is new, and the request (Increase 3 − 2 = 1) goes with it.
    a.upcoming[2]!.creationError = ERROR;
    expect(state.handleCreationErrors(asGroups([a]), 30)).toEqual([{ group: 'zone-a', nodes: 1, error: ERROR }]);
    // No request left: a fourth failure backs nothing off (IsNodeGroupScalingUp is false).
    a.upcoming.push(failedInstance('zone-a-4'));
    expect(state.handleCreationErrors(asGroups([a]), 40)).toEqual([]);
  });

  it('leaves a group with no scale-up request open alone, whatever its instances', () => {
    const state = new CaClusterState(900);
    const b = fakeGroup('zone-b', 1);
    b.upcoming = [failedInstance('zone-b-1')];
    expect(state.handleCreationErrors(asGroups([b]), 10)).toEqual([]);
    expect(loop(state, [b], 10).skipped).toEqual({});
  });

  it('backs off a scaling-up group whose Ready nodes fall far short (upstream checks no health there)', () => {
    const state = new CaClusterState(900);
    const a = fakeGroup('zone-a', 6);
    state.registerScaleUp('zone-a', 1, 0);
    a.upcoming = [failedInstance('zone-a-6')];
    expect(state.handleCreationErrors(asGroups([a]), 10)).toEqual([{ group: 'zone-a', nodes: 1, error: ERROR }]);
    // 2 Ready of a target of 7: NodeGroupUnhealthy comes first among the reasons to skip it.
    const unhealthy = new Map([['zone-a', { ready: 2, unready: 4, notStarted: 0 }]]);
    expect(Object.fromEntries(state.notSafeToScaleUp(asGroups([a]), unhealthy, 10))).toEqual({ 'zone-a': 'NodeGroupUnhealthy' });
    // Healthy again (the outage over), it is still backed off.
    expect(Object.fromEntries(state.notSafeToScaleUp(asGroups([a]), new Map([['zone-a', counts(6)]]), 20))).toEqual({ 'zone-a': 'BackedOff' });
  });
});

describe('CaClusterState', () => {
  it('times a request out 15 min after the last scale-up of its group, not the first', () => {
    const state = new CaClusterState(900);
    const g = fakeGroup('workers', 2);
    // Scale-ups at 0 s and 600 s whose nodes register and stay NotStarted.
    state.registerScaleUp('workers', 1, 0);
    state.registerScaleUp('workers', 1, 600);
    g.live = 4;
    expect(loop(state, [g], 910, { workers: 2 }).timedOut).toEqual([]);
    expect(loop(state, [g], 1500, { workers: 2 }).timedOut).toEqual([]);
    expect(loop(state, [g], 1510, { workers: 2 })).toEqual({ timedOut: [{ group: 'workers', afterSeconds: 910 }], skipped: { workers: 'BackedOff' } });
    // Backed off for 300 s from the timeout; the request is gone, so no second timeout.
    expect(loop(state, [g], 1800, { workers: 2 })).toEqual({ timedOut: [], skipped: { workers: 'BackedOff' } });
    expect(loop(state, [g], 1810, { workers: 2 })).toEqual({ timedOut: [], skipped: {} });
  });

  it('removes the backoff when a later scale-up finishes, so the next failure starts again at 5 min', () => {
    const state = new CaClusterState(900);
    const g = fakeGroup('workers', 1);
    state.registerScaleUp('workers', 1, 0);
    g.live = 2;
    expect(loop(state, [g], 910, { workers: 1 }).timedOut).toHaveLength(1);
    // After the 300 s backoff, a scale-up whose node registers and becomes Ready, while the first
    // node, Unready by now, counts as provisioned: no node upcoming, the request finishes.
    state.registerScaleUp('workers', 1, 1300);
    g.live = 3;
    expect(loop(state, [g], 1310, { workers: 1 }).skipped).toEqual({});
    expect(loop(state, [g], 1420, { workers: 0 }).skipped).toEqual({});
    // A third scale-up fails: 300 s again (600 s had the backoff been kept).
    state.registerScaleUp('workers', 1, 1430);
    g.live = 4;
    expect(loop(state, [g], 2340, { workers: 1 }).timedOut).toEqual([{ group: 'workers', afterSeconds: 910 }]);
    expect(loop(state, [g], 2630, { workers: 1 }).skipped).toEqual({ workers: 'BackedOff' });
    expect(loop(state, [g], 2640, { workers: 1 }).skipped).toEqual({});
  });

  it('checks a request before the never-registered instances go, so they time it out', () => {
    const state = new CaClusterState(900);
    const g = fakeGroup('workers', 0);
    state.registerScaleUp('workers', 2, 0);
    g.upcoming.push({ name: 'workers-0', requestedSeconds: 0 }, { name: 'workers-1', requestedSeconds: 0 });
    expect(loop(state, [g], 900).timedOut).toEqual([]);
    expect(g.expired).toBe(0);
    const timed = loop(state, [g], 910);
    expect(timed.timedOut).toEqual([{ group: 'workers', afterSeconds: 910 }]);
    expect([g.expired, g.targetSize]).toEqual([2, 0]);
    expect(timed.skipped).toEqual({ workers: 'BackedOff' });
  });

  it('skips an unhealthy group before a backed-off one, and names only groups that are not safe', () => {
    const state = new CaClusterState(900);
    const sick = fakeGroup('sick', 10);
    const fine = fakeGroup('fine', 3);
    // 5 of sick's 10 nodes NotStarted, no request open for them: 5 unjustified > 3 and > 45% of 10.
    expect(loop(state, [sick, fine], 100, { sick: 5 }).skipped).toEqual({ sick: 'NodeGroupUnhealthy' });
    // An open request for those 5 excuses them.
    state.registerScaleUp('sick', 5, 100);
    expect(loop(state, [sick, fine], 110, { sick: 5 }).skipped).toEqual({});
  });
});
