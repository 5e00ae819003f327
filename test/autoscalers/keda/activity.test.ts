import { describe, expect, it } from 'vitest';
import { combineTriggerActivity, type TriggerState } from '../../../src/autoscalers/keda/activity.js';

const t = (type: string, isActive: boolean, error?: string, name?: string): TriggerState => ({ type, isActive, ...(error ? { error } : {}), ...(name ? { name } : {}) });

describe('combineTriggerActivity', () => {
  it.each([
    ['any active, error-free trigger makes the object active', [t('kafka', false), t('prometheus', true)], true, false],
    ['no trigger active', [t('kafka', false), t('prometheus', false)], false, false],
    ['an active trigger with an error does not count', [t('kafka', true, 'boom')], false, true],
    ['one active, another failing: active and in error', [t('kafka', true), t('prometheus', false, 'boom')], true, true],
    ['only cpu/memory and no error: forced active', [t('cpu', false), t('memory', false)], true, false],
    ['cpu plus an inactive external trigger: not forced', [t('cpu', false), t('kafka', false)], false, false],
  ] as const)('%s', (_name, triggers, isActive, isError) => {
    expect(combineTriggerActivity({ triggers })).toMatchObject({ isActive, isError });
  });

  it('reports the active triggers by name, else by type', () => {
    expect(combineTriggerActivity({ triggers: [t('kafka', true, undefined, 'orders'), t('redis', true)] }).activeTriggers).toEqual(['orders', 'redis']);
  });

  describe('with scalingModifiers', () => {
    const triggers = [t('kafka', true, undefined, 'a'), t('redis', false, undefined, 'b')];
    it.each([
      ['composite strictly above activationTarget: active', 7, 6, true],
      ['composite equal to activationTarget: inactive (strict)', 6, 6, false],
      ['per-trigger activity is ignored', 0, 0, false],
      ['a nil composite is inactive', null, 0, false],
    ] as const)('%s', (_name, compositeValue, activationTarget, isActive) => {
      expect(combineTriggerActivity({ triggers, scalingModifiers: { compositeValue, activationTarget } }).isActive).toBe(isActive);
    });

    it('any trigger error makes the object inactive whatever the composite', () => {
      const failing = [t('kafka', true, undefined, 'a'), t('redis', false, 'down', 'b')];
      expect(combineTriggerActivity({ triggers: failing, scalingModifiers: { compositeValue: 100, activationTarget: 0 } })).toMatchObject({ isActive: false, isError: true });
    });
  });
});
