/**
 * A ScaledJob end to end: messages arrive in a standalone queue (spec.queues), KEDA creates one Job
 * per message at each poll (rabbitmq queueLength 1), each Job takes its message, runs, succeeds and
 * frees its node; parallelism never exceeds maxReplicaCount. Also KEDA's documented strategy quirk:
 * `default` assumes the queue length counts in-progress messages (RabbitMQ over HTTP counts unacked
 * ones); over AMQP it does not, Jobs starve and `accurate` is the strategy to use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';
import { HTTP_TRIGGER, scaledJobFiles } from '../helpers/scaled-job-scenario.js';

const AMQP_TRIGGER = '      metadata: {host: "amqp://guest:guest@rabbitmq:5672/", queueName: uploads, mode: QueueLength, value: "1"}';

function withTrigger(trigger: string, strategy?: string): Record<string, string> {
  const job = files['manifests/job.yaml']!
    .replace(HTTP_TRIGGER, trigger)
    .replace('  pollingInterval: 10\n', `  pollingInterval: 10\n${strategy ? `  scalingStrategy: {strategy: ${strategy}}\n` : ''}`);
  return { ...files, 'manifests/job.yaml': job };
}

async function runFiles(f: Record<string, string>): Promise<RunResult> {
  const dir = await writeScenarioFolder(f);
  try {
    return runScenario(await loadScenario(dir));
  } finally {
    await removeFolder(dir);
  }
}

// 0.2 messages/s for 10 minutes (120 messages), then nothing.
const files = scaledJobFiles({ durationMinutes: 30, arrivalMinutes: 10 });

describe('ScaledJob with a standalone queue', () => {
  let dir: string;
  let result: RunResult;
  let series: MemoryTableSink;

  beforeAll(async () => {
    dir = await writeScenarioFolder(files);
    const tables = new MemoryTables();
    result = runScenario(await loadScenario(dir), { tables: tables.factory });
    series = tables.get('timeseries.csv');
  });
  afterAll(() => removeFolder(dir));

  it('runs one Job per message and drains the queue', () => {
    const job = result.summary.keda.scaledJobs[0]!;
    const queue = result.summary.keda.queues[0]!;
    expect(queue.arrivedMessages).toBeCloseTo(120, 6);
    expect(job.messagesProcessed).toBe(120);
    expect(queue.takenMessages).toBe(120);
    expect(queue.backlogAtEndMessages).toBeCloseTo(0, 6);
    expect(job.jobsSucceeded).toBe(job.jobsCreated);
  });

  it('keeps parallel Jobs within maxReplicaCount and frees every node at the end', () => {
    const job = result.summary.keda.scaledJobs[0]!;
    expect(job.peakParallelJobs).toBeGreaterThan(1);
    expect(job.peakParallelJobs).toBeLessThanOrEqual(20);
    const unfinished = series.header.indexOf('resizer.jobs_unfinished');
    expect(Math.max(...series.rows.map((r) => r[unfinished] as number))).toBeLessThanOrEqual(20);
    for (const node of result.built.cluster.nodes) {
      expect(node.podCount).toBe(0);
      expect(node.cpuRequestedMillicores).toBe(0);
    }
  });

  it('picks work within about one polling interval plus start-up', () => {
    const job = result.summary.keda.scaledJobs[0]!;
    // A message waits for the next poll (≤ 10 s), then scheduling, image pull and container start (~7 s).
    expect(job.meanPickupWaitSeconds).toBeLessThan(25);
    expect(job.maxPickupWaitSeconds).toBeLessThan(40);
  });
});

describe('ScaledJob scaling strategies over AMQP (ready messages only)', () => {
  it('default starves: running Jobs are subtracted from a queue length that excludes their messages', async () => {
    const starving = (await runFiles(withTrigger(AMQP_TRIGGER))).summary.keda.scaledJobs[0]!;
    const accurate = (await runFiles(withTrigger(AMQP_TRIGGER, 'accurate'))).summary.keda.scaledJobs[0]!;
    expect(starving.meanPickupWaitSeconds).toBeGreaterThan(3 * accurate.meanPickupWaitSeconds);
    expect(accurate.meanPickupWaitSeconds).toBeLessThan(25);
    expect(accurate.messagesProcessed).toBe(120);
  });
});
