import { describe, expect, it } from 'vitest';
import { HPA_DEFAULTS } from '../../../src/autoscalers/hpa/config.js';
import type { MetricProposal } from '../../../src/autoscalers/hpa/evaluate-metric.js';
import { reconcileHpa, type ReconcileInput } from '../../../src/autoscalers/hpa/reconcile.js';
import type { HpaBehavior, HpaHistory } from '../../../src/autoscalers/hpa/types.js';

const ok = (desiredReplicas: number, metricName = 'cpu'): MetricProposal => ({ ok: true, metricName, desiredReplicas, currentValue: {}, reason: 'x' });
const failed = (metricName = 'qps'): MetricProposal => ({ ok: false, metricName, reason: 'FailedGetPodsMetric', message: 'no samples' });
const fresh = (): HpaHistory => ({ recommendations: undefined, scaleUpEvents: [], scaleDownEvents: [] });

function input(over: Partial<ReconcileInput> & { behavior?: HpaBehavior | null; min?: number; max?: number } = {}): ReconcileInput {
  const { behavior = null, min = 1, max = 20, ...rest } = over;
  return {
    nowSeconds: 0,
    spec: { minReplicas: min, maxReplicas: max, behavior },
    specReplicas: 10,
    statusReplicas: 10,
    proposals: [ok(4)],
    history: fresh(),
    config: HPA_DEFAULTS,
    ...rest,
  };
}

/** Syncs every 15 s with a constant proposal; returns the time of the first scale-down. */
function firstScaleDown(behavior: HpaBehavior | null): { atSeconds: number; replicas: number } | undefined {
  let history = fresh();
  let replicas = 10;
  for (let t = 0; t <= 900; t += 15) {
    const r = reconcileHpa(input({ nowSeconds: t, specReplicas: replicas, statusReplicas: replicas, history, behavior }));
    history = r.history;
    if (r.rescale && r.desiredReplicas < replicas) return { atSeconds: t, replicas: r.desiredReplicas };
    replicas = r.desiredReplicas;
  }
  return undefined;
}

describe('reconcileHpa: first-reconcile seeding', () => {
  it('seeds {specReplicas, now} when the history has no recommendation list', () => {
    const r = reconcileHpa(input({ nowSeconds: 42 }));
    expect(r.history.recommendations?.[0]).toEqual({ replicas: 10, timestampSeconds: 42 });
    expect(r).toMatchObject({ desiredReplicas: 10, rescale: false, metricDesiredReplicas: 4, stabilizedReplicas: 10 });
    expect(r.conditions.ableToScale.reason).toBe('ScaleDownStabilized');
  });

  it('an empty but existing list is not seeded: the scale-down happens at once', () => {
    const r = reconcileHpa(input({ history: { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] } }));
    expect(r).toMatchObject({ desiredReplicas: 4, rescale: true });
  });

  it('holds a scale-down for the 300 s window: legacy (inclusive) first scales down at 315 s', () => {
    expect(firstScaleDown(null)).toEqual({ atSeconds: 315, replicas: 4 });
  });

  it('with behavior (strict window) the first scale-down is at 300 s', () => {
    expect(firstScaleDown({ scaleUp: {}, scaleDown: {} })).toEqual({ atSeconds: 300, replicas: 4 });
  });

  it('does not hold back a scale-up', () => {
    expect(reconcileHpa(input({ proposals: [ok(12)] }))).toMatchObject({ desiredReplicas: 12, rescale: true });
  });
});

describe('reconcileHpa: branches before the metrics', () => {
  it('spec 0 with min != 0 disables scaling (ScalingDisabled), whatever the metrics say', () => {
    const r = reconcileHpa(input({ specReplicas: 0, statusReplicas: 0, min: 3, proposals: [ok(9)] }));
    expect(r).toMatchObject({ desiredReplicas: 0, rescale: false, trace: { path: 'disabled' } });
    expect(r.conditions.scalingActive).toMatchObject({ status: false, reason: 'ScalingDisabled' });
    // horizontal.go sets no ScalingLimited on this branch: the previous one stays (null: the caller keeps it).
    expect(r.conditions.scalingLimited).toBeNull();
  });

  it('spec 0 with min 0 evaluates metrics (scale from zero)', () => {
    const r = reconcileHpa(input({ specReplicas: 0, statusReplicas: 0, min: 0, proposals: [ok(1)] }));
    expect(r).toMatchObject({ desiredReplicas: 1, rescale: true, trace: { path: 'legacy' } });
  });

  it.each([
    ['above max → max at once', 30, 20, 'aboveMax'],
    ['below min → min at once', 1, 3, 'belowMin'],
  ] as const)('%s, without metrics, stabilization or recording a recommendation', (_name, current, desired, path) => {
    const r = reconcileHpa(input({ specReplicas: current, statusReplicas: current, min: 3, proposals: [ok(100)] }));
    expect(r).toMatchObject({ desiredReplicas: desired, rescale: true, trace: { path } });
    expect(r.metricDesiredReplicas).toBeUndefined();
    // horizontal.go sets only the rescale reason on these branches: the other two conditions stay as they were.
    expect(r.conditions).toEqual({ ableToScale: { status: true, reason: 'SucceededRescale' }, scalingActive: null, scalingLimited: null });
    expect(r.history.recommendations).toEqual([{ replicas: current, timestampSeconds: 0 }]);
  });

  it('above max with behavior stores the scale event (any rescale with behavior does)', () => {
    const r = reconcileHpa(input({ specReplicas: 30, statusReplicas: 30, behavior: {} }));
    expect(r.history.scaleDownEvents).toEqual([{ replicaChange: 10, timestampSeconds: 0, outdated: false }]);
  });
});

