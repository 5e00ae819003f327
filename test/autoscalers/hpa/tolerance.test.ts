import { describe, expect, it } from 'vitest';
import { HPA_DEFAULTS } from '../../../src/autoscalers/hpa/config.js';
import { isWithinTolerance, resolveTolerances } from '../../../src/autoscalers/hpa/tolerance.js';
import type { HpaBehavior } from '../../../src/autoscalers/hpa/types.js';

const DEFAULT = { scaleUp: 0.1, scaleDown: 0.1 };

describe('isWithinTolerance(ratio, tolerances)', () => {
  it.each([
    ['ratio exactly 1.1 (110/100) is inside: the upper bound is inclusive', 110 / 100, DEFAULT, true],
    ['ratio exactly 0.9 (90/100) is inside: the lower bound is inclusive', 90 / 100, DEFAULT, true],
    ['ratio 1.11 is outside', 1.11, DEFAULT, false],
    ['ratio 0.89 is outside', 0.89, DEFAULT, false],
    ['ratio 1 is inside with zero tolerance', 1, { scaleUp: 0, scaleDown: 0 }, true],
    ['ratio 0.85 is inside a 0.2 scale-down tolerance', 0.85, { scaleUp: 0.1, scaleDown: 0.2 }, true],
    ['ratio 1.15 is outside when only scale-down is widened', 1.15, { scaleUp: 0.1, scaleDown: 0.5 }, false],
    ['NaN (0/0) is never inside', Number.NaN, DEFAULT, false],
    ['+Inf is never inside', Number.POSITIVE_INFINITY, DEFAULT, false],
  ])('%s', (_name, ratio, tolerances, within) => {
    expect(isWithinTolerance(ratio, tolerances)).toBe(within);
  });

  it('differs from the pre-1.33 test |1 - r| <= 0.1 at exactly 1.1', () => {
    expect(Math.abs(1 - 1.1) <= 0.1).toBe(false);
    expect(isWithinTolerance(1.1, DEFAULT)).toBe(true);
  });
});

describe('resolveTolerances(behavior, config)', () => {
  const withOverrides: HpaBehavior = { scaleUp: { tolerance: 0.05 }, scaleDown: { tolerance: 0.2 } };
  it.each([
    ['legacy HPA (behavior null) uses the flag both ways', null, true, { scaleUp: 0.1, scaleDown: 0.1 }],
    ['per-direction overrides apply with the gate on', withOverrides, true, { scaleUp: 0.05, scaleDown: 0.2 }],
    ['overrides are ignored with the gate off', withOverrides, false, { scaleUp: 0.1, scaleDown: 0.1 }],
    ['one side set, the other keeps the flag', { scaleDown: { tolerance: 0 } }, true, { scaleUp: 0.1, scaleDown: 0 }],
    ['a behavior without tolerances keeps the flag', { scaleUp: {}, scaleDown: {} }, true, { scaleUp: 0.1, scaleDown: 0.1 }],
  ] as const)('%s', (_name, behavior, gate, expected) => {
    expect(resolveTolerances(behavior, { ...HPA_DEFAULTS, configurableTolerance: gate })).toEqual(expected);
  });

  it('follows a non-default flag value', () => {
    expect(resolveTolerances(null, { ...HPA_DEFAULTS, tolerance: 0.25 })).toEqual({ scaleUp: 0.25, scaleDown: 0.25 });
  });
});
