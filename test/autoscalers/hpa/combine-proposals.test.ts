import { describe, expect, it } from 'vitest';
import { combineProposals } from '../../../src/autoscalers/hpa/combine-proposals.js';
import type { MetricProposal } from '../../../src/autoscalers/hpa/evaluate-metric.js';

const ok = (metricName: string, desiredReplicas: number): MetricProposal => ({ ok: true, metricName, desiredReplicas, currentValue: {}, reason: 'x' });
const bad = (metricName: string, reason: 'FailedGetPodsMetric' | 'InvalidMetricSourceType' = 'FailedGetPodsMetric'): MetricProposal => ({
  ok: false,
  metricName,
  reason,
  message: 'broken',
});

describe('combineProposals (§1.9)', () => {
  it('takes the maximum over valid metrics', () => {
    expect(combineProposals([ok('cpu', 600), ok('qps', 4)], 3)).toMatchObject({ ok: true, metricDesiredReplicas: 600, metricName: 'cpu' });
  });

  it('every metric failing blocks scaling with the first failure', () => {
    expect(combineProposals([bad('a'), bad('b', 'InvalidMetricSourceType')], 3)).toMatchObject({ ok: false, reason: 'FailedGetPodsMetric' });
  });

  it('a failing metric never blocks a scale-up', () => {
    expect(combineProposals([ok('cpu', 8), bad('q')], 5)).toMatchObject({ ok: true, metricDesiredReplicas: 8 });
  });

  it('a failing metric lets the count stay (valid max equal to current)', () => {
    expect(combineProposals([ok('cpu', 5), bad('q')], 5)).toMatchObject({ ok: true, metricDesiredReplicas: 5 });
  });

  it('a failing metric always blocks a scale-down', () => {
    expect(combineProposals([ok('cpu', 3), bad('q', 'InvalidMetricSourceType')], 5)).toMatchObject({
      ok: false,
      reason: 'InvalidMetricSourceType',
      metricDesiredReplicas: 3,
    });
  });

  it("a proposal replaces a count of 0 whatever it is (horizontal.go's `replicas == 0 ||`), so it is not a plain maximum", () => {
    // External Value 0 first, then a metric proposing −10: upstream takes −10 (nx-rec-07).
    expect(combineProposals([ok('ext', 0), ok('pods', -10)], 3)).toMatchObject({ ok: true, metricDesiredReplicas: -10, metricName: 'pods' });
    // The other order keeps 0: −10 is neither above 0 nor replacing a 0.
    expect(combineProposals([ok('pods', -10), ok('ext', 0)], 3)).toMatchObject({ ok: true, metricDesiredReplicas: 0, metricName: 'ext' });
    // A later 0 after a 0 names the later metric.
    expect(combineProposals([ok('a', 0), ok('b', 0)], 3)).toMatchObject({ metricDesiredReplicas: 0, metricName: 'b' });
  });

  it('no metrics at all is a failure, not a scale to 0', () => {
    expect(combineProposals([], 3).ok).toBe(false);
  });
});
