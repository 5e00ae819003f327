/**
 * rabbitmq's useRegex over the scenario's queues (src/scenario/keda/resolve-trigger-sources.ts
 * regexSource, src/controllers/keda/trigger-reader.ts): queueName is a regex matched anywhere in
 * each queue name; the matched queues are read together and composed by `operation`
 * (rabbitmq-composed-queue.ts).
 */
import { describe, expect, it } from 'vitest';
import { triggerReader } from '../../src/controllers/keda/trigger-reader.js';
import { rabbitmqScaler } from '../../src/autoscalers/keda/scalers/rabbitmq.js';
import type { ScalerReading } from '../../src/autoscalers/keda/types.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { BASE_DEPLOYMENT } from './helpers/base-scenario.js';
import { KEDA_SCENARIO, kedaProblems, loadKeda, scaledObject } from './helpers/keda-scenario.js';
import { HTTP_TRIGGER, scaledJobFiles } from '../helpers/scaled-job-scenario.js';
import { loadFolder } from './helpers/scenario-folder.js';

const HTTP = 'http://guest:guest@rabbitmq:15672/';
const SCENARIO = `${KEDA_SCENARIO.replace('  triggers:\n    web-so/1: {series: rows}\n', '')}  queues:\n    orders-eu: {trace: web}\n    orders-us: {trace: web}\n    audit: {trace: web}\n`;

const files = (queueName: string, extra = '') => ({
  'scenario.yaml': SCENARIO,
  'manifests/web.yaml': BASE_DEPLOYMENT,
  'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 10'], ['    - type: rabbitmq', `      metadata: {host: "${HTTP}", queueName: "${queueName}", useRegex: "true", mode: QueueLength, value: "5"${extra}}`]),
});

describe('rabbitmq useRegex over the scenario queues', () => {
  it('reads every queue whose name the regex matches, anywhere in the name, in the scenario order', async () => {
    const scenario = await loadKeda(files('orders'));
    // The workload's own queue "orders" and both standalone "orders-…" queues; not "audit".
    expect(scenario.triggerSources).toEqual([{ owner: 'web-so', triggerIndex: 0, source: { kind: 'queues', queues: ['orders', 'orders-eu', 'orders-us'] } }]);
    const anchored = await loadKeda(files('^orders-'));
    expect(anchored.triggerSources[0]!.source).toEqual({ kind: 'queues', queues: ['orders-eu', 'orders-us'] });
  });

  it('warns when nothing matches (every read 0) or more than pageSize match (every read fails)', async () => {
    const none = await loadKeda(files('^billing'));
    expect(none.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('matches no queue of the scenario with /^billing/ (queues: orders, orders-eu, orders-us, audit): every read counts 0'));
    const many = await loadKeda(files('orders', ', pageSize: "2"'));
    expect(many.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('matches 3 queues, more than pageSize 2: every read fails ("regex matches more queues than can be recovered at once")'));
  });

  it('refuses a queueName that is not a regular expression, at its key', async () => {
    const problems = await kedaProblems(files('orders-('));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.queueName', message: expect.stringContaining('is not a regular expression scalesim can evaluate as RabbitMQ does (PCRE)') }));
    // PCRE that JavaScript cannot carry over is refused with what it is.
    const possessive = await kedaProblems(files('orders-++'));
    expect(possessive).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.queueName', message: expect.stringContaining('possessive quantifier') }));
  });

  it('matches caselessly, as the management plugin does (re:run with [caseless]), PCRE syntax included', async () => {
    const upper = await loadKeda(files('^ORDERS-(EU|US)$'));
    expect(upper.triggerSources[0]!.source).toEqual({ kind: 'queues', queues: ['orders-eu', 'orders-us'] });
    const posix = await loadKeda(files('^[[:alpha:]]+$'));
    expect(posix.triggerSources[0]!.source).toEqual({ kind: 'queues', queues: ['orders', 'audit'] });
  });

  it('reads the matched queues together, and fails every read past pageSize', () => {
    const parsed = rabbitmqScaler.parse({ metadata: { host: HTTP, queueName: 'orders', useRegex: 'true', pageSize: '2' } });
    if (!parsed.ok) throw new Error('parse failed');
    const reading = (messages: number): ScalerReading => ({ kind: 'queue', messages, unacked: 0, publishRatePerSecond: 0, partitionLags: [] });
    const queues = new Map([
      ['orders-eu', { queueReading: () => reading(4), settle: () => {} }],
      ['orders-us', { queueReading: () => reading(6), settle: () => {} }],
      ['orders', { queueReading: () => reading(1), settle: () => {} }],
    ]);
    const ctx = { queues, series: new Map(), faults: [], startEpochSeconds: 0 };
    const two = triggerReader({ ...ctx, sources: [{ owner: 'so', triggerIndex: 0, source: { kind: 'queues', queues: ['orders-eu', 'orders-us'] } }] }, 'so', 0, parsed.trigger);
    const read = two(10);
    expect(read.kind === 'queues' && read.readings.map((r) => r.messages)).toEqual([4, 6]);
    expect(rabbitmqScaler.read(parsed.trigger, read)).toMatchObject({ metricValue: 10, isActive: true });
    const three = triggerReader({ ...ctx, sources: [{ owner: 'so', triggerIndex: 0, source: { kind: 'queues', queues: ['orders', 'orders-eu', 'orders-us'] } }] }, 'so', 0, parsed.trigger);
    expect(three(10)).toEqual({ kind: 'error', message: 'regex matches more queues than can be recovered at once' });
  });

  it('runs: every poll reads the three queues, summed', async () => {
    const scenario = await loadKeda(files('orders'));
    const sinks: Record<string, MemoryTableSink> = {};
    runScenario({ ...scenario, durationSeconds: 600 }, { tables: (name, header) => (sinks[name] = new MemoryTableSink(header)) });
    const rows = sinks['decisions.csv']!.text().split('\n').filter((l) => l.includes(',keda,'));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toContain('(ready + unacked over 3 matching queue(s), sum)');
  });

  it("warns when a ScaledJob's regex reads queues its Jobs do not consume (their messages are counted, never taken)", async () => {
    const files = scaledJobFiles({ durationMinutes: 20, arrivalMinutes: 10 });
    const regex = (queueName: string) => ({
      ...files,
      'scenario.yaml': files['scenario.yaml']!.replace('    uploads: {trace: uploads}\n', '    uploads: {trace: uploads}\n    uploads-eu: {trace: uploads}\n'),
      'manifests/job.yaml': files['manifests/job.yaml']!.replace(HTTP_TRIGGER, `      metadata: {host: "${HTTP}", queueName: "${queueName}", useRegex: "true", mode: QueueLength, value: "1"}`),
    });
    const both = await loadFolder(regex('upl.*'));
    expect(both.warnings).toContainEqual(
      expect.objectContaining({ field: 'spec.jobs.resizer.queue', message: expect.stringContaining('the ScaledJob\'s triggers also read "uploads-eu" (a useRegex trigger reads every queue it matches), but its Jobs consume "uploads" only') }),
    );
    const one = await loadFolder(regex('^uploads$'));
    expect(one.warnings.filter((w) => w.field === 'spec.jobs.resizer.queue')).toEqual([]);
  });
});
