import { describe, expect, it } from 'vitest';
import { cpuScaler } from '../../../../src/autoscalers/keda/scalers/cpu.js';
import { memoryScaler } from '../../../../src/autoscalers/keda/scalers/memory.js';
import { normalizeMetricName } from '../../../../src/autoscalers/keda/metric-name.js';
import { findScaler, isResourceTriggerType, scalerTypes } from '../../../../src/autoscalers/keda/scalers/registry.js';
import { parseOk, problems } from './helpers.js';

describe('cpu and memory triggers', () => {
  it('Utilization → Resource target in percent, needs nothing', () => {
    const t = parseOk(cpuScaler, { value: '60' }, 'Utilization');
    expect(t).toMatchObject({ hpaTarget: { type: 'Utilization', averageUtilizationPercent: 60 }, resource: { name: 'cpu' }, needs: { kind: 'none' } });
  });

  it('AverageValue takes a quantity: cpu in millicores, memory as milli-bytes', () => {
    expect(parseOk(cpuScaler, { value: '500m' }, 'AverageValue').hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 500 });
    expect(parseOk(memoryScaler, { value: '1Mi' }, 'AverageValue').hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 1_048_576_000 });
  });

  it('containerName makes it a ContainerResource metric', () => {
    expect(parseOk(memoryScaler, { value: '80', containerName: 'app' }, 'Utilization').resource).toEqual({ name: 'memory', containerName: 'app' });
  });

  it('the metadata `type`, removed in KEDA v2.18, is refused even beside metricType', () => {
    expect(problems(cpuScaler, { type: 'AverageValue', value: '1' }, 'Utilization')).toEqual([expect.stringMatching(/^type: the 'type' setting is DEPRECATED and is removed in v2.18/)]);
  });

  it.each([
    ['no metricType', {}, undefined, 'metricType: expected Utilization or AverageValue for a resource trigger, got nothing'],
    ['metricType Value', { value: '1' }, 'Value', 'metricType: expected Utilization or AverageValue for a resource trigger, got "Value"'],
    ['a non-integer percentage', { value: '50.5' }, 'Utilization', 'value: expected an integer > 0, got "50.5"'],
  ] as const)('rejects %s', (_name, metadata, metricType, problem) => {
    expect(problems(cpuScaler, metadata, metricType)).toContain(problem);
  });

  it('rejects a malformed quantity', () => {
    expect(problems(cpuScaler, { value: '5 cores' }, 'AverageValue')[0]).toMatch(/^value: .*not a Kubernetes quantity/);
  });

  it('reads as inactive 0: the HPA reads resource metrics itself', () => {
    expect(cpuScaler.read(parseOk(cpuScaler, { value: '60' }, 'Utilization'), { kind: 'value', value: 1 })).toMatchObject({ metricValue: 0, isActive: false });
  });
});

describe('scaler registry', () => {
  it('lists every trigger type, sorted', () => {
    expect(scalerTypes()).toEqual(['aws-sqs-queue', 'azure-queue', 'azure-servicebus', 'cpu', 'cron', 'gcp-pubsub', 'kafka', 'memory', 'metrics-api', 'mysql', 'nats-jetstream', 'postgresql', 'prometheus', 'rabbitmq', 'redis', 'redis-cluster', 'redis-cluster-streams', 'redis-sentinel', 'redis-sentinel-streams', 'redis-streams']);
  });

  it.each(scalerTypes())('%s is found under its own type', (type) => {
    expect(findScaler(type)?.type).toBe(type);
  });

  it('unknown and prototype names are not scalers', () => {
    expect(findScaler('sqs')).toBeUndefined();
    expect(findScaler('constructor')).toBeUndefined();
    expect(findScaler('toString')).toBeUndefined();
  });

  it('cpu and memory are the resource triggers', () => {
    expect(scalerTypes().filter(isResourceTriggerType)).toEqual(['cpu', 'memory']);
  });
});

describe('normalizeMetricName (pkg/util NormalizeString)', () => {
  it.each([
    ['kafka-my.group-topics', 'kafka-my-group-topics'],
    ['redis-a/b:c%d', 'redis-a-b-c-d'],
    // Brackets since KEDA 2.9 (#3862, nomalize_string_test.go replaceAllOpenedBracket / replaceAllClosedBracket).
    ['redis-jobs(high)', 'redis-jobs-high-'],
    ['mysql-db_name-x', 'mysql-db_name-x'],
  ])('%s → %s', (name, normalized) => {
    expect(normalizeMetricName(name)).toBe(normalized);
  });
});
