import { describe, expect, it } from 'vitest';
import { rabbitmqScaler } from '../../../../src/autoscalers/keda/scalers/rabbitmq.js';
import { parseOk, problems, queue } from './helpers.js';

const HTTP = 'http://guest:guest@rabbit:15672/';
const AMQP = 'amqp://guest:guest@rabbit:5672/';

describe('rabbitmq scaler', () => {
  it('defaults to QueueLength 20 when neither mode, value nor queueLength is set', () => {
    const t = parseOk(rabbitmqScaler, { queueName: 'jobs', host: AMQP });
    expect(t.config).toMatchObject({ mode: 'QueueLength', value: 20, protocol: 'amqp' });
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 20000 });
    expect(t.needs).toEqual({ kind: 'queue', queueName: 'jobs' });
    expect(t.config.metricName).toBe('rabbitmq-jobs');
  });

  it("amqp refuses a custom timeout once mode and value are set (Validate's last check); the default path and http do not", () => {
    expect(problems(rabbitmqScaler, { host: AMQP, queueName: 'q', mode: 'QueueLength', value: '10', timeout: '1000' })).toEqual(['timeout: AMQP protocol doesn\'t support custom timeouts: "1000"']);
    expect(problems(rabbitmqScaler, { host: AMQP, queueName: 'q', mode: 'QueueLength', value: '10', timeout: '5s' })).toHaveLength(1);
    expect(problems(rabbitmqScaler, { host: AMQP, queueName: 'q', mode: 'QueueLength', value: '10', timeout: '0' })).toEqual([]);
    expect(problems(rabbitmqScaler, { host: AMQP, queueName: 'q', timeout: '1000' })).toEqual([]);
    expect(problems(rabbitmqScaler, { host: HTTP, queueName: 'q', mode: 'QueueLength', value: '10', timeout: '1000' })).toEqual([]);
  });

  it('legacy queueLength sets QueueLength mode', () => {
    expect(parseOk(rabbitmqScaler, { queueName: 'q', queueLength: '7', host: AMQP }).config).toMatchObject({ mode: 'QueueLength', value: 7 });
  });

  it.each([
    ['queueLength "0" alone', { queueLength: '0' }],
    ['value "0" alone', { value: '0' }],
    ['queueLength "0" and value "0"', { queueLength: '0', value: '0' }],
  ])('a 0 counts as unset, as validateTrigger compares the parsed numbers: %s is the default QueueLength 20', (_name, metadata) => {
    expect(parseOk(rabbitmqScaler, { queueName: 'q', host: AMQP, ...metadata }).config).toMatchObject({ mode: 'QueueLength', value: 20 });
  });

  it('queueLength "0" beside mode and value is no deprecated combination: mode and value count', () => {
    expect(parseOk(rabbitmqScaler, { queueName: 'q', host: HTTP, queueLength: '0', mode: 'MessageRate', value: '3' }).config).toMatchObject({ mode: 'MessageRate', value: 3 });
  });

  it('the metric name query-escapes the queue name before normalizing', () => {
    expect(parseOk(rabbitmqScaler, { queueName: 'a/b c', host: HTTP }).config.metricName).toBe('rabbitmq-a-2Fb+c');
  });

  it.each([
    ['queueLength together with mode/value', { queueName: 'q', host: HTTP, queueLength: '5', mode: 'QueueLength', value: '5' }, 'queueLength: queueLength is deprecated; configure only mode and value'],
    ['mode without value', { queueName: 'q', host: HTTP, mode: 'QueueLength' }, 'value: required with mode: expected a number > 0'],
    ['mode with value 0', { queueName: 'q', host: HTTP, mode: 'QueueLength', value: '0' }, 'value: expected a number > 0 with mode, got "0"'],
    ['a negative queueLength', { queueName: 'q', host: HTTP, queueLength: '-1' }, 'queueLength: expected a number ≥ 0, got "-1"'],
    ['value without mode', { queueName: 'q', host: HTTP, value: '5' }, 'mode: required with value: expected one of QueueLength, MessageRate, DeliverGetRate, PublishedToDeliveredRatio, ExpectedQueueConsumptionTime'],
    ['an unknown mode', { queueName: 'q', host: HTTP, mode: 'Lag', value: '5' }, 'mode: expected one of QueueLength, MessageRate, DeliverGetRate, PublishedToDeliveredRatio, ExpectedQueueConsumptionTime, got "Lag"'],
    ['MessageRate over amqp', { queueName: 'q', host: AMQP, mode: 'MessageRate', value: '5' }, 'protocol: protocol amqp not supported; must be http to use mode MessageRate'],
    ['ExpectedQueueConsumptionTime over amqp', { queueName: 'q', host: AMQP, mode: 'ExpectedQueueConsumptionTime', value: '5' }, 'protocol: protocol amqp not supported; must be http to use mode ExpectedQueueConsumptionTime'],
    ['excludeUnacknowledged over amqp', { queueName: 'q', host: AMQP, excludeUnacknowledged: 'true' }, 'excludeUnacknowledged: configure excludeUnacknowledged=true with http protocol only'],
    ['a host scheme that gives no protocol', { queueName: 'q', host: 'ftp://x' }, 'host: expected an amqp://, amqps://, http:// or https:// URL to infer the protocol, got scheme "ftp"'],
  ])('rejects %s', (_name, metadata, problem) => {
    expect(problems(rabbitmqScaler, metadata)).toContain(problem);
  });

  it.each([
    ['http counts ready + unacked', { host: HTTP }, 15],
    ['http with excludeUnacknowledged counts ready only', { host: HTTP, excludeUnacknowledged: 'true' }, 10],
    ['amqp sees ready messages only', { host: AMQP }, 10],
    ['explicit protocol http wins over the host', { host: AMQP, protocol: 'http' }, 15],
  ])('QueueLength: %s', (_name, metadata, value) => {
    const t = parseOk(rabbitmqScaler, { queueName: 'q', ...metadata });
    expect(rabbitmqScaler.read(t, queue({ messages: 10, unacked: 5 })).metricValue).toBe(value);
  });

  it('QueueLength activity is strict on the message count', () => {
    const t = parseOk(rabbitmqScaler, { queueName: 'q', host: AMQP, activationValue: '10' });
    expect(rabbitmqScaler.read(t, queue({ messages: 10 })).isActive).toBe(false);
    expect(rabbitmqScaler.read(t, queue({ messages: 11 })).isActive).toBe(true);
  });

  it.each([
    ['rate above activation', 3, 0, true],
    ['messages above activation with no publishing', 0, 5, true],
    ['both at or below activation', 2, 2, false],
  ])('MessageRate: metric = publish rate, active when %s', (_name, rate, messages, isActive) => {
    const t = parseOk(rabbitmqScaler, { queueName: 'q', host: HTTP, mode: 'MessageRate', value: '100', activationValue: '2' });
    expect(rabbitmqScaler.read(t, queue({ messages, publishRatePerSecond: rate }))).toMatchObject({ metricValue: rate, isActive });
  });
});

