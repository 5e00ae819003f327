/**
 * The `kafka` trigger (pkg/scalers/kafka_scaler.go): total consumer lag against `lagThreshold`
 * (default 10), capped by partitions; active when the uncapped lag is strictly above `activationLagThreshold`.
 * `partitionLimitation` (`0,1,4-6`) keeps only the listed partition ids (getTopicPartitions,
 * isActivePartition): the lag, the cap and the even distribution count those alone, and a topic
 * left with none fails the read ("expected at least one active partition within the topic").
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition, ScalerReading } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { calculateKafkaLag, type KafkaLagSettings } from './kafka-lag.js';
import { MetadataReader } from './metadata-reader.js';
import { failedRead, thresholdResult, unusableReading } from './scaler-result.js';

export const KAFKA_DEFAULTS = Object.freeze({
  /** lagThreshold (defaultKafkaLagThreshold = 10) */
  lagThreshold: 10,
  /** activationLagThreshold (defaultKafkaActivationLagThreshold = 0) */
  activationLagThreshold: 0,
  /** offsetResetPolicy (defaultOffsetResetPolicy = latest) */
  offsetResetPolicy: 'latest' as const,
  /** scaleToZeroOnInvalidOffset (default false) */
  scaleToZeroOnInvalidOffset: false,
});

interface KafkaConfig extends KafkaLagSettings {
  metricName: string;
  activationLagThreshold: number;
  /** partitionLimitation: the partition ids counted (all when unset). */
  partitionLimitation?: readonly number[];
  /** Set on the parsed trigger when the metadata names one. */
  topic?: string;
}

type QueueReading = Extract<ScalerReading, { kind: 'queue' }>;

/** The reading's partitions whose ids `ids` lists (ids are the partitions' positions, 0 first). */
function limitPartitions(reading: QueueReading, ids: readonly number[]): Pick<QueueReading, 'partitionLags' | 'partitionsMoved' | 'invalidOffsets'> {
  const keep = new Set(ids);
  const kept = <T>(list: readonly T[] | undefined): T[] | undefined => list?.filter((_, i) => keep.has(i));
  const limited: Pick<QueueReading, 'partitionLags' | 'partitionsMoved' | 'invalidOffsets'> = { partitionLags: kept(reading.partitionLags)! };
  const moved = kept(reading.partitionsMoved);
  if (moved !== undefined) limited.partitionsMoved = moved;
  const invalid = kept(reading.invalidOffsets);
  if (invalid !== undefined) limited.invalidOffsets = invalid;
  return limited;
}

/** The kafkaMetadata.Validate rules on flag combinations (a topic from the env is taken to be there). */
function checkFlagCombinations(reader: MetadataReader, c: KafkaLagSettings, topic: string | undefined): void {
  if (c.allowIdleConsumers && c.limitToPartitionsWithLag) reader.problem('limitToPartitionsWithLag', 'allowIdleConsumers and limitToPartitionsWithLag cannot be set simultaneously');
  if (c.limitToPartitionsWithLag && c.ensureEvenDistributionOfPartitions) {
    reader.problem('ensureEvenDistributionOfPartitions', 'limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot be set simultaneously');
  }
  if (topic === undefined && !reader.has('topicFromEnv') && (c.limitToPartitionsWithLag || c.ensureEvenDistributionOfPartitions)) {
    reader.problem('topic', 'required: limitToPartitionsWithLag and ensureEvenDistributionOfPartitions need a topic');
  }
}

