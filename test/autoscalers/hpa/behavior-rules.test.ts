import { describe, expect, it } from 'vitest';
import { longestPolicyPeriodSeconds, resolveBehavior, resolveScaleDownRules, resolveScaleUpRules } from '../../../src/autoscalers/hpa/behavior-rules.js';

describe('behavior defaulting (GenerateHPAScale{Up,Down}Rules)', () => {
  it('an empty scaleUp gets window 0, Max, Pods 4 and Percent 100 per 15 s', () => {
    expect(resolveScaleUpRules({})).toEqual({
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    });
  });

  it('an unset scaleDown window comes from the controller flag', () => {
    expect(resolveScaleDownRules(undefined, 120)).toEqual({
      stabilizationWindowSeconds: 120,
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    });
  });

  it('a user policies list replaces the default list whole', () => {
    const r = resolveScaleUpRules({ policies: [{ type: 'Percent', value: 700, periodSeconds: 60 }] });
    expect(r.policies).toEqual([{ type: 'Percent', value: 700, periodSeconds: 60 }]);
    expect(r.selectPolicy).toBe('Max');
  });

  it('user fields win and the tolerance is kept', () => {
    const b = resolveBehavior({ scaleDown: { stabilizationWindowSeconds: 0, selectPolicy: 'Disabled', tolerance: 0.2 } }, { downscaleStabilizationWindowSeconds: 300 });
    expect(b.scaleDown).toMatchObject({ stabilizationWindowSeconds: 0, selectPolicy: 'Disabled', tolerance: 0.2 });
    expect(b.scaleUp.stabilizationWindowSeconds).toBe(0);
  });

  it('resolved policies are copies: mutating them does not touch the defaults', () => {
    resolveScaleUpRules(undefined).policies.push({ type: 'Pods', value: 1, periodSeconds: 1 });
    expect(resolveScaleUpRules(undefined).policies).toHaveLength(2);
  });

  it('longest policy period', () => {
    expect(longestPolicyPeriodSeconds({ policies: [{ type: 'Pods', value: 1, periodSeconds: 15 }, { type: 'Percent', value: 1, periodSeconds: 60 }] })).toBe(60);
    expect(longestPolicyPeriodSeconds({ policies: [] })).toBe(0);
  });
});
