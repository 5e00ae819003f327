import { describe, expect, it } from 'vitest';
import { kafkaScaler } from '../../../../src/autoscalers/keda/scalers/kafka.js';
import { parseOk, problems, queue } from './helpers.js';

const read = (metadata: Record<string, string>, partitionLags: number[], partitionsMoved?: boolean[]) =>
  kafkaScaler.read(parseOk(kafkaScaler, metadata), queue({ partitionLags, ...(partitionsMoved ? { partitionsMoved } : {}) }));

describe('kafka scaler', () => {
  it('defaults: lagThreshold 10 (AverageValue 10000 milli), queue = topic', () => {
    const t = parseOk(kafkaScaler, { topic: 'orders', consumerGroup: 'g' });
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 10000 });
    expect(t.needs).toEqual({ kind: 'queue', queueName: 'orders' });
    expect(t.config.metricName).toBe('kafka-orders');
  });

  it('without a topic the metric is named after the group', () => {
    expect(parseOk(kafkaScaler, { consumerGroup: 'my.group' }).config.metricName).toBe('kafka-my-group-topics');
  });

  it.each([
    ['lagThreshold 0', { lagThreshold: '0' }, 'lagThreshold: expected an integer > 0, got "0"'],
    ['lagThreshold not an integer', { lagThreshold: '1.5' }, 'lagThreshold: expected an integer > 0, got "1.5"'],
    ['negative activationLagThreshold', { activationLagThreshold: '-1' }, 'activationLagThreshold: expected an integer ≥ 0, got "-1"'],
    ['unknown offsetResetPolicy', { offsetResetPolicy: 'oldest' }, 'offsetResetPolicy: expected one of latest, earliest, got "oldest"'],
    ['allowIdleConsumers with limitToPartitionsWithLag', { topic: 't', allowIdleConsumers: 'true', limitToPartitionsWithLag: 'true' }, 'limitToPartitionsWithLag: allowIdleConsumers and limitToPartitionsWithLag cannot be set simultaneously'],
    ['limitToPartitionsWithLag without topic', { limitToPartitionsWithLag: 'true' }, 'topic: required: limitToPartitionsWithLag and ensureEvenDistributionOfPartitions need a topic'],
  ])('rejects %s', (_name, metadata, problem) => {
    expect(problems(kafkaScaler, metadata)).toContain(problem);
  });

  it('reports every problem at once', () => {
    expect(problems(kafkaScaler, { lagThreshold: 'x', activationLagThreshold: 'y' })).toHaveLength(2);
  });

  it('caps the lag at partitions × lagThreshold; activity uses the uncapped lag', () => {
    expect(read({ lagThreshold: '10' }, [600, 300, 100])).toMatchObject({ metricValue: 30, isActive: true });
  });

  it('the cap test uses integer division: 35 / 10 = 3 is not > 3 partitions, so 35 passes', () => {
    expect(read({ lagThreshold: '10' }, [35, 0, 0]).metricValue).toBe(35);
    expect(read({ lagThreshold: '10' }, [40, 0, 0]).metricValue).toBe(30);
  });

  it('allowIdleConsumers lifts the cap', () => {
    expect(read({ lagThreshold: '10', allowIdleConsumers: 'true' }, [600, 300, 100]).metricValue).toBe(1000);
  });

  it('limitToPartitionsWithLag caps at the partitions that have lag', () => {
    expect(read({ topic: 't', lagThreshold: '10', limitToPartitionsWithLag: 'true' }, [600, 0, 0, 0]).metricValue).toBe(10);
  });

  it('partitionLimitation counts only the listed partition ids (getTopicPartitions, isActivePartition): the lag and the cap', () => {
    // Partitions 0 and 1 of 4: lag 100, capped at 2 partitions × 10 = 20 (all four would give 200 → 40).
    expect(read({ topic: 't', lagThreshold: '10', partitionLimitation: '0,1' }, [50, 50, 50, 50])).toMatchObject({ metricValue: 20, isActive: true });
    // Ranges are inclusive; ids beyond the topic's partitions match none.
    expect(read({ topic: 't', lagThreshold: '100', partitionLimitation: '1-2, 7' }, [1, 2, 4, 8]).metricValue).toBe(6);
    expect(parseOk(kafkaScaler, { topic: 't', partitionLimitation: '0,2-4' }).config.partitionLimitation).toEqual([0, 2, 3, 4]);
  });

  it('partitionLimitation leaving no partition fails the read', () => {
    expect(read({ topic: 't', partitionLimitation: '5' }, [10, 10]).error).toMatch(/^expected at least one active partition within the topic 't'/);
  });

  it('partitionLimitation trims around a range\'s dash and takes ParseInt\'s "+"; a backwards range adds nothing, with a warning', () => {
    expect(parseOk(kafkaScaler, { topic: 't', partitionLimitation: '0, 2 - 3, +5' }).config.partitionLimitation).toEqual([0, 2, 3, 5]);
    const backwards = kafkaScaler.parse({ metadata: { topic: 't', partitionLimitation: '3-1' } });
    expect(backwards.ok && backwards.trigger.config.partitionLimitation).toEqual([]);
    expect(backwards.ok && backwards.warnings).toEqual([{ field: 'partitionLimitation', message: 'the range "3-1" runs backwards: KEDA adds no partition for it' }]);
    expect(read({ topic: 't', partitionLimitation: '3-1' }, [10, 10]).error).toMatch(/^expected at least one active partition/);
  });

  it('refuses a partitionLimitation range too long to expand', () => {
    expect(problems(kafkaScaler, { topic: 't', partitionLimitation: '0-200000' })).toEqual(['partitionLimitation: the range "0-200000" lists 200001 ids; the simulation takes ranges of up to 100000 (a Kafka topic has far fewer partitions)']);
  });

  it.each(['a', '1-', '-1', '1-2-3', '1,,2'])('rejects partitionLimitation "%s"', (text) => {
    expect(problems(kafkaScaler, { topic: 't', partitionLimitation: text })[0]).toMatch(/^partitionLimitation: expected whole numbers and ranges separated by commas/);
  });

  it('ensureEvenDistributionOfPartitions rounds up to a factor of the partition count', () => {
    // 6 partitions, lag 25 / threshold 10 → 3 consumers → factor 3 → 30.
    expect(read({ topic: 't', lagThreshold: '10', ensureEvenDistributionOfPartitions: 'true' }, [25, 0, 0, 0, 0, 0]).metricValue).toBe(30);
  });

  it('activation is strict on the total lag (activationLagThreshold default 0)', () => {
    expect(read({ activationLagThreshold: '5' }, [5]).isActive).toBe(false);
    expect(read({ activationLagThreshold: '5' }, [6]).isActive).toBe(true);
    expect(read({}, [0, 0]).isActive).toBe(false);
  });

  it('excludePersistentLag: a partition that did not move adds 0 to the metric but still makes it active', () => {
    const r = read({ excludePersistentLag: 'true', allowIdleConsumers: 'true' }, [50, 20], [false, true]);
    expect(r).toMatchObject({ metricValue: 20, isActive: true });
    expect(read({ excludePersistentLag: 'true' }, [50], [false])).toMatchObject({ metricValue: 0, isActive: true });
  });

  it('without excludePersistentLag, partitionsMoved is ignored', () => {
    expect(read({ allowIdleConsumers: 'true' }, [50, 20], [false, true]).metricValue).toBe(70);
  });

  // pkg/scalers/kafka_scaler.go getLagForPartition: a partition whose group has no committed offset
  // (invalidOffset) counts 1 with offsetResetPolicy latest, its newest offset with earliest, 0 with
  // scaleToZeroOnInvalidOffset; the persistent-lag check is never reached for it.
  it.each([
    ['latest (default): 1 per partition', {}, [0, 0], [true, true], { metricValue: 2, isActive: true }],
    ['latest with scaleToZeroOnInvalidOffset: 0', { scaleToZeroOnInvalidOffset: 'true' }, [0, 0], [true, true], { metricValue: 0, isActive: false }],
    ['earliest: the newest offset in full', { offsetResetPolicy: 'earliest', allowIdleConsumers: 'true' }, [40, 7], [true, false], { metricValue: 47, isActive: true }],
    ['earliest with scaleToZeroOnInvalidOffset: 0', { offsetResetPolicy: 'earliest', scaleToZeroOnInvalidOffset: 'true' }, [40, 7], [true, false], { metricValue: 7, isActive: true }],
    ['mixed with committed partitions', {}, [7, 0, 4], [false, true, false], { metricValue: 12, isActive: true }],
    ['not subject to excludePersistentLag', { excludePersistentLag: 'true' }, [0, 5], [true, false], { metricValue: 1, isActive: true }],
  ] as const)('no committed offset, %s', (_name, metadata, partitionLags, invalidOffsets, expected) => {
    const trigger = parseOk(kafkaScaler, { lagThreshold: '10', ...metadata });
    const moved = 'excludePersistentLag' in metadata ? { partitionsMoved: [false, false] } : {};
    expect(kafkaScaler.read(trigger, queue({ partitionLags: [...partitionLags], invalidOffsets: [...invalidOffsets], ...moved }))).toMatchObject(expected);
  });

  it('rejects a scaleToZeroOnInvalidOffset that is not a boolean', () => {
    expect(problems(kafkaScaler, { scaleToZeroOnInvalidOffset: 'sometimes' })).toContain('scaleToZeroOnInvalidOffset: expected true or false, got "sometimes"');
  });
});

