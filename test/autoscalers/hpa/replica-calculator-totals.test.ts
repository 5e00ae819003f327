/**
 * The utilization and average-value calculators from class totals (the HPA's cpu class counts,
 * src/controllers/hpa-pod-totals.ts) against the same calculators over the pod list those totals
 * stand for: pods with distinct names, no orphan samples, one request for all, and a sample on
 * every ready pod. Same result, message and reported values, for any such pods.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateAverageValueFromTotals, calculateAverageValueReplicas } from '../../../src/autoscalers/hpa/replica-calculator-average-value.js';
import { calculateUtilizationFromTotals, calculateUtilizationReplicas } from '../../../src/autoscalers/hpa/replica-calculator-utilization.js';
import type { ClassifiedPod, PodClassTotals } from '../../../src/autoscalers/hpa/types.js';
import { tolerances } from './distinct-pods.js';

const CLASSES = ['ready', 'unready', 'missing', 'ignored'] as const;

/** Pods as the HPA's walk classifies them: each with the workload's request, ready ones with a sample, others now and then with one. */
function walkedPods(requestMilli: number, maxUsageMilli: number): fc.Arbitrary<ClassifiedPod[]> {
  const usage = fc.oneof(fc.constantFrom(0, requestMilli, requestMilli / 2), fc.integer({ min: 0, max: maxUsageMilli }));
  const pod = fc.record({ class: fc.constantFrom(...CLASSES), usageMilli: usage, sampled: fc.boolean() });
  return fc.array(pod, { maxLength: 14 }).map((pods) =>
    pods.map(({ class: podClass, usageMilli, sampled }, i) => ({
      name: `pod-${i}`,
      class: podClass,
      requestMilli,
      // A ready pod always has its sample; the others may have one the calculators drop.
      usageMilli: podClass === 'ready' || (sampled && podClass !== 'missing') ? Math.floor(usageMilli) : undefined,
    })),
  );
}

function totalsOf(pods: readonly ClassifiedPod[], requestMilli: number): PodClassTotals {
  const totals: PodClassTotals = { ready: 0, unready: 0, missing: 0, ignored: 0, requestMilli, readyUsageMilli: 0 };
  for (const pod of pods) {
    totals[pod.class]++;
    if (pod.class === 'ready') totals.readyUsageMilli += pod.usageMilli!;
  }
  return totals;
}

const request = fc.oneof(fc.constantFrom(0, 100, 250, 1000), fc.integer({ min: 1, max: 4000 }));

describe('calculators from class totals', () => {
  it('utilization: what the pod list gives, for any pods with one request', () => {
    const input = request.chain((requestMilli) =>
      fc.record({
        requestMilli: fc.constant(requestMilli),
        pods: walkedPods(requestMilli, 8000),
        currentReplicas: fc.integer({ min: 0, max: 40 }),
        targetUtilizationPercent: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constantFrom(50, 100)),
        tolerances,
      }),
    );
    fc.assert(
      fc.property(input, ({ requestMilli, pods, currentReplicas, targetUtilizationPercent, tolerances }) => {
        const fromPods = calculateUtilizationReplicas({ pods, orphanSamples: [], currentReplicas, targetUtilizationPercent, tolerances, distinctNames: true });
        const fromTotals = calculateUtilizationFromTotals({ totals: totalsOf(pods, requestMilli), currentReplicas, targetUtilizationPercent, tolerances });
        expect(fromTotals).toEqual(fromPods);
      }),
      { seed: 20261122, numRuns: 5_000 },
    );
  });

  it('average value: what the pod list gives, for any pods', () => {
    const input = fc.record({
      pods: walkedPods(0, 80_000),
      currentReplicas: fc.integer({ min: 0, max: 40 }),
      targetAverageValueMilli: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(500, 1000)),
      tolerances,
    });
    fc.assert(
      fc.property(input, ({ pods, currentReplicas, targetAverageValueMilli, tolerances }) => {
        const fromPods = calculateAverageValueReplicas({ pods, orphanSamples: [], currentReplicas, targetAverageValueMilli, tolerances, distinctNames: true });
        const fromTotals = calculateAverageValueFromTotals({ totals: totalsOf(pods, 0), currentReplicas, targetAverageValueMilli, tolerances });
        expect(fromTotals).toEqual(fromPods);
      }),
      { seed: 20261122, numRuns: 5_000 },
    );
  });

  it('a worked case: 3 ready pods at 300m of 250m, 1 unready, 1 missing, target 50%', () => {
    const totals: PodClassTotals = { ready: 3, unready: 1, missing: 1, ignored: 2, requestMilli: 250, readyUsageMilli: 900 };
    const result = calculateUtilizationFromTotals({ totals, currentReplicas: 5, targetUtilizationPercent: 50, tolerances: { scaleUp: 0.1, scaleDown: 0.1 } });
    // 900 / 750 = 120% → ratio 2.4 > 1: a scale-up, missing pods at 0 and unready pods at 0 in the second pass:
    // 900 × 100 / (250 × 5) = 72% → 1.44 → ceil(1.44 × 5) = 8.
    expect(result).toMatchObject({ ok: true, desiredReplicas: 8, utilizationPercent: 120, rawAverageMilli: 300 });
  });
});
