/** HpaExplanation and its text: the driving metric, the window, the limits, the previous sync. */
import { describe, expect, it } from 'vitest';
import { explainHpa } from '../../src/explain/explain-hpa.js';
import { renderHpa } from '../../src/explain/render-hpa.js';
import { at, hpaRow } from './fixtures.js';

const scaleUp = hpaRow({
  line: 20, timeSeconds: 136.189, name: 'keda-hpa-nginx', target: 'nginx', specReplicas: 1, statusReplicas: 1, readyPods: 1,
  metricDesiredReplicas: 3, stabilizedReplicas: 3, finalReplicas: 2, rescale: true, ableToScale: 'SucceededRescale',
  scalingLimited: 'ScaleUpLimit', scaleUpLimit: 2, stabilizationWindow: [{ replicas: 1, ageSeconds: 15 }],
  metrics: [{ name: 'cpu', value: '77%', target: '', proposedReplicas: 3, reason: 'ScaleUp', message: undefined, podClasses: { ready: 1, unready: 0, missing: 0, ignored: 0 } }],
});
const before = hpaRow({
  timeSeconds: 121.189, specReplicas: 1, metricDesiredReplicas: 1, stabilizedReplicas: 1, finalReplicas: 1,
  metrics: [{ name: 'cpu', value: '4%', target: '', proposedReplicas: 1, reason: 'NoChange', message: undefined, podClasses: undefined }],
});

