import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateUtilizationReplicas, calculateUtilizationRatio } from '../../../src/autoscalers/hpa/replica-calculator-utilization.js';
import type { ClassifiedPod, OrphanSample } from '../../../src/autoscalers/hpa/types.js';
import { distinctPods, tolerances } from './distinct-pods.js';

const TOL = { scaleUp: 0.1, scaleDown: 0.1 };
let n = 0;
const ready = (usageMilli: number, requestMilli = 1000): ClassifiedPod => ({ name: `r${n++}`, class: 'ready', requestMilli, usageMilli });
const unready = (usageMilli?: number, requestMilli = 1000): ClassifiedPod => ({ name: `u${n++}`, class: 'unready', requestMilli, ...(usageMilli === undefined ? {} : { usageMilli }) });
const missing = (requestMilli = 1000): ClassifiedPod => ({ name: `m${n++}`, class: 'missing', requestMilli });
const ignored = (requestMilli = 1000): ClassifiedPod => ({ name: `i${n++}`, class: 'ignored', requestMilli, usageMilli: 99_999 });

function run(pods: ClassifiedPod[], currentReplicas: number, target: number, orphanSamples: OrphanSample[] = []) {
  return calculateUtilizationReplicas({ pods, orphanSamples, currentReplicas, targetUtilizationPercent: target, tolerances: TOL });
}

describe('calculateUtilizationRatio', () => {
  it('truncates utilization to a whole percent before the ratio: 99.9% counts as 99%', () => {
    const r = calculateUtilizationRatio(new Map([['a', 999]]), new Map([['a', 1000]]), 100);
    expect(r).toEqual({ ratio: 0.99, utilizationPercent: 99, rawAverageMilli: 999 });
  });

  it('skips samples whose pod has no known request', () => {
    const r = calculateUtilizationRatio(new Map([['a', 500], ['ghost', 10_000]]), new Map([['a', 1000]]), 50);
    expect(r).toEqual({ ratio: 1, utilizationPercent: 50, rawAverageMilli: 500 });
  });

  it('fails when no sample matches a known pod', () => {
    expect(calculateUtilizationRatio(new Map([['ghost', 1]]), new Map([['a', 1000]]), 50)).toBe('no metrics returned matched known pods');
  });
});

