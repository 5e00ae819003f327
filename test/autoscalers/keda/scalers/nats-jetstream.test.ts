/**
 * The nats-jetstream trigger: metadata rules (nats_jetstream_scaler_test.go's testNATSJetStreamMetadata
 * rows whose outcome the metadata alone decides), the metric name, and the lag as
 * num_pending + num_ack_pending against activationLagThreshold.
 */
import { describe, expect, it } from 'vitest';
import { generateMetricNameWithIndex, scalerMetricName } from '../../../../src/autoscalers/keda/metric-name.js';
import { natsJetStreamScaler } from '../../../../src/autoscalers/keda/scalers/nats-jetstream.js';
import { parseOk, problems, queue } from './helpers.js';

const GOOD = { natsServerMonitoringEndpoint: 'localhost:8222', account: '$G', stream: 'mystream', consumer: 'pull_consumer', useHttps: 'false' };

describe('nats-jetstream scaler', () => {
  it.each([
    ['properly formed', GOOD, []],
    ['no stream', { ...GOOD, stream: '' }, ['stream: required: expected the JetStream stream name']],
    ['no consumer', { ...GOOD, consumer: '' }, ['consumer: required: expected the durable consumer name']],
    ['activationLagThreshold 10', { ...GOOD, activationLagThreshold: '10' }, []],
    ['activationLagThreshold not an integer', { ...GOOD, activationLagThreshold: 'Y' }, ['activationLagThreshold: expected an integer, got "Y"']],
    ['useHttps not a bool', { ...GOOD, useHttps: 'error' }, ['useHttps: expected true or false, got "error"']],
    ['lagThreshold 6', { ...GOOD, lagThreshold: '6' }, []],
    ['lagThreshold not an integer', { ...GOOD, lagThreshold: 'Y' }, ['lagThreshold: expected an integer > 0, got "Y"']],
  ])('%s', (_name, metadata, expected) => {
    expect(problems(natsJetStreamScaler, metadata)).toEqual(expected);
  });

  it('needs the endpoint and account or accountID, from the metadata or the TriggerAuthentication', () => {
    expect(Object.keys(natsJetStreamScaler.requiredAuthParams ?? {})).toEqual(['natsServerMonitoringEndpoint', 'account|accountID']);
  });

  it('targets lagThreshold (default 10) under s<index>-nats-jetstream-<stream>; reads the stream as its queue', () => {
    const t = parseOk(natsJetStreamScaler, GOOD);
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 10000 });
    expect(generateMetricNameWithIndex(1, scalerMetricName(t))).toBe('s1-nats-jetstream-mystream');
    expect(t.needs).toEqual({ kind: 'queue', queueName: 'mystream' });
  });

  it.each([
    ['no messages waiting: inactive', 0, 0, false],
    ['100 pending > 10: active', 100, 0, true],
    ['pending + ack pending, 6 + 4 = 10: not above 10', 6, 4, false],
    ['pending + ack pending, 6 + 5 = 11: active', 6, 5, true],
  ])('%s', (_name, messages, unacked, isActive) => {
    const t = parseOk(natsJetStreamScaler, { ...GOOD, activationLagThreshold: '10' });
    expect(natsJetStreamScaler.read(t, queue({ messages, unacked }))).toMatchObject({ metricValue: messages + unacked, isActive });
  });
});
