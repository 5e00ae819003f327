/**
 * The `gcp-pubsub` trigger (pkg/scalers/gcp_pubsub_scaler.go, KEDA v2.18): a Cloud Monitoring
 * metric of a subscription (`subscriptionName`) or a topic (`topicName`; exactly one, "exactly one
 * of subscription or topic name must be given"), `pubsub.googleapis.com/<resource>/<snake_case of
 * mode>`, against `value` (default 10, a float); active when strictly above `activationValue`
 * (default 0). `mode` defaults to SubscriptionSize (read as num_undelivered_messages) and is not
 * checked: any PascalCase metric name is taken. The deprecated `subscriptionSize`, when not 0,
 * forces mode SubscriptionSize and value to it, whatever they say, and is refused with a topicName.
 * The metric is `s<index>-gcp-ps-<name as written>` (a full `projects/…/subscriptions/…` link
 * included). `aggregation` is checked when the query is built, at each read: one other than mean,
 * median, variance, stddev, sum, count or percentile0–100 fails every read, as upstream.
 * In the simulation a subscription is the scenario queue named by its id (a full link's last part):
 * SubscriptionSize (or NumUndeliveredMessages, the same metric) counts its waiting messages and
 * those consumers hold (undelivered and unacknowledged), OldestUnackedMessageAge is its oldest
 * unacknowledged message's age in seconds;
 * every other mode, and every topic metric, reads a series mapped in scenario.yaml, where a gap
 * reads `valueIfNull` or fails ("could not find stackdriver metric"). Cloud Monitoring's sampling
 * (every 60 s, visible up to 120 s later) is not modelled: a read sees the subscription as it is.
 * `timeHorizon` is checked, not used; the credentials are not read.
 */
import { parseGoDurationSeconds } from '../../../units/go-duration.js';
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { failedRead, thresholdResult, unusableReading } from './scaler-result.js';

interface PubSubConfig {
  metricName: string;
  mode: string;
  /** The Cloud Monitoring metric type the query fetches. */
  metricType: string;
  value: number;
  activationValue: number;
  valueIfNull?: number;
  /** Set when the aggregation fails every query. */
  queryError?: string;
}

export const GCP_PUBSUB_DEFAULTS = Object.freeze({
  /** mode (keda:"default=SubscriptionSize", pubSubDefaultModeSubscriptionSize) */
  mode: 'SubscriptionSize',
  /** value (keda:"default=10", pubSubDefaultValue) */
  value: 10,
  /** activationValue (keda:"default=0") */
  activationValue: 0,
});

/** Validate's message for both names, or neither. */
const EXACTLY_ONE = 'exactly one of subscription or topic name must be given';
/** compositeSubscriptionIDPrefix, unanchored as getResourceData runs it. */
const FULL_LINK = /projects\/[a-z][a-zA-Z0-9-]*[a-zA-Z0-9]\/(subscriptions|topics)\/[a-zA-Z][a-zA-Z0-9-_~%+.]*/;
/** Subscription metrics the scenario queue gives (SubscriptionSize is num_undelivered_messages under its other name). */
const QUEUE_MODES: ReadonlySet<string> = new Set(['SubscriptionSize', 'NumUndeliveredMessages', 'OldestUnackedMessageAge']);
const AGGREGATIONS = new Set(['mean', 'median', 'variance', 'stddev', 'sum', 'count']);

/** getResourceData's resource id: a full link's fourth part, else the name as written. */
export function pubSubResourceId(name: string): string {
  return FULL_LINK.test(name) ? (name.split('/')[3] ?? name) : name;
}

