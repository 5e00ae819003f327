/**
 * fast-check arbitraries for the calculators' list path: classified pods with distinct names
 * (`pod-0`, `pod-1`…), any class, a usage now and then missing, and optionally a request.
 */
import fc from 'fast-check';
import type { ClassifiedPod } from '../../../src/autoscalers/hpa/types.js';

const CLASSES = ['ready', 'unready', 'missing', 'ignored'] as const;

/** Often 0 or a round value (where the ratio can sit exactly on 1), else anything up to `max`. */
const milli = (round: number[], max: number): fc.Arbitrary<number | undefined> =>
  fc.option(fc.oneof(fc.constantFrom(...round), fc.integer({ min: 0, max })), { nil: undefined, freq: 12 });

export function distinctPods(options: { maxUsageMilli: number; withRequests: boolean }): fc.Arbitrary<ClassifiedPod[]> {
  const pod = fc.record(
    {
      class: fc.constantFrom(...CLASSES),
      usageMilli: milli([0, 500, 1000], options.maxUsageMilli),
      ...(options.withRequests ? { requestMilli: milli([0, 1000], 4000) } : {}),
    },
    { requiredKeys: ['class'] },
  );
  return fc.array(pod, { maxLength: 12 }).map((pods) => pods.map((p, i) => ({ ...p, name: `pod-${i}` }) as ClassifiedPod));
}

/** A tolerance used for both directions, as most HPAs have. */
export const tolerances = fc.constantFrom(0, 0.1, 0.5).map((t) => ({ scaleUp: t, scaleDown: t }));
