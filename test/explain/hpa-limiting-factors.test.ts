/** The metric that drove an HPA sync and what limited it, read from its decisions.csv row alone. */
import { describe, expect, it } from 'vitest';
import type { MetricCell } from '../../src/explain/decision-row.js';
import { drivingMetricNames, hpaLimitingFactors, stabilizationHolder } from '../../src/explain/hpa-limiting-factors.js';
import { hpaRow } from './fixtures.js';

const metric = (name: string, proposedReplicas: number | undefined, reason: string, value = '50%', message?: string): MetricCell => ({
  name, value, target: '', proposedReplicas, reason, message, podClasses: undefined,
});

describe('drivingMetricNames', () => {
  it.each([
    ['the metric whose proposal is the max', [metric('cpu', 3, 'ScaleUp'), metric('memory', 2, 'NoChange')], 3, ['cpu']],
    ['all tied metrics', [metric('cpu', 4, 'ScaleUp'), metric('s0-queue', 4, 'ScaleUp'), metric('memory', 1, 'ScaleDown')], 4, ['cpu', 's0-queue']],
    ['none when the path skipped the metrics', [metric('cpu', 9, 'ScaleUp')], undefined, []],
    ['never a failed metric', [metric('cpu', 3, 'ScaleUp'), metric('s0-x', undefined, 'FailedGetExternalMetric', '')], 3, ['cpu']],
  ])('%s', (_name, metrics, metricDesiredReplicas, expected) => {
    expect(drivingMetricNames(hpaRow({ metrics, metricDesiredReplicas }))).toEqual(expected);
  });
});

describe('stabilizationHolder', () => {
  const window = [{ replicas: 4, ageSeconds: 15 }, { replicas: 5, ageSeconds: 30 }, { replicas: 2, ageSeconds: 45 }];
  it.each([
    ['a held scale-down: the youngest entry at or above the stabilized count', 1, 4, { replicas: 4, ageSeconds: 15 }],
    ['a held scale-down to 5: the entry of 5', 1, 5, { replicas: 5, ageSeconds: 30 }],
    ['a held scale-up: the youngest entry at or below the stabilized count', 6, 2, { replicas: 2, ageSeconds: 45 }],
    ['nothing when stabilization changed nothing', 3, 3, null],
  ])('%s', (_name, metricDesiredReplicas, stabilizedReplicas, expected) => {
    expect(stabilizationHolder(hpaRow({ metricDesiredReplicas, stabilizedReplicas, stabilizationWindow: window }))).toEqual(expected);
  });
});

