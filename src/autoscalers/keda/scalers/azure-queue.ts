/**
 * The `azure-queue` trigger (pkg/scalers/azure_queue_scaler.go, KEDA v2.18): a Storage queue's
 * length against `queueLength` (default 5); active when strictly above `activationQueueLength`
 * (default 0). `queueName` is required. `queueLengthStrategy` (enum all, visibleonly; default all,
 * case-sensitive, checked part by comma-separated part, so "all,visibleonly" passes and reads as
 * all): `all` reads ApproximateMessagesCount, which counts the invisible messages too
 * (dequeued by a consumer and not yet deleted); `visibleonly` peeks 32 messages and reads their
 * count when fewer than 32 are visible, else falls back to ApproximateMessagesCount, as
 * getMessageCount does (kedacore/keda#5875). The metric is `s<index>-azure-queue-<queueName>`.
 * In the simulation the visible messages are the scenario queue's waiting ones and the invisible
 * ones those its consumers hold; Storage's approximation is read exact. The connection, account
 * and cloud settings are not read.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { thresholdResult, unusableReading } from './scaler-result.js';

type Strategy = 'all' | 'visibleonly';

interface AzureQueueConfig {
  metricName: string;
  queueLength: number;
  activationQueueLength: number;
  queueLengthStrategy: Strategy;
}

export const AZURE_QUEUE_DEFAULTS = Object.freeze({
  /** queueLength (keda:"default=5") */
  queueLength: 5,
  /** activationQueueLength (keda:"default=0") */
  activationQueueLength: 0,
  /** queueLengthStrategy (keda:"enum=all;visibleonly, default=all") */
  queueLengthStrategy: 'all' as Strategy,
  /** maxPeekMessages: the most messages one PeekMessages returns. */
  maxPeekMessages: 32,
});

export const azureQueueScaler: ScalerDefinition = {
  type: 'azure-queue',
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const queueName = reader.requiredString('queueName', 'the Storage queue name');
    const config: AzureQueueConfig = {
      metricName: normalizeMetricName(`azure-queue-${queueName}`),
      // TypedConfig takes any int64; a target of 0 or less then fails the generated HPA's validation.
      queueLength: reader.number('queueLength', { integer: true, min: 0, exclusive: true }, AZURE_QUEUE_DEFAULTS.queueLength) ?? AZURE_QUEUE_DEFAULTS.queueLength,
      activationQueueLength: reader.number('activationQueueLength', { integer: true }, AZURE_QUEUE_DEFAULTS.activationQueueLength) ?? 0,
      // TypedConfig's enum check passes "all,visibleonly"; getMessageCount then peeks only for exactly "visibleonly".
      queueLengthStrategy: reader.enumList('queueLengthStrategy', ['all', 'visibleonly'], AZURE_QUEUE_DEFAULTS.queueLengthStrategy) === 'visibleonly' ? 'visibleonly' : 'all',
    };
    return reader.finish(() => ({
      type: 'azure-queue',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.queueLength),
      needs: { kind: 'queue', queueName },
    }));
  },
  /** A `queue` reading: `messages` are the visible ones, `unacked` the invisible ones. */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'queue') return unusableReading('azure-queue', 'queue', reading);
    const config = trigger.config as unknown as AzureQueueConfig;
    const approximate = reading.messages + reading.unacked;
    if (config.queueLengthStrategy === 'visibleonly' && reading.messages < AZURE_QUEUE_DEFAULTS.maxPeekMessages) {
      return thresholdResult('queue length', reading.messages, reading.messages, config.activationQueueLength, ' (visible, peeked)');
    }
    const how = config.queueLengthStrategy === 'visibleonly' ? ' (32 or more visible: the approximate count, invisible included)' : ' (approximate count: visible + invisible)';
    return thresholdResult('queue length', approximate, approximate, config.activationQueueLength, how);
  },
};
