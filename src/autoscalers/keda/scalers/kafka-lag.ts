/**
 * Total consumer lag of a kafka trigger, mirroring pkg/scalers/kafka_scaler.go getTotalLag and
 * getLagForPartition (excludePersistentLag) plus the partition cap and ensureEvenDistributionOfPartitions.
 */

export interface KafkaLagSettings {
  lagThreshold: number;
  allowIdleConsumers: boolean;
  limitToPartitionsWithLag: boolean;
  ensureEvenDistributionOfPartitions: boolean;
  excludePersistentLag: boolean;
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
 * Lags per partition → the metric and the activity lag. With `excludePersistentLag`, a partition
 * whose offset did not move since the previous poll (`partitionsMoved[i] === false`) adds 0 to the
 * metric but its lag still counts for activity. Unless `allowIdleConsumers`, the metric is capped at
 * partitions × lagThreshold (partitionsWithLag × lagThreshold with `limitToPartitionsWithLag`); the
 * cap test uses Go integer division: trunc(totalLag / lagThreshold) > upperBound.
 */
export function calculateKafkaLag(partitionLags: readonly number[], partitionsMoved: readonly boolean[] | undefined, s: KafkaLagSettings): KafkaLag {
  let totalLag = 0;
  let totalLagWithPersistent = 0;
  let partitionsWithLag = 0;
  partitionLags.forEach((lag, i) => {
    const persistent = s.excludePersistentLag && partitionsMoved?.[i] === false;
    const counted = persistent ? 0 : lag;
    totalLag += counted;
    totalLagWithPersistent += lag;
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
