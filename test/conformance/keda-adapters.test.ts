/** keda.* adapters beyond the fixture file: the §8 input conventions hidden vectors may use. */
import { describe, expect, it } from 'vitest';
import { adaptKedaExecutor } from '../../src/conformance/keda-executor-adapter.js';
import { adaptKedaFallback } from '../../src/conformance/keda-fallback-adapter.js';
import { adaptKedaHpaMapping } from '../../src/conformance/keda-hpa-mapping-adapter.js';
import { adaptKedaScaledJobStrategy } from '../../src/conformance/keda-job-adapter.js';
import { adaptKedaScaler } from '../../src/conformance/keda-scaler-adapter.js';

const executor = { minReplicaCount: 0, idleReplicaCount: null, currentReplicas: 0, isActive: false, isError: false, fallback: null, lastActiveTimeAgeSeconds: null, creationAgeSeconds: 3600, cooldownPeriod: null, initialCooldownPeriod: null, pausedScaleIn: false, pausedScaleOut: false, forceActivation: false };

describe('keda.executor adapter', () => {
  it.each([
    ['custom cooldown, lastActive 61 s ago', { currentReplicas: 2, cooldownPeriod: 60, lastActiveTimeAgeSeconds: 61 }, { scaleTo: 0 }],
    ['initialCooldownPeriod not over', { currentReplicas: 2, initialCooldownPeriod: 7200 }, { scaleTo: null, activeReason: 'ScalerCooldown' }],
    ['error without fallback sets Ready=False', { currentReplicas: 2, isError: true }, { scaleTo: null, readyCondition: 'False' }],
    ['active + error at N: PartialTriggerError', { currentReplicas: 2, isActive: true, isError: true }, { readyCondition: 'Unknown', lastActiveTimeUpdated: false }],
    ['paused-scale-out at 0', { isActive: true, pausedScaleOut: true }, { scaleTo: null, activeCondition: 'True' }],
  ])('%s', (_name, overrides, expected) => {
    expect(adaptKedaExecutor({ ...executor, ...overrides })).toMatchObject(expected);
  });

  it('missing fields take the defaults; a malformed one names its path', () => {
    expect(adaptKedaExecutor({ currentReplicas: 4, isActive: true })).toMatchObject({ scaleTo: null, activeCondition: 'True' });
    expect(() => adaptKedaExecutor({ currentReplicas: 'four' })).toThrow('input.currentReplicas: expected a number');
  });
});

describe('keda.fallback adapter', () => {
  it('a healthy read resets the count and returns the value', () => {
    expect(adaptKedaFallback({ fallback: { failureThreshold: 3, replicas: 10 }, previousNumberOfFailures: 5, scalerError: false, metricValue: 6, metricTarget: { type: 'AverageValue', value: 3 } })).toMatchObject({
      numberOfFailures: 0,
      healthStatus: 'Happy',
      metricValue: 6,
      fallbackActive: false,
      errorReturned: false,
    });
  });

  it('Value target: ready defaults to current; 0 ready returns the error', () => {
    const base = { fallback: { failureThreshold: 1, replicas: 4 }, previousNumberOfFailures: 1, scalerError: true, metricTarget: { type: 'Value', value: 10 } };
    expect(adaptKedaFallback({ ...base, currentReplicas: 2 })).toMatchObject({ fallbackActive: true, metricValue: 20 });
    expect(adaptKedaFallback({ ...base, readyReplicas: 0 })).toMatchObject({ fallbackActive: false, errorReturned: true });
  });

  it('fallback null propagates the error', () => {
    expect(adaptKedaFallback({ fallback: null, previousNumberOfFailures: 0, scalerError: true, metricTarget: { type: 'AverageValue', value: 3 } })).toMatchObject({ errorReturned: true, fallbackActive: false });
  });
});

