/**
 * QuotaV1Pod's charging rule (pods.go) and the resource quota controller's resync grid, as tables:
 * a pod deleted at t with grace g has deletionTimestamp t + g and is charged until t + 2g, still at
 * exactly t + 2g (now.After is strict); terminal phases are never charged; the next full resync is
 * the first grid instant strictly after the charge ends, none when the period is 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextResyncSeconds, quotaChargeEndSeconds, quotaChargesPod, type QuotaChargedPod } from '../../src/cluster/quota-charge.js';
import { RESOURCE_QUOTA_DEFAULTS } from '../../src/cluster/resource-quota-resync.js';

const running = (deletionSeconds?: number, deletionGracePeriodSeconds?: number): QuotaChargedPod => ({ phase: 'Running', deletionSeconds, deletionGracePeriodSeconds });

describe('quotaChargesPod (QuotaV1Pod)', () => {
  it.each([
    ['a live pod', running(), 1e6, true, 'not terminating'],
    ['a Pending pod', { phase: 'Pending', deletionSeconds: undefined, deletionGracePeriodSeconds: undefined }, 0, true, 'not terminating'],
    ['a Succeeded pod', { phase: 'Succeeded', deletionSeconds: undefined, deletionGracePeriodSeconds: undefined }, 0, false, 'terminal phase Succeeded'],
    ['a Failed pod, terminating or not', { phase: 'Failed', deletionSeconds: 10, deletionGracePeriodSeconds: 30 }, 11, false, 'terminal phase Failed'],
    ['deleted at 410 s, grace 30 s: at the delete', running(410, 30), 410, true, 'terminating: deletionTimestamp 440 s (deleted at 410 s + 30 s grace) + 30 s = 470 s not yet passed'],
    ['… at deletionTimestamp + 0 (one grace after the delete)', running(410, 30), 440, true, 'terminating: deletionTimestamp 440 s (deleted at 410 s + 30 s grace) + 30 s = 470 s not yet passed'],
    ['… at exactly 2 × grace (now.After is strict)', running(410, 30), 470, true, 'terminating: deletionTimestamp 440 s (deleted at 410 s + 30 s grace) + 30 s = 470 s not yet passed'],
    ['… just after 2 × grace', running(410, 30), 470.001, false, 'deletionTimestamp 440 s (deleted at 410 s + 30 s grace) + 30 s = 470 s has passed'],
    ['grace 0: charged at the delete instant only', running(100, 0), 100, true, 'terminating: deletionTimestamp 100 s (deleted at 100 s + 0 s grace) + 0 s = 100 s not yet passed'],
    ['grace 0, a moment later', running(100, 0), 100.5, false, 'deletionTimestamp 100 s (deleted at 100 s + 0 s grace) + 0 s = 100 s has passed'],
    ['a deletion time without its grace (never set together): charged', running(100, undefined), 1e6, true, 'not terminating'],
  ] as const)('%s', (_name, pod, nowSeconds, charged, reason) => {
    expect(quotaChargesPod(pod, nowSeconds)).toEqual({ charged, reason });
  });

  it('charges a terminating pod exactly while now ≤ delete + 2 × grace (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 3600 }), fc.integer({ min: -7200, max: 7200 }), (deleted, grace, offset) => {
        const now = deleted + offset;
        expect(quotaChargesPod(running(deleted, grace), now).charged).toBe(now <= deleted + 2 * grace);
        expect(quotaChargeEndSeconds(deleted, grace)).toBe(deleted + 2 * grace);
      }),
      { seed: 4711, numRuns: 300 },
    );
  });
});

describe('nextResyncSeconds (the periodic full resync grid)', () => {
  it('defaults to --resource-quota-sync-period 5 m', () => {
    expect(RESOURCE_QUOTA_DEFAULTS).toEqual({ syncPeriodSeconds: 300 });
  });

  it.each([
    ['before the first resync', 120, 300, 50, 120],
    ['at the first resync exactly: the next one (strictly after)', 120, 300, 120, 420],
    ['between two resyncs', 120, 300, 470, 720],
    ['at a later grid instant exactly', 120, 300, 720, 1020],
    ['a fractional phase', 12.5, 300, 470, 612.5],
    ['a 1 m period', 0, 60, 470, 480],
    ['period 0: no periodic resync', 120, 0, 470, undefined],
  ] as const)('%s', (_name, first, period, after, expected) => {
    expect(nextResyncSeconds(first, period, after)).toBe(expected);
  });

  it('is the first grid instant strictly after the given time (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 3600 }), fc.double({ min: 0, max: 1e6, noNaN: true }), (phase, period, after) => {
        const first = phase * period;
        const at = nextResyncSeconds(first, period, after)!;
        const k = Math.round((at - first) / period);
        expect(at).toBe(first + k * period);
        expect(at).toBeGreaterThan(after);
        if (k > 0) expect(first + (k - 1) * period).toBeLessThanOrEqual(after);
      }),
      { seed: 4712, numRuns: 300 },
    );
  });
});
