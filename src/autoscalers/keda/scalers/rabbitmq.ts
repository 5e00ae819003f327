/**
 * The `rabbitmq` trigger (pkg/scalers/rabbitmq_scaler.go): QueueLength (default, value 20) or
 * MessageRate mode, and over http the modes of KEDA 2.18 (DeliverGetRate, PublishedToDeliveredRatio,
 * ExpectedQueueConsumptionTime, from the queue's deliver_get rate: the messages the consumers take
 * per second); the HTTP management API counts ready + unacked messages, AMQP sees ready only.
 * With useRegex (http only) queueName is a regex over the scenario's queues, combined by operation
 * (rabbitmq-composed-queue.ts; the matching is src/scenario/keda/resolve-trigger-sources.ts).
 */
import { goQueryEscape, normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget, hpaMetricValue } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition, ScalerResult } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { parseGoInt } from '../../../units/go-numbers.js';
import { MetadataReader } from './metadata-reader.js';
import { thresholdResult, unusableReading } from './scaler-result.js';
import { composeQueues, RABBIT_OPERATIONS, type RabbitOperation } from './rabbitmq-composed-queue.js';

type RabbitMode = 'QueueLength' | 'MessageRate' | 'DeliverGetRate' | 'PublishedToDeliveredRatio' | 'ExpectedQueueConsumptionTime';

const RABBIT_MODES: readonly RabbitMode[] = ['QueueLength', 'MessageRate', 'DeliverGetRate', 'PublishedToDeliveredRatio', 'ExpectedQueueConsumptionTime'];
type RabbitProtocol = 'http' | 'amqp';

export const RABBITMQ_DEFAULTS = Object.freeze({
  /** mode + value when neither nor the legacy queueLength is set (defaultRabbitMQQueueLength = 20) */
  mode: 'QueueLength' as const,
  value: 20,
  /** protocol (defaultProtocol = auto: from the host URL scheme) */
  protocol: 'auto' as const,
});

interface RabbitConfig {
  metricName: string;
  mode: RabbitMode;
  value: number;
  activationValue: number;
  protocol: RabbitProtocol;
  excludeUnacknowledged: boolean;
  /** useRegex's operation over the matched queues (rabbitmq-composed-queue.ts). */
  operation: RabbitOperation;
}

const HOST_UNSEEN = 'protocol auto takes http, which counts ready and unacknowledged messages (amqp counts ready ones only)';

const SCHEME_PROTOCOL: Readonly<Record<string, RabbitProtocol>> = Object.freeze({ amqp: 'amqp', amqps: 'amqp', http: 'http', https: 'http' });

/**
 * `protocol`, with `auto` resolved from the host URL scheme. A host the scenario resolves from the
 * trigger's TriggerAuthentication or `hostFromEnv` arrives here as `host`
 * (src/scenario/keda/resolve-auth-params.ts, resolve-trigger-env.ts); without `host`, auto resolves
 * to http (the protocol every mode supports).
 */
function readProtocol(reader: MetadataReader): RabbitProtocol {
  const protocol = reader.choice('protocol', ['auto', 'http', 'amqp'] as const, RABBITMQ_DEFAULTS.protocol);
  if (protocol !== 'auto') return protocol;
  const host = reader.raw('host');
  if (host === undefined) return 'http';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(host)?.[1]?.toLowerCase() ?? '';
  const resolved = Object.hasOwn(SCHEME_PROTOCOL, scheme) ? SCHEME_PROTOCOL[scheme] : undefined;
  if (resolved === undefined) reader.problem('host', `expected an amqp://, amqps://, http:// or https:// URL to infer the protocol, got scheme "${scheme}"`);
  return resolved ?? 'http';
}

/**
 * rabbitMQMetadata.validateTrigger: mode + value, or the deprecated queueLength alone, or the
 * default. Upstream tests the parsed numbers, so a queueLength or value of 0 counts as unset:
 * `queueLength: "0"` alone (or `value: "0"` alone) is the default QueueLength 20, and a mode with a
 * value of 0 is "value must be specified".
 */
/**
 * Whether `timeout` (a time.Duration field: whole milliseconds, or a Go duration such as "5s")
 * is set to something other than 0. A malformed one counts as set: the trigger fails either way.
 */
function nonZeroTimeout(text: string | undefined): boolean {
  if (text === undefined) return false;
  const milliseconds = parseGoInt(text);
  if (milliseconds !== undefined) return milliseconds !== 0;
  return !/^[+-]?(?:(?:0+(?:\.0*)?|\.0+)(?:ns|us|µs|μs|ms|s|m|h))+$/.test(text) && text !== '0';
}

function readModeAndValue(reader: MetadataReader, protocol: RabbitProtocol): { mode: RabbitMode; value: number } {
  const legacy = reader.number('queueLength', { min: 0 }, 0) ?? 0;
  const given = reader.number('value', { min: 0 }, 0) ?? 0;
  const hasMode = reader.has('mode');
  if (legacy === 0 && !hasMode && given === 0) return { mode: RABBITMQ_DEFAULTS.mode, value: RABBITMQ_DEFAULTS.value };
  if (legacy !== 0) {
    if (hasMode || given !== 0) reader.problem('queueLength', 'queueLength is deprecated; configure only mode and value');
    return { mode: 'QueueLength', value: legacy };
  }
  if (!hasMode) reader.problem('mode', `required with value: expected one of ${RABBIT_MODES.join(', ')}`);
  if (given === 0) reader.problem('value', reader.has('value') ? `expected a number > 0 with mode, got "${reader.raw('value')}"` : 'required with mode: expected a number > 0');
  const mode = reader.choice('mode', RABBIT_MODES, 'QueueLength');
  if (mode !== 'QueueLength' && protocol !== 'http') reader.problem('protocol', `protocol ${protocol} not supported; must be http to use mode ${mode}`);
  // Validate's last check, reached only with mode and value (the default and queueLength paths return before it).
  else if (protocol === 'amqp' && nonZeroTimeout(reader.raw('timeout'))) reader.problem('timeout', `AMQP protocol doesn't support custom timeouts: "${reader.raw('timeout')}"`);
  return { mode, value: given === 0 ? RABBITMQ_DEFAULTS.value : given };
}

