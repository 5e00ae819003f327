/** Property tests (fixed seeds) for invariants the normalization steps must keep for any input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDesiredReplicasWithBehaviorRate } from '../../../src/autoscalers/hpa/behavior-rate.js';
import type { ResolvedScalingRules } from '../../../src/autoscalers/hpa/behavior-rules.js';
import { stabilizeWithBehavior } from '../../../src/autoscalers/hpa/behavior-stabilize.js';
import { stabilizeLegacy } from '../../../src/autoscalers/hpa/legacy-normalize.js';
import type { TimestampedRecommendation, TimestampedScaleEvent } from '../../../src/autoscalers/hpa/types.js';

const NOW = 10_000;
const RUNS = { seed: 20240601, numRuns: 500 };

const policy = fc.record({
  type: fc.constantFrom('Pods' as const, 'Percent' as const),
  value: fc.integer({ min: 1, max: 1000 }),
  periodSeconds: fc.integer({ min: 1, max: 1800 }),
});
const rules: fc.Arbitrary<ResolvedScalingRules> = fc.record({
  stabilizationWindowSeconds: fc.constant(0),
  selectPolicy: fc.constantFrom('Max' as const, 'Min' as const, 'Disabled' as const),
  policies: fc.array(policy, { minLength: 1, maxLength: 4 }),
});
const events: fc.Arbitrary<TimestampedScaleEvent[]> = fc.array(
  fc.record({ replicaChange: fc.integer({ min: 1, max: 200 }), timestampSeconds: fc.integer({ min: NOW - 3600, max: NOW }), outdated: fc.boolean() }),
  { maxLength: 6 },
);
const recommendations: fc.Arbitrary<TimestampedRecommendation[]> = fc.array(
  fc.record({ replicas: fc.integer({ min: 0, max: 500 }), timestampSeconds: fc.integer({ min: NOW - 3600, max: NOW }) }),
  { maxLength: 8 },
);

describe('behavior rate limit invariants', () => {
  it('with min <= current <= max the result stays in [min, max] and never crosses current the wrong way', () => {
    const bounds = fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }))
      .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number]);
    fc.assert(
      fc.property(bounds, fc.integer({ min: 0, max: 2000 }), rules, rules, events, events, ([min, current, max], desired, up, down, upEvents, downEvents) => {
        const r = convertDesiredReplicasWithBehaviorRate({
          nowSeconds: NOW,
          currentReplicas: current,
          desiredReplicas: desired,
          minReplicas: min,
          maxReplicas: max,
          scaleUp: up,
          scaleDown: down,
          scaleUpEvents: upEvents,
          scaleDownEvents: downEvents,
        });
        expect(r.desiredReplicas).toBeGreaterThanOrEqual(min);
        expect(r.desiredReplicas).toBeLessThanOrEqual(max);
        if (desired > current) expect(r.desiredReplicas).toBeGreaterThanOrEqual(current);
        if (desired < current) expect(r.desiredReplicas).toBeLessThanOrEqual(current);
        if (desired >= current) expect(r.desiredReplicas).toBeLessThanOrEqual(Math.max(desired, current));
      }),
      RUNS,
    );
  });
});

describe('stabilization invariants', () => {
  it('legacy: stabilized >= desired, and the window max is never exceeded', () => {
    fc.assert(
      fc.property(recommendations, fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 3600 }), (recs, desired, window) => {
        const r = stabilizeLegacy({ nowSeconds: NOW, desiredReplicas: desired, windowSeconds: window, recommendations: recs });
        expect(r.stabilizedReplicas).toBeGreaterThanOrEqual(desired);
        const inWindow = recs.filter((x) => NOW - x.timestampSeconds <= window).map((x) => x.replicas);
        expect(r.stabilizedReplicas).toBe(Math.max(desired, ...inWindow));
        expect(r.recommendations.length).toBeLessThanOrEqual(recs.length + 1);
      }),
      RUNS,
    );
  });

  it('behavior: the stabilized count lies between current and desired', () => {
    fc.assert(
      fc.property(
        recommendations,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 0, max: 3600 }),
        (recs, current, desired, upW, downW) => {
          const r = stabilizeWithBehavior({ nowSeconds: NOW, currentReplicas: current, desiredReplicas: desired, scaleUpWindowSeconds: upW, scaleDownWindowSeconds: downW, recommendations: recs });
          expect(r.stabilizedReplicas).toBeGreaterThanOrEqual(Math.min(current, desired));
          expect(r.stabilizedReplicas).toBeLessThanOrEqual(Math.max(current, desired));
        },
      ),
      RUNS,
    );
  });
});
