import { describe, expect, it } from 'vitest';
import { planScaledObjectScale, type ExecutorInput } from '../../../src/autoscalers/keda/executor.js';

const NOW = 10_000;

/** Defaults: min 0, no idle, inactive, no error, never active, created an hour ago, KEDA's 300 s / 0 s cooldowns. */
function input(overrides: Partial<ExecutorInput>): ExecutorInput {
  return {
    minReplicaCount: 0,
    currentReplicas: 0,
    isActive: false,
    isError: false,
    creationSeconds: NOW - 3600,
    nowSeconds: NOW,
    cooldownPeriodSeconds: 300,
    initialCooldownPeriodSeconds: 0,
    pausedScaleIn: false,
    pausedScaleOut: false,
    forceActivation: false,
    ...overrides,
  };
}

describe('planScaledObjectScale: active', () => {
  it.each([
    ['at 0 with min 0 scales to 1', { currentReplicas: 0 }, 1],
    ['at 0 with min 3 scales to min', { currentReplicas: 0, minReplicaCount: 3 }, 3],
    ['below min with idleReplicaCount set scales to min', { currentReplicas: 0, minReplicaCount: 5, idleReplicaCount: 0 }, 5],
    ['idle 1 < current 2 < min 5 scales up to min', { currentReplicas: 2, minReplicaCount: 5, idleReplicaCount: 1 }, 5],
    ['above 0 leaves the count to the HPA', { currentReplicas: 4 }, null],
    ['below min WITHOUT idle leaves the count to the HPA', { currentReplicas: 1, minReplicaCount: 5 }, null],
  ] as const)('%s', (_name, overrides, scaleTo) => {
    const d = planScaledObjectScale(input({ ...overrides, isActive: true }));
    expect(d).toMatchObject({ scaleTo, activeCondition: 'True', activeReason: 'ScalerActive', readyCondition: 'True', lastActiveTimeUpdated: true });
  });

  it('force-activation acts as active even when no trigger is', () => {
    expect(planScaledObjectScale(input({ forceActivation: true }))).toMatchObject({ scaleTo: 1, activeCondition: 'True', lastActiveTimeUpdated: true });
    expect(planScaledObjectScale(input({ forceActivation: true, currentReplicas: 3 }))).toMatchObject({ scaleTo: null, lastActiveTimeUpdated: true });
  });

  it('paused-scale-out blocks the 0 → 1 step and does not refresh lastActiveTime', () => {
    expect(planScaledObjectScale(input({ isActive: true, pausedScaleOut: true }))).toMatchObject({ scaleTo: null, activeCondition: 'True', lastActiveTimeUpdated: false });
  });

  it('a partial trigger error at N replicas: Ready=Unknown (PartialTriggerError), lastActiveTime NOT refreshed', () => {
    const d = planScaledObjectScale(input({ isActive: true, isError: true, currentReplicas: 3 }));
    expect(d).toMatchObject({ scaleTo: null, readyCondition: 'Unknown', readyReason: 'PartialTriggerError', lastActiveTimeUpdated: false });
  });

  it('a partial trigger error does not stop the scale from zero', () => {
    const d = planScaledObjectScale(input({ isActive: true, isError: true }));
    expect(d).toMatchObject({ scaleTo: 1, lastActiveTimeUpdated: true });
    expect(d.readyCondition).toBeUndefined();
  });
});