export const rabbitmqScaler: ScalerDefinition = {
  type: 'rabbitmq',
  // host's order is triggerMetadata;authParams;resolvedEnv (rabbitMQMetadata's keda tag).
  fromEnvEffects: { host: HOST_UNSEEN },
  authParamEffects: { host: HOST_UNSEEN },
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const queueName = reader.raw('queueName') ?? '';
    const protocol = readProtocol(reader);
    const excludeUnacknowledged = reader.boolean('excludeUnacknowledged', false);
    const useRegex = reader.boolean('useRegex', false);
    if (useRegex && protocol !== 'http') reader.problem('useRegex', 'configure useRegex=true only with HTTP protocol');
    const pageSize = reader.number('pageSize', { integer: true }, 100) ?? 100;
    if (pageSize < 1) reader.problem('pageSize', `pageSize should be 1 or greater, got "${reader.raw('pageSize')}"`);
    const operation = reader.choice('operation', RABBIT_OPERATIONS, 'sum');
    if (excludeUnacknowledged && protocol !== 'http') reader.problem('excludeUnacknowledged', 'configure excludeUnacknowledged=true with http protocol only');
    const config: RabbitConfig = {
      metricName: normalizeMetricName(`rabbitmq-${goQueryEscape(queueName)}`),
      ...readModeAndValue(reader, protocol),
      activationValue: reader.number('activationValue', {}, 0) ?? 0,
      protocol,
      excludeUnacknowledged,
      operation,
    };
    return reader.finish(() => ({
      type: 'rabbitmq',
      config: { ...config, queueName },
      hpaTarget: externalMetricTarget(targetType, config.value),
      needs: { kind: 'queue', queueName, ...(useRegex ? { regex: { syntax: 'pcre', pageSize } } : {}) },
    }));
  },
  /** A `queue` reading: `messages` are ready, `unacked` delivered but not acknowledged. */
  read(trigger: ParsedTrigger, read) {
    const c = trigger.config as unknown as RabbitConfig;
    const reading = read.kind === 'queues' ? composeQueues(read.readings, c.operation) : read;
    if (reading.kind !== 'queue') return unusableReading('rabbitmq', 'queue', reading);
    const countsUnacked = c.protocol === 'http' && !c.excludeUnacknowledged;
    const messages = reading.messages + (countsUnacked ? reading.unacked : 0);
    const over = read.kind === 'queues' ? ` over ${read.readings.length} matching queue(s), ${c.operation}` : '';
    const counted = `${countsUnacked ? ' (ready + unacked' : ' (ready only'}${over})`;
    if (c.mode === 'QueueLength') return thresholdResult('queue length', messages, messages, c.activationValue, counted);
    const rate = c.protocol === 'http' ? reading.publishRatePerSecond : 0;
    if (c.mode === 'MessageRate') {
      // The metric is the publish rate; active when the rate OR the message count is above activation.
      const isActive = rate > c.activationValue || messages > c.activationValue;
      const reason = `publish rate ${rate}/s, ${messages} messages${counted}; ${isActive ? 'one is >' : 'both ≤'} activation ${c.activationValue}`;
      return { metricValue: hpaMetricValue(rate), isActive, reason };
    }
    return deliverRateResult(c, rate, reading.deliverRatePerSecond ?? 0, messages);
  },
};

/**
 * The three deliver_get modes of GetMetricsAndActivity. ExpectedQueueConsumptionTime follows the
 * newest code (#8033): an empty queue is 0 s and inactive; with messages and nobody consuming the
 * metric is activationValue and the trigger active, so a workload at 0 starts.
 */
function deliverRateResult(c: RabbitConfig, publish: number, deliver: number, messages: number): ScalerResult {
  const rates = `publish ${publish}/s, deliver ${deliver}/s, ${messages} messages`;
  if (c.mode === 'DeliverGetRate') {
    const isActive = deliver > c.activationValue;
    return { metricValue: hpaMetricValue(deliver), isActive, reason: `deliver rate ${deliver}/s; ${isActive ? '>' : '≤'} activation ${c.activationValue}` };
  }
  if (c.mode === 'PublishedToDeliveredRatio') {
    const starved = publish > 0 && deliver === 0;
    const ratio = starved ? c.activationValue : publish > 0 ? publish / deliver : 0;
    const isActive = ratio > c.activationValue || starved;
    return { metricValue: hpaMetricValue(ratio), isActive, reason: `published/delivered ${ratio} (${rates})${starved ? ': nothing delivered, activationValue' : ''}; ${isActive ? 'active' : 'inactive'}` };
  }
  const eta = messages === 0 ? 0 : deliver === 0 ? c.activationValue : (publish - deliver) / deliver + messages / deliver;
  const isActive = eta > c.activationValue || (deliver === 0 && messages > 0);
  return { metricValue: hpaMetricValue(eta), isActive, reason: `expected consumption time ${eta} s (${rates}); ${isActive ? 'active' : 'inactive'}` };
}