describe('kafka keys the simulation cannot honour', () => {
  const warnings = (metadata: Record<string, string>) => {
    const result = kafkaScaler.parse({ metadata });
    return result.ok ? (result.warnings ?? []) : [];
  };

  it('partitionLimitation without a topic is dropped, as Validate sets it to nil, with a warning', () => {
    expect(parseOk(kafkaScaler, { consumerGroup: 'g', partitionLimitation: '0' }).config.partitionLimitation).toBeUndefined();
    expect(read({ consumerGroup: 'g', lagThreshold: '100', partitionLimitation: '0' }, [1, 2]).metricValue).toBe(3);
    expect(warnings({ consumerGroup: 'g', partitionLimitation: '0' })).toEqual([{ field: 'partitionLimitation', message: expect.stringMatching(/^KEDA ignores partitionLimitation without a topic/) }]);
  });

  it('topicFromEnv: no "needs a topic" problem for the flags that need one (the env may give it); what an unresolved one loses is the scenario\'s warning', () => {
    expect(warnings({ consumerGroup: 'g', topicFromEnv: 'TOPIC', limitToPartitionsWithLag: 'true' })).toEqual([]);
    expect(Object.keys(kafkaScaler.fromEnvEffects ?? {})).toEqual(['topic', 'consumerGroup']);
  });
});