describe('reconcileHpa: partial failure (§1.9)', () => {
  const history = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
  it('all metrics failing: no scaling, ScalingActive=False with the first reason, history untouched', () => {
    const r = reconcileHpa(input({ proposals: [failed('a'), failed('b')], history }));
    expect(r).toMatchObject({ desiredReplicas: 10, rescale: false, trace: { path: 'metricsFailed' } });
    expect(r.conditions.scalingActive).toMatchObject({ status: false, reason: 'FailedGetPodsMetric' });
    // reconcileAutoscaler returns before setting ScalingLimited: it stays as the previous sync left it
    // (TooFewReplicas through a metrics-server outage, say), which the caller keeps.
    expect(r.conditions.ableToScale).toEqual({ status: true, reason: 'SucceededGetScale' });
    expect(r.conditions.scalingLimited).toBeNull();
    expect(r.history).toEqual(history);
  });

  it("a negative proposal is normalized as 0 (reconcileAutoscaler's desiredReplicas starts at 0), though metricDesiredReplicas keeps it", () => {
    const r = reconcileHpa(input({ min: 0, proposals: [ok(0, 'ext'), ok(-10, 'pods')], history: { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] } }));
    expect(r).toMatchObject({ metricDesiredReplicas: -10, stabilizedReplicas: 0, desiredReplicas: 0, rescale: true, conditions: { scalingLimited: { reason: 'DesiredWithinRange' } } });
  });

  it('a failing metric blocks a scale-down', () => {
    const r = reconcileHpa(input({ proposals: [ok(4), failed()], history }));
    expect(r).toMatchObject({ desiredReplicas: 10, rescale: false, metricDesiredReplicas: 4 });
  });

  it('a failing metric does not block a scale-up', () => {
    const r = reconcileHpa(input({ proposals: [failed(), ok(14)], history }));
    expect(r).toMatchObject({ desiredReplicas: 14, rescale: true });
    expect(r.conditions.scalingActive).toMatchObject({ status: true, reason: 'ValidMetricFound' });
  });
});

describe('reconcileHpa: normalization and history', () => {
  it('legacy path stores no scale events; behavior path stores |change|', () => {
    const history = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
    expect(reconcileHpa(input({ proposals: [ok(14)], history })).history.scaleUpEvents).toEqual([]);
    const withBehavior = reconcileHpa(input({ proposals: [ok(14)], history, behavior: {} }));
    expect(withBehavior.history.scaleUpEvents).toEqual([{ replicaChange: 4, timestampSeconds: 0, outdated: false }]);
  });

  it('does not mutate the input history', () => {
    const history: HpaHistory = { recommendations: [{ replicas: 3, timestampSeconds: -1000 }], scaleUpEvents: [], scaleDownEvents: [] };
    const snapshot = structuredClone(history);
    reconcileHpa(input({ proposals: [ok(14)], history, behavior: {} }));
    expect(history).toEqual(snapshot);
  });

  it('legacy cap max(2 x current, 4) with ScalingLimited=True/ScaleUpLimit', () => {
    const r = reconcileHpa(input({ specReplicas: 3, statusReplicas: 3, max: 100, proposals: [ok(50)], history: { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] } }));
    expect(r).toMatchObject({ desiredReplicas: 6, stabilizedReplicas: 50, trace: { scaleUpLimit: 6 } });
    expect(r.conditions.scalingLimited).toEqual({ status: true, reason: 'ScaleUpLimit' });
  });

  it('behavior path: a past scale-up inside the policy period limits the next one', () => {
    const history: HpaHistory = { recommendations: [], scaleUpEvents: [{ replicaChange: 10, timestampSeconds: -5, outdated: false }], scaleDownEvents: [] };
    const behavior: HpaBehavior = { scaleUp: { policies: [{ type: 'Pods', value: 12, periodSeconds: 60 }] } };
    const r = reconcileHpa(input({ specReplicas: 20, statusReplicas: 20, max: 100, proposals: [ok(50)], history, behavior }));
    // periodStart = 20 - 10 = 10 → limit 22.
    expect(r).toMatchObject({ desiredReplicas: 22, trace: { path: 'behavior', scaleUpLimit: 22 } });
    expect(r.conditions.scalingLimited?.reason).toBe('ScaleUpLimit');
  });

  it('the trace lists the window records that were used', () => {
    const history: HpaHistory = { recommendations: [{ replicas: 9, timestampSeconds: -100 }, { replicas: 12, timestampSeconds: -400 }], scaleUpEvents: [], scaleDownEvents: [] };
    const r = reconcileHpa(input({ proposals: [ok(4)], history }));
    expect(r.trace.stabilizationWindow?.entries()).toEqual([{ replicas: 9, ageSeconds: 100 }]);
    expect(r.desiredReplicas).toBe(9);
  });
});
