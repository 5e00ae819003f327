/** compositeFallback: when the composite metric of scalingModifiers is served from fallback.replicas (fallback.go). */
import { describe, expect, it } from 'vitest';
import { compositeFallback, type CompositeFallbackInput } from '../../../src/autoscalers/keda/scaling-modifiers/composite-fallback.js';

const input = (overrides: Partial<CompositeFallbackInput>): CompositeFallbackInput => ({
  fallback: { failureThreshold: 3, replicas: 6, behavior: 'static' },
  modifiers: { target: 5, metricType: 'AverageValue' },
  triggerFailures: [0, 4],
  currentReplicas: 2,
  readyReplicas: 4,
  ...overrides,
});

describe('compositeFallback', () => {
  it.each([
    ['a trigger past the threshold serves target × replicas', {}, true, 30_000],
    ['every trigger at or below the threshold', { triggerFailures: [3, 0] }, false, undefined],
    ['threshold 0: the first failure', { fallback: { failureThreshold: 0, replicas: 6, behavior: 'static' as const }, triggerFailures: [1, 0] }, true, 30_000],
    ['currentReplicasIfHigher with 8 current', { fallback: { failureThreshold: 3, replicas: 6, behavior: 'currentReplicasIfHigher' as const }, currentReplicas: 8 }, true, 40_000],
    ['no fallback configured', { fallback: undefined }, false, undefined],
    ['a fractional target (ParseInt fails)', { modifiers: { target: 2.5, metricType: 'AverageValue' as const } }, false, undefined],
    ['a Value composite metric: divided by the 4 ready pods', { modifiers: { target: 5, metricType: 'Value' as const } }, true, 7_500],
    ['a Value composite metric, 3 ready pods: truncated to the milli-unit', { modifiers: { target: 5, metricType: 'Value' as const }, readyReplicas: 3 }, true, 10_000],
    ['a Value composite metric with no ready pod: doFallback fails', { modifiers: { target: 5, metricType: 'Value' as const }, readyReplicas: 0 }, false, undefined],
    ['a negative threshold', { fallback: { failureThreshold: -1, replicas: 6, behavior: 'static' as const } }, false, undefined],
  ])('%s', (_name, overrides, engaged, valueMilli) => {
    const r = compositeFallback(input(overrides));
    expect(r.engaged).toBe(engaged);
    if (r.engaged) expect(r.valueMilli).toBe(valueMilli);
    expect(r.reason).not.toBe('');
  });
});
