/**
 * When the node lifecycle controller marks a node NotReady after its kubelet stopped
 * (src/cluster/node-not-ready-time.ts): the Lease renewal grid (10 s from the kubelet's start), the
 * health pass grid (5 s from t = 0), the pass that saw the last renewal (probeTimestamp) and the
 * first pass at or after probe + grace. Table: stop phases against both grids; properties: the
 * bounds the rules imply and monotonicity in the stop time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_MONITOR_DEFAULTS, nodeNotReadyTime, type NodeMonitorConfig } from '../../src/cluster/node-not-ready-time.js';

describe('nodeNotReadyTime: table (renewals every 10 s from the kubelet start, passes every 5 s from 0, grace 50 s)', () => {
  it('the defaults are the kubelet’s 0.25 × 40 s renewal and --node-monitor-period 5 s', () => {
    expect(NODE_MONITOR_DEFAULTS).toEqual({ leaseRenewIntervalSeconds: 10, monitorPeriodSeconds: 5, monitorStartSeconds: 0 });
  });

  it.each([
    // [case, kubelet started, stopped, grace, last renewal, probe, NotReady, NoExecute]
    ['stop exactly at a renewal that is also a pass: the renewal is made, the next pass sees it', 0, 60, 50, 60, 65, 115, 120],
    ['stop just after a renewal', 0, 60.5, 50, 60, 65, 115, 120],
    ['stop just before a renewal: the previous one counts', 0, 59.9, 50, 50, 55, 105, 110],
    ['stop exactly at a pass between renewals', 0, 65, 50, 60, 65, 115, 120],
    ['stop at registration: the Lease created then is the last renewal', 0, 0, 50, 0, 5, 55, 60],
    ['registered off the pass grid (3 s): renewal 53 s, seen at 55 s', 3, 60, 50, 53, 55, 105, 110],
    ['registered at 3 s, stop at its renewal 63 s', 3, 63, 50, 63, 65, 115, 120],
    ['renewal 2 s before a pass (registered 7 s): seen 3 s later', 7, 60, 50, 57, 60, 110, 115],
    ['a boot time off both grids', 123.5, 200, 50, 193.5, 195, 245, 250],
    ['grace 40 s (before v1.32)', 0, 60, 40, 60, 65, 105, 110],
    ['grace 42 s, not a whole number of passes: the first pass at or after 107 s', 0, 60, 42, 60, 65, 110, 115],
    ['grace 0: the pass that saw the renewal marks it', 0, 60, 0, 60, 65, 65, 70],
    ['grace 0 with the probe before the stop: the first pass at or after the stop', 0, 59, 0, 50, 55, 60, 65],
    ['grace 3 s, probe + grace before the stop: the pass at the stop itself', 0, 59.5, 3, 50, 55, 60, 65],
  ])('%s', (_case, started, stopped, grace, renewal, probe, notReady, noExecute) => {
    const t = nodeNotReadyTime({ kubeletStartedSeconds: started, kubeletStoppedSeconds: stopped, gracePeriodSeconds: grace });
    expect([t.lastRenewalSeconds, t.probeSeconds, t.notReadySeconds, t.noExecuteSeconds]).toEqual([renewal, probe, notReady, noExecute]);
  });

  it('the pass at exactly probe + grace marks the node (upstream’s strict After is met there by the passes’ own duration), not one period later', () => {
    const t = nodeNotReadyTime({ kubeletStartedSeconds: 0, kubeletStoppedSeconds: 60, gracePeriodSeconds: 50 });
    expect(t.notReadySeconds - t.probeSeconds).toBe(50);
  });

  it('says why, with each instant', () => {
    const t = nodeNotReadyTime({ kubeletStartedSeconds: 0, kubeletStoppedSeconds: 60, gracePeriodSeconds: 50 });
    expect(t.reason).toBe(
      'kubelet stopped at 60 s; its Lease was last renewed at 60 s (every 10 s from 0 s); the health pass at 65 s saw it (probeTimestamp); ' +
        'the first pass at or after 65 + 50 s marks the node NotReady: 115 s; the next pass taints it NoExecute: 120 s',
    );
    expect(nodeNotReadyTime({ kubeletStartedSeconds: 0, kubeletStoppedSeconds: 59, gracePeriodSeconds: 0 }).reason).toContain('the first pass at or after the stop (55 + 0 s is before it) marks the node NotReady: 60 s');
  });

  it('with a controller grid that starts off 0 (2 s) and another period (10 s)', () => {
    const config: NodeMonitorConfig = { leaseRenewIntervalSeconds: 10, monitorPeriodSeconds: 10, monitorStartSeconds: 2 };
    const t = nodeNotReadyTime({ kubeletStartedSeconds: 0, kubeletStoppedSeconds: 60, gracePeriodSeconds: 50 }, config);
    expect([t.lastRenewalSeconds, t.probeSeconds, t.notReadySeconds, t.noExecuteSeconds]).toEqual([60, 62, 112, 122]);
  });
});

/** Is `x` an instant of the grid origin + k · step (k ≥ 0), within rounding? */
function onGrid(x: number, origin: number, step: number): boolean {
  const k = Math.round((x - origin) / step);
  return k >= 0 && Math.abs(origin + k * step - x) <= 1e-9 * Math.max(1, Math.abs(x));
}

