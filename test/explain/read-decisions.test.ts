/**
 * decisions.csv → typed rows: what DecisionLog writes reads back unchanged (quoted cells, failed
 * metrics, trigger reasons), and malformed files fail with the file, line and column.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StabilizationWindow } from '../../src/autoscalers/hpa/recommendation-history.js';
import { DecisionLog } from '../../src/engine/decision-log.js';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import type { DecisionRow } from '../../src/explain/decision-row.js';
import { parseRawDecision, scanDecisions, type RawDecision } from '../../src/explain/read-decisions.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { decisionsCsv, hpaCells } from './fixtures.js';
import { removeFixtures, resultsFolder } from './results-folder.js';

afterAll(removeFixtures);

async function readAll(csv: string): Promise<DecisionRow[]> {
  const file = join(resultsFolder(csv), 'decisions.csv');
  const raws: RawDecision[] = [];
  const source = await scanDecisions(file, (r) => raws.push(r));
  return raws.map((r) => parseRawDecision(r, source));
}

async function failure(csv: string): Promise<string> {
  try {
    await readAll(csv);
  } catch (e) {
    if (isUserInputError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a UserInputError');
}

function loggedCsv(): string {
  let sink: MemoryTableSink | undefined;
  const log = new DecisionLog(2, (_name, header) => (sink = new MemoryTableSink(header)));
  log.hpaDecision({
    timeSeconds: 136.1894, hpa: 'web', target: 'web', specReplicas: 1, statusReplicas: 1, readyPods: 1,
    metrics: [
      { metricName: 'cpu', ok: true, currentValue: '77%', target: '50%', proposedReplicas: 3, reason: 'ScaleUp', podClasses: { ready: 1, unready: 0, missing: 2, ignored: 1 } },
      { metricName: 's0-prometheus', ok: false, currentValue: '', target: '100', reason: 'FailedGetExternalMetric', message: 'server unreachable: timeout, retry "later"' },
    ],
    metricDesiredReplicas: 3, stabilizedReplicas: 3, desiredReplicas: 2, rescale: true,
    ableToScale: 'SucceededRescale', scalingActive: 'ValidMetricFound', scalingLimited: 'ScaleUpLimit', path: 'behavior',
    stabilizationWindow: StabilizationWindow.of([{ replicas: 3, ageSeconds: 30 }, { replicas: 1, ageSeconds: 15 }], 136.1894), scaleUpLimit: 2,
  });
  log.kedaDecision({
    timeSeconds: 140.5, scaledObject: 'web', target: 'web', specReplicas: 0, statusReplicas: 0, readyPods: 0,
    triggers: [{ name: 's0-redis', value: '12', active: true, reason: 'list length 12; 12 > activation 0, "quoted"\nsecond line' }],
    active: 'True', reason: 'ScalerActive: triggers active: scale from 0 to 1; active: redis', scaleTo: 1, lastActiveSeconds: 140.5,
  });
  log.caDecision({
    timeSeconds: 655.2, action: 'scale-up', group: 'workers', nodesBefore: 1, nodesAfter: 2, unschedulablePods: 3,
    reason: 'ScaleUp', detail: '+1 node(s) for 3 pod(s); skipped spot: MaxSizeReached', removedNodes: [],
  });
  return sink!.text();
}

describe('reading decisions.csv', () => {
  it('reads back what DecisionLog writes', async () => {
    const [hpa, keda, ca] = await readAll(loggedCsv());
    expect(hpa).toEqual({
      controller: 'hpa', line: 2, timeSeconds: 136.189, name: 'web', target: 'web', specReplicas: 1, statusReplicas: 1, readyPods: 1,
      metricDesiredReplicas: 3, stabilizedReplicas: 3, finalReplicas: 2, rescale: true, path: 'behavior',
      ableToScale: 'SucceededRescale', scalingActive: 'ValidMetricFound', scalingLimited: 'ScaleUpLimit', scaleUpLimit: 2, scaleDownLimit: undefined,
      stabilizationWindow: [{ replicas: 1, ageSeconds: 15 }, { replicas: 3, ageSeconds: 30 }],
      metrics: [
        { name: 'cpu', value: '77%', target: '50%', proposedReplicas: 3, reason: 'ScaleUp', message: undefined, podClasses: { ready: 1, unready: 0, missing: 2, ignored: 1 } },
        { name: 's0-prometheus', value: '', target: '100', proposedReplicas: undefined, reason: 'FailedGetExternalMetric', message: 'server unreachable: timeout, retry "later"', podClasses: undefined },
      ],
    });
    expect(keda).toMatchObject({
      controller: 'keda', line: 3, timeSeconds: 140.5, specReplicas: 0, finalReplicas: 1, rescale: true, executorWrote: true, active: 'True',
      lastActiveSeconds: 140.5, cooldownLeftSeconds: undefined,
      triggers: [{ name: 's0-redis', value: '12', active: true, reason: 'list length 12; 12 > activation 0, "quoted"\nsecond line' }],
    });
    // The KEDA record spans two lines, so the CA record starts on line 5.
    expect(ca).toEqual({
      controller: 'ca', line: 5, timeSeconds: 655.2, name: 'cluster-autoscaler', group: 'workers', nodesBefore: 1, nodesAfter: 2,
      action: 'scale-up', reason: 'ScaleUp', unschedulablePods: 3, detail: '+1 node(s) for 3 pod(s); skipped spot: MaxSizeReached',
    });
  });

  it('names the line and column of a malformed cell', async () => {
    const csv = decisionsCsv([hpaCells(15), hpaCells(30, 'web', { stabilization_window: '2 at 15s' })]);
    expect(await failure(csv)).toMatch(/decisions\.csv:3: stabilization_window: expected entries such as "3@-15s" \(replicas@-ageSeconds\), got "2"/);
  });

  it('rejects a time that is not a number and an unknown controller', async () => {
    expect(await failure(decisionsCsv([hpaCells(15, 'web', { time_s: 'soon' })]))).toMatch(/:2: time_s: expected a time in seconds, got "soon"/);
    expect(await failure(decisionsCsv([hpaCells(15, 'web', { controller: 'vpa' })]))).toMatch(/:2: controller: expected hpa, keda, ca, scheduler, replicaset, statefulset, job or deployment, got "vpa"/);
  });

  it('rejects a file that is not decisions.csv, naming the missing columns', async () => {
    expect(await failure('time_s,replicas\n1,2\n')).toMatch(/decisions\.csv:1: expected the decisions\.csv header written by `scalesim run`; missing columns controller, name/);
  });

  it('rejects an empty file and an unclosed quote', async () => {
    expect(await failure('')).toMatch(/expected a header and decision rows, got an empty file/);
    await expect(readAll(`${decisionsCsv([hpaCells(15)])}15,hpa,web,"open\n`)).rejects.toThrow(/:3: malformed CSV: a quoted cell is not closed/);
  });
});
