/**
 * The query triggers postgresql and metrics-api (KEDA v2.18): metadata rules, targets, metric
 * names, and reads of a series value (null = no row / a missing value).
 */
import { describe, expect, it } from 'vitest';
import { generateMetricNameWithIndex, scalerMetricName } from '../../../../src/autoscalers/keda/metric-name.js';
import { metricsApiScaler } from '../../../../src/autoscalers/keda/scalers/metrics-api.js';
import { postgresqlScaler } from '../../../../src/autoscalers/keda/scalers/postgresql.js';
import { parseOk, problems } from './helpers.js';

const value = (v: number | null) => ({ kind: 'value' as const, value: v });

describe('postgresql scaler', () => {
  it.each([
    ['no metadata: query and targetQueryValue required', {}, ['query: required: expected the SQL query whose first column of the first row is the metric', 'targetQueryValue: required: expected a number > 0']],
    ['targetQueryValue 0 is "no targetQueryValue given"', { query: 'q', targetQueryValue: '0' }, ['targetQueryValue: expected a number > 0, got "0"']],
    ['targetQueryValue not a number', { query: 'q', targetQueryValue: 'abc' }, ['targetQueryValue: expected a number > 0, got "abc"']],
    ['activation not a number', { query: 'q', targetQueryValue: '5', activationTargetQueryValue: 'AA' }, ['activationTargetQueryValue: expected a number, got "AA"']],
    ['a float target', { query: 'q', targetQueryValue: '12.5' }, []],
    ['the connection is not read (host fields, connectionFromEnv)', { query: 'q', targetQueryValue: '12', host: 'h', port: '5432', userName: 'u', dbName: 'd', sslmode: 'require' }, []],
  ])('%s', (_name, metadata, expected) => {
    expect(problems(postgresqlScaler, metadata)).toEqual(expected);
  });

  it('targets targetQueryValue (AverageValue, or Value) under s<index>-postgresql', () => {
    const t = parseOk(postgresqlScaler, { query: 'select count(*) from jobs', targetQueryValue: '12.5' });
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 12500 });
    expect(parseOk(postgresqlScaler, { query: 'q', targetQueryValue: '5' }, 'Value').hpaTarget).toEqual({ type: 'Value', valueMilli: 5000 });
    expect(generateMetricNameWithIndex(1, scalerMetricName(t))).toBe('s1-postgresql');
    expect(t.needs).toEqual({ kind: 'series' });
  });

  it.each([
    ['0 with activation 0: inactive', 0, '0', false],
    ['above activation: active', 3.5, '3', true],
    ['equal to activation: inactive (strict)', 3, '3', false],
  ])('%s', (_name, v, activation, isActive) => {
    const t = parseOk(postgresqlScaler, { query: 'q', targetQueryValue: '5', activationTargetQueryValue: activation });
    expect(postgresqlScaler.read(t, value(v))).toMatchObject({ metricValue: v, isActive });
  });

  it('feeding only a scalingModifiers formula (AsMetricSource), it needs no targetQueryValue', () => {
    expect(postgresqlScaler.parse({ metadata: { query: 'q' }, asMetricSource: true }).ok).toBe(true);
    expect(problems(postgresqlScaler, { query: 'q' })).toEqual(['targetQueryValue: required: expected a number > 0']);
  });

  it('no row or NULL is an error, not 0', () => {
    const result = postgresqlScaler.read(parseOk(postgresqlScaler, { query: 'q', targetQueryValue: '5' }), value(null));
    expect(result).toMatchObject({ isActive: false, metricValue: 0 });
    expect(result.error).toMatch(/could not query postgreSQL/);
  });
});

