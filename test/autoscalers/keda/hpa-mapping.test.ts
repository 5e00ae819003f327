import { describe, expect, it } from 'vitest';
import { generateHpa, hpaMinMax } from '../../../src/autoscalers/keda/hpa-mapping.js';
import { findScaler } from '../../../src/autoscalers/keda/scalers/registry.js';
import type { ParsedTrigger, ScaledObjectSpec, TriggerSpec } from '../../../src/autoscalers/keda/types.js';

const SOURCE = { file: 'test.yaml' };

function trigger(index: number, type: string, metadata: Record<string, string>, metricType?: TriggerSpec['metricType']): { spec: TriggerSpec; parsed: ParsedTrigger } {
  const spec: TriggerSpec = { index, type, metadata, useCachedMetrics: false, source: SOURCE, ...(metricType ? { metricType } : {}) };
  const result = findScaler(type)?.parse(spec);
  if (!result?.ok) throw new Error(`bad trigger ${type}`);
  return { spec, parsed: result.trigger };
}

function scaledObject(triggers: { spec: TriggerSpec }[], overrides: Partial<ScaledObjectSpec> = {}): ScaledObjectSpec {
  return {
    name: 'worker',
    namespace: 'prod',
    apiVersion: 'keda.sh/v1alpha1',
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker' },
    pollingIntervalSeconds: 30,
    cooldownPeriodSeconds: 300,
    initialCooldownPeriodSeconds: 0,
    minReplicaCount: 0,
    maxReplicaCount: 100,
    hpaBehavior: null,
    hpaName: 'keda-hpa-worker',
    pausedScaleIn: false,
    pausedScaleOut: false,
    forceActivation: false,
    triggers: triggers.map((t) => t.spec),
    source: SOURCE,
    ...overrides,
  };
}

const kafka = trigger(0, 'kafka', { topic: 'orders', lagThreshold: '50' });
const cpu = trigger(1, 'cpu', { value: '70' }, 'Utilization');
const rabbit = trigger(2, 'rabbitmq', { queueName: 'jobs', host: 'amqp://r', mode: 'QueueLength', value: '5' }, 'Value');
const memory = trigger(3, 'memory', { value: '80', containerName: 'app' }, 'Utilization');
const all = [kafka, cpu, rabbit, memory];

describe('hpaMinMax', () => {
  it.each([
    ['defaults: min 0 → HPA min 1, max 100', {}, 1, 100],
    ['min 0 given explicitly → 1', { minReplicaCount: 0 }, 1, 100],
    ['min 3, max 20 pass through', { minReplicaCount: 3, maxReplicaCount: 20 }, 3, 20],
  ])('%s', (_name, so, min, max) => {
    expect(hpaMinMax(so)).toEqual({ hpaMinReplicas: min, hpaMaxReplicas: max });
  });
});

describe('generateHpa', () => {
  const hpa = generateHpa(scaledObject(all), all.map((t) => t.parsed));

  it('names the HPA, targets the same workload, carries the source', () => {
    expect(hpa).toMatchObject({ name: 'keda-hpa-worker', namespace: 'prod', scaleTargetRef: { kind: 'Deployment', name: 'worker' }, minReplicas: 1, maxReplicas: 100, behavior: null, source: SOURCE });
  });

  it('sorts metrics by type (ContainerResource < External < Resource), stably', () => {
    expect(hpa.metrics.map((m) => m.type)).toEqual(['ContainerResource', 'External', 'External', 'Resource']);
  });

  it('names External metrics s<index>-<scaler metric name> with the ScaledObject selector', () => {
    expect(hpa.metrics.filter((m) => m.type === 'External')).toEqual([
      { type: 'External', metricName: 's0-kafka-orders', selector: { matchLabels: { 'scaledobject.keda.sh/name': 'worker' } }, target: { type: 'AverageValue', averageValueMilli: 50000 } },
      { type: 'External', metricName: 's2-rabbitmq-jobs', selector: { matchLabels: { 'scaledobject.keda.sh/name': 'worker' } }, target: { type: 'Value', valueMilli: 5000 } },
    ]);
  });

  it('cpu/memory become Resource / ContainerResource with the trigger target', () => {
    expect(hpa.metrics).toContainEqual({ type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 70 } });
    expect(hpa.metrics).toContainEqual({ type: 'ContainerResource', resourceName: 'memory', containerName: 'app', target: { type: 'Utilization', averageUtilizationPercent: 80 } });
  });

  it('passes behavior through and does not share it with the ScaledObject', () => {
    const behavior = { scaleDown: { stabilizationWindowSeconds: 60 } };
    const so = scaledObject([kafka], { hpaBehavior: behavior });
    const out = generateHpa(so, [kafka.parsed]);
    expect(out.behavior).toEqual(behavior);
    expect(out.behavior).not.toBe(behavior);
  });

  it.each([
    ['paused-scale-in disables scale-down (turning behavior on)', { pausedScaleIn: true }, { scaleDown: { selectPolicy: 'Disabled' } }],
    ['paused-scale-out disables scale-up', { pausedScaleOut: true }, { scaleUp: { selectPolicy: 'Disabled' } }],
    ['both', { pausedScaleIn: true, pausedScaleOut: true }, { scaleDown: { selectPolicy: 'Disabled' }, scaleUp: { selectPolicy: 'Disabled' } }],
    ['paused-scale-in keeps the user\'s other scale-down fields', { pausedScaleIn: true, hpaBehavior: { scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max' as const } } }, { scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Disabled' } }],
  ])('%s', (_name, overrides, behavior) => {
    expect(generateHpa(scaledObject([kafka], overrides), [kafka.parsed]).behavior).toEqual(behavior);
  });

  it('scalingModifiers: externals replaced by one composite-metric, Resource kept, ContainerResource dropped (as upstream)', () => {
    const so = scaledObject(all, { scalingModifiers: { formula: 'a + b', target: 2.5, activationTarget: 0, metricType: 'AverageValue' } });
    expect(generateHpa(so, all.map((t) => t.parsed)).metrics).toEqual([
      { type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 70 } },
      { type: 'External', metricName: 'composite-metric', selector: { matchLabels: { 'scaledobject.keda.sh/name': 'worker' } }, target: { type: 'AverageValue', averageValueMilli: 2500 } },
    ]);
  });

  it('two External metrics with the same name are refused', () => {
    const again = trigger(0, 'kafka', { topic: 'orders' });
    expect(() => generateHpa(scaledObject([kafka, again]), [kafka.parsed, again.parsed])).toThrow(/s0-kafka-orders defined multiple times/);
  });
});