describe('explainHpa', () => {
  it('explains a limited scale-up', () => {
    const e = explainHpa(scaleUp, before, at(130));
    expect(e.drivingMetrics).toEqual(['cpu']);
    expect(e.metrics[0]?.drives).toBe(true);
    expect(e.decision).toEqual({
      fromReplicas: 1, toReplicas: 2, rescale: true, direction: 'up',
      ableToScale: 'SucceededRescale', scalingActive: 'ValidMetricFound', scalingLimited: 'ScaleUpLimit',
    });
    expect(e.limitedBy).toEqual([{ code: 'ScaleUpLimit', text: 'limited by the scale-up policies (limit 2): 3 wanted, 2 allowed' }]);
    expect(e.previous).toEqual({
      timeSeconds: 121.189, fromReplicas: 1, toReplicas: 1, metricDesiredReplicas: 1, drivingMetrics: ['cpu'], ableToScale: 'ReadyForNewScale',
      scalingLimited: 'DesiredWithinRange', limitedBy: [],
    });
  });

  it('keeps a stable key order with nulls for absent values', () => {
    const e = explainHpa(hpaRow({ metricDesiredReplicas: undefined, stabilizedReplicas: undefined, path: 'aboveMax' }), undefined, at(0));
    expect(Object.keys(e)).toEqual([
      'controller', 'kind', 'name', 'target', 'atSeconds', 'changesOnly', 'timeSeconds', 'line', 'current', 'metrics', 'metricDesiredReplicas',
      'drivingMetrics', 'stabilization', 'rateLimit', 'decision', 'limitedBy', 'previous', 'next',
    ]);
    expect(e.next).toBeNull();
    expect(e.metricDesiredReplicas).toBeNull();
    expect(e.previous).toBeNull();
  });

  it('shows each metric against its target when decisions.csv has one, and keeps it in the JSON', () => {
    const withTarget = { ...scaleUp, metrics: scaleUp.metrics.map((m) => ({ ...m, target: '30%' })) };
    const e = explainHpa(withTarget, before, at(130));
    expect(e.metrics[0]!.target).toBe('30%');
    expect(renderHpa(e)).toContain('    cpu  77% against target 30% → proposes 3 (ScaleUp); pods ready 1, unready 0, missing 0, ignored 0   ← drives');
    expect(explainHpa(scaleUp, before, at(130)).metrics[0]!.target).toBeNull();
  });

  it('renders the text block', () => {
    expect(renderHpa(explainHpa(scaleUp, before, at(130)))).toEqual([
      'HPA keda-hpa-nginx → nginx at t=136.189 s (0h02m16s), nearest to --at 130 s (6.189 s after); decisions.csv line 20',
      '  current: spec 1, status 1, ready pods 1',
      '  metrics (each proposal, with the pods behind it as the HPA classes them: missing = no metrics sample yet, unready = set aside while starting up (cpu only); "ready pods" above counts Ready pods):',
      '    cpu  77% → proposes 3 (ScaleUp); pods ready 1, unready 0, missing 0, ignored 0   ← drives',
      '  desired by metrics: 3 (the max over metrics)',
      '  driven by: cpu → the scale-up (proposes 3, the max over 1 metric)',
      '  stabilization (behavior path): window [1@-15s]; stabilized 3',
      '  rate limit: scale-up limit 2 → ScaleUpLimit',
      '  decision: 1 → 2 (rescale, up), conditions AbleToScale SucceededRescale, ScalingActive ValidMetricFound, ScalingLimited ScaleUpLimit',
      '  limited by:',
      '    ScaleUpLimit: limited by the scale-up policies (limit 2): 3 wanted, 2 allowed',
      '  previous sync at t=121.189 s (0h02m01s): 1 → 1 (metrics 1 from cpu; ReadyForNewScale)',
    ]);
  });

  it('in a run that kept changes only, says the row is the one in force and calls the row before it the previous change', () => {
    const lines = renderHpa(explainHpa(scaleUp, before, at(200, true)));
    expect(lines[0]).toBe(
      'HPA keda-hpa-nginx → nginx at t=136.189 s (0h02m16s), in force at --at 200 s (the last change, 63.811 s before; decisions.csv keeps changes only, so every sync since decided the same, on metric values of its own); decisions.csv line 20',
    );
    expect(lines.at(-1)).toBe('  previous change at t=121.189 s (0h02m01s): 1 → 1 (metrics 1 from cpu; ReadyForNewScale)');
    expect(renderHpa(explainHpa(scaleUp, undefined, at(100, true)))[0]).toBe(
      'HPA keda-hpa-nginx → nginx at t=136.189 s (0h02m16s), its first sync, 36.189 s after --at 100 s (decisions.csv keeps changes only; it had not run before); decisions.csv line 20',
    );
    expect(renderHpa(explainHpa(scaleUp, undefined, at(136.189, true)))[0]).toContain('in force at --at 136.189 s (a change made exactly then; decisions.csv keeps changes only)');
  });

  it('in a run that kept changes only, names the next change, which may come a moment after --at', () => {
    // --at 136.1: the scale-up at 136.189 is not yet in force; the row before it is, and the scale-up is next.
    const e = explainHpa(before, undefined, at(136.1, true), scaleUp);
    expect(e.next).toEqual({
      timeSeconds: 136.189, fromReplicas: 1, toReplicas: 2, metricDesiredReplicas: 3, drivingMetrics: ['cpu'], ableToScale: 'SucceededRescale',
      scalingLimited: 'ScaleUpLimit', limitedBy: ['ScaleUpLimit'],
    });
    expect(renderHpa(e).at(-1)).toBe('  next change at t=136.189 s (0h02m16s), 0.089 s after --at 136.1 s: 1 → 2 (metrics 3 from cpu; SucceededRescale; limited by ScaleUpLimit)');
    expect(renderHpa(explainHpa(before, undefined, at(136.1, true))).at(-1)).toMatch(/^ {2}previous change: none/);
  });

  it('shortens a long window and marks the entry that held the count', () => {
    const stabilizationWindow = Array.from({ length: 20 }, (_, i) => ({ replicas: 3, ageSeconds: 15 * (i + 1) }));
    const lines = renderHpa(explainHpa(hpaRow({ specReplicas: 3, metricDesiredReplicas: 1, stabilizedReplicas: 3, finalReplicas: 3, stabilizationWindow }), undefined, at(100)));
    expect(lines).toContain('  stabilization (behavior path): window [3@-15s, 3@-30s, 3@-45s, 3@-60s, 3@-75s, 3@-90s, 3@-105s, 3@-120s … 12 more]; stabilized 3, held by 3@-15s');
    expect(lines).toContain('    ScaleDownStabilized: metrics want 1; the window entry 3@-15s holds it at 3');
    expect(lines.at(-1)).toBe('  previous sync: none (this is the first)');
  });

  it('shows a failed metric with its reason and message', () => {
    const row = hpaRow({
      path: 'metricsFailed', scalingActive: 'FailedGetExternalMetric', metricDesiredReplicas: undefined, stabilizedReplicas: undefined,
      metrics: [{ name: 's0-prometheus', value: '', target: '', proposedReplicas: undefined, reason: 'FailedGetExternalMetric', message: 'unreachable', podClasses: undefined }],
    });
    const lines = renderHpa(explainHpa(row, undefined, at(100)));
    expect(lines).toContain('    s0-prometheus  (no value) → failed: FailedGetExternalMetric (unreachable)');
    expect(lines).toContain('  rate limit: not applied on the metricsFailed path → DesiredWithinRange');
  });

  it('shows a metric the sync did not read (target at 0) as not read, not as failed', () => {
    const row = hpaRow({
      path: 'disabled', specReplicas: 0, scalingActive: 'ScalingDisabled', metricDesiredReplicas: undefined, stabilizedReplicas: undefined,
      metrics: [{ name: 's0-prometheus', value: '', target: '', proposedReplicas: undefined, reason: 'NotComputed', message: 'not read: spec.replicas is 0, scaling is disabled', podClasses: undefined }],
    });
    expect(renderHpa(explainHpa(row, undefined, at(100)))).toContain('    s0-prometheus  (no value) → not read: spec.replicas is 0, scaling is disabled');
  });
});