describe('planScaledObjectScale: inactive', () => {
  it.each([
    ['min 0, cooldown passed (strictly): scale to 0', { currentReplicas: 3, lastActiveTimeSeconds: NOW - 301 }, 0, 'ScalerNotActive'],
    ['min 0, exactly at the cooldown boundary: still cooling down', { currentReplicas: 3, lastActiveTimeSeconds: NOW - 300 }, null, 'ScalerCooldown'],
    ['min 0, inside cooldown', { currentReplicas: 3, lastActiveTimeSeconds: NOW - 10 }, null, 'ScalerCooldown'],
    ['custom cooldownPeriod 30 s', { currentReplicas: 3, lastActiveTimeSeconds: NOW - 31, cooldownPeriodSeconds: 30 }, 0, 'ScalerNotActive'],
    ['never active: creation + initialCooldownPeriod (default 0) has passed', { currentReplicas: 3, creationSeconds: NOW - 1 }, 0, 'ScalerNotActive'],
    ['never active, created just now: creation + 0 is not strictly before now', { currentReplicas: 3, creationSeconds: NOW }, null, 'ScalerCooldown'],
    ['never active, inside initialCooldownPeriod', { currentReplicas: 3, creationSeconds: NOW - 100, initialCooldownPeriodSeconds: 120 }, null, 'ScalerCooldown'],
    ['idle set and above it: scale to idle after cooldown', { currentReplicas: 10, minReplicaCount: 5, idleReplicaCount: 0 }, 0, 'ScalerNotActive'],
    ['idle 2, min 5, current 6: scale to idle 2', { currentReplicas: 6, minReplicaCount: 5, idleReplicaCount: 2 }, 2, 'ScalerNotActive'],
    ['already at idle: nothing', { currentReplicas: 0, minReplicaCount: 5, idleReplicaCount: 0 }, null, 'ScalerNotActive'],
    ['below min without idle: raise to min', { currentReplicas: 1, minReplicaCount: 5 }, 5, 'ScalerNotActive'],
    ['at min (> 0): nothing, the HPA keeps it', { currentReplicas: 5, minReplicaCount: 5 }, null, 'ScalerNotActive'],
    ['already at zero: nothing', { currentReplicas: 0 }, null, 'ScalerNotActive'],
  ] as const)('%s', (_name, overrides, scaleTo, activeReason) => {
    const d = planScaledObjectScale(input(overrides));
    expect(d).toMatchObject({ scaleTo, activeCondition: 'False', activeReason, lastActiveTimeUpdated: false, readyCondition: 'True' });
  });

  it('paused-scale-in blocks the scale to zero (and to idle)', () => {
    expect(planScaledObjectScale(input({ currentReplicas: 3, pausedScaleIn: true }))).toMatchObject({ scaleTo: null });
    expect(planScaledObjectScale(input({ currentReplicas: 10, minReplicaCount: 5, idleReplicaCount: 0, pausedScaleIn: true }))).toMatchObject({ scaleTo: null });
  });

  it('paused-scale-in does not block raising to min', () => {
    expect(planScaledObjectScale(input({ currentReplicas: 1, minReplicaCount: 5, pausedScaleIn: true }))).toMatchObject({ scaleTo: 5 });
  });

  it('error with a fallback (replicas ≠ 0): keep the count so the HPA can apply the fallback', () => {
    const d = planScaledObjectScale(input({ currentReplicas: 3, isError: true, fallback: { replicas: 10 } }));
    expect(d).toMatchObject({ scaleTo: null, activeCondition: 'False' });
    expect(d.readyCondition).toBeUndefined();
  });

  it('error with a fallback of 0 replicas falls through to the scale-to-zero rules', () => {
    expect(planScaledObjectScale(input({ currentReplicas: 3, isError: true, fallback: { replicas: 0 } }))).toMatchObject({ scaleTo: 0 });
  });

  it('error without fallback: no scaling, Ready=False (TriggerError)', () => {
    expect(planScaledObjectScale(input({ currentReplicas: 3, isError: true }))).toMatchObject({ scaleTo: null, readyCondition: 'False', readyReason: 'TriggerError' });
  });

  it('every decision carries a reason', () => {
    expect(planScaledObjectScale(input({ currentReplicas: 3, lastActiveTimeSeconds: NOW - 10 })).reason).toMatch(/cooling down.*290 s left/);
  });
});

// pkg/scaling/executor/scale_scaledobjects.go RequestScale: GetPausedReplicaCount is checked right
// after the Ready condition and returns before every other rule (TestScaleToPausedReplicasCount).
describe('planScaledObjectScale: paused-replicas', () => {
  it.each([
    ['active at 2 replicas, paused at 0: scale to 0, Active not written', { currentReplicas: 2, isActive: true, pausedReplicaCount: 0 }, { scaleTo: 0, activeCondition: 'Unknown', lastActiveTimeUpdated: false, readyCondition: 'True' }],
    ['already at the paused count: no write', { currentReplicas: 3, isActive: true, pausedReplicaCount: 3 }, { scaleTo: null, lastActiveTimeUpdated: false }],
    ['inactive past the cooldown with min 0: still the paused count, not 0', { currentReplicas: 4, lastActiveTimeSeconds: -3600, pausedReplicaCount: 2 }, { scaleTo: 2 }],
    ['a trigger error leaves Ready alone', { currentReplicas: 1, isError: true, pausedReplicaCount: 5 }, { scaleTo: 5 }],
  ] as const)('%s', (_name, overrides, expected) => {
    const decision = planScaledObjectScale(input(overrides));
    expect(decision).toMatchObject(expected);
    if ('isError' in overrides) expect(decision.readyCondition).toBeUndefined();
  });
});