describe('keda.scaler adapter', () => {
  it.each([
    ['rabbitmq http counts unacked', { trigger: 'rabbitmq', metadata: { queueName: 'q', protocol: 'http', value: '10', mode: 'QueueLength' }, messages: 8, unacked: 4 }, { metricValue: 12, isActive: true, hpaDesiredReplicasIfOutsideTolerance: 2 }],
    ['rabbitmq MessageRate', { trigger: 'rabbitmq', metadata: { queueName: 'q', protocol: 'http', mode: 'MessageRate', value: '50' }, publishRate: 120, messages: 0 }, { metricValue: 120, hpaDesiredReplicasIfOutsideTolerance: 3 }],
    ['kafka allowIdleConsumers', { trigger: 'kafka', metadata: { lagThreshold: '10', allowIdleConsumers: 'true' }, partitions: 3, partitionLags: [600, 300, 100] }, { metricValue: 1000, hpaDesiredReplicasIfOutsideTolerance: 100 }],
    ['kafka total lag spread over partitions', { trigger: 'kafka', metadata: { lagThreshold: '10' }, partitions: 2, totalLag: 500 }, { metricValue: 20, isActive: true }],
    ['prometheus NaN with ignoreNullValues false is an error', { trigger: 'prometheus', metadata: { threshold: '5', ignoreNullValues: 'false' }, queryResult: 'NaN' }, { error: true, isActive: false }],
    ['prometheus with more than one element is an error', { trigger: 'prometheus', metadata: { threshold: '5' }, queryResult: [1, 2] }, { error: true }],
    ['prometheus single-element array', { trigger: 'prometheus', metadata: { threshold: '5' }, queryResult: [7] }, { metricValue: 7, isActive: true }],
    ['cron with an ISO now in Asia/Shanghai', { trigger: 'cron', metadata: { timezone: 'Asia/Shanghai', start: '0 9 * * *', end: '0 17 * * *', desiredReplicas: '4' }, nowUTC: '2024-03-01T02:30:00Z' }, { metricValue: 4, isActive: true, hpaDesiredReplicas: 4 }],
    ['redis Value target', { trigger: 'redis', metricType: 'Value', metadata: { listName: 'l', listLength: '10' }, listLength: 25, currentReplicas: 2 }, { hpaTarget: { type: 'Value', valueMilli: 10000 }, hpaDesiredReplicas: 5 }],
    ['cpu trigger', { trigger: 'cpu', metricType: 'Utilization', metadata: { value: '60' } }, { hpaMetric: { type: 'Resource', name: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 60 } } }],
  ])('%s', (_name, input, expected) => {
    expect(adaptKedaScaler(input)).toMatchObject(expected);
  });

  it('metadata problems are outputs, not crashes', () => {
    expect(adaptKedaScaler({ trigger: 'kafka', metadata: { lagThreshold: '-1' } })).toEqual({ parseError: true, problems: ['lagThreshold: expected an integer > 0, got "-1"'] });
  });

  it('scalingModifiers: nil with ?? and a Value composite target', () => {
    const out = adaptKedaScaler({ scalingModifiers: { formula: 'a ?? 0 + b', target: '5', metricType: 'Value' }, triggerValues: { a: 3, b: 4 } });
    expect(out).toMatchObject({ compositeMetricValue: 7, isActive: true, hpaMetric: { type: 'External', name: 'composite-metric', target: { type: 'Value', valueMilli: 5000 } } });
  });

  it('scalingModifiers: a failing trigger (null) makes the object inactive; fallback serves replicas × target', () => {
    const out = adaptKedaScaler({ scalingModifiers: { formula: 'a + b', target: '2' }, triggerValues: { a: null, b: 4 }, fallback: { failureThreshold: 3, replicas: 5 } });
    expect(out).toMatchObject({ compositeMetricValue: 10, isActive: false });
  });

  it('an unknown trigger type names the field', () => {
    expect(() => adaptKedaScaler({ trigger: 'sqs', metadata: {} })).toThrow('input.trigger: unsupported trigger type "sqs"');
  });
});