describe('excludePersistentLag between reads (getLagForPartition previousOffsets)', () => {
  const trigger = parseOk(kafkaScaler, { topic: 't', lagThreshold: '10', excludePersistentLag: 'true', allowIdleConsumers: 'true' });
  const reading = (consumerOffsets: number[], partitionLags: number[]) => queue({ partitionLags, consumerOffsets });

  it('counts a partition at its first read, then only while its consumer offset moves', () => {
    const remember = kafkaScaler.readingMemory!(trigger);
    const read = (offsets: number[], lags: number[]) => kafkaScaler.read(trigger, remember(reading(offsets, lags)));
    // First read: no previous offsets, every partition counts.
    expect(read([100, 100], [40, 60])).toMatchObject({ metricValue: 100, isActive: true });
    // Partition 0 moved (100 → 130), partition 1 did not: its 60 leave the metric but keep the trigger active.
    expect(read([130, 100], [10, 60])).toMatchObject({ metricValue: 10, isActive: true });
    // Both stuck: metric 0, still active on the uncapped lag.
    expect(read([130, 100], [10, 60])).toMatchObject({ metricValue: 0, isActive: true });
    // Partition 1 moves again.
    expect(read([130, 160], [10, 0])).toMatchObject({ metricValue: 0 });
    expect(read([140, 170], [5, 5])).toMatchObject({ metricValue: 10 });
  });

  it('each trigger keeps its own memory, and without excludePersistentLag the reading passes unchanged', () => {
    const a = kafkaScaler.readingMemory!(trigger);
    const b = kafkaScaler.readingMemory!(trigger);
    a(reading([1], [5]));
    expect(a(reading([1], [5]))).toMatchObject({ partitionsMoved: [false] });
    expect(b(reading([1], [5]))).toMatchObject({ partitionsMoved: [true] });
    const plain = parseOk(kafkaScaler, { topic: 't' });
    const r = reading([1], [5]);
    expect(kafkaScaler.readingMemory!(plain)(r)).toBe(r);
  });
});
