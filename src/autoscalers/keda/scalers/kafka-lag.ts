/**
 * Total consumer lag of a kafka trigger, mirroring pkg/scalers/kafka_scaler.go getTotalLag and
 * getLagForPartition (invalid consumer offsets, excludePersistentLag) plus the partition cap and
 * ensureEvenDistributionOfPartitions.
 */

export interface KafkaLagSettings {
  lagThreshold: number;
  allowIdleConsumers: boolean;
  limitToPartitionsWithLag: boolean;
  ensureEvenDistributionOfPartitions: boolean;
  excludePersistentLag: boolean;
  /** offsetResetPolicy: where a group without a committed offset would start (default latest). */
  offsetResetPolicy?: 'latest' | 'earliest';
  /** scaleToZeroOnInvalidOffset (default false). */
  scaleToZeroOnInvalidOffset?: boolean;
}

export interface KafkaLag {
  /** Lag reported to the HPA (persistent lag excluded, then capped). */
  totalLag: number;
  /** Lag counting persistent partitions, uncapped: what activity compares. */
  totalLagWithPersistent: number;
  /** Set when the cap or the even-distribution rounding changed the lag. */
  cappedAt?: number;
  partitionCount: number;
  partitionsWithLag: number;
}

/** FindFactors: the divisors of n in ascending order. */
function factorsOf(n: number): number[] {
  const factors: number[] = [];
  for (let i = 1; i <= n; i++) if (n % i === 0) factors.push(i);
  return factors;
}

/** getNextFactorThatBalancesConsumersToTopicPartitions. */
function nextBalancedFactor(totalLag: number, partitions: number, lagThreshold: number): number {
  return factorsOf(partitions).find((f) => f * lagThreshold >= totalLag) ?? partitions;
}

/**
 * getLagForPartition for a partition whose group has no committed offset (invalidOffset): lag 1 with
 * offsetResetPolicy latest (the consumer would start at the end: "probably no offset is committed
 * yet"), the partition's newest offset (`newestOffset`, all of it) with earliest, and 0 for both when
 * scaleToZeroOnInvalidOffset is set. The same value goes to the metric and to activity; the
 * excludePersistentLag check is never reached for such a partition.
 */
function invalidOffsetLag(newestOffset: number, s: KafkaLagSettings): number {
  if (s.scaleToZeroOnInvalidOffset === true) return 0;
  return (s.offsetResetPolicy ?? 'latest') === 'latest' ? 1 : newestOffset;
}

/**
 * Lags per partition → the metric and the activity lag. A partition marked in `invalidOffsets`
 * counts as invalidOffsetLag says. With `excludePersistentLag`, a partition whose offset did not
 * move since the previous poll (`partitionsMoved[i] === false`) adds 0 to the metric but its lag
 * still counts for activity. Unless `allowIdleConsumers`, the metric is capped at partitions ×
 * lagThreshold (partitionsWithLag × lagThreshold with `limitToPartitionsWithLag`); the cap test uses
 * Go integer division: trunc(totalLag / lagThreshold) > upperBound.
 */
export function calculateKafkaLag(
  partitionLags: readonly number[],
  partitionsMoved: readonly boolean[] | undefined,
  s: KafkaLagSettings,
  invalidOffsets?: readonly boolean[],
): KafkaLag {
  let totalLag = 0;
  let totalLagWithPersistent = 0;
  let partitionsWithLag = 0;
  partitionLags.forEach((lag, i) => {
    const invalid = invalidOffsets?.[i] === true;
    const withPersistent = invalid ? invalidOffsetLag(lag, s) : lag;
    const persistent = !invalid && s.excludePersistentLag && partitionsMoved?.[i] === false;
    const counted = persistent ? 0 : withPersistent;
    totalLag += counted;
    totalLagWithPersistent += withPersistent;
    if (counted > 0) partitionsWithLag++;
  });
  const partitionCount = partitionLags.length;
  const result: KafkaLag = { totalLag, totalLagWithPersistent, partitionCount, partitionsWithLag };
  if (s.allowIdleConsumers && !s.limitToPartitionsWithLag && !s.ensureEvenDistributionOfPartitions) return result;
  let upperBound = partitionCount;
  if (s.ensureEvenDistributionOfPartitions) totalLag = nextBalancedFactor(totalLag, partitionCount, s.lagThreshold) * s.lagThreshold;
  if (s.limitToPartitionsWithLag) upperBound = partitionsWithLag;
  if (Math.trunc(totalLag / s.lagThreshold) > upperBound) totalLag = upperBound * s.lagThreshold;
  if (totalLag !== result.totalLag) result.cappedAt = totalLag;
  result.totalLag = totalLag;
  return result;
}
