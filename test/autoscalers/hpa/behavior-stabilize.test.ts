import { describe, expect, it } from 'vitest';
import { stabilizeWithBehavior } from '../../../src/autoscalers/hpa/behavior-stabilize.js';

const NOW = 5000;
const rec = (replicas: number, ageSeconds: number) => ({ replicas, timestampSeconds: NOW - ageSeconds });

function stabilize(current: number, desired: number, upW: number, downW: number, recs: ReturnType<typeof rec>[]) {
  return stabilizeWithBehavior({ nowSeconds: NOW, currentReplicas: current, desiredReplicas: desired, scaleUpWindowSeconds: upW, scaleDownWindowSeconds: downW, recommendations: recs });
}

describe('stabilizeWithBehavior (envelope, STRICT windows)', () => {
  it.each([
    ['scale-down goes only to the largest of the down window', 100, 3, 0, 180, [rec(4, 120), rec(5, 60)], 5, 'ScaleDownStabilized'],
    ['scale-up goes only to the smallest of the up window', 1, 7, 300, 0, [rec(4, 120), rec(5, 60)], 4, 'ScaleUpStabilized'],
    ['a scale-up is not stabilized with the default 0 s up window', 1, 3, 0, 300, [rec(4, 120), rec(5, 60)], 3, 'ReadyForNewScale'],
    ['history straddling current keeps current', 2, 3, 300, 300, [rec(2, 6000), rec(1, 180)], 2, 'ScaleUpStabilized'],
    ['a record exactly W old is outside the down window', 10, 4, 0, 300, [rec(10, 300)], 4, 'ReadyForNewScale'],
    ['a record W - 1 s old is inside', 10, 4, 0, 300, [rec(10, 299)], 10, 'ScaleDownStabilized'],
    ['the result is not clamped to min/max here', 5, 500, 0, 0, [], 500, 'ReadyForNewScale'],
  ] as const)('%s', (_name, current, desired, upW, downW, recs, stabilized, reason) => {
    const r = stabilize(current, desired, upW, downW, [...recs]);
    expect(r.stabilizedReplicas).toBe(stabilized);
    expect(r.reason).toBe(reason);
  });

  it('legacy is inclusive where behavior is strict: the 300 s record holds only on the legacy path', () => {
    expect(stabilize(10, 4, 0, 300, [rec(10, 300)]).stabilizedReplicas).toBe(4);
  });

  it('records the raw desired count, reusing a slot older than both windows', () => {
    const r = stabilize(5, 3, 60, 300, [rec(9, 400), rec(7, 100), rec(8, 500)]);
    expect(r.recommendations).toEqual([rec(9, 400), rec(7, 100), rec(3, 0)]);
    const appended = stabilize(5, 3, 60, 300, [rec(7, 100)]);
    expect(appended.recommendations).toEqual([rec(7, 100), rec(3, 0)]);
  });

  it('lists the window records used', () => {
    expect(stabilize(5, 3, 0, 300, [rec(9, 400), rec(7, 100)]).window.entries()).toEqual([{ replicas: 7, ageSeconds: 100 }]);
    // Inside either strict window: the longer one decides, and a record exactly that old is out.
    expect(stabilize(5, 3, 60, 300, [rec(9, 300), rec(8, 299), rec(7, 59)]).window.entries()).toEqual([{ replicas: 8, ageSeconds: 299 }, { replicas: 7, ageSeconds: 59 }]);
  });
});
