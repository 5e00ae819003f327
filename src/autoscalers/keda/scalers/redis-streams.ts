/**
 * The Redis Streams triggers `redis-streams`, `redis-cluster-streams` and `redis-sentinel-streams`
 * (pkg/scalers/redis_streams_scaler.go, KEDA v2.18; one parser, the client differs). `stream` is
 * required; Validate picks the count from `consumerGroup` and `lagCount`:
 * - a consumerGroup and a lagCount other than 0: the group's lag (XINFO GROUPS) against lagCount;
 * - a consumerGroup, no lagCount (or "0"): its pending entries (XPENDING) against
 *   `pendingEntriesCount` (default 5);
 * - no consumerGroup: the stream's length (XLEN) against `streamLength` (default 5), whatever
 *   lagCount and pendingEntriesCount say.
 * Every mode is active when the count is strictly above `activationLagCount` (default 0). Nothing
 * checks the targets' sign (a target of 0 or less then fails the generated HPA's validation, so it
 * is refused here). The metric is `s<index>-redis-streams-<stream>`, without the group.
 * In the simulation the stream is the scenario queue named `stream`: its entries not yet delivered
 * to the group are the waiting messages (the lag), the pending ones those consumers hold (unacked),
 * and XLEN both, as for consumers that XDEL each entry once processed. Upstream's lag reads need
 * Redis 7 ("redis version 7+ required for lag"): the simulated server is taken to be 7 or later.
 * The addresses and credentials are not read.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, QueueReading, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { thresholdResult, unusableReading } from './scaler-result.js';

export type RedisStreamsMode = 'pending' | 'length' | 'lag';

interface RedisStreamsConfig {
  metricName: string;
  stream: string;
  mode: RedisStreamsMode;
  target: number;
  activationLagCount: number;
}

export const REDIS_STREAMS_DEFAULTS = Object.freeze({
  /** pendingEntriesCount (keda:"default=5") */
  pendingEntriesCount: 5,
  /** streamLength (keda:"default=5") */
  streamLength: 5,
  /** activationLagCount (keda:"default=0") */
  activationLagCount: 0,
});

/** What each mode counts in a queue reading, and how the decision log names it. */
const COUNTS: Readonly<Record<RedisStreamsMode, { what: string; count: (q: QueueReading) => number }>> = Object.freeze({
  pending: { what: 'pending entries (XPENDING)', count: (q) => q.unacked },
  length: { what: 'stream length (XLEN)', count: (q) => q.messages + q.unacked },
  lag: { what: 'consumer group lag', count: (q) => q.messages },
});

function streamsScaler(type: string): ScalerDefinition {
  return {
    type,
    parse(trigger) {
      const reader = new MetadataReader(trigger.metadata);
      const targetType = readExternalTargetType(trigger.metricType, reader);
      const stream = reader.requiredString('stream', 'the stream name');
      const whole = { integer: true };
      const pending = reader.number('pendingEntriesCount', whole, REDIS_STREAMS_DEFAULTS.pendingEntriesCount) ?? REDIS_STREAMS_DEFAULTS.pendingEntriesCount;
      const length = reader.number('streamLength', whole, REDIS_STREAMS_DEFAULTS.streamLength) ?? REDIS_STREAMS_DEFAULTS.streamLength;
      const lag = reader.number('lagCount', whole, 0) ?? 0;
      reader.number('databaseIndex', whole, 0);
      reader.boolean('enableTLS', false);
      const mode: RedisStreamsMode = !reader.has('consumerGroup') ? 'length' : lag !== 0 ? 'lag' : 'pending';
      const [key, target] = mode === 'lag' ? ['lagCount', lag] : mode === 'pending' ? ['pendingEntriesCount', pending] : ['streamLength', length];
      // Only the chosen mode's target reaches the HPA; upstream takes any int64, and the HPA's validation refuses one of 0 or less.
      if (target <= 0 && reader.problems.every((p) => p.field !== key)) {
        reader.problem(key, `expected an integer > 0 (the ${mode} target the generated HPA divides by), got "${reader.raw(key) ?? target}"`);
      }
      const config: RedisStreamsConfig = {
        metricName: normalizeMetricName(`redis-streams-${stream}`),
        stream,
        mode,
        target,
        activationLagCount: reader.number('activationLagCount', { integer: true }, REDIS_STREAMS_DEFAULTS.activationLagCount) ?? 0,
      };
      return reader.finish(() => ({
        type,
        config: { ...config },
        hpaTarget: externalMetricTarget(targetType, config.target),
        needs: { kind: 'queue', queueName: stream },
      }));
    },
    /** A `queue` reading: the lag is the waiting messages, the pending entries the unacked ones, XLEN both. */
    read(trigger: ParsedTrigger, reading) {
      if (reading.kind !== 'queue') return unusableReading(type, 'queue', reading);
      const config = trigger.config as unknown as RedisStreamsConfig;
      const { what, count } = COUNTS[config.mode];
      const value = count(reading);
      return thresholdResult(what, value, value, config.activationLagCount);
    },
  };
}

export const redisStreamsScaler = streamsScaler('redis-streams');
export const redisClusterStreamsScaler = streamsScaler('redis-cluster-streams');
export const redisSentinelStreamsScaler = streamsScaler('redis-sentinel-streams');
