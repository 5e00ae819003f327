/**
 * The `nats-jetstream` trigger (pkg/scalers/nats_jetstream_scaler.go, KEDA v2.18): the consumer's
 * lag from the server's /jsz monitoring endpoint, num_pending + num_ack_pending (messages not yet
 * delivered plus those delivered and not acknowledged), against `lagThreshold` (default 10); active
 * when strictly above `activationLagThreshold` (default 0). `stream` and `consumer` are required,
 * `natsServerMonitoringEndpoint` and `account` or `accountID` too, in the metadata or the
 * TriggerAuthentication ("no account name or id given"). The metric is
 * `s<index>-nats-jetstream-<stream>`. In the simulation the stream is the scenario queue named
 * `stream`, read as its consumer sees it: waiting messages + unacked. Upstream's quirk for a
 * consumer the server does not know (the lag is the stream's last sequence, every message it ever
 * held) does not arise: the simulated consumer always exists. The endpoint, useHttps and the
 * clustered leader discovery are not read.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { thresholdResult, unusableReading } from './scaler-result.js';

interface NatsJetStreamConfig {
  metricName: string;
  stream: string;
  consumer: string;
  lagThreshold: number;
  activationLagThreshold: number;
}

export const NATS_JETSTREAM_DEFAULTS = Object.freeze({
  /** lagThreshold (keda:"default=10", defaultJetStreamLagThreshold) */
  lagThreshold: 10,
  /** activationLagThreshold (keda:"default=0") */
  activationLagThreshold: 0,
});

export const natsJetStreamScaler: ScalerDefinition = {
  type: 'nats-jetstream',
  // order=authParams;triggerMetadata, without a default; account or accountID, either will do.
  requiredAuthParams: {
    natsServerMonitoringEndpoint: 'the NATS monitoring endpoint (host:port), in the metadata or the TriggerAuthentication',
    'account|accountID': 'the account name or id, in the metadata or the TriggerAuthentication ("no account name or id given")',
  },
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const stream = reader.requiredString('stream', 'the JetStream stream name');
    const consumer = reader.requiredString('consumer', 'the durable consumer name');
    reader.boolean('useHttps', false);
    const config: NatsJetStreamConfig = {
      metricName: normalizeMetricName(`nats-jetstream-${stream}`),
      stream,
      consumer,
      // TypedConfig takes any int64; a target of 0 or less then fails the generated HPA's validation.
      lagThreshold: reader.number('lagThreshold', { integer: true, min: 0, exclusive: true }, NATS_JETSTREAM_DEFAULTS.lagThreshold) ?? NATS_JETSTREAM_DEFAULTS.lagThreshold,
      activationLagThreshold: reader.number('activationLagThreshold', { integer: true }, NATS_JETSTREAM_DEFAULTS.activationLagThreshold) ?? 0,
    };
    return reader.finish(() => ({
      type: 'nats-jetstream',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.lagThreshold),
      needs: { kind: 'queue', queueName: stream },
    }));
  },
  /** A `queue` reading: num_pending is the waiting messages, num_ack_pending the unacked ones. */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'queue') return unusableReading('nats-jetstream', 'queue', reading);
    const config = trigger.config as unknown as NatsJetStreamConfig;
    const lag = reading.messages + reading.unacked;
    return thresholdResult(`consumer ${config.consumer} lag`, lag, lag, config.activationLagThreshold, ' (pending + ack pending)');
  },
};