const configArb = fc.record({
  leaseRenewIntervalSeconds: fc.integer({ min: 1, max: 40 }),
  monitorPeriodSeconds: fc.integer({ min: 1, max: 15 }),
  monitorStartSeconds: fc.integer({ min: 0, max: 14 }),
});

const caseArb = fc.record({
  config: configArb,
  // After the controller's first pass (the grid starts at most 14 s in): before it nothing marks any node.
  started: fc.double({ min: 15, max: 5000, noNaN: true }),
  afterStartSeconds: fc.double({ min: 0, max: 20000, noNaN: true }),
  graceSeconds: fc.integer({ min: 0, max: 120 }),
});

describe('nodeNotReadyTime: properties (fast-check, fixed seed)', () => {
  it('each instant on its grid, in order, and the delay within the bounds the rules imply', () => {
    fc.assert(
      fc.property(caseArb, ({ config, started, afterStartSeconds, graceSeconds }) => {
        const stopped = started + afterStartSeconds;
        const t = nodeNotReadyTime({ kubeletStartedSeconds: started, kubeletStoppedSeconds: stopped, gracePeriodSeconds: graceSeconds }, config);
        const { leaseRenewIntervalSeconds: renew, monitorPeriodSeconds: period, monitorStartSeconds: start } = config;
        // Rule 1: the last renewal at or before the stop, less than one interval before it.
        expect(onGrid(t.lastRenewalSeconds, started, renew)).toBe(true);
        expect(t.lastRenewalSeconds).toBeLessThanOrEqual(stopped);
        expect(stopped - t.lastRenewalSeconds).toBeLessThan(renew);
        // Rule 2: the first pass strictly after it.
        expect(onGrid(t.probeSeconds, start, period)).toBe(true);
        expect(t.probeSeconds).toBeGreaterThan(t.lastRenewalSeconds);
        expect(t.probeSeconds - period).toBeLessThanOrEqual(Math.max(t.lastRenewalSeconds, start - period));
        // Rules 3 and 4.
        expect(onGrid(t.notReadySeconds, start, period)).toBe(true);
        expect(t.notReadySeconds).toBeGreaterThanOrEqual(t.probeSeconds + graceSeconds - 1e-9);
        expect(t.notReadySeconds).toBeGreaterThanOrEqual(stopped);
        expect(t.noExecuteSeconds).toBeCloseTo(t.notReadySeconds + period, 9);
        const delay = t.notReadySeconds - stopped;
        expect(delay).toBeGreaterThan(graceSeconds - renew - 1e-9);
        expect(delay).toBeLessThan(graceSeconds + 2 * period);
      }),
      { seed: 20250611, numRuns: 400 },
    );
  });

  it('with a grace that is a whole number of passes and the default grids: more than grace − 10 s, at most grace + 5 s', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3000, noNaN: true }), fc.double({ min: 0, max: 20000, noNaN: true }), fc.integer({ min: 2, max: 24 }), (started, after, passes) => {
        const grace = passes * NODE_MONITOR_DEFAULTS.monitorPeriodSeconds;
        const t = nodeNotReadyTime({ kubeletStartedSeconds: started, kubeletStoppedSeconds: started + after, gracePeriodSeconds: grace });
        const delay = t.notReadySeconds - (started + after);
        expect(delay).toBeGreaterThan(grace - NODE_MONITOR_DEFAULTS.leaseRenewIntervalSeconds - 1e-9);
        expect(delay).toBeLessThanOrEqual(grace + NODE_MONITOR_DEFAULTS.monitorPeriodSeconds + 1e-9);
        expect(t.notReadySeconds - t.probeSeconds).toBeCloseTo(grace, 9);
      }),
      { seed: 20250612, numRuns: 400 },
    );
  });

  it('a later stop never gives an earlier NotReady (monotone in the stop time)', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 100, noNaN: true }), ({ config, started, afterStartSeconds, graceSeconds }, later) => {
        const at = (stopped: number) => nodeNotReadyTime({ kubeletStartedSeconds: started, kubeletStoppedSeconds: stopped, gracePeriodSeconds: graceSeconds }, config);
        const first = at(started + afterStartSeconds);
        const second = at(started + afterStartSeconds + later);
        expect(second.notReadySeconds).toBeGreaterThanOrEqual(first.notReadySeconds);
        expect(second.probeSeconds).toBeGreaterThanOrEqual(first.probeSeconds);
      }),
      { seed: 20250613, numRuns: 400 },
    );
  });

  it('a stop anywhere in one renewal interval of a warm node (registered at 0) gives one NotReady instant', () => {
    for (let stopped = 60; stopped < 70; stopped += 0.25) {
      expect(nodeNotReadyTime({ kubeletStartedSeconds: 0, kubeletStoppedSeconds: stopped, gracePeriodSeconds: 50 }).notReadySeconds).toBe(115);
    }
    expect(nodeNotReadyTime({ kubeletStartedSeconds: 0, kubeletStoppedSeconds: 70, gracePeriodSeconds: 50 }).notReadySeconds).toBe(125);
  });
});