/** snakeCase: `(.)([A-Z][a-z]+)` → `$1_$2`, then `([a-z0-9])([A-Z])` → `$1_$2`, lower-cased. */
export function pubSubSnakeCase(mode: string): string {
  return mode.replace(/(.)([A-Z][a-z]+)/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** BuildMQLQuery's aggregation check: undefined when it builds, else its error. */
function aggregationError(aggregation: string | undefined): string | undefined {
  if (aggregation === undefined || AGGREGATIONS.has(aggregation)) return undefined;
  const percentile = /^percentile(.*)$/.exec(aggregation);
  if (percentile === null) return `unsupported aggregation function: ${aggregation}`;
  const n = Number(percentile[1]);
  return /^\d+$/.test(percentile[1] ?? '') && n >= 0 && n <= 100 ? undefined : `invalid percentile value: ${percentile[1]}`;
}

export const gcpPubSubScaler: ScalerDefinition = {
  type: 'gcp-pubsub',
  // subscriptionName and topicName: order=triggerMetadata;resolvedEnv.
  fromEnvEffects: {
    subscriptionName: 'the trigger names no subscription, so KEDA would fail to build it',
    topicName: 'the trigger names no topic, so KEDA would fail to build it',
  },
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const subscription = reader.raw('subscriptionName');
    const topic = reader.raw('topicName');
    // Left to resolve-trigger-env.ts when a name comes from the env.
    const fromEnv = reader.has('subscriptionNameFromEnv') || reader.has('topicNameFromEnv');
    const subscriptionSize = reader.number('subscriptionSize', { integer: true }, 0) ?? 0;
    if (subscriptionSize !== 0 && topic !== undefined) reader.problem('subscriptionSize', 'you cannot use subscriptionSize field together with topicName field. Use subscriptionName field instead');
    else if (subscription !== undefined && topic !== undefined) reader.problem('topicName', EXACTLY_ONE);
    else if (subscription === undefined && topic === undefined && !fromEnv) reader.problem('subscriptionName', EXACTLY_ONE);
    let mode = reader.raw('mode') ?? GCP_PUBSUB_DEFAULTS.mode;
    // The value is a float; a target of 0 or less fails the generated HPA's validation, unless subscriptionSize replaces it.
    let value = reader.number('value', subscriptionSize === 0 ? { min: 0, exclusive: true } : {}, GCP_PUBSUB_DEFAULTS.value) ?? GCP_PUBSUB_DEFAULTS.value;
    if (subscriptionSize !== 0) {
      mode = 'SubscriptionSize';
      value = subscriptionSize;
      if (subscriptionSize < 0) reader.problem('subscriptionSize', `expected an integer > 0 (it becomes the target), got "${reader.raw('subscriptionSize')}"`);
    }
    const horizon = reader.raw('timeHorizon');
    if (horizon !== undefined && parseGoDurationSeconds(horizon) === undefined && !/^\d+$/.test(horizon)) {
      reader.problem('timeHorizon', `expected a duration such as 2m or 90s (or whole seconds), got "${horizon}"`);
    }
    const valueIfNull = reader.has('valueIfNull') ? reader.number('valueIfNull', {}) : undefined;
    const resourceType = topic !== undefined ? 'topic' : 'subscription';
    const name = topic ?? subscription ?? '';
    const queryError = aggregationError(reader.raw('aggregation'));
    if (queryError !== undefined) reader.warnings.push({ field: 'aggregation', message: `KEDA builds no query with it: every read fails ("${queryError}")` });
    const config: PubSubConfig = {
      metricName: normalizeMetricName(`gcp-ps-${name}`),
      mode,
      metricType: `pubsub.googleapis.com/${resourceType}/${pubSubSnakeCase(mode === 'SubscriptionSize' ? 'NumUndeliveredMessages' : mode)}`,
      value,
      activationValue: reader.number('activationValue', {}, GCP_PUBSUB_DEFAULTS.activationValue) ?? 0,
      ...(valueIfNull === undefined ? {} : { valueIfNull }),
      ...(queryError === undefined ? {} : { queryError }),
    };
    const fromQueue = resourceType === 'subscription' && QUEUE_MODES.has(mode);
    return reader.finish(() => ({
      type: 'gcp-pubsub',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.value),
      needs: fromQueue ? { kind: 'queue', queueName: pubSubResourceId(name) } : { kind: 'series' },
    }));
  },
  /** A `queue` reading (a subscription's size or oldest unacked age) or a `value` (any other metric). */
  read(trigger: ParsedTrigger, reading) {
    const config = trigger.config as unknown as PubSubConfig;
    if (config.queryError !== undefined && reading.kind !== 'error') return failedRead(config.queryError);
    if (reading.kind === 'value') {
      const value = reading.value ?? config.valueIfNull;
      if (value === undefined) return failedRead(`could not find stackdriver metric ${config.metricType} (no value; set valueIfNull)`);
      return thresholdResult(config.metricType.slice('pubsub.googleapis.com/'.length), value, value, config.activationValue, reading.value === null ? ' (valueIfNull)' : '');
    }
    if (reading.kind !== 'queue') return unusableReading('gcp-pubsub', 'queue', reading);
    if (config.mode === 'OldestUnackedMessageAge') {
      // An INT64 gauge in whole seconds.
      const age = Math.floor(reading.oldestUnackedAgeSeconds ?? 0);
      return thresholdResult('oldest unacked message age (s)', age, age, config.activationValue);
    }
    const size = reading.messages + reading.unacked;
    return thresholdResult('undelivered messages', size, size, config.activationValue, ' (waiting + unacked)');
  },
};
