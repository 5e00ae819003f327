/** RepeatedHpaDecision and RepeatedKedaDecision: a decision repeats the previous one only when every compared field is equal. */
import { describe, expect, it } from 'vitest';
import type { MetricObservation, MetricProposal } from '../../src/autoscalers/hpa/evaluate-metric.js';
import type { ReconcileResult } from '../../src/autoscalers/hpa/reconcile.js';
import { StabilizationWindow } from '../../src/autoscalers/hpa/recommendation-history.js';
import type { ExecutorDecision } from '../../src/autoscalers/keda/executor.js';
import { RepeatedHpaDecision, RepeatedKedaDecision } from '../../src/controllers/decision-repeat.js';

interface Sync {
  specReplicas: number;
  statusReplicas: number;
  readyPods: number;
  result: ReconcileResult;
  proposals: MetricProposal[];
  observations: MetricObservation[];
}

function sync(change: (s: Sync) => void = () => {}): Sync {
  const s: Sync = {
    specReplicas: 3,
    statusReplicas: 3,
    readyPods: 3,
    result: {
      desiredReplicas: 3,
      rescale: false,
      metricDesiredReplicas: 3,
      stabilizedReplicas: 3,
      conditions: {
        ableToScale: { status: true, reason: 'ReadyForNewScale' },
        scalingActive: { status: true, reason: 'ValidMetricFound' },
        scalingLimited: { status: false, reason: 'DesiredWithinRange' },
      },
      trace: { path: 'legacy', stabilizationWindow: StabilizationWindow.EMPTY, scaleUpLimit: 6 },
      history: { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] },
    },
    proposals: [
      { ok: true, metricName: 'cpu', desiredReplicas: 3, currentValue: { utilizationPercent: 41 }, reason: 'NoChange' },
      { ok: false, metricName: 'queue', reason: 'FailedGetExternalMetric', message: 'no data' },
    ],
    observations: [
      { kind: 'pods', pods: ['ready', 'ready', 'unready'].map((c, i) => ({ name: `p${i}`, class: c as 'ready' | 'unready' })), distinctNames: true },
      { kind: 'error', message: 'no data' },
    ],
  };
  change(s);
  return s;
}

/** The condition reasons the HPA shows: this sync's (the fixtures always set both). */
const reasons = (s: Sync) => ({ scalingActive: s.result.conditions.scalingActive?.reason ?? '', scalingLimited: s.result.conditions.scalingLimited?.reason ?? '' });
const repeats = (check: RepeatedHpaDecision, s: Sync): boolean => check.repeats(s.specReplicas, s.statusReplicas, s.readyPods, s.result, reasons(s), s.proposals, s.observations);

/** After `base`, a `changed` decision is no repeat, the same again is, and `base` after it is not. */
function expectOnlyEqualRepeats<T>(repeatsPrevious: (decision: T) => boolean, base: () => T, changed: () => T): void {
  repeatsPrevious(base());
  expect(repeatsPrevious(changed())).toBe(false);
  expect(repeatsPrevious(changed())).toBe(true);
  expect(repeatsPrevious(base())).toBe(false);
}

