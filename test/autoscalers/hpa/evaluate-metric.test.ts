import { describe, expect, it } from 'vitest';
import { HPA_DEFAULTS } from '../../../src/autoscalers/hpa/config.js';
import { computeProposals } from '../../../src/autoscalers/hpa/compute-proposals.js';
import { evaluateMetric, metricDisplayName, resolveMetricSpec, type MetricObservation } from '../../../src/autoscalers/hpa/evaluate-metric.js';
import { METRIC_CALCULATORS } from '../../../src/autoscalers/hpa/metric-calculators.js';
import type { HpaMetricSpec } from '../../../src/autoscalers/hpa/types.js';

const TOL = { scaleUp: 0.1, scaleDown: 0.1 };
const cpu50: HpaMetricSpec = { type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 50 } };
const podsObs: MetricObservation = {
  kind: 'pods',
  pods: [
    { name: 'a', class: 'ready', requestMilli: 1000, usageMilli: 1000 },
    { name: 'b', class: 'ready', requestMilli: 1000, usageMilli: 1000 },
  ],
};
const valuesObs: MetricObservation = { kind: 'values', valuesMilli: [30000], readyPodCount: 2 };

function evaluate(spec: HpaMetricSpec, observation: MetricObservation, specReplicas = 2, statusReplicas = 2) {
  return evaluateMetric({ spec, observation, specReplicas, statusReplicas, tolerances: TOL });
}

describe('evaluateMetric dispatch by (source, target)', () => {
  it.each<[string, HpaMetricSpec, MetricObservation, number, Record<string, number>]>([
    ['Resource Utilization → utilization and raw average', cpu50, podsObs, 4, { utilizationPercent: 100, averageValueMilli: 1000 }],
    [
      'ContainerResource AverageValue → per-pod average',
      { type: 'ContainerResource', resourceName: 'cpu', containerName: 'app', target: { type: 'AverageValue', averageValueMilli: 500 } },
      podsObs,
      4,
      { averageValueMilli: 1000 },
    ],
    ['Pods AverageValue', { type: 'Pods', metricName: 'qps', target: { type: 'AverageValue', averageValueMilli: 250 } }, podsObs, 8, { averageValueMilli: 1000 }],
    [
      'Object Value → value x ready pods',
      { type: 'Object', metricName: 'hits', describedObject: { kind: 'Ingress', name: 'main' }, target: { type: 'Value', valueMilli: 10000 } },
      valuesObs,
      6,
      { valueMilli: 30000 },
    ],
    ['External AverageValue → divides by status replicas', { type: 'External', metricName: 'queue', target: { type: 'AverageValue', averageValueMilli: 5000 } }, valuesObs, 6, { averageValueMilli: 15000 }],
  ])('%s', (_name, spec, obs, desired, currentValue) => {
    const p = evaluate(spec, obs);
    expect(p).toMatchObject({ ok: true, desiredReplicas: desired, currentValue });
  });

  it('uses statusReplicas (not specReplicas) for AverageValue Object/External targets', () => {
    const spec: HpaMetricSpec = { type: 'External', metricName: 'q', target: { type: 'AverageValue', averageValueMilli: 1000 } };
    const p = evaluate(spec, { kind: 'values', valuesMilli: [4000], readyPodCount: 4 }, 10, 4);
    expect(p).toMatchObject({ ok: true, desiredReplicas: 4, reason: 'WithinTolerance', currentValue: { averageValueMilli: 1000 } });
  });

  it('has a registry entry for every supported pair and nothing else', () => {
    expect(Object.keys(METRIC_CALCULATORS).sort()).toEqual(
      [
        'ContainerResource/AverageValue',
        'ContainerResource/Utilization',
        'External/AverageValue',
        'External/Value',
        'Object/AverageValue',
        'Object/Value',
        'Pods/AverageValue',
        'Resource/AverageValue',
        'Resource/Utilization',
      ].sort(),
    );
  });
});