describe('rabbitmq useRegex: the matched queues composed by operation (getComposedQueue)', () => {
  const parse = (extra: Record<string, string> = {}) => parseOk(rabbitmqScaler, { queueName: '^orders-', host: HTTP, useRegex: 'true', ...extra });
  // Three queues: ready 10/3/0, unacked 2/0/1, publish 1/2/0.5 msg/s, deliver 1/1/0.5 msg/s.
  const queues = () => ({
    kind: 'queues' as const,
    readings: [
      queue({ messages: 10, unacked: 2, publishRatePerSecond: 1, deliverRatePerSecond: 1 }),
      queue({ messages: 3, unacked: 0, publishRatePerSecond: 2, deliverRatePerSecond: 1 }),
      queue({ messages: 0, unacked: 1, publishRatePerSecond: 0.5, deliverRatePerSecond: 0.5 }),
    ],
  });

  it('asks the scenario for the queues its regex matches, one page of pageSize (100 by default)', () => {
    expect(parse().needs).toEqual({ kind: 'queue', queueName: '^orders-', regex: { syntax: 'pcre', pageSize: 100 } });
    expect(parse({ pageSize: '2' }).needs).toEqual({ kind: 'queue', queueName: '^orders-', regex: { syntax: 'pcre', pageSize: 2 } });
    expect(parseOk(rabbitmqScaler, { queueName: 'q', host: HTTP }).needs).toEqual({ kind: 'queue', queueName: 'q' });
  });

  it.each([
    // Messages = ready + unacked per queue: 12, 3, 1; ready 10, 3, 0.
    ['sum (default)', {}, 16, 13],
    ['avg, message counts as Go ints (16 / 3 = 5, 13 / 3 = 4)', { operation: 'avg' }, 5, 4],
    ['max of each field, from different queues if so', { operation: 'max' }, 12, 10],
  ])('QueueLength %s', (_name, extra, messages, ready) => {
    expect(rabbitmqScaler.read(parse(extra), queues())).toMatchObject({ metricValue: messages });
    expect(rabbitmqScaler.read(parse({ ...extra, excludeUnacknowledged: 'true' }), queues())).toMatchObject({ metricValue: ready });
  });

  it('composes the publish and deliver_get rates the same way, floats for avg', () => {
    expect(rabbitmqScaler.read(parse({ mode: 'MessageRate', value: '10' }), queues())).toMatchObject({ metricValue: 3.5 });
    // 3.5 / 3 msg/s, as the HPA gets it (GenerateMetricInMili: whole milli-units).
    expect(rabbitmqScaler.read(parse({ mode: 'MessageRate', value: '10', operation: 'avg' }), queues())).toMatchObject({ metricValue: 1.167 });
    expect(rabbitmqScaler.read(parse({ mode: 'DeliverGetRate', value: '10', operation: 'max' }), queues())).toMatchObject({ metricValue: 1 });
  });

  it('no queue matched: all 0, inactive; the reason says how many queues and how', () => {
    const none = rabbitmqScaler.read(parse(), { kind: 'queues', readings: [] });
    expect(none).toMatchObject({ metricValue: 0, isActive: false });
    expect(rabbitmqScaler.read(parse({ operation: 'max' }), queues()).reason).toContain('over 3 matching queue(s), max');
  });

  it('refuses an operation other than sum, avg or max', () => {
    expect(problems(rabbitmqScaler, { queueName: 'q', host: HTTP, useRegex: 'true', operation: 'median' }).join('\n')).toMatch(/^operation: /m);
  });

  it('no warning for useRegex, useRegex "false", or for hostFromEnv (the scenario resolves it from the target\'s env, resolve-trigger-env.ts)', () => {
    const cases: Record<string, string>[] = [{ host: HTTP, useRegex: 'true', operation: 'max', pageSize: '10' }, { host: HTTP, useRegex: 'false' }, { host: HTTP, hostFromEnv: 'X' }, { hostFromEnv: 'RABBIT_URL' }];
    expect(rabbitmqScaler.fromEnvEffects?.host).toMatch(/^protocol auto takes http/);
    for (const metadata of cases) {
      const result = rabbitmqScaler.parse({ metadata: { queueName: 'q', ...metadata } });
      expect(result.ok && result.warnings).toBeFalsy();
    }
  });

  it.each([
    ['useRegex over amqp', { host: AMQP, useRegex: 'true' }, 'useRegex: configure useRegex=true only with HTTP protocol'],
    ['pageSize 0', { host: HTTP, pageSize: '0' }, 'pageSize: pageSize should be 1 or greater, got "0"'],
  ])('rejects %s, as validateTrigger does', (_name, metadata, problem) => {
    expect(problems(rabbitmqScaler, { queueName: 'q', ...metadata })).toContain(problem);
  });
});