describe('hpaLimitingFactors', () => {
  it('scale-up limited by the policies names the limit', () => {
    const row = hpaRow({ specReplicas: 1, metricDesiredReplicas: 3, stabilizedReplicas: 3, finalReplicas: 2, rescale: true, scalingLimited: 'ScaleUpLimit', scaleUpLimit: 2 });
    expect(hpaLimitingFactors(row)).toEqual([{ code: 'ScaleUpLimit', text: 'limited by the scale-up policies (limit 2): 3 wanted, 2 allowed' }]);
  });

  it('legacy path: the legacy scale-up cap', () => {
    const row = hpaRow({ path: 'legacy', specReplicas: 2, metricDesiredReplicas: 9, stabilizedReplicas: 9, finalReplicas: 4, scalingLimited: 'ScaleUpLimit', scaleUpLimit: 4 });
    expect(hpaLimitingFactors(row)).toEqual([{ code: 'ScaleUpLimit', text: 'limited by the legacy scale-up cap (limit 4): 9 wanted, 4 allowed' }]);
  });

  it('scale-down limited by the policies, even when the limit allows no change', () => {
    const row = hpaRow({ specReplicas: 2, metricDesiredReplicas: 1, stabilizedReplicas: 1, finalReplicas: 2, scalingLimited: 'ScaleDownLimit', scaleDownLimit: 2 });
    expect(hpaLimitingFactors(row)).toEqual([{ code: 'ScaleDownLimit', text: 'limited by the scale-down policies (limit 2): 1 wanted, 2 allowed' }]);
  });

  it.each([
    ['TooManyReplicas', 32, 10, '32 is above maxReplicas: clamped to 10'],
    ['TooFewReplicas', 1, 2, '1 is below minReplicas: clamped to 2'],
  ])('%s names the bound', (code, stabilizedReplicas, finalReplicas, text) => {
    const row = hpaRow({ metricDesiredReplicas: stabilizedReplicas, stabilizedReplicas, finalReplicas, scalingLimited: code });
    expect(hpaLimitingFactors(row)).toEqual([{ code, text }]);
  });

  it('ScaleDownStabilized names the window entry that held it', () => {
    const row = hpaRow({
      specReplicas: 3, metricDesiredReplicas: 1, stabilizedReplicas: 3, finalReplicas: 3, ableToScale: 'ScaleDownStabilized',
      stabilizationWindow: [{ replicas: 3, ageSeconds: 15 }, { replicas: 1, ageSeconds: 30 }],
    });
    expect(hpaLimitingFactors(row)).toEqual([{ code: 'ScaleDownStabilized', text: 'metrics want 1; the window entry 3@-15s holds it at 3' }]);
  });

  it('ScaleUpStabilized when the window held the count below the limit', () => {
    const row = hpaRow({
      specReplicas: 2, metricDesiredReplicas: 8, stabilizedReplicas: 5, finalReplicas: 5, scalingLimited: 'DesiredWithinRange', scaleUpLimit: 6,
      stabilizationWindow: [{ replicas: 5, ageSeconds: 15 }],
    });
    expect(hpaLimitingFactors(row).map((f) => f.code)).toEqual(['ScaleUpStabilized']);
  });

  it('only the limit when it would have cut the metrics\' count to the same result without the window', () => {
    const row = hpaRow({
      specReplicas: 2, metricDesiredReplicas: 8, stabilizedReplicas: 5, finalReplicas: 4, scalingLimited: 'ScaleUpLimit', scaleUpLimit: 4,
      stabilizationWindow: [{ replicas: 5, ageSeconds: 15 }],
    });
    expect(hpaLimitingFactors(row).map((f) => f.code)).toEqual(['ScaleUpLimit']);
  });

  it('the legacy path\'s one window is the downscale one: ScaleDownStabilized, and nothing when maxReplicas clamps both counts', () => {
    const held = hpaRow({ path: 'legacy', specReplicas: 4, metricDesiredReplicas: 3, stabilizedReplicas: 5, finalReplicas: 5, scalingLimited: 'DesiredWithinRange', stabilizationWindow: [{ replicas: 5, ageSeconds: 120 }] });
    expect(hpaLimitingFactors(held).map((f) => f.code)).toEqual(['ScaleDownStabilized']);
    const raised = hpaRow({ path: 'legacy', specReplicas: 4, metricDesiredReplicas: 6, stabilizedReplicas: 7, finalReplicas: 7, scalingLimited: 'DesiredWithinRange', stabilizationWindow: [{ replicas: 7, ageSeconds: 120 }] });
    expect(hpaLimitingFactors(raised).map((f) => f.code)).toEqual(['ScaleDownStabilized']);
    const clamped = hpaRow({ path: 'legacy', specReplicas: 10, metricDesiredReplicas: 19, stabilizedReplicas: 29, finalReplicas: 10, scalingLimited: 'TooManyReplicas', stabilizationWindow: [{ replicas: 29, ageSeconds: 300 }] });
    expect(hpaLimitingFactors(clamped).map((f) => f.code)).toEqual(['TooManyReplicas']);
  });

  it.each(['WithinTolerance', 'WithinToleranceAfterImputation', 'DirectionFlipGuard', 'ReplicaCountGuard'])(
    '%s of the driving metric keeps the count',
    (reason) => {
      const row = hpaRow({ specReplicas: 3, metricDesiredReplicas: 3, stabilizedReplicas: 3, finalReplicas: 3, metrics: [metric('cpu', 3, reason, '34%')] });
      const [factor, ...rest] = hpaLimitingFactors(row);
      expect(rest).toEqual([]);
      expect(factor?.code).toBe(reason);
      expect(factor?.text).toMatch(/^cpu 34%: .*proposes the current count$/);
    },
  );

  it('a keep reason of a metric that did not drive is not a limit', () => {
    const row = hpaRow({ specReplicas: 3, metricDesiredReplicas: 5, stabilizedReplicas: 5, finalReplicas: 5, rescale: true, metrics: [metric('cpu', 5, 'ScaleUp'), metric('mem', 3, 'WithinTolerance')] });
    expect(hpaLimitingFactors(row)).toEqual([]);
  });

  it.each([
    ['aboveMax', 'TooManyReplicas', /^spec\.replicas 12 is above maxReplicas: set to 10 \(maxReplicas\) at once/],
    ['belowMin', 'TooFewReplicas', /^spec\.replicas 12 is below minReplicas: set to 10 \(minReplicas\) at once/],
    ['disabled', 'ScalingDisabled', /^spec\.replicas is 12 and minReplicas is not 0/],
  ])('the %s path gives its one reason', (path, code, text) => {
    const row = hpaRow({ path, specReplicas: 12, finalReplicas: 10, metricDesiredReplicas: undefined, stabilizedReplicas: undefined, scalingLimited: code });
    const factors = hpaLimitingFactors(row);
    expect(factors).toHaveLength(1);
    expect(factors[0]?.code).toBe(code);
    expect(factors[0]?.text).toMatch(text);
  });

  it('failed metrics: the ScalingActive reason and each failure', () => {
    const row = hpaRow({
      path: 'metricsFailed', scalingActive: 'FailedGetExternalMetric', metricDesiredReplicas: undefined, stabilizedReplicas: undefined,
      metrics: [metric('s0-prometheus', undefined, 'FailedGetExternalMetric', '', 'server unreachable')],
    });
    expect(hpaLimitingFactors(row)).toEqual([
      { code: 'FailedGetExternalMetric', text: 'metrics failed, so the HPA keeps 2: s0-prometheus FailedGetExternalMetric (server unreachable)' },
    ]);
  });
});