describe('evaluateMetric failures are proposals, not exceptions', () => {
  it.each<[string, HpaMetricSpec, MetricObservation, string]>([
    ['metrics API error on Resource', cpu50, { kind: 'error', message: 'boom' }, 'FailedGetResourceMetric'],
    [
      'metrics API error on ContainerResource',
      { type: 'ContainerResource', resourceName: 'cpu', containerName: 'c', target: { type: 'Utilization', averageUtilizationPercent: 5 } },
      { kind: 'error', message: 'x' },
      'FailedGetContainerResourceMetric',
    ],
    ['no usable samples on Pods', { type: 'Pods', metricName: 'q', target: { type: 'AverageValue', averageValueMilli: 1 } }, { kind: 'pods', pods: [] }, 'FailedGetPodsMetric'],
    ['Object with a Utilization target', { type: 'Object', metricName: 'q', describedObject: { kind: 'S', name: 's' }, target: { type: 'Utilization', averageUtilizationPercent: 5 } }, valuesObs, 'FailedGetObjectMetric'],
    ['External without values', { type: 'External', metricName: 'q', target: { type: 'Value', valueMilli: 1 } }, { kind: 'values', valuesMilli: [], readyPodCount: 1 }, 'FailedGetExternalMetric'],
    ['target value unset', { type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization' } }, podsObs, 'FailedGetResourceMetric'],
    ['observation of the wrong kind', cpu50, valuesObs, 'FailedGetResourceMetric'],
    ['an unknown source type', { type: 'CheddarCheese', target: { type: 'Value', valueMilli: 1 } } as unknown as HpaMetricSpec, valuesObs, 'InvalidMetricSourceType'],
  ])('%s', (_name, spec, obs, reason) => {
    const p = evaluate(spec, obs);
    expect(p).toMatchObject({ ok: false, reason });
    if (!p.ok) expect(p.message.length).toBeGreaterThan(0);
    // The HPA controller resolves each spec once: the same proposal, the same message.
    expect(evaluateMetric({ spec, observation: obs, specReplicas: 2, statusReplicas: 2, tolerances: TOL, resolved: resolveMetricSpec(spec) })).toEqual(p);
  });

  it('a spec resolved once gives the proposals of one resolved at each call, for every supported pair', () => {
    expect(resolveMetricSpec(cpu50)).toMatchObject({ metricName: 'cpu', sourceType: 'Resource', failureReason: 'FailedGetResourceMetric', target: 50 });
    expect(resolveMetricSpec(cpu50).entry).toBe(METRIC_CALCULATORS['Resource/Utilization']);
    for (const [spec, obs] of [
      [cpu50, podsObs],
      [{ type: 'External', metricName: 'q', target: { type: 'AverageValue', averageValueMilli: 5000 } }, valuesObs],
      [{ type: 'Object', metricName: 'q', describedObject: { kind: 'S', name: 's' }, target: { type: 'Value', valueMilli: 10000 } }, valuesObs],
    ] as [HpaMetricSpec, MetricObservation][]) {
      const resolved = resolveMetricSpec(spec);
      for (const replicas of [1, 2, 7]) {
        const each = evaluate(spec, obs, replicas, replicas);
        expect(each.ok).toBe(true);
        expect(evaluateMetric({ spec, observation: obs, specReplicas: replicas, statusReplicas: replicas, tolerances: TOL, resolved })).toEqual(each);
      }
    }
  });
});

describe('metricDisplayName', () => {
  it.each<[HpaMetricSpec, string]>([
    [cpu50, 'cpu'],
    [{ type: 'ContainerResource', resourceName: 'memory', containerName: 'app', target: { type: 'Utilization' } }, 'app/memory'],
    [{ type: 'External', metricName: 'queue_depth', target: { type: 'Value' } }, 'queue_depth'],
  ])('%j → %s', (spec, name) => {
    expect(metricDisplayName(spec)).toBe(name);
  });
});

describe('computeProposals', () => {
  it('applies the per-HPA tolerance override to every metric', () => {
    const pods: MetricObservation = { kind: 'pods', pods: [{ name: 'a', class: 'ready', requestMilli: 1000, usageMilli: 850 }] };
    const cpu100: HpaMetricSpec = { type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 100 } };
    const base = { metrics: [cpu100], observations: [pods], specReplicas: 10, statusReplicas: 10, config: HPA_DEFAULTS };
    expect(computeProposals({ ...base, behavior: { scaleDown: { tolerance: 0.2 } } })[0]).toMatchObject({ desiredReplicas: 10 });
    expect(computeProposals({ ...base, behavior: null })[0]).toMatchObject({ desiredReplicas: 1 });
  });
});