describe('keda.hpaMapping adapter', () => {
  it('with triggers and paused-scale-in: sorted metrics and the Disabled scale-down', () => {
    const out = adaptKedaHpaMapping({
      minReplicaCount: 2,
      maxReplicaCount: 8,
      pausedScaleIn: true,
      triggers: [
        { type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } },
        { type: 'kafka', metadata: { topic: 'orders' } },
      ],
    });
    expect(out).toMatchObject({ hpaMinReplicas: 2, hpaMaxReplicas: 8, behavior: { scaleDown: { selectPolicy: 'Disabled' } } });
    expect(out.metrics).toEqual([
      { type: 'External', name: 's1-kafka-orders', target: { type: 'AverageValue', averageValueMilli: 10000 } },
      { type: 'Resource', name: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 50 } },
    ]);
  });
});

describe('keda.scaledJobStrategy adapter', () => {
  it.each([
    ['eager replaces scaleTo with maxReplicaCount', { scalingStrategy: 'eager', maxScale: 4, runningJobCount: 3, pendingJobCount: 0, maxReplicaCount: 10, scaleTo: 1 }, { effectiveMaxScale: 4, scaleTo: 10 }],
    ['custom with deduction and percentage', { scalingStrategy: 'custom', maxScale: 3, runningJobCount: 2, pendingJobCount: 0, maxReplicaCount: 5, scaleTo: 1, customScalingQueueLengthDeduction: 2, customScalingRunningJobPercentage: 0 }, { effectiveMaxScale: 1 }],
    ['the raw result may be negative', { scalingStrategy: 'default', maxScale: 1, runningJobCount: 3, pendingJobCount: 0, maxReplicaCount: 5, scaleTo: 1 }, { effectiveMaxScale: -2, jobsToCreate: 0 }],
    // The CRD's customScalingRunningJobPercentage is a string (strconv.ParseFloat in NewScalingStrategy).
    ['the percentage as the CRD string', { scalingStrategy: 'custom', customScalingQueueLengthDeduction: 1, customScalingRunningJobPercentage: '0.5', maxScale: 10, runningJobCount: 3, maxReplicaCount: 20, scaleTo: 10 }, { effectiveMaxScale: 8, strategy: 'custom' }],
    ['an unparsable percentage falls back to default', { scalingStrategy: 'custom', customScalingRunningJobPercentage: 'half', maxScale: 10, runningJobCount: 3, maxReplicaCount: 20 }, { effectiveMaxScale: 7, strategy: 'default' }],
    ['the CRD scalingStrategy object', { scalingStrategy: { strategy: 'custom', customScalingQueueLengthDeduction: 2, customScalingRunningJobPercentage: '1' }, maxScale: 10, runningJobCount: 3, maxReplicaCount: 20 }, { effectiveMaxScale: 5, strategy: 'custom' }],
    ['an unknown strategy name is default', { scalingStrategy: 'fancy', maxScale: 4, runningJobCount: 1, maxReplicaCount: 10 }, { effectiveMaxScale: 3, strategy: 'default' }],
    ['minReplicaCount: running below it creates the shortfall', { minReplicaCount: 3, maxScale: 0, runningJobCount: 1, maxReplicaCount: 10, scaleTo: 0 }, { effectiveMaxScale: 2, scaleTo: 2, jobsToCreate: 2, strategy: 'minReplicaCount' }],
    ['minReplicaCount: the strategy sees running − min', { minReplicaCount: 2, maxScale: 5, runningJobCount: 4, maxReplicaCount: 10, scaleTo: 5 }, { effectiveMaxScale: 3, jobsToCreate: 3 }],
  ])('%s', (_name, input, expected) => {
    expect(adaptKedaScaledJobStrategy(input)).toMatchObject(expected);
  });
});

describe('keda.scaler clock readings', () => {
  const cron = { trigger: 'cron', metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '3' } };
  it.each([
    ['"HH:MM" is that time on 2024-01-15 UTC', { nowUTC: '09:30' }, true],
    ['a UTC date-time', { nowUTC: '2000-02-29T17:59:59Z' }, true],
    ['a UTC date-time after the window', { nowUTC: '2031-12-31T18:00:00Z' }, false],
    ['epoch seconds (2024-01-15T12:00Z)', { nowEpochSeconds: 1_705_320_000 }, true],
  ])('%s', (_name, now, isActive) => {
    expect(adaptKedaScaler({ ...cron, ...now })).toMatchObject({ isActive });
  });
});
