/** Node-group backoff after a failed scale-up (exponential_backoff.go): durations, resets, the end of a backoff. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, isBackedOff, isStale, registerFailure } from '../../../src/autoscalers/cluster-autoscaler/node-group-backoff.js';

describe('registerFailure', () => {
  it.each([
    ['a first failure: the initial 5 min', undefined, 1000, { durationSeconds: 300, untilSeconds: 1300, lastFailureSeconds: 1000 }],
    ['a failure after the backoff ended: doubled', { durationSeconds: 300, untilSeconds: 1300, lastFailureSeconds: 1000 }, 2000, { durationSeconds: 600, untilSeconds: 2600, lastFailureSeconds: 2000 }],
    ['a failure during the backoff: the same duration again', { durationSeconds: 600, untilSeconds: 2600, lastFailureSeconds: 2000 }, 2100, { durationSeconds: 600, untilSeconds: 2700, lastFailureSeconds: 2100 }],
    ['doubling stops at 30 min', { durationSeconds: 1200, untilSeconds: 5000, lastFailureSeconds: 3800 }, 6000, { durationSeconds: 1800, untilSeconds: 7800, lastFailureSeconds: 6000 }],
    ['more than 3 h after the last failure: back to 5 min', { durationSeconds: 1800, untilSeconds: 7800, lastFailureSeconds: 6000 }, 6000 + 10_801, { durationSeconds: 300, untilSeconds: 17_101, lastFailureSeconds: 16_801 }],
  ] as const)('%s', (_name, previous, now, expected) => {
    expect(registerFailure(previous, now)).toEqual(expected);
  });
});

describe('isBackedOff and isStale', () => {
  const entry = { durationSeconds: 300, untilSeconds: 1300, lastFailureSeconds: 1000 };
  it('is backed off strictly before its end (backoffUntil.After(now))', () => {
    expect(isBackedOff(entry, 1299.9)).toBe(true);
    expect(isBackedOff(entry, 1300)).toBe(false);
    expect(isBackedOff(undefined, 0)).toBe(false);
  });
  it('is forgotten more than the reset timeout after the last failure', () => {
    expect(isStale(entry, 1000 + DEFAULT_BACKOFF.resetSeconds)).toBe(false);
    expect(isStale(entry, 1000 + DEFAULT_BACKOFF.resetSeconds + 1)).toBe(true);
  });
});
