/**
 * The gcp-pubsub trigger: TestPubSubParseMetadata's rows the metadata decides, the deprecated
 * subscriptionSize override, snakeCase and getResourceData, metric names, and what each mode reads.
 */
import { describe, expect, it } from 'vitest';
import { generateMetricNameWithIndex, scalerMetricName } from '../../../../src/autoscalers/keda/metric-name.js';
import { gcpPubSubScaler, pubSubResourceId, pubSubSnakeCase } from '../../../../src/autoscalers/keda/scalers/gcp-pubsub.js';
import { parseOk, problems, queue } from './helpers.js';

const CREDS = { credentialsFromEnv: 'SAMPLE_CREDS' };
const EXACTLY_ONE = 'exactly one of subscription or topic name must be given';

describe('gcp-pubsub scaler', () => {
  it.each([
    ['empty', {}, [`subscriptionName: ${EXACTLY_ONE}`]],
    ['the deprecated subscriptionSize', { subscriptionName: 'mysubscription', subscriptionSize: '7', ...CREDS }, []],
    ['subscriptionName, value and activationValue', { subscriptionName: 'mysubscription', value: '7', activationValue: '5', ...CREDS }, []],
    ['mode OldestUnackedMessageAge', { subscriptionName: 'mysubscription', mode: 'OldestUnackedMessageAge', value: '7', ...CREDS }, []],
    ['an empty subscriptionName', { subscriptionName: '', value: '7', ...CREDS }, [`subscriptionName: ${EXACTLY_ONE}`]],
    ['value not a number', { subscriptionName: 'mysubscription', value: 'AA', ...CREDS }, ['value: expected a number > 0, got "AA"']],
    ['mode not checked: no subscription is the error', { subscriptionName: '', mode: 'AA', value: '7', ...CREDS }, [`subscriptionName: ${EXACTLY_ONE}`]],
    ['activationValue not a number', { subscriptionName: 'mysubscription', value: '7', activationValue: 'AA', ...CREDS }, ['activationValue: expected a number, got "AA"']],
    ['a full link to a subscription', { subscriptionName: 'projects/myproject/subscriptions/mysubscription', subscriptionSize: '7', ...CREDS }, []],
    ['float value and activationValue', { subscriptionName: 'mysubscription', value: '7.1', activationValue: '2.1', ...CREDS }, []],
    ['a topic with another metric', { topicName: 'mytopic', mode: 'MessageSizes', value: '7', ...CREDS }, []],
    ['both a subscription and a topic', { subscriptionName: 'mysubscription', topicName: 'mytopic', ...CREDS }, [`topicName: ${EXACTLY_ONE}`]],
    ['subscriptionSize with a topic', { subscriptionSize: '7', topicName: 'mytopic', ...CREDS }, ['subscriptionSize: you cannot use subscriptionSize field together with topicName field. Use subscriptionName field instead']],
    ['a name from the env (resolved later)', { subscriptionNameFromEnv: 'MY_ENV_SUBSCRIPTION', ...CREDS }, []],
    ['the metadata name wins over its FromEnv', { subscriptionName: 'mysubscription', subscriptionNameFromEnv: 'MY_ENV_SUBSCRIPTION', ...CREDS }, []],
    ['subscriptionSize not an integer', { subscriptionName: 's', subscriptionSize: '7.5' }, ['subscriptionSize: expected an integer, got "7.5"']],
    ['timeHorizon not a duration', { subscriptionName: 's', timeHorizon: 'soon' }, ['timeHorizon: expected a duration such as 2m or 90s (or whole seconds), got "soon"']],
    ['timeHorizon 90s', { subscriptionName: 's', timeHorizon: '90s' }, []],
  ])('%s', (_name, metadata, expected) => {
    expect(problems(gcpPubSubScaler, metadata)).toEqual(expected);
  });

  it('subscriptionSize forces mode SubscriptionSize and the target, whatever mode and value say', () => {
    const t = parseOk(gcpPubSubScaler, { subscriptionName: 's', subscriptionSize: '7', mode: 'OldestUnackedMessageAge', value: '100' });
    expect(t.config).toMatchObject({ mode: 'SubscriptionSize', value: 7, metricType: 'pubsub.googleapis.com/subscription/num_undelivered_messages' });
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 7000 });
  });

  it('subscriptionSize replaces value, so a value of 0 beside it is no target and is taken', () => {
    expect(parseOk(gcpPubSubScaler, { subscriptionName: 's', subscriptionSize: '7', value: '0' }).hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 7000 });
    expect(problems(gcpPubSubScaler, { subscriptionName: 's', value: '0' })).toEqual(['value: expected a number > 0, got "0"']);
  });

  it('NumUndeliveredMessages is SubscriptionSize under its own name: read from the queue', () => {
    const t = parseOk(gcpPubSubScaler, { subscriptionName: 'orders', mode: 'NumUndeliveredMessages' });
    expect(t.needs).toEqual({ kind: 'queue', queueName: 'orders' });
    expect(gcpPubSubScaler.read(t, queue({ messages: 6, unacked: 5 })).metricValue).toBe(11);
  });

  it('defaults: mode SubscriptionSize, value 10 (TestPubSubMetadataDefaultValues)', () => {
    for (const metadata of [{ subscriptionName: 's' }, { subscriptionName: 's', mode: 'SubscriptionSize' }] as Record<string, string>[]) {
      const t = parseOk(gcpPubSubScaler, metadata);
      expect(t.config).toMatchObject({ mode: 'SubscriptionSize', value: 10 });
      expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 10000 });
    }
  });

  it.each([
    ['PullAckRequestCount', 'pull_ack_request_count'],
    ['AckLatencies', 'ack_latencies'],
    ['AckMessageCount', 'ack_message_count'],
    ['BacklogBytes', 'backlog_bytes'],
    ['NumOutstandingMessages', 'num_outstanding_messages'],
    ['NumUndeliveredMessages', 'num_undelivered_messages'],
    ['OldestUnackedMessageAge', 'oldest_unacked_message_age'],
  ])('snakeCase(%s) = %s', (mode, snake) => {
    expect(pubSubSnakeCase(mode)).toBe(snake);
  });

  it.each([
    ['projects/myproject/subscriptions/mysubscription', 'mysubscription'],
    ['projects/myproject/mysubscription', 'projects/myproject/mysubscription'],
    ['projects/myproject/topics/mytopic', 'mytopic'],
    ['myEnvSubscription', 'myEnvSubscription'],
  ])('getResourceData(%s) = %s', (name, id) => {
    expect(pubSubResourceId(name)).toBe(id);
  });

  it('names the metric after the name as written', () => {
    expect(generateMetricNameWithIndex(1, scalerMetricName(parseOk(gcpPubSubScaler, { subscriptionName: 'mysubscription', subscriptionSize: '7' })))).toBe('s1-gcp-ps-mysubscription');
    expect(generateMetricNameWithIndex(0, scalerMetricName(parseOk(gcpPubSubScaler, { topicName: 'mytopic', mode: 'MessageSizes' })))).toBe('s0-gcp-ps-mytopic');
    expect(scalerMetricName(parseOk(gcpPubSubScaler, { subscriptionName: 'projects/p1/subscriptions/orders' }))).toBe('gcp-ps-projects-p1-subscriptions-orders');
  });

  it('reads a subscription from its queue: size = waiting + unacked; the oldest unacked age in whole seconds', () => {
    const size = parseOk(gcpPubSubScaler, { subscriptionName: 'projects/p1/subscriptions/orders', activationValue: '10' });
    expect(size.needs).toEqual({ kind: 'queue', queueName: 'orders' });
    expect(gcpPubSubScaler.read(size, queue({ messages: 6, unacked: 4 }))).toMatchObject({ metricValue: 10, isActive: false });
    expect(gcpPubSubScaler.read(size, queue({ messages: 6, unacked: 5 }))).toMatchObject({ metricValue: 11, isActive: true });
    const age = parseOk(gcpPubSubScaler, { subscriptionName: 'orders', mode: 'OldestUnackedMessageAge', value: '60', activationValue: '30' });
    expect(gcpPubSubScaler.read(age, queue({ messages: 6, oldestUnackedAgeSeconds: 30.9 }))).toMatchObject({ metricValue: 30, isActive: false });
    expect(gcpPubSubScaler.read(age, queue({ messages: 6, oldestUnackedAgeSeconds: 31 }))).toMatchObject({ metricValue: 31, isActive: true });
  });

  it('reads every other metric, and topic metrics, from a series; a gap is valueIfNull or an error', () => {
    const topic = parseOk(gcpPubSubScaler, { topicName: 'mytopic', mode: 'SendRequestCount', value: '100' });
    expect(topic.needs).toEqual({ kind: 'series' });
    expect(gcpPubSubScaler.read(topic, { kind: 'value', value: 250 })).toMatchObject({ metricValue: 250, isActive: true });
    expect(gcpPubSubScaler.read(topic, { kind: 'value', value: null }).error).toMatch(/could not find stackdriver metric pubsub.googleapis.com\/topic\/send_request_count/);
    const withDefault = parseOk(gcpPubSubScaler, { subscriptionName: 's', mode: 'BacklogBytes', valueIfNull: '0' });
    expect(withDefault.needs).toEqual({ kind: 'series' });
    expect(gcpPubSubScaler.read(withDefault, { kind: 'value', value: null })).toMatchObject({ metricValue: 0, isActive: false });
  });

  it('an aggregation KEDA cannot build a query with fails every read (warned at parse)', () => {
    const result = gcpPubSubScaler.parse({ metadata: { subscriptionName: 's', aggregation: 'percentile101' } });
    expect(result.ok && result.warnings?.map((w) => w.message)).toEqual(['KEDA builds no query with it: every read fails ("invalid percentile value: 101")']);
    const t = parseOk(gcpPubSubScaler, { subscriptionName: 's', aggregation: 'average' });
    expect(gcpPubSubScaler.read(t, queue({ messages: 3 })).error).toBe('unsupported aggregation function: average');
    expect(problems(gcpPubSubScaler, { subscriptionName: 's', aggregation: 'percentile99' })).toEqual([]);
    expect(gcpPubSubScaler.read(parseOk(gcpPubSubScaler, { subscriptionName: 's', aggregation: 'sum' }), queue({ messages: 3 })).error).toBeUndefined();
  });
});
