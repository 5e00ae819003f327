/** spec.decisions: `changes` keeps rows that change something; `none` keeps none; `all` keeps every row. */
import { describe, expect, it } from 'vitest';
import { StabilizationWindow } from '../../src/autoscalers/hpa/recommendation-history.js';
import { DecisionLog, type DecisionDetail } from '../../src/engine/decision-log.js';
import type { HpaDecisionRecord } from '../../src/observe/records.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';

function sync(timeSeconds: number, value: string, desired: number, window: number[]): HpaDecisionRecord {
  return {
    timeSeconds, hpa: 'web', target: 'web', specReplicas: 3, statusReplicas: 3, readyPods: 3,
    metrics: [{ metricName: 'cpu', ok: true, currentValue: value, target: '50%', proposedReplicas: desired, reason: desired === 3 ? 'NoChange' : 'ScaleUp' }],
    metricDesiredReplicas: desired, stabilizedReplicas: desired, desiredReplicas: desired, rescale: desired !== 3,
    ableToScale: 'ReadyForNewScale', scalingActive: 'ValidMetricFound', scalingLimited: 'DesiredWithinRange', path: 'legacy',
    stabilizationWindow: StabilizationWindow.of(window.map((ageSeconds) => ({ replicas: desired, ageSeconds })), timeSeconds),
  };
}

function rowsWritten(detail: DecisionDetail): number[] {
  let sink: MemoryTableSink | undefined;
  const log = new DecisionLog(1, (_n, header) => (sink = new MemoryTableSink(header)), detail);
  log.hpaDecision(sync(15, '41%', 3, [0]));
  log.hpaDecision(sync(30, '43%', 3, [15, 0])); // only volatile columns moved
  log.hpaDecision(sync(45, '44%', 3, [30, 15]));
  log.hpaDecision(sync(60, '90%', 6, [45])); // the proposal changed
  log.hpaDecision(sync(75, '90%', 6, [15]));
  log.kedaDecision({ timeSeconds: 75, scaledObject: 'web', target: 'web', specReplicas: 3, statusReplicas: 3, readyPods: 3, triggers: [], active: 'True', reason: 'r' });
  return sink!.rows.map((r) => Number(r[0]));
}

describe('DecisionLog detail', () => {
  it('all writes every row', () => {
    expect(rowsWritten('all')).toEqual([15, 30, 45, 60, 75, 75]);
  });

  it('changes drops rows whose only differences are the time, metric values and window ages', () => {
    // The KEDA row is another autoscaler's first row.
    expect(rowsWritten('changes')).toEqual([15, 60, 75]);
  });

  it('none writes nothing', () => {
    expect(rowsWritten('none')).toEqual([]);
  });

  it("changes keeps every rollout event row, even one that reads as the one before (an ordinal made anew at the same revision)", () => {
    let sink: MemoryTableSink | undefined;
    const log = new DecisionLog(1, (_n, header) => (sink = new MemoryTableSink(header)), 'changes');
    const create = (timeSeconds: number) => ({ timeSeconds, statefulSet: 'db', reason: 'SuccessfulCreate' as const, pod: 'db-0', message: 'create Pod db-0 in StatefulSet db successful', why: 'at revision db-abc' });
    log.statefulSetEvent(create(100));
    log.statefulSetEvent(create(700));
    const scaled = (timeSeconds: number) => ({ timeSeconds, deployment: 'web', reason: 'ScalingReplicaSet', replicaSet: 'web-abc', message: 'Scaled up replica set web-abc from 1 to 2' });
    log.deploymentEvent(scaled(200));
    log.deploymentEvent(scaled(800));
    expect(sink!.rows.map((r) => Number(r[0]))).toEqual([100, 700, 200, 800]);
  });
});
