/**
 * The `metrics-api` trigger (pkg/scalers/metrics_api_scaler.go, KEDA v2.18): a GET of `url`, the
 * number at `valueLocation` (a GJSON path, or a path or selector in the other formats) against
 * `targetValue`; active when strictly above `activationTargetValue` (default 0). `url` and
 * `valueLocation` are required; `targetValue` is optional in the struct tag but
 * parseMetricsAPIMetadata refuses 0 or unset ("no targetValue given in metadata"). `format` is one
 * of json (default), prometheus, xml, yaml, checked as TypedConfig checks an enum: each
 * comma-separated part, so "json,yaml" passes and then fails every read ("format json,yaml not
 * supported"), as upstream; xml fails every read too (getValueFromXMLResponse unmarshals into a Go
 * map, which encoding/xml cannot fill). `authMode` (or `authModes`) is a comma list of apiKey, basic, tls,
 * bearer, custom, oauth with at most one of bearer, basic, oauth, and `method` header or query; the
 * credentials themselves are not read. The metric is `s<index>-metric-api-<valueLocation>`
 * (NormalizeString). In the simulation the endpoint's value is a named series; a gap (null) fails the
 * read as a missing value does upstream ("… got: 'Null'"). Not in v2.18: aggregateFromKubeServiceEndpoints.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { failedRead, thresholdResult, unusableReading } from './scaler-result.js';

interface MetricsApiConfig {
  metricName: string;
  targetValue: number;
  activationTargetValue: number;
  format: string;
}

const FORMATS = ['prometheus', 'json', 'xml', 'yaml'] as const;
const AUTH_MODES = ['apiKey', 'basic', 'tls', 'bearer', 'custom', 'oauth'] as const;
/** authentication.Config's exclusiveSet: at most one of these. */
const EXCLUSIVE_AUTH_MODES = ['bearer', 'basic', 'oauth'];

export const METRICS_API_DEFAULTS = Object.freeze({
  /** format (keda:"default=json") */
  format: 'json',
  /** activationTargetValue (keda:"default=0") */
  activationTargetValue: 0,
});

/** getValueFromXMLResponse's xml.Unmarshal into a map[string]interface{}: encoding/xml refuses a map. */
const XML_ERROR = 'unknown type map[string]interface {}';

/** authModes (or authMode, read first as the tag names them): the listed modes, at most one exclusive. */
function readAuthModes(reader: MetadataReader): void {
  const key = reader.has('authModes') ? 'authModes' : 'authMode';
  const text = reader.raw(key);
  if (text === undefined) return;
  const modes = reader.enumList(key, AUTH_MODES, '').split(',').map((m) => m.trim());
  if (modes.filter((m) => EXCLUSIVE_AUTH_MODES.includes(m)).length > 1) {
    reader.problem(key, `parameter "authModes,authMode" value "${text}" must contain only one of [${EXCLUSIVE_AUTH_MODES.join(' ')}]`);
  }
}

export const metricsApiScaler: ScalerDefinition = {
  type: 'metrics-api',
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    reader.requiredString('url', 'the URL of the endpoint KEDA reads');
    const valueLocation = reader.requiredString('valueLocation', 'where the value is in the response (a GJSON path for json)');
    const config: MetricsApiConfig = {
      metricName: normalizeMetricName(`metric-api-${valueLocation}`),
      // KEDA refuses 0 or unset ("no targetValue given in metadata") unless the trigger only feeds a scalingModifiers formula (AsMetricSource); a negative value fails the generated HPA's validation.
      targetValue: (trigger.asMetricSource === true ? reader.number('targetValue', {}, 0) : reader.number('targetValue', { min: 0, exclusive: true })) ?? 0,
      activationTargetValue: reader.number('activationTargetValue', {}, METRICS_API_DEFAULTS.activationTargetValue) ?? 0,
      format: reader.enumList('format', FORMATS, METRICS_API_DEFAULTS.format),
    };
    reader.boolean('unsafeSsl', false);
    readAuthModes(reader);
    reader.enumList('method', ['header', 'query'], 'header');
    if (config.format.includes(',')) reader.warnings.push({ field: 'format', message: `format "${config.format}" passes KEDA's check but names several formats: every read fails ("format ${config.format} not supported"), as upstream` });
    if (config.format === 'xml') reader.warnings.push({ field: 'format', message: `KEDA v2.18 decodes an xml response into a Go map, which encoding/xml cannot fill: every read fails ("${XML_ERROR}"), as upstream` });
    return reader.finish(() => ({
      type: 'metrics-api',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.targetValue),
      needs: { kind: 'series' },
    }));
  },
  /** A `value` reading; null fails as a missing value does (GetValueFromResponse). */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'value') return unusableReading('metrics-api', 'value', reading);
    const config = trigger.config as unknown as MetricsApiConfig;
    if (config.format.includes(',')) return failedRead(`error requesting metrics endpoint: format ${config.format} not supported`);
    if (config.format === 'xml') return failedRead(`error requesting metrics endpoint: ${XML_ERROR}`);
    if (reading.value === null) return failedRead("error requesting metrics endpoint: valueLocation must point to value of type number or a string representing a Quantity got: 'Null'");
    return thresholdResult('endpoint value', reading.value, reading.value, config.activationTargetValue);
  },
};
