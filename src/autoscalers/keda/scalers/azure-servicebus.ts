/**
 * The `azure-servicebus` trigger (pkg/scalers/azure_servicebus_scaler.go, KEDA v2.18): a queue's
 * (`queueName`) or a topic subscription's (`topicName` + `subscriptionName`) ActiveMessageCount
 * against `messageCount` (default 5); active when strictly above `activationMessageCount` (default
 * 0). Validate's rules and messages: a subscriptionName with a queueName, both a topicName and a
 * queueName, a topicName without a subscriptionName, and neither ("no service bus entity type set")
 * are refused. With `useRegex`, queueName (or, for a topic, subscriptionName) is a Go regexp that
 * must match an entity's whole name, and the matches' counts are combined by `operation`: sum
 * (default since v2.17.1), max (from 0), or avg in Go integer division; none matched reads 0. The
 * enum check passes "sum,max", which then reads 0, as upstream. The metric is
 * `s<index>-azure-servicebus-<queueName or topicName>` (`queue-regex` / `topic-regex` with useRegex);
 * the subscription is not in the name.
 * In the simulation a queue is the scenario queue of that name and a subscription the queue named
 * by its topic (one subscription per topic); ActiveMessageCount counts the waiting messages and
 * those consumers hold under a peek-lock, as Service Bus keeps them active until completed. A
 * subscription regex reads that one queue (the scenario names no subscriptions: warned). The
 * connection, namespace and cloud settings are not read.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import { re2ToRegExp } from '../queue-regex/re2-pattern.js';
import type { ParsedTrigger, QueueReading, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { thresholdResult, unusableReading } from './scaler-result.js';

type Operation = 'sum' | 'max' | 'avg';

interface ServiceBusConfig {
  metricName: string;
  entity: 'queue' | 'subscription';
  messageCount: number;
  activationMessageCount: number;
  useRegex: boolean;
  /** The operation as written ("sum,max" passes the enum check and combines to 0). */
  operation: string;
}

export const AZURE_SERVICEBUS_DEFAULTS = Object.freeze({
  /** messageCount (keda:"default=5", defaultTargetMessageCount) */
  messageCount: 5,
  /** activationMessageCount (keda:"optional": 0) */
  activationMessageCount: 0,
  /** operation (keda:"enum=sum;max;avg, default=sum"; unset read 0 in v2.17.0, kedacore/keda#6730) */
  operation: 'sum' as Operation,
});

const OPERATIONS: readonly string[] = ['sum', 'max', 'avg'];

/** performOperation: sum, max from 0, or avg by Go integer division; any other operation 0. */
export function combineActiveCounts(counts: readonly number[], operation: string): number {
  let result = 0;
  for (const count of counts) {
    if (operation === 'sum' || operation === 'avg') result += count;
    else if (operation === 'max' && count > result) result = count;
  }
  if (operation === 'avg' && counts.length > 0) return Math.trunc(result / counts.length);
  return operation === 'sum' || operation === 'avg' || operation === 'max' ? result : 0;
}

/** A queue's ActiveMessageCount: waiting plus peek-locked messages. */
const activeCount = (q: QueueReading): number => q.messages + q.unacked;

export const azureServiceBusScaler: ScalerDefinition = {
  type: 'azure-servicebus',
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const queueName = reader.raw('queueName');
    const topicName = reader.raw('topicName');
    const subscriptionName = reader.raw('subscriptionName');
    const useRegex = reader.boolean('useRegex', false);
    const operationText = reader.enumList('operation', OPERATIONS, AZURE_SERVICEBUS_DEFAULTS.operation);
    const entity = validateEntity(reader, queueName, topicName, subscriptionName, useRegex);
    const named = entity === 'subscription' ? (topicName ?? '') : (queueName ?? '');
    const config: ServiceBusConfig = {
      metricName: normalizeMetricName(`azure-servicebus-${useRegex ? (entity === 'subscription' ? 'topic-regex' : 'queue-regex') : named}`),
      entity: entity ?? 'queue',
      // TypedConfig takes any int64; a target of 0 or less then fails the generated HPA's validation.
      messageCount: reader.number('messageCount', { integer: true, min: 0, exclusive: true }, AZURE_SERVICEBUS_DEFAULTS.messageCount) ?? AZURE_SERVICEBUS_DEFAULTS.messageCount,
      activationMessageCount: reader.number('activationMessageCount', { integer: true }, AZURE_SERVICEBUS_DEFAULTS.activationMessageCount) ?? 0,
      useRegex,
      operation: operationText,
    };
    const queueRegex = useRegex && entity === 'queue';
    return reader.finish(() => ({
      type: 'azure-servicebus',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.messageCount),
      needs: { kind: 'queue', queueName: named, ...(queueRegex ? { regex: { syntax: 're2' as const } } : {}) },
    }));
  },
  /** A `queue` reading (one entity) or `queues` (the entities a regex matched): ActiveMessageCount. */
  read(trigger: ParsedTrigger, reading) {
    const config = trigger.config as unknown as ServiceBusConfig;
    if (reading.kind === 'queues') {
      const count = combineActiveCounts(reading.readings.map(activeCount), config.operation);
      return thresholdResult('active messages', count, count, config.activationMessageCount, ` (${config.operation} over ${reading.readings.length} matched)`);
    }
    if (reading.kind !== 'queue') return unusableReading('azure-servicebus', 'queue', reading);
    const count = config.useRegex ? combineActiveCounts([activeCount(reading)], config.operation) : activeCount(reading);
    return thresholdResult('active messages', count, count, config.activationMessageCount, ' (waiting + locked)');
  },
};

/** Validate, in its order, returning at its first error: the entity the names make, or undefined for none. */
function validateEntity(reader: MetadataReader, queueName: string | undefined, topicName: string | undefined, subscriptionName: string | undefined, useRegex: boolean): 'queue' | 'subscription' | undefined {
  if (queueName !== undefined) {
    if (subscriptionName !== undefined) reader.problem('subscriptionName', 'subscription name provided with queue name');
    else if ((!useRegex || checkRegex(reader, 'queueName', queueName)) && topicName !== undefined) reader.problem('topicName', 'both topic and queue name metadata provided');
    return 'queue';
  }
  if (topicName !== undefined) {
    if (subscriptionName === undefined) reader.problem('subscriptionName', 'no subscription name provided with topic name');
    else if (useRegex && checkRegex(reader, 'subscriptionName', subscriptionName)) {
      reader.warnings.push({ field: 'subscriptionName', message: `the scenario models one subscription per topic, so the regex is not evaluated: the trigger reads the subscription of topic "${topicName}"` });
    }
    return 'subscription';
  }
  reader.problem('queueName', 'no service bus entity type set: expected queueName, or topicName with subscriptionName');
  return undefined;
}

/** Validate's regexp.Compile of a useRegex name: true when it compiles (and scalesim can evaluate it). */
function checkRegex(reader: MetadataReader, key: string, pattern: string): boolean {
  const translated = re2ToRegExp(pattern);
  if (translated.ok) return true;
  if (translated.invalid) reader.problem(key, `${key} is not a valid regular expression (${translated.reason})`);
  else reader.problem(key, `${key} "${pattern}" is a Go regular expression scalesim cannot evaluate as Go does: ${translated.reason}`);
  return false;
}
