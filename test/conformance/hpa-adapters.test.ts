/** Adapter-level cases beyond the fixture file: input conventions of §8 the hidden vectors may use. */
import { describe, expect, it } from 'vitest';
import { adaptBehaviorLimit, adaptBehaviorStabilize, adaptLegacyConvert } from '../../src/conformance/hpa-normalize-adapters.js';
import { adaptReconcile, adaptTimeline } from '../../src/conformance/hpa-reconcile-adapter.js';
import { adaptGroupPods, adaptReplicaCalc } from '../../src/conformance/hpa-replica-calc-adapter.js';

const config = { syncPeriodSeconds: 15, tolerance: 0.1, downscaleStabilizationWindowSeconds: 300, cpuInitializationPeriodSeconds: 300, initialReadinessDelaySeconds: 30, scaleUpLimitFactor: 2, scaleUpLimitMinimum: 4 };

describe('hpa adapters', () => {
  it('legacyConvert accepts the short min/max names and defaults the cap constants', () => {
    expect(adaptLegacyConvert({ currentReplicas: 3, desiredReplicas: 1, min: 2, max: 8 })).toMatchObject({ desiredReplicas: 2, condition: 'TooFewReplicas' });
  });

  it('behaviorLimit down with default-free rules', () => {
    const rules = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] };
    expect(adaptBehaviorLimit({ direction: 'down', currentReplicas: 9, rules })).toMatchObject({ limit: 4 });
  });

  it('behaviorStabilize treats unset windows as 0', () => {
    expect(adaptBehaviorStabilize({ currentReplicas: 5, desiredReplicas: 2, recommendations: [{ replicas: 9, ageSeconds: 1 }] })).toMatchObject({ stabilizedReplicas: 2 });
  });

  it('groupPods: a cpu pod inside the init period whose sample covers a full window since Ready is ready', () => {
    const pod = { phase: 'Running', hasMetric: true, startSecondsAgo: 60, readyCondition: { status: 'True', lastTransitionSecondsAgo: 45 }, metricTimestampSecondsAgo: 0, metricWindowSeconds: 30 };
    expect(adaptGroupPods({ resource: 'cpu', cpuInitializationPeriodSeconds: 120, delayOfInitialReadinessStatusSeconds: 10, pod })).toMatchObject({ class: 'ready' });
  });

  it('replicaCalc: an invalid metric reports the failure reason', () => {
    const out = adaptReplicaCalc({ metricSourceType: 'Pods', targetType: 'AverageValue', specReplicas: 3, target: 1000, invalid: true });
    expect(out).toMatchObject({ reason: 'FailedGetPodsMetric' });
  });

  it('reconcile: absent recommendations are seeded (first reconcile), so a scale-down is held', () => {
    const metric = { type: 'External', metricName: 'q', targetType: 'Value', target: 5000, metricValuesMilli: [1000], readyPodCount: 5 };
    const base = { minReplicas: 1, maxReplicas: 10, specReplicas: 5, statusReplicas: 5, behavior: null, metrics: [metric], controllerConfig: config };
    expect(adaptReconcile(base)).toMatchObject({ desiredReplicas: 5, rescale: false, metricDesiredReplicas: 1, stabilizedReplicas: 5 });
    expect(adaptReconcile({ ...base, recommendations: [] })).toMatchObject({ desiredReplicas: 1, rescale: true });
  });

  it('timeline: a constant metric above current never scales down within the bound', () => {
    const out = adaptTimeline({ minReplicas: 1, maxReplicas: 20, initialSpecReplicas: 2, behavior: null, controllerConfig: config, metricDesiredReplicasAtEverySync: 8, maxDurationSeconds: 600 });
    expect(out).toEqual({ firstScaleDownAtSeconds: null, replicasAfterFirstScaleDown: null, syncs: 41 });
  });
});

describe('hpa adapters: tolerated input variants', () => {
  it('groupPods treats Ready=Unknown like True (upstream only tests for False)', () => {
    const pod = { phase: 'Running', hasMetric: true, startSecondsAgo: 600, readyCondition: { status: 'Unknown', lastTransitionSecondsAgo: 595 } };
    expect(adaptGroupPods({ resource: 'cpu', cpuInitializationPeriodSeconds: 120, delayOfInitialReadinessStatusSeconds: 10, pod })).toMatchObject({ class: 'ready' });
  });

  it('replicaCalc accepts a single tolerance number and a single metricValueMilli', () => {
    const input = { metricSourceType: 'Object', targetType: 'Value', specReplicas: 3, statusReplicas: 3, target: 10000, tolerance: 0.5, metricValueMilli: 14000 };
    expect(adaptReplicaCalc(input)).toMatchObject({ desiredReplicas: 3, reason: 'WithinTolerance', usageMilli: 14000 });
  });

  it('replicaCalc Value target without readyPodCount multiplies by statusReplicas', () => {
    const input = { metricSourceType: 'External', targetType: 'Value', specReplicas: 3, statusReplicas: 3, target: 10000, metricValuesMilli: [20000] };
    expect(adaptReplicaCalc(input)).toMatchObject({ desiredReplicas: 6 });
  });

  it('replicaCalc failure is {error: true, message, reason}', () => {
    const input = { metricSourceType: 'Resource', resourceName: 'cpu', targetType: 'Utilization', specReplicas: 1, target: 50, pods: [{ name: 'a', class: 'ready', usageMilli: 10 }] };
    expect(adaptReplicaCalc(input)).toEqual({ error: true, message: 'GetResourceReplicas: missing request for pod a', reason: 'FailedGetResourceMetric' });
  });

  it('timeline accepts one metric result per sync', () => {
    const out = adaptTimeline({ minReplicas: 1, maxReplicas: 20, initialSpecReplicas: 4, behavior: { scaleDown: { stabilizationWindowSeconds: 0 } }, controllerConfig: config, metricDesiredReplicasAtEverySync: [4, 8, 2] });
    expect(out).toMatchObject({ firstScaleDownAtSeconds: 30, replicasAfterFirstScaleDown: 2 });
  });
});