describe('the deliver_get modes of KEDA 2.18 (GetMetricsAndActivity)', () => {
  const read = (mode: string, r: { publish: number; deliver: number; messages: number }, activationValue = '2') =>
    rabbitmqScaler.read(
      parseOk(rabbitmqScaler, { queueName: 'q', host: HTTP, mode, value: '10', activationValue, excludeUnacknowledged: 'true' }),
      queue({ messages: r.messages, publishRatePerSecond: r.publish, deliverRatePerSecond: r.deliver }),
    );

  it.each([
    ['DeliverGetRate', { publish: 5, deliver: 3, messages: 0 }, 3, true],
    ['DeliverGetRate at activation', { publish: 5, deliver: 2, messages: 0 }, 2, false],
    ['PublishedToDeliveredRatio', { publish: 6, deliver: 4, messages: 0 }, 1.5, false],
    ['PublishedToDeliveredRatio, nothing delivered: activationValue, active', { publish: 6, deliver: 0, messages: 0 }, 2, true],
    ['PublishedToDeliveredRatio, nothing published', { publish: 0, deliver: 4, messages: 0 }, 0, false],
    // (5 − 4) / 4 + 20 / 4 = 5.25 s.
    ['ExpectedQueueConsumptionTime', { publish: 5, deliver: 4, messages: 20 }, 5.25, true],
    ['ExpectedQueueConsumptionTime, nobody consuming: activationValue, active', { publish: 5, deliver: 0, messages: 20 }, 2, true],
    ['ExpectedQueueConsumptionTime, empty queue (#8033): 0, inactive', { publish: 0, deliver: 0, messages: 0 }, 0, false],
  ])('%s', (_name, r, metricValue, isActive) => {
    const mode = _name.split(' ')[0]!.replace(',', '');
    expect(read(mode, r)).toMatchObject({ metricValue, isActive });
  });

  it('the simulated queue reports its consumers\' rate as the deliver rate', () => {
    const t = parseOk(rabbitmqScaler, { queueName: 'q', host: HTTP, mode: 'DeliverGetRate', value: '10' });
    expect(rabbitmqScaler.read(t, queue({ deliverRatePerSecond: 7.5 })).metricValue).toBe(7.5);
    expect(rabbitmqScaler.read(t, queue({})).metricValue).toBe(0);
  });
});
