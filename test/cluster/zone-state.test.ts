/**
 * The node lifecycle controller's zones (src/cluster/zone-state.ts) and its tainting limiter
 * (src/cluster/eviction-limiter.ts): table tests worked out from node_lifecycle_controller.go
 * (ComputeZoneState, setLimiterInZone, handleDisruption, GetZoneKey) and rate_limited_queue.go
 * (SwapLimiter, TryAccept).
 */
import { describe, expect, it } from 'vitest';
import { EvictionLimiter } from '../../src/cluster/eviction-limiter.js';
import { computeZoneState, disruptionStep, zoneEvictionRate, zoneKey, type ZoneState } from '../../src/cluster/zone-state.js';

describe('computeZoneState', () => {
  it.each([
    [5, 0, 'Normal'],
    [0, 1, 'FullDisruption'],
    [0, 7, 'FullDisruption'],
    [0, 0, 'Normal'],
    // More than 2 NotReady and at least 55%.
    [2, 3, 'PartialDisruption'],
    [1, 2, 'Normal'], // 67% but only 2 NotReady
    [4, 4, 'Normal'], // 50%
    [9, 11, 'PartialDisruption'], // exactly 55%
    [10, 11, 'Normal'], // 52.4%
  ])('%i Ready, %i NotReady: %s', (ready, notReady, state) => {
    expect(computeZoneState(ready, notReady).state).toBe(state);
  });
});

describe('zoneEvictionRate (setLimiterInZone)', () => {
  it.each([
    ['Normal', 10, 0.1],
    ['FullDisruption', 10, 0.1],
    ['PartialDisruption', 50, 0],
    ['PartialDisruption', 51, 0.01],
  ] as const)('%s in a zone of %i nodes: %f a second', (state, size, rate) => {
    expect(zoneEvictionRate(state, size).ratePerSecond).toBe(rate);
  });
});

describe('disruptionStep (handleDisruption)', () => {
  const m = (entries: Record<string, ZoneState>) => new Map(Object.entries(entries));
  it.each([
    ['nothing before, nothing now', {}, {}, { kind: 'none' }],
    ['a first zone, normal', {}, { a: 'Normal' }, { kind: 'zones', changed: ['a'] }],
    ['unchanged', { a: 'Normal', b: 'Normal' }, { a: 'Normal', b: 'Normal' }, { kind: 'none' }],
    ['the only zone fully disrupted', { a: 'Normal' }, { a: 'FullDisruption' }, { kind: 'enterMasterDisruption' }],
    ['one of two zones fully disrupted', { a: 'Normal', b: 'Normal' }, { a: 'FullDisruption', b: 'Normal' }, { kind: 'zones', changed: ['a'] }],
    ['every zone fully disrupted', { a: 'FullDisruption', b: 'Normal' }, { a: 'FullDisruption', b: 'FullDisruption' }, { kind: 'enterMasterDisruption' }],
    ['still every zone', { a: 'FullDisruption' }, { a: 'FullDisruption' }, { kind: 'none' }],
    ['a zone back', { a: 'FullDisruption', b: 'FullDisruption' }, { a: 'FullDisruption', b: 'PartialDisruption' }, { kind: 'exitMasterDisruption' }],
    ['a new zone while every zone was down counts as Initial', { a: 'FullDisruption' }, { a: 'FullDisruption', b: 'Normal' }, { kind: 'zones', changed: ['b'] }],
    ['a zone gone is forgotten', { a: 'Normal', b: 'PartialDisruption' }, { a: 'Normal' }, { kind: 'none' }],
  ] as const)('%s', (_what, before, now, step) => {
    expect(disruptionStep(m(before), m(now))).toEqual(step);
  });
});

describe('zoneKey (GetZoneKey)', () => {
  it.each([
    [{}, ''],
    [{ 'topology.kubernetes.io/zone': 'a' }, ':\x00:a'],
    [{ 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'a' }, 'r:\x00:a'],
    [{ 'failure-domain.beta.kubernetes.io/zone': 'beta', 'topology.kubernetes.io/zone': 'ga' }, ':\x00:beta'],
  ])('%j → %j', (labels, key) => {
    expect(zoneKey(labels)).toBe(key);
  });
});

describe('EvictionLimiter (burst 1)', () => {
  it('starts full, then one token every 1/rate seconds', () => {
    const l = EvictionLimiter.full(0.1);
    expect([l.tryAccept(60), l.tryAccept(60), l.tryAccept(69.9), l.tryAccept(70), l.nextTokenSeconds(71)]).toEqual([true, false, false, true, 80]);
  });

  it('at rate 0 never accepts, and reports a QPS of 1 (the fake never-limiter)', () => {
    const never = EvictionLimiter.full(0);
    expect([never.tryAccept(0), never.nextTokenSeconds(0), never.reportedQps]).toEqual([false, undefined, 1]);
    // Swapping to a rate of exactly 1 keeps it: SwapLimiter compares with the QPS it reports.
    expect(never.swap(1, 5)).toBe(never);
  });

  it('swaps: the same rate keeps the limiter; a new one starts full, or drained when the old had no token', () => {
    const l = EvictionLimiter.full(0.1);
    expect(l.swap(0.1, 0)).toBe(l);
    const full = l.swap(0.01, 0);
    expect(full.tryAccept(0)).toBe(true);
    const fromNever = EvictionLimiter.full(0).swap(0.1, 100);
    expect([fromNever.tryAccept(100), fromNever.nextTokenSeconds(100)]).toEqual([false, 110]);
    const spent = EvictionLimiter.full(0.1);
    spent.tryAccept(100);
    expect(spent.swap(0.01, 105).nextTokenSeconds(105)).toBe(205);
  });
});