describe('RepeatedHpaDecision', () => {
  it('does not call the first decision a repeat; an equal one is, whatever its time, window and metric values', () => {
    const check = new RepeatedHpaDecision();
    expect(repeats(check, sync())).toBe(false);
    expect(repeats(check, sync())).toBe(true);
    const moved = sync((s) => {
      s.result.trace.stabilizationWindow = StabilizationWindow.of([{ replicas: 3, ageSeconds: 15 }], 30);
      s.proposals[0] = { ok: true, metricName: 'cpu', desiredReplicas: 3, currentValue: { utilizationPercent: 44 }, reason: 'NoChange' };
    });
    expect(repeats(check, moved)).toBe(true);
  });

  it.each<[string, (s: Sync) => void]>([
    ['spec replicas', (s) => (s.specReplicas = 4)],
    ['status replicas', (s) => (s.statusReplicas = 4)],
    ['ready pods', (s) => (s.readyPods = 2)],
    ['the metrics’ desired count', (s) => (s.result.metricDesiredReplicas = 4)],
    ['the stabilized count', (s) => (s.result.stabilizedReplicas = 4)],
    ['the final count', (s) => (s.result.desiredReplicas = 4)],
    ['rescale', (s) => (s.result.rescale = true)],
    ['the path', (s) => (s.result.trace.path = 'behavior')],
    ['AbleToScale', (s) => (s.result.conditions.ableToScale = { status: true, reason: 'ScaleDownStabilized' })],
    ['ScalingActive', (s) => (s.result.conditions.scalingActive = { status: false, reason: 'FailedGetResourceMetric' })],
    ['ScalingLimited', (s) => (s.result.conditions.scalingLimited = { status: true, reason: 'ScaleUpLimit' })],
    ['the scale-up limit', (s) => (s.result.trace.scaleUpLimit = 8)],
    ['the scale-down limit', (s) => (s.result.trace.scaleDownLimit = 1)],
    ['a proposal', (s) => (s.proposals[0] = { ok: true, metricName: 'cpu', desiredReplicas: 4, currentValue: { utilizationPercent: 41 }, reason: 'NoChange' })],
    ['a proposal’s reason', (s) => (s.proposals[0] = { ok: true, metricName: 'cpu', desiredReplicas: 3, currentValue: { utilizationPercent: 41 }, reason: 'ScaleUp' })],
    ['a failure message', (s) => (s.proposals[1] = { ok: false, metricName: 'queue', reason: 'FailedGetExternalMetric', message: 'timeout' })],
    ['a metric turning valid', (s) => (s.proposals[1] = { ok: true, metricName: 'queue', desiredReplicas: 3, currentValue: { valueMilli: 5 }, reason: 'NoChange' })],
    ['a pod’s class', (s) => (s.observations[0] = { kind: 'pods', pods: [{ name: 'p0', class: 'ready' }, { name: 'p1', class: 'ready' }, { name: 'p2', class: 'missing' }] })],
    ['the pod count', (s) => (s.observations[0] = { kind: 'pods', pods: [{ name: 'p0', class: 'ready' }, { name: 'p1', class: 'ready' }] })],
  ])('is not a repeat when %s changed, and the next equal sync is', (_what, change) => {
    const check = new RepeatedHpaDecision();
    expectOnlyEqualRepeats((s: Sync) => repeats(check, s), () => sync(), () => sync(change));
  });
});

interface Poll {
  specReplicas: number;
  statusReplicas: number;
  readyPods: number;
  decision: ExecutorDecision;
  activityReason: string;
  triggers: { name: string; active: boolean; reason: string }[];
}

function poll(change: (p: Poll) => void = () => {}): Poll {
  const p: Poll = {
    specReplicas: 2,
    statusReplicas: 2,
    readyPods: 2,
    decision: { scaleTo: null, activeCondition: 'True', activeReason: 'ScalerActive', lastActiveTimeUpdated: true, reason: 'triggers active at 2 replicas: the HPA scales; lastActiveTime refreshed' },
    activityReason: 'active: lag',
    triggers: [
      { name: 'lag', active: true, reason: 'lag 40 over 2 partitions' },
      { name: 'cpu', active: false, reason: 'resource metric (read by the HPA)' },
    ],
  };
  change(p);
  return p;
}

function pollRepeats(check: RepeatedKedaDecision, p: Poll): boolean {
  check.begin(p.specReplicas, p.statusReplicas, p.readyPods, p.decision, p.activityReason);
  for (const t of p.triggers) check.trigger(t.name, t.active, t.reason);
  return check.end();
}

describe('RepeatedKedaDecision', () => {
  it('does not call the first poll a repeat; an equal one is', () => {
    const check = new RepeatedKedaDecision();
    expect(pollRepeats(check, poll())).toBe(false);
    expect(pollRepeats(check, poll())).toBe(true);
  });

  it.each<[string, (p: Poll) => void]>([
    ['spec replicas', (p) => (p.specReplicas = 3)],
    ['status replicas', (p) => (p.statusReplicas = 3)],
    ['ready pods', (p) => (p.readyPods = 1)],
    ['the replicas written', (p) => (p.decision = { ...p.decision, scaleTo: 1 })],
    ['the Active condition', (p) => (p.decision = { ...p.decision, activeCondition: 'False' })],
    ['the Active reason', (p) => (p.decision = { ...p.decision, activeReason: 'ScalerCooldown' })],
    ['the executor’s reason', (p) => (p.decision = { ...p.decision, reason: 'triggers inactive, cooling down: 30 s left' })],
    ['the activity’s reason', (p) => (p.activityReason = 'no trigger active')],
    ['a trigger’s name', (p) => (p.triggers[0]!.name = 'lag2')],
    ['a trigger’s activity', (p) => (p.triggers[0]!.active = false)],
    ['a trigger’s reason', (p) => (p.triggers[0]!.reason = 'lag 40 capped at 2 partitions × 10')],
    ['the trigger count', (p) => p.triggers.pop()],
  ])('is not a repeat when %s changed, and the next equal poll is', (_what, change) => {
    const check = new RepeatedKedaDecision();
    expectOnlyEqualRepeats((p: Poll) => pollRepeats(check, p), () => poll(), () => poll(change));
  });
});
