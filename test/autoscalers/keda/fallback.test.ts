import { describe, expect, it } from 'vitest';
import { applyFallback, type FallbackReadInput } from '../../../src/autoscalers/keda/fallback.js';

function read(overrides: Partial<FallbackReadInput>): FallbackReadInput {
  return {
    fallback: { failureThreshold: 3, replicas: 10 },
    previousNumberOfFailures: 0,
    scalerError: true,
    metricTarget: { type: 'AverageValue', value: 10 },
    currentReplicas: 4,
    readyReplicas: 4,
    ...overrides,
  };
}

describe('applyFallback', () => {
  it('a successful read resets the count and passes the value through', () => {
    expect(applyFallback(read({ scalerError: false, previousNumberOfFailures: 5, metricValue: 6 }))).toMatchObject({
      numberOfFailures: 0,
      healthStatus: 'Happy',
      fallbackActive: false,
      errorReturned: false,
      metricValue: 6,
    });
  });

  it.each([
    ['1st failure', 0, false],
    ['3rd failure (= threshold)', 2, false],
    ['4th failure (threshold + 1) engages the fallback', 3, true],
    ['later failures keep it engaged', 7, true],
  ] as const)('threshold 3, %s', (_name, previous, engaged) => {
    const r = applyFallback(read({ previousNumberOfFailures: previous }));
    expect(r).toMatchObject({ numberOfFailures: previous + 1, healthStatus: 'Failing', fallbackActive: engaged, errorReturned: !engaged });
    expect(r.metricValue).toBe(engaged ? 100 : undefined);
  });

  it('threshold 0 engages on the first failure', () => {
    expect(applyFallback(read({ fallback: { failureThreshold: 0, replicas: 2 } }))).toMatchObject({ fallbackActive: true, metricValue: 20 });
  });

  it.each([
    ['static ignores current', 'static', 15, 100],
    ['currentReplicas uses current', 'currentReplicas', 6, 60],
    ['currentReplicasIfHigher: current 4 < 10 → 10', 'currentReplicasIfHigher', 4, 100],
    ['currentReplicasIfHigher: current 12 > 10 → 12', 'currentReplicasIfHigher', 12, 120],
    ['currentReplicasIfLower: current 4 < 10 → 4', 'currentReplicasIfLower', 4, 40],
    ['currentReplicasIfLower: current 12 > 10 → 10', 'currentReplicasIfLower', 12, 100],
  ] as const)('behaviour %s', (_name, behavior, current, value) => {
    const r = applyFallback(read({ previousNumberOfFailures: 3, currentReplicas: current, fallback: { failureThreshold: 3, replicas: 10, behavior } }));
    expect(r).toMatchObject({ fallbackActive: true, metricValue: value });
  });

  it.each([
    [0.5, 4, 2],
    [0.5, 10, 5],
    [2.5, 4, 10],
    [10.9, 3, 32.7],
    [0.3333, 10, 3.333],
  ])('an AverageValue target %s keeps its fraction (doFallback int64(target × 1000 × replicas) milli): %s replicas serve %s', (target, replicas, value) => {
    const r = applyFallback(read({ previousNumberOfFailures: 3, metricTarget: { type: 'AverageValue', value: target }, fallback: { failureThreshold: 3, replicas } }));
    expect(r).toMatchObject({ fallbackActive: true, metricValue: value });
  });

  it('Value targets divide the replicas by the ready pods (10 / 5 × 10 = 20) and truncate to milli', () => {
    expect(applyFallback(read({ previousNumberOfFailures: 3, metricTarget: { type: 'Value', value: 10 }, readyReplicas: 5 })).metricValue).toBe(20);
    expect(applyFallback(read({ previousNumberOfFailures: 3, metricTarget: { type: 'Value', value: 1 }, readyReplicas: 3 })).metricValue).toBe(3.333);
  });

  it('Value target with 0 ready pods: the fallback fails and the error is returned', () => {
    expect(applyFallback(read({ previousNumberOfFailures: 3, metricTarget: { type: 'Value', value: 10 }, readyReplicas: 0 }))).toMatchObject({
      fallbackActive: false,
      errorReturned: true,
    });
  });

  it('no fallback: the error is returned and the count is not persisted', () => {
    const { fallback: _, ...withoutFallback } = read({});
    expect(applyFallback({ ...withoutFallback, previousNumberOfFailures: 7 })).toMatchObject({ fallbackActive: false, errorReturned: true, healthPersisted: false, numberOfFailures: 8 });
  });

  it('an invalid fallback (negative threshold) behaves as none', () => {
    expect(applyFallback(read({ previousNumberOfFailures: 9, fallback: { failureThreshold: -3, replicas: 10 } }))).toMatchObject({ fallbackActive: false, errorReturned: true, healthPersisted: false });
  });
});