describe('metrics-api scaler', () => {
  const base = { url: 'http://dummy:1230/api/v1/', valueLocation: 'metric.test', targetValue: '42' };
  it.each([
    ['no metadata', {}, ['url: required: expected the URL of the endpoint KEDA reads', 'valueLocation: required: expected where the value is in the response (a GJSON path for json)', 'targetValue: required: expected a number > 0']],
    ['properly formed', base, []],
    ['targetValue not a number', { ...base, targetValue: 'aa' }, ['targetValue: expected a number > 0, got "aa"']],
    ['activationTargetValue not a number', { ...base, activationTargetValue: 'aa' }, ['activationTargetValue: expected a number, got "aa"']],
    ['no valueLocation', { url: base.url, targetValue: '1' }, ['valueLocation: required: expected where the value is in the response (a GJSON path for json)']],
    ['targetValue 0: "no targetValue given in metadata"', { ...base, targetValue: '0' }, ['targetValue: expected a number > 0, got "0"']],
    ['format outside the enum', { ...base, format: 'csv' }, ['format: parameter "format" value "csv" must be one of [prometheus json xml yaml]']],
    ['unsafeSsl not a bool', { ...base, unsafeSsl: 'yes' }, ['unsafeSsl: expected true or false, got "yes"']],
    ['authMode tls', { ...base, authMode: 'tls' }, []],
    ['authMode list apiKey,tls', { ...base, authMode: 'apiKey,tls' }, []],
    ['authMode outside the enum', { ...base, authMode: 'digest' }, ['authMode: parameter "authMode" value "digest" must be one of [apiKey basic tls bearer custom oauth]']],
    ['two exclusive authModes', { ...base, authModes: 'bearer,basic' }, ['authModes: parameter "authModes,authMode" value "bearer,basic" must contain only one of [bearer basic oauth]']],
    ['method outside header/query', { ...base, method: 'body' }, ['method: parameter "method" value "body" must be one of [header query]']],
  ])('%s', (_name, metadata, expected) => {
    expect(problems(metricsApiScaler, metadata)).toEqual(expected);
  });

  it('names the metric after valueLocation (NormalizeString), targets targetValue', () => {
    const t = parseOk(metricsApiScaler, { ...base, targetValue: '8.8' });
    expect(generateMetricNameWithIndex(1, scalerMetricName(t))).toBe('s1-metric-api-metric-test');
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 8800 });
  });

  it('reads the value; activation is strict; a missing value fails', () => {
    const t = parseOk(metricsApiScaler, { ...base, activationTargetValue: '3.8' });
    expect(metricsApiScaler.read(t, value(3.8))).toMatchObject({ metricValue: 3.8, isActive: false });
    expect(metricsApiScaler.read(t, value(2.43 + 2))).toMatchObject({ isActive: true });
    expect(metricsApiScaler.read(t, value(null)).error).toMatch(/got: 'Null'/);
  });

  it('format xml is taken, with a warning, and fails every read: encoding/xml cannot fill the map KEDA v2.18 decodes into', () => {
    const result = metricsApiScaler.parse({ metadata: { ...base, format: 'xml' } });
    expect(result.ok && result.warnings?.map((w) => w.field)).toEqual(['format']);
    expect(metricsApiScaler.read(parseOk(metricsApiScaler, { ...base, format: 'xml' }), value(50)).error).toBe('error requesting metrics endpoint: unknown type map[string]interface {}');
    expect(metricsApiScaler.read(parseOk(metricsApiScaler, { ...base, format: 'yaml' }), value(50)).error).toBeUndefined();
  });

  it('feeding only a scalingModifiers formula (AsMetricSource), it needs no targetValue', () => {
    const result = metricsApiScaler.parse({ metadata: { url: base.url, valueLocation: 'tasks' }, asMetricSource: true });
    expect(result.ok).toBe(true);
  });

  it('method "header,query" passes the enum check as TypedConfig splits it', () => {
    expect(problems(metricsApiScaler, { ...base, method: 'header,query' })).toEqual([]);
  });

  it('"json,yaml" passes the enum check, with a warning, and fails every read', () => {
    const result = metricsApiScaler.parse({ metadata: { ...base, format: 'json,yaml' } });
    expect(result.ok && result.warnings?.map((w) => w.field)).toEqual(['format']);
    const t = parseOk(metricsApiScaler, { ...base, format: 'json,yaml' });
    expect(metricsApiScaler.read(t, value(50)).error).toBe('error requesting metrics endpoint: format json,yaml not supported');
  });
});
