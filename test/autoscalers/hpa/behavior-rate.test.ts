import { describe, expect, it } from 'vitest';
import { calculateScaleDownLimit, calculateScaleUpLimit } from '../../../src/autoscalers/hpa/behavior-limit.js';
import { convertDesiredReplicasWithBehaviorRate } from '../../../src/autoscalers/hpa/behavior-rate.js';
import { resolveScaleDownRules, resolveScaleUpRules, type ResolvedScalingRules } from '../../../src/autoscalers/hpa/behavior-rules.js';
import type { HpaScalingPolicy, SelectPolicy, TimestampedScaleEvent } from '../../../src/autoscalers/hpa/types.js';

const NOW = 1000;
const ev = (replicaChange: number, ageSeconds: number): TimestampedScaleEvent => ({ replicaChange, timestampSeconds: NOW - ageSeconds, outdated: false });
const rules = (selectPolicy: SelectPolicy, ...policies: HpaScalingPolicy[]): ResolvedScalingRules => ({ stabilizationWindowSeconds: 0, selectPolicy, policies });
const pods = (value: number, periodSeconds = 60): HpaScalingPolicy => ({ type: 'Pods', value, periodSeconds });
const pct = (value: number, periodSeconds = 60): HpaScalingPolicy => ({ type: 'Percent', value, periodSeconds });

function limit(direction: 'up' | 'down', current: number, r: ResolvedScalingRules, up: TimestampedScaleEvent[] = [], down: TimestampedScaleEvent[] = []) {
  const input = { currentReplicas: current, scaleUpEvents: up, scaleDownEvents: down, rules: r, nowSeconds: NOW };
  return direction === 'up' ? calculateScaleUpLimit(input) : calculateScaleDownLimit(input);
}

describe('policy bounds', () => {
  it.each([
    ['up, Percent rounds UP: ceil(3 x 1.01) = 4', 'up', 3, rules('Max', pct(1)), 4],
    ['up, Max takes the largest proposal', 'up', 10, rules('Max', pods(4), pct(100)), 20],
    ['up, Min takes the smallest proposal', 'up', 1, rules('Min', pods(2), pct(50)), 2],
    ['down, Percent TRUNCATES: trunc(5 x 0.5) = 2', 'down', 5, rules('Max', pct(50)), 2],
    ['down, Percent truncates toward zero: trunc(7 x 0.3) = 2', 'down', 7, rules('Max', pct(70)), 2],
    ['down, Max takes the smallest bound (largest change)', 'down', 100, rules('Max', pods(20), pct(1)), 80],
    ['down, Min takes the largest bound (smallest change)', 'down', 5, rules('Min', pods(2), pct(50)), 3],
    ['Disabled up gives current', 'up', 7, rules('Disabled', pods(100)), 7],
    ['Disabled down gives current', 'down', 7, rules('Disabled', pods(100)), 7],
  ] as const)('%s', (_name, direction, current, r, expected) => {
    expect(limit(direction, current, r).limit).toBe(expected);
  });

  it('period start subtracts scale-ups and adds back scale-downs younger than the period (strict)', () => {
    // periodStart = 6 - 4 + 2 = 4 → ceil(4 x 4) = 16; the 300 s-old events are outside the 300 s period.
    expect(limit('up', 6, rules('Max', pct(300, 300)), [ev(4, 60), ev(50, 300)], [ev(2, 60), ev(50, 300)]).limit).toBe(16);
  });
});

describe('convertDesiredReplicasWithBehaviorRate', () => {
  const up = resolveScaleUpRules(undefined);
  const down = resolveScaleDownRules(undefined, 300);
  function rate(current: number, desired: number, min: number, max: number, o: { up?: ResolvedScalingRules; down?: ResolvedScalingRules; upEvents?: TimestampedScaleEvent[]; downEvents?: TimestampedScaleEvent[] } = {}) {
    return convertDesiredReplicasWithBehaviorRate({
      nowSeconds: NOW,
      currentReplicas: current,
      desiredReplicas: desired,
      minReplicas: min,
      maxReplicas: max,
      scaleUp: o.up ?? up,
      scaleDown: o.down ?? down,
      scaleUpEvents: o.upEvents ?? [],
      scaleDownEvents: o.downEvents ?? [],
    });
  }

  it.each([
    ['within the default limits', rate(5, 7, 3, 8), 7, 'DesiredWithinRange'],
    ['below min on a scale-down → min', rate(3, 1, 2, 8), 2, 'TooFewReplicas'],
    ['max binds below the policy limit', rate(20, 1000, 1, 10), 10, 'TooManyReplicas'],
    ['default scale-up: max(10 + 4, 2 x 10) = 20', rate(10, 50, 1, 1000), 20, 'ScaleUpLimit'],
    ['scale-down limited by a Pods policy', rate(10, 2, 1, 1000, { down: rules('Max', pods(5)) }), 5, 'ScaleDownLimit'],
    ['Disabled scale-down keeps current', rate(10, 2, 1, 1000, { down: rules('Disabled', pods(5)) }), 10, 'ScaleDownLimit'],
    ['Disabled scale-up keeps current', rate(10, 50, 1, 1000, { up: rules('Disabled', pods(5)) }), 10, 'ScaleUpLimit'],
    [
      'past scale-ups can freeze scale-up but never force a scale-down',
      rate(100, 500, 1, 1000, { up: rules('Max', pods(5, 120)), upEvents: [ev(1, 100), ev(5, 60), ev(9, 20)] }),
      100,
      'ScaleUpLimit',
    ],
    [
      'past scale-downs can freeze scale-down but never force a scale-up',
      rate(100, 2, 1, 1000, { down: rules('Max', pods(5, 120)), downEvents: [ev(1, 100), ev(5, 60), ev(9, 20)] }),
      100,
      'ScaleDownLimit',
    ],
    ['desired equal to current passes through', rate(10, 10, 1, 1000), 10, 'DesiredWithinRange'],
  ] as const)('%s', (_name, result, desired, reason) => {
    expect(result.desiredReplicas).toBe(desired);
    expect(result.reason).toBe(reason);
  });

  it('reports the limit after it was kept on the right side of current', () => {
    const r = rate(100, 500, 1, 1000, { up: rules('Max', pods(5, 120)), upEvents: [ev(20, 10)] });
    expect(r.policy?.limit).toBe(85);
    expect(r.scaleUpLimit).toBe(100);
  });
});