export const kafkaScaler: ScalerDefinition = {
  type: 'kafka',
  fromEnvEffects: {
    topic: "the lag is read from the consumer group's queue and the metric is named after the group, as without a topic",
    consumerGroup: 'the lag is read from the queue the topic names',
  },
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const topic = reader.raw('topic');
    const group = reader.raw('consumerGroup');
    const config: KafkaConfig = {
      metricName: normalizeMetricName(topic !== undefined ? `kafka-${topic}` : `kafka-${group ?? ''}-topics`),
      lagThreshold: reader.number('lagThreshold', { integer: true, min: 0, exclusive: true }, KAFKA_DEFAULTS.lagThreshold) ?? KAFKA_DEFAULTS.lagThreshold,
      activationLagThreshold: reader.number('activationLagThreshold', { integer: true, min: 0 }, KAFKA_DEFAULTS.activationLagThreshold) ?? 0,
      allowIdleConsumers: reader.boolean('allowIdleConsumers', false),
      excludePersistentLag: reader.boolean('excludePersistentLag', false),
      limitToPartitionsWithLag: reader.boolean('limitToPartitionsWithLag', false),
      ensureEvenDistributionOfPartitions: reader.boolean('ensureEvenDistributionOfPartitions', false),
    };
    config.offsetResetPolicy = reader.choice('offsetResetPolicy', ['latest', 'earliest'] as const, KAFKA_DEFAULTS.offsetResetPolicy);
    config.scaleToZeroOnInvalidOffset = reader.boolean('scaleToZeroOnInvalidOffset', KAFKA_DEFAULTS.scaleToZeroOnInvalidOffset);
    const partitionLimitation = reader.intList('partitionLimitation');
    // Validate: `if m.Topic == "" { m.PartitionLimitation = nil }`.
    if (partitionLimitation !== undefined && topic !== undefined) config.partitionLimitation = partitionLimitation;
    if (topic === undefined && !reader.has('topicFromEnv')) reader.warnIfSet('partitionLimitation', 'KEDA ignores partitionLimitation without a topic (Validate sets it to nil): every partition of the group counts');
    checkFlagCombinations(reader, config, topic);
    return reader.finish(() => ({
      type: 'kafka',
      config: { ...config, ...(topic === undefined ? {} : { topic }), ...(group === undefined ? {} : { consumerGroup: group }) },
      hpaTarget: externalMetricTarget(targetType, config.lagThreshold),
      // Without a topic KEDA reads every topic of the group; the simulation reads the group's queue.
      needs: { kind: 'queue', queueName: topic ?? group ?? '' },
    }));
  },
  /**
   * excludePersistentLag's memory (getLagForPartition's previousOffsets): a partition moved unless its
   * consumer offset equals the one the previous read saw; the first read of a partition counts it.
   */
  readingMemory(trigger: ParsedTrigger) {
    if (!(trigger.config as unknown as KafkaConfig).excludePersistentLag) return (reading) => reading;
    let previous: readonly number[] | undefined;
    return (reading) => {
      if (reading.kind !== 'queue' || reading.consumerOffsets === undefined) return reading;
      const offsets = reading.consumerOffsets;
      const partitionsMoved = offsets.map((offset, i) => previous?.[i] === undefined || previous[i] !== offset);
      previous = offsets;
      return { ...reading, partitionsMoved };
    };
  },
  /** A `queue` reading: `partitionLags` (one entry per partition), optional `partitionsMoved` and `invalidOffsets`. */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'queue') return unusableReading('kafka', 'queue', reading);
    const config = trigger.config as unknown as KafkaConfig;
    const partitions = config.partitionLimitation === undefined ? reading : limitPartitions(reading, config.partitionLimitation);
    if (partitions.partitionLags.length === 0) return failedRead(`expected at least one active partition within the topic '${config.topic ?? ''}' (partitionLimitation ${config.partitionLimitation?.join(',') ?? ''})`);
    const lag = calculateKafkaLag(partitions.partitionLags, partitions.partitionsMoved, config, partitions.invalidOffsets);
    const note =
      lag.cappedAt === undefined
        ? ` over ${lag.partitionCount} partitions`
        : ` (uncapped ${lag.totalLagWithPersistent}; ${lag.partitionCount} partitions, ${lag.partitionsWithLag} with lag, lagThreshold ${config.lagThreshold})`;
    return thresholdResult('consumer lag', lag.totalLag, lag.totalLagWithPersistent, config.activationLagThreshold, note);
  },
};
