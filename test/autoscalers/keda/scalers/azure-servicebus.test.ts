/**
 * The azure-servicebus trigger: Validate's entity rules and messages (TestParseServiceBusMetadata's
 * rows the metadata decides), the regex check, performOperation, metric names, and the active count
 * (waiting + peek-locked) against activationMessageCount.
 */
import { describe, expect, it } from 'vitest';
import { generateMetricNameWithIndex, scalerMetricName } from '../../../../src/autoscalers/keda/metric-name.js';
import { azureServiceBusScaler, combineActiveCounts } from '../../../../src/autoscalers/keda/scalers/azure-servicebus.js';
import { parseOk, problems, queue } from './helpers.js';

const Q = { queueName: 'testqueue', connectionFromEnv: 'none' };
const T = { topicName: 'testtopic', subscriptionName: 'testsubscription', connectionFromEnv: 'none' };

describe('azure-servicebus scaler', () => {
  it.each([
    ['nothing', {}, ['queueName: no service bus entity type set: expected queueName, or topicName with subscriptionName']],
    ['a queue', Q, []],
    ['a queue with messageCount', { ...Q, messageCount: '1000' }, []],
    ['a subscription', T, []],
    ['a queue and a topic', { ...Q, topicName: 'testtopic' }, ['topicName: both topic and queue name metadata provided']],
    ['a queue and a subscription', { ...Q, subscriptionName: 'testsubscription' }, ['subscriptionName: subscription name provided with queue name']],
    ['a topic alone', { topicName: 'testtopic' }, ['subscriptionName: no subscription name provided with topic name']],
    ['a subscription alone', { subscriptionName: 'testsubscription' }, ['queueName: no service bus entity type set: expected queueName, or topicName with subscriptionName']],
    ['activationMessageCount not an integer', { ...Q, messageCount: '1000', activationMessageCount: 'AA' }, ['activationMessageCount: expected an integer, got "AA"']],
    ['useRegex not a bool', { ...Q, useRegex: 'ababa' }, ['useRegex: expected true or false, got "ababa"']],
    ['useRegex false', { ...Q, useRegex: 'false' }, []],
    ['useRegex with avg', { ...Q, useRegex: 'true', operation: 'avg' }, []],
    ['useRegex without an operation (sum)', { ...Q, useRegex: 'true' }, []],
    ['an operation outside the enum', { ...Q, useRegex: 'true', operation: 'random' }, ['operation: parameter "operation" value "random" must be one of [sum max avg]']],
    ['a Unicode class Go takes and scalesim cannot carry', { ...Q, queueName: '\\pL+', useRegex: 'true' }, ['queueName: queueName "\\pL+" is a Go regular expression scalesim cannot evaluate as Go does: Unicode classes ("\\p") are not carried over']],
    ['queueName "*" as a regex', { ...Q, queueName: '*', useRegex: 'true', operation: 'avg' }, [expect.stringMatching(/^queueName: queueName is not a valid regular expression/)]],
    ['subscriptionName "*" as a regex', { ...T, subscriptionName: '*', useRegex: 'true' }, [expect.stringMatching(/^subscriptionName: subscriptionName is not a valid regular expression/)]],
    ['a look-ahead (not RE2)', { ...Q, queueName: 'orders(?=-eu)', useRegex: 'true' }, ['queueName: queueName is not a valid regular expression (invalid or unsupported Perl syntax: "(?=")']],
  ])('%s', (_name, metadata, expected) => {
    expect(problems(azureServiceBusScaler, metadata)).toEqual(expected);
  });

  it('names the metric after the queue or the topic, not the subscription (TestAzServiceBusGetMetricSpecForScaling)', () => {
    expect(generateMetricNameWithIndex(0, scalerMetricName(parseOk(azureServiceBusScaler, Q)))).toBe('s0-azure-servicebus-testqueue');
    expect(generateMetricNameWithIndex(1, scalerMetricName(parseOk(azureServiceBusScaler, T)))).toBe('s1-azure-servicebus-testtopic');
    expect(scalerMetricName(parseOk(azureServiceBusScaler, { ...Q, useRegex: 'true' }))).toBe('azure-servicebus-queue-regex');
    expect(scalerMetricName(parseOk(azureServiceBusScaler, { ...T, useRegex: 'true' }))).toBe('azure-servicebus-topic-regex');
  });

  it('targets messageCount (default 5) and reads a queue, or a subscription through its topic', () => {
    expect(parseOk(azureServiceBusScaler, Q).hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 5000 });
    expect(parseOk(azureServiceBusScaler, Q).needs).toEqual({ kind: 'queue', queueName: 'testqueue' });
    expect(parseOk(azureServiceBusScaler, T).needs).toEqual({ kind: 'queue', queueName: 'testtopic' });
    expect(parseOk(azureServiceBusScaler, { ...Q, queueName: 'orders-.*', useRegex: 'true' }).needs).toEqual({ kind: 'queue', queueName: 'orders-.*', regex: { syntax: 're2' } });
  });

  it('warns that a subscription regex is not evaluated (one subscription per topic)', () => {
    const result = azureServiceBusScaler.parse({ metadata: { ...T, subscriptionName: 'sub-.*', useRegex: 'true' } });
    expect(result.ok && result.warnings?.map((w) => w.field)).toEqual(['subscriptionName']);
  });

  it('counts waiting and peek-locked messages as active; activation is strict', () => {
    const t = parseOk(azureServiceBusScaler, { ...Q, activationMessageCount: '10' });
    expect(azureServiceBusScaler.read(t, queue({ messages: 6, unacked: 4 }))).toMatchObject({ metricValue: 10, isActive: false });
    expect(azureServiceBusScaler.read(t, queue({ messages: 6, unacked: 5 }))).toMatchObject({ metricValue: 11, isActive: true });
  });

  it('combines the matched entities by operation (performOperation)', () => {
    const matched = { kind: 'queues' as const, readings: [queue({ messages: 1 }), queue({ messages: 1, unacked: 1 }), queue({ messages: 4 })] };
    const read = (operation: string) => azureServiceBusScaler.read(parseOk(azureServiceBusScaler, { ...Q, useRegex: 'true', operation }), matched).metricValue;
    expect(read('sum')).toBe(7);
    expect(read('max')).toBe(4);
    expect(read('avg')).toBe(2);
    expect(read('sum,max')).toBe(0);
    expect(azureServiceBusScaler.read(parseOk(azureServiceBusScaler, { ...Q, useRegex: 'true' }), { kind: 'queues', readings: [] }).metricValue).toBe(0);
  });

  it.each([
    [[1, 2, 4], 'avg', 2],
    [[1, 2, 4], 'sum', 7],
    [[1, 2, 4], 'max', 4],
    [[], 'max', 0],
    [[], 'avg', 0],
    [[3, 4], 'avg', 3],
    [[5], 'sum,max', 0],
  ])('performOperation(%j, %s) = %d', (counts, operation, expected) => {
    expect(combineActiveCounts(counts, operation)).toBe(expected);
  });
});
