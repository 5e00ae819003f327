/**
 * The `redis` list trigger (pkg/scalers/redis_scaler.go): LLEN of `listName` against `listLength`
 * (default 5), active when strictly above `activationListLength` (default 0). `redis-cluster` and
 * `redis-sentinel` (buildScaler's isClustered and isSentinel) parse the same metadata and read the
 * same length (only the client differs: every address, or the addresses as sentinels); all three
 * name the metric `s<index>-redis-<listName>`. The addresses are not read.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { thresholdResult, unusableReading } from './scaler-result.js';

interface RedisConfig {
  metricName: string;
  listLength: number;
  activationListLength: number;
}

export const REDIS_DEFAULTS = Object.freeze({
  /** listLength (defaultListLength = 5) */
  listLength: 5,
  /** activationListLength (defaultActivationListLength = 0) */
  activationListLength: 0,
});

/** The list scaler under trigger type `type` (redis, redis-cluster, redis-sentinel). */
function redisListScaler(type: string): ScalerDefinition {
  return {
    type,
    parse(trigger) {
      const reader = new MetadataReader(trigger.metadata);
      const targetType = readExternalTargetType(trigger.metricType, reader);
      // Required upstream (TypedConfig), read as prometheus's query and mysql's are: the spec's
      // vectors leave such source names out, and a scenario names the list's queue anyway (a trigger
      // without one is refused where its queue is resolved: "names no queue").
      const listName = reader.raw('listName') ?? '';
      const config: RedisConfig = {
        metricName: normalizeMetricName(`redis-${listName}`),
        listLength: reader.number('listLength', { integer: true, min: 0, exclusive: true }, REDIS_DEFAULTS.listLength) ?? REDIS_DEFAULTS.listLength,
        activationListLength: reader.number('activationListLength', { integer: true }, REDIS_DEFAULTS.activationListLength) ?? 0,
      };
      return reader.finish(() => ({
        type,
        config: { ...config, listName },
        hpaTarget: externalMetricTarget(targetType, config.listLength),
        needs: { kind: 'queue', queueName: listName },
      }));
    },
    /** A `queue` reading: the list length is the queue's `messages`. */
    read(trigger: ParsedTrigger, reading) {
      if (reading.kind !== 'queue') return unusableReading(type, 'queue', reading);
      const config = trigger.config as unknown as RedisConfig;
      return thresholdResult('list length', reading.messages, reading.messages, config.activationListLength);
    },
  };
}

export const redisScaler = redisListScaler('redis');
export const redisClusterScaler = redisListScaler('redis-cluster');
export const redisSentinelScaler = redisListScaler('redis-sentinel');