describe('calculateUtilizationReplicas (§1.5)', () => {
  it.each([
    ['fast path: scale up to ceil(ratio x ready pods)', [ready(600, 2000), ready(1000, 2000), ready(1400, 2000)], 3, 30, 5, 'ScaleUp'],
    ['fast path: within tolerance keeps current', [ready(1050), ready(1050)], 2, 100, 2, 'WithinTolerance'],
    ['fast path: utilization exactly 110% of a 100% target does not scale', [ready(1100), ready(1100)], 2, 100, 2, 'WithinTolerance'],
    ['fast path: utilization exactly 90% of a 100% target does not scale', [ready(900), ready(900)], 2, 100, 2, 'WithinTolerance'],
    ['fast path: 111% scales up', [ready(1110), ready(1110)], 2, 100, 3, 'ScaleUp'],
    ['truncation: 99.9% of a 90% target is 99/90 = 1.1, within tolerance', [ready(999)], 1, 90, 1, 'WithinTolerance'],
    ['scale-down: unready pods are simply left out', [ready(200, 2000), ready(600, 2000), ready(1000, 2000), unready(500, 2000), unready(500, 2000)], 5, 50, 2, 'ScaleDown'],
    ['scale-up: an unready pod is re-added at 0 usage', [unready(600, 2000), ready(1000, 2000), ready(1400, 2000)], 3, 30, 4, 'ScaleUp'],
    ['ignored pods never come back', [ready(1000, 2000), ready(1400, 2000), ignored(2000), ignored(2000)], 2, 30, 4, 'ScaleUp'],
    ['pending (unready) pods are not imputed on a scale-down', [ready(200, 2000), unready(undefined, 2000), unready(undefined, 2000)], 3, 50, 1, 'ScaleDown'],
    ['scale-down: missing pods imputed at 100% of request', [ready(800, 2000), ready(190, 2000), missing(2000), missing(2000)], 4, 100, 3, 'ScaleDown'],
    ['scale-down: missing pods imputed at the target when it is above 100%', [unready(400, 2000), ready(200, 2000), ready(200, 4000), missing(4000)], 4, 300, 2, 'ScaleDown'],
    ['ratio exactly 1: missing pods are not imputed', [ready(2000, 2000), missing(2000)], 2, 100, 2, 'WithinToleranceAfterImputation'],
    ['scale-up: missing imputed at 0 flips the direction, current kept', [ready(3800, 2000), missing(2000)], 2, 100, 2, 'WithinToleranceAfterImputation'],
    ['direction-flip guard: ratio < 1 but imputation pushes newRatio > 1', [unready(200, 2000), ready(900, 2000), missing(2000)], 3, 50, 3, 'DirectionFlipGuard'],
    ['replica-count guard: surge pod without metrics would scale a scale-down up', [ready(200, 2000), ready(200, 2000), missing(2000)], 2, 50, 2, 'ReplicaCountGuard'],
    ['missing and unready both count as 0 on a scale-up', [unready(200, 2000), ready(4000, 2000), missing(2000)], 3, 50, 4, 'ScaleUp'],
  ] as const)('%s', (_name, pods, current, target, desired, reason) => {
    const r = run([...pods], current, target);
    expect(r).toMatchObject({ ok: true, desiredReplicas: desired, reason });
  });

  it('reports the first-pass utilization and raw average of ready pods only', () => {
    const r = run([unready(600, 2000), ready(1000, 2000), ready(1400, 2000)], 3, 30);
    expect(r).toMatchObject({ utilizationPercent: 60, rawAverageMilli: 1200 });
  });

  it('fast-path multiplier is the ready pod count; orphan samples are outside the ratio', () => {
    const pods = [ready(8000, 2000), ready(19000, 2000), ready(6000, 2000), ready(14000, 2000)];
    const r = run(pods, 4, 100, [{ name: 'ghost-a', usageMilli: 6400 }, { name: 'ghost-b', usageMilli: 4000 }]);
    expect(r).toMatchObject({ ok: true, desiredReplicas: 24, utilizationPercent: 587, rawAverageMilli: 11750 });
  });

  it('second-pass multiplier counts orphan samples too (len(metrics))', () => {
    // 1 ready at 300% plus 1 missing (0 on scale-up): newRatio 1.5, 3 samples → ceil(4.5) = 5.
    const r = run([ready(3000), missing()], 2, 100, [{ name: 'ghost', usageMilli: 50 }]);
    expect(r).toMatchObject({ ok: true, desiredReplicas: 5, reason: 'ScaleUp' });
  });

  it.each([
    ['no pods at all', [], 'no pods returned by selector'],
    ['only unready pods', [unready(100), unready(100)], 'did not receive metrics'],
    ['a pod without a request', [{ name: 'x', class: 'ready', usageMilli: 10 } as ClassifiedPod], 'missing request for pod x'],
  ] as const)('fails (no throw) with %s', (_name, pods, message) => {
    const r = run([...pods], 2, 50);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('calculateUtilizationReplicas with distinct pod names (no name maps)', () => {
  const inputArb = fc.record({
    pods: distinctPods({ maxUsageMilli: 8000, withRequests: true }),
    currentReplicas: fc.integer({ min: 0, max: 40 }),
    targetUtilizationPercent: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constantFrom(0, 50, 100)),
    tolerances,
  });

  it('gives what the map-based calculation gives, for any pods', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(calculateUtilizationReplicas({ ...input, distinctNames: true })).toEqual(calculateUtilizationReplicas(input));
      }),
      { seed: 20261122, numRuns: 5_000 },
    );
  });

  it('takes the map path when there are orphan samples', () => {
    const pods = [{ name: 'a', class: 'ready' as const, requestMilli: 100, usageMilli: 80 }];
    const input = { pods, orphanSamples: [{ name: 'x', usageMilli: 500 }], currentReplicas: 1, targetUtilizationPercent: 50, tolerances: { scaleUp: 0.1, scaleDown: 0.1 } };
    expect(calculateUtilizationReplicas({ ...input, distinctNames: true })).toEqual(calculateUtilizationReplicas(input));
  });
});
