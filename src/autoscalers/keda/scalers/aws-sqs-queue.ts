/**
 * The `aws-sqs-queue` trigger (pkg/scalers/aws_sqs_queue_scaler.go): the queue length is the sum of
 * the SQS attributes read, ApproximateNumberOfMessages (the visible messages), plus
 * ApproximateNumberOfMessagesNotVisible with `scaleOnInFlight` (default true: received, not yet
 * deleted) and ApproximateNumberOfMessagesDelayed with `scaleOnDelayed` (default false), against
 * `queueLength` (default 5), active when strictly above `activationQueueLength` (default 0).
 * The metric is `s<index>-aws-sqs-<queue name>`, the name taken from `queueURL` (sqs-queue-name.ts;
 * `queueURLFromEnv` from the target container's env). In the simulation the visible messages are a
 * queue's waiting ones and the in-flight ones those its consumers hold; nothing is delayed (no
 * DelaySeconds), so scaleOnDelayed adds 0 there (a vector's reading may give delayed messages). `awsRegion` must be given, in the metadata or the
 * TriggerAuthentication, as KEDA requires it; its value, `awsEndpoint` and the AWS credentials are
 * not read: the simulation calls no AWS API.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { thresholdResult, unusableReading } from './scaler-result.js';
import { sqsQueueName } from './sqs-queue-name.js';

interface SqsConfig {
  metricName: string;
  queueName: string;
  queueLength: number;
  activationQueueLength: number;
  scaleOnInFlight: boolean;
  scaleOnDelayed: boolean;
}

export const AWS_SQS_DEFAULTS = Object.freeze({
  /** queueLength (keda:"default=5") */
  queueLength: 5,
  /** activationQueueLength (keda:"default=0") */
  activationQueueLength: 0,
  /** scaleOnInFlight (keda:"default=true") */
  scaleOnInFlight: true,
  /** scaleOnDelayed (keda:"default=false") */
  scaleOnDelayed: false,
});

export const awsSqsQueueScaler: ScalerDefinition = {
  type: 'aws-sqs-queue',
  // queueURL's order is triggerMetadata;resolvedEnv.
  fromEnvEffects: { queueURL: 'the trigger names no queue, so KEDA would fail to build it' },
  // awsRegion's order is triggerMetadata;authParams, without a default.
  requiredAuthParams: { awsRegion: 'the AWS region, in the metadata or the TriggerAuthentication' },
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const queueURL = reader.raw('queueURL');
    // Left to resolve-trigger-env.ts when it comes from the env; TypedConfig's "missing required parameter" otherwise.
    if (queueURL === undefined && !reader.has('queueURLFromEnv')) reader.problem('queueURL', 'required: expected the queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue name>) or a queue name');
    const name = queueURL === undefined ? { ok: true as const, queueName: '' } : sqsQueueName(queueURL);
    if (!name.ok) reader.problem('queueURL', name.message);
    const queueName = name.ok ? name.queueName : '';
    const config: SqsConfig = {
      metricName: normalizeMetricName(`aws-sqs-${queueName}`),
      queueName,
      // TypedConfig takes any int64; a target of 0 or less then fails the generated HPA's validation (averageValue must be positive).
      queueLength: reader.number('queueLength', { integer: true, min: 0, exclusive: true }, AWS_SQS_DEFAULTS.queueLength) ?? AWS_SQS_DEFAULTS.queueLength,
      activationQueueLength: reader.number('activationQueueLength', { integer: true }, AWS_SQS_DEFAULTS.activationQueueLength) ?? 0,
      scaleOnInFlight: reader.boolean('scaleOnInFlight', AWS_SQS_DEFAULTS.scaleOnInFlight),
      scaleOnDelayed: reader.boolean('scaleOnDelayed', AWS_SQS_DEFAULTS.scaleOnDelayed),
    };
    return reader.finish(() => ({
      type: 'aws-sqs-queue',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.queueLength),
      needs: { kind: 'queue', queueName },
    }));
  },
  /** A `queue` reading: `messages` are the visible ones, `unacked` the in-flight ones. */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'queue') return unusableReading('aws-sqs-queue', 'queue', reading);
    const c = trigger.config as unknown as SqsConfig;
    const length = reading.messages + (c.scaleOnInFlight ? reading.unacked : 0) + (c.scaleOnDelayed ? (reading.delayed ?? 0) : 0);
    const counted = ` (visible${c.scaleOnInFlight ? ' + in flight' : ''}${c.scaleOnDelayed ? ' + delayed' : ''}${!c.scaleOnInFlight && !c.scaleOnDelayed ? ' only' : ''})`;
    return thresholdResult('queue length', length, length, c.activationQueueLength, counted);
  },
};
