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

describe('hpa adapters: fields that name or explain the calculation are honoured', () => {
  const pods = [{ name: 'p0', class: 'ready', requestMilli: 1000, usageMilli: 600 }];

  it('a vector naming only its calculator gets that calculator (GetObjectPerPodMetricReplicas divides by statusReplicas)', () => {
    expect(adaptReplicaCalc({ calculator: 'GetObjectPerPodMetricReplicas', specReplicas: 5, statusReplicas: 4, target: 5000, metricValuesMilli: [20000] })).toMatchObject({ desiredReplicas: 4, usageMilli: 5000 });
    expect(adaptReplicaCalc({ calculator: 'GetObjectMetricReplicas', specReplicas: 3, readyPodCount: 3, target: 10000, metricValuesMilli: [20000] })).toMatchObject({ desiredReplicas: 6 });
  });

  it.each([
    ['a calculator that does not match the types', { calculator: 'GetObjectMetricReplicas', metricSourceType: 'Resource', targetType: 'Utilization', specReplicas: 1, target: 50, pods }, 'input.calculator: "GetObjectMetricReplicas" does not match the metric: a Resource metric with a Utilization target goes through GetResourceReplicas'],
    ['an unknown calculator', { calculator: 'GetMagicReplicas', metricSourceType: 'Resource', targetType: 'Utilization', specReplicas: 1, target: 50, pods }, 'input.calculator: expected one of GetResourceReplicas'],
    ['a phase that contradicts the class', { metricSourceType: 'Resource', targetType: 'Utilization', specReplicas: 1, target: 50, pods: [{ ...pods[0], phase: 'Pending' }] }, 'input.pods[0].class: expected "unready" for a pod that is in phase Pending (§1.4), got "ready"'],
    ['a deleting pod that is not ignored', { metricSourceType: 'Resource', targetType: 'Utilization', specReplicas: 1, target: 50, pods: [{ ...pods[0], deleting: true }] }, 'input.pods[0].class: expected "ignored" for a pod that is being deleted (§1.4), got "ready"'],
  ])('rejects %s', (_name, input, message) => {
    expect(() => adaptReplicaCalc(input)).toThrow(message);
  });

  const timeline = { minReplicas: 1, maxReplicas: 20, initialSpecReplicas: 10, behavior: null, metricDesiredReplicasAtEverySync: 4 };

  it('timeline takes the sync step from syncTimesSeconds (text or array) and checks it against controllerConfig', () => {
    // Legacy window 300 s, inclusive: with syncs every 30 s the seed {10, 0} is outside first at t = 330.
    expect(adaptTimeline({ ...timeline, syncTimesSeconds: '0,30,60,... (every 30s)' })).toMatchObject({ firstScaleDownAtSeconds: 330 });
    expect(adaptTimeline({ ...timeline, syncTimesSeconds: [0, 30, 60] })).toMatchObject({ firstScaleDownAtSeconds: 330 });
    expect(() => adaptTimeline({ ...timeline, syncTimesSeconds: '0,30,60', controllerConfig: config })).toThrow('input.syncTimesSeconds: syncs every 30 s disagree with controllerConfig.syncPeriodSeconds 15');
    expect(() => adaptTimeline({ ...timeline, syncTimesSeconds: [0, 15, 45] })).toThrow('input.syncTimesSeconds: expected syncs every P seconds from 0');
  });

  it('timeline historyAtT0: "empty" seeds at the first sync; an array is the history already held', () => {
    expect(adaptTimeline({ ...timeline, historyAtT0: 'empty; first reconcile at t=0 seeds {replicas:10, t:0}' })).toMatchObject({ firstScaleDownAtSeconds: 315 });
    // A record of 10 taken 200 s before t = 0 and no seed: the window holds it until t = 100; at t = 105 it is 305 s old.
    expect(adaptTimeline({ ...timeline, historyAtT0: [{ replicas: 10, ageSeconds: 200 }] })).toMatchObject({ firstScaleDownAtSeconds: 105 });
    expect(() => adaptTimeline({ ...timeline, historyAtT0: 'full' })).toThrow('input.historyAtT0: expected "empty; …" or an array of {replicas, ageSeconds}');
  });
});

describe('hpa adapters: behaviorStabilize windows', () => {
  const base = { currentReplicas: 10, desiredReplicas: 4, recommendations: [{ replicas: 7, ageSeconds: 100 }] };
  it('reads the window from a scaleDown rules object as well as from the flat field', () => {
    expect(adaptBehaviorStabilize({ ...base, scaleDown: { stabilizationWindowSeconds: 300 } })).toMatchObject({ stabilizedReplicas: 7 });
    expect(adaptBehaviorStabilize({ ...base, scaleDownStabilizationWindowSeconds: 300 })).toMatchObject({ stabilizedReplicas: 7 });
    expect(adaptBehaviorStabilize({ ...base, scaleDown: { stabilizationWindowSeconds: 60 } })).toMatchObject({ stabilizedReplicas: 4 });
  });
  it('rejects two different values for one window', () => {
    expect(() => adaptBehaviorStabilize({ ...base, scaleDownStabilizationWindowSeconds: 300, scaleDown: { stabilizationWindowSeconds: 60 } })).toThrow('input.scaleDown.stabilizationWindowSeconds: 60 disagrees with scaleDownStabilizationWindowSeconds 300');
  });
});
