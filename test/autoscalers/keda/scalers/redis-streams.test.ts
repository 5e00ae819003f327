/**
 * The Redis Streams triggers (redis-streams and its cluster and sentinel types) and the list
 * trigger's cluster and sentinel types: mode selection from consumerGroup and lagCount (Validate),
 * targets, metric names, and what each mode counts in a queue reading.
 */
import { describe, expect, it } from 'vitest';
import { generateMetricNameWithIndex, scalerMetricName } from '../../../../src/autoscalers/keda/metric-name.js';
import { redisClusterScaler, redisSentinelScaler } from '../../../../src/autoscalers/keda/scalers/redis.js';
import { redisClusterStreamsScaler, redisSentinelStreamsScaler, redisStreamsScaler } from '../../../../src/autoscalers/keda/scalers/redis-streams.js';
import { parseOk, problems, queue } from './helpers.js';

const STREAMS = [redisStreamsScaler, redisClusterStreamsScaler, redisSentinelStreamsScaler];

describe.each(STREAMS.map((s) => [s.type, s] as const))('%s', (_type, scaler) => {
  it.each([
    ['stream only: length mode, streamLength 5', { stream: 'my-stream' }, { mode: 'length', target: 5 }],
    ['consumerGroup: pending mode, pendingEntriesCount 5', { stream: 's', consumerGroup: 'g' }, { mode: 'pending', target: 5 }],
    ['consumerGroup and lagCount: lag mode', { stream: 's', consumerGroup: 'g', lagCount: '6', activationLagCount: '3' }, { mode: 'lag', target: 6, activationLagCount: 3 }],
    ['lagCount "0": pending mode', { stream: 's', consumerGroup: 'g', lagCount: '0' }, { mode: 'pending', target: 5 }],
    ['activationLagCount 0 is allowed (kedacore/keda#6481)', { stream: 's', consumerGroup: 'g', lagCount: '7', activationLagCount: '0' }, { mode: 'lag', target: 7, activationLagCount: 0 }],
    ['no consumerGroup: lagCount and pendingEntriesCount ignored', { stream: 's', streamLength: '15', pendingEntriesCount: '30', lagCount: '70' }, { mode: 'length', target: 15 }],
    ['consumerGroup: streamLength ignored for lag', { stream: 's', consumerGroup: 'g', streamLength: '15', lagCount: '70' }, { mode: 'lag', target: 70 }],
    ['consumerGroup: streamLength ignored for pending', { stream: 's', consumerGroup: 'g', streamLength: '15', pendingEntriesCount: '30' }, { mode: 'pending', target: 30 }],
  ])('%s', (_name, metadata, expected) => {
    const t = parseOk(scaler, metadata);
    expect(t.config).toMatchObject(expected);
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: expected.target * 1000 });
    expect(t.needs).toEqual({ kind: 'queue', queueName: metadata.stream });
  });

  it.each([
    ['missing stream', { consumerGroup: 'g', pendingEntriesCount: '5' }, ['stream: required: expected the stream name']],
    ['lagCount not an integer', { stream: 's', consumerGroup: 'g', lagCount: 'junk' }, ['lagCount: expected an integer, got "junk"']],
    ['pendingEntriesCount not an integer', { stream: 's', consumerGroup: 'g', pendingEntriesCount: 'junk' }, ['pendingEntriesCount: expected an integer, got "junk"']],
    ['streamLength not an integer', { stream: 's', streamLength: 'junk' }, ['streamLength: expected an integer, got "junk"']],
    ['databaseIndex not an integer', { stream: 's', databaseIndex: 'junk' }, ['databaseIndex: expected an integer, got "junk"']],
    ['enableTLS not a bool', { stream: 's', enableTLS: 'no' }, ['enableTLS: expected true or false, got "no"']],
    ['the chosen target 0 or less (the HPA refuses it)', { stream: 's', consumerGroup: 'g', lagCount: '-1' }, ['lagCount: expected an integer > 0 (the lag target the generated HPA divides by), got "-1"']],
    ['a target of another mode may be 0', { stream: 's', consumerGroup: 'g', streamLength: '0' }, []],
  ])('refuses %s', (_name, metadata, expected) => {
    expect(problems(scaler, metadata)).toEqual(expected);
  });

  it('names the metric s<index>-redis-streams-<stream>, without the group', () => {
    expect(generateMetricNameWithIndex(1, scalerMetricName(parseOk(scaler, { stream: 'my-stream', consumerGroup: 'g' })))).toBe('s1-redis-streams-my-stream');
  });

  it('reads the lag as the waiting entries, pending as the unacked, XLEN as both', () => {
    const reading = queue({ messages: 4, unacked: 2 });
    expect(scaler.read(parseOk(scaler, { stream: 's', consumerGroup: 'g', lagCount: '7', activationLagCount: '3' }), reading)).toMatchObject({ metricValue: 4, isActive: true });
    expect(scaler.read(parseOk(scaler, { stream: 's', consumerGroup: 'g', activationLagCount: '3' }), reading)).toMatchObject({ metricValue: 2, isActive: false });
    expect(scaler.read(parseOk(scaler, { stream: 's', activationLagCount: '5' }), reading)).toMatchObject({ metricValue: 6, isActive: true });
  });

  it('activity is strictly above activationLagCount in every mode (TestActivityCount)', () => {
    const t = parseOk(scaler, { stream: 's', consumerGroup: 'g', lagCount: '7', activationLagCount: '3' });
    expect(scaler.read(t, queue({ messages: 0 })).isActive).toBe(false);
    expect(scaler.read(t, queue({ messages: 3 })).isActive).toBe(false);
    expect(scaler.read(t, queue({ messages: 4 })).isActive).toBe(true);
  });
});

describe.each([redisClusterScaler, redisSentinelScaler].map((s) => [s.type, s] as const))('%s (a list)', (type, scaler) => {
  it('parses as redis does and names the metric s<index>-redis-<listName>', () => {
    const t = parseOk(scaler, { listName: 'jobs', listLength: '10', activationListLength: '2' });
    expect(t.type).toBe(type);
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 10000 });
    expect(generateMetricNameWithIndex(0, scalerMetricName(t))).toBe('s0-redis-jobs');
    expect(scaler.read(t, queue({ messages: 3 }))).toMatchObject({ metricValue: 3, isActive: true });
    expect(problems(scaler, { listName: 'l', listLength: 'x' })).toEqual(['listLength: expected an integer > 0, got "x"']);
    // listName is required upstream; like prometheus's query it is not checked here (the scenario refuses a trigger that names no queue).
    expect(parseOk(scaler, { hosts: 'a, b, c', ports: '1, 2, 3', listLength: '5' }).needs).toEqual({ kind: 'queue', queueName: '' });
  });
});
