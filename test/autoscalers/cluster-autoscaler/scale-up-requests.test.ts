/**
 * clusterstate.go registerOrUpdateScaleUpNoLock and updateScaleRequests: one request per node group,
 * its deadline moved by every scale-up; finished when no node is upcoming, timed out when the
 * deadline is strictly before now with nodes still upcoming.
 */
import { describe, expect, it } from 'vitest';
import { registerScaleUp, shrinkScaleUp, updateScaleRequests, type ScaleUpRequest } from '../../../src/autoscalers/cluster-autoscaler/scale-up-requests.js';

describe('registerScaleUp', () => {
  it('creates a request due max-node-provision-time after the scale-up', () => {
    expect(registerScaleUp(undefined, 3, 100, 900)).toEqual({ timeSeconds: 100, expectedAddSeconds: 1000, increase: 3 });
  });

  it('adds to an open request and moves its Time and ExpectedAddTime to the new scale-up', () => {
    const first = registerScaleUp(undefined, 3, 100, 900);
    expect(registerScaleUp(first, 2, 700, 900)).toEqual({ timeSeconds: 700, expectedAddSeconds: 1600, increase: 5 });
  });
});

describe('shrinkScaleUp (registerOrUpdateScaleUpNoLock with a negative delta)', () => {
  const request: ScaleUpRequest = { timeSeconds: 100, expectedAddSeconds: 1000, increase: 3 };
  it.each<[string, ScaleUpRequest | undefined, number, ScaleUpRequest | undefined]>([
    ['some nodes failed: Increase shrinks, Time and ExpectedAddTime stay', request, 2, { timeSeconds: 100, expectedAddSeconds: 1000, increase: 1 }],
    ['every node failed: the request goes (Increase+delta <= 0)', request, 3, undefined],
    ['more failed than asked for (nodes of an earlier request): the request goes', request, 5, undefined],
    ['no request: nothing (a negative delta creates none)', undefined, 1, undefined],
  ])('%s', (_name, previous, failed, expected) => {
    expect(shrinkScaleUp(previous, failed)).toEqual(expected);
  });
});

describe('updateScaleRequests', () => {
  const request: ScaleUpRequest = { timeSeconds: 100, expectedAddSeconds: 1000, increase: 2 };
  it.each([
    ['nodes upcoming, before the deadline: open', 2, 990, 'open'],
    ['nodes upcoming, at the deadline: open (ExpectedAddTime.Before(now) is strict)', 1, 1000, 'open'],
    ['nodes upcoming, past the deadline: timed out', 1, 1000.5, 'timedOut'],
    ['no node upcoming: finished, even past the deadline', 0, 5000, 'finished'],
    ['no node upcoming before the deadline: finished', 0, 200, 'finished'],
  ] as const)('%s', (_, upcoming, nowSeconds, outcome) => {
    const update = updateScaleRequests(new Map([['workers', request]]), () => upcoming, nowSeconds);
    expect({
      open: [...update.requests.keys()],
      finished: update.finished,
      timedOut: update.timedOut,
    }).toEqual({
      open: outcome === 'open' ? ['workers'] : [],
      finished: outcome === 'finished' ? ['workers'] : [],
      timedOut: outcome === 'timedOut' ? [{ group: 'workers', afterSeconds: nowSeconds - 100 }] : [],
    });
  });

  it('judges each group by its own upcoming nodes and leaves the input map alone', () => {
    const requests = new Map<string, ScaleUpRequest>([
      ['a', request],
      ['b', { ...request, expectedAddSeconds: 2000 }],
      ['c', request],
    ]);
    const upcoming = new Map([['a', 1], ['b', 1], ['c', 0]]);
    const update = updateScaleRequests(requests, (g) => upcoming.get(g) ?? 0, 1500);
    expect([...update.requests.keys()]).toEqual(['b']);
    expect(update.finished).toEqual(['c']);
    expect(update.timedOut).toEqual([{ group: 'a', afterSeconds: 1400 }]);
    expect(requests.size).toBe(3);
  });
});
