import { describe, expect, it } from 'vitest';
import { resolveBehavior } from '../../../src/autoscalers/hpa/behavior-rules.js';
import { appendScaleEvent, storeScaleEvent, sumReplicaChangeInPeriod } from '../../../src/autoscalers/hpa/scale-events.js';
import type { HpaHistory, TimestampedScaleEvent } from '../../../src/autoscalers/hpa/types.js';

const NOW = 1000;
const ev = (replicaChange: number, ageSeconds: number, outdated = false): TimestampedScaleEvent => ({ replicaChange, timestampSeconds: NOW - ageSeconds, outdated });
const empty: HpaHistory = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
const behavior = resolveBehavior({}, { downscaleStabilizationWindowSeconds: 300 });

describe('sumReplicaChangeInPeriod', () => {
  it('counts only events strictly younger than the period', () => {
    expect(sumReplicaChangeInPeriod([ev(1, 100), ev(5, 60), ev(9, 20)], 60, NOW)).toBe(9);
    expect(sumReplicaChangeInPeriod([ev(1, 100), ev(5, 60), ev(9, 20)], 61, NOW)).toBe(14);
  });
});

describe('appendScaleEvent', () => {
  it('appends when no event is outdated', () => {
    expect(appendScaleEvent([ev(2, 10)], 3, 15, NOW)).toEqual([ev(2, 10), ev(3, 0)]);
  });

  it('marks events older than the longest period outdated and reuses the last outdated slot', () => {
    const out = appendScaleEvent([ev(2, 100), ev(4, 10), ev(6, 50)], 3, 15, NOW);
    expect(out).toEqual([ev(2, 100, true), ev(4, 10), ev(3, 0)]);
  });

  it('an event exactly one period old is not outdated (strict Before)', () => {
    expect(appendScaleEvent([ev(2, 15)], 3, 15, NOW)).toEqual([ev(2, 15), ev(3, 0)]);
  });

  it('does not mutate its input', () => {
    const input = [ev(2, 100)];
    appendScaleEvent(input, 3, 15, NOW);
    expect(input).toEqual([ev(2, 100)]);
  });
});

describe('storeScaleEvent', () => {
  it.each([
    ['a scale-up stores |change| in the scale-up list', 3, 7, 'scaleUp', [ev(4, 0)], []],
    ['a scale-down stores |change| in the scale-down list', 7, 3, 'scaleDown', [], [ev(4, 0)]],
    ['no change stores nothing', 5, 5, null, [], []],
  ] as const)('%s', (_name, prev, next, stored, up, down) => {
    const r = storeScaleEvent(empty, behavior, prev, next, NOW);
    expect(r.stored).toBe(stored);
    expect(r.history.scaleUpEvents).toEqual(up);
    expect(r.history.scaleDownEvents).toEqual(down);
  });

  it('stores nothing on the legacy path (behavior null)', () => {
    const r = storeScaleEvent(empty, null, 3, 7, NOW);
    expect(r).toEqual({ history: empty, stored: null });
  });
});
