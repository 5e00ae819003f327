/**
 * The `prometheus` trigger (pkg/scalers/prometheus_scaler.go): the query's single value against
 * `threshold`; `ignoreNullValues` (default true) turns an empty result, NaN or ±Inf into 0.
 */
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { failedRead, thresholdResult, unusableReading } from './scaler-result.js';

interface PrometheusConfig {
  metricName: string;
  threshold: number;
  activationThreshold: number;
  ignoreNullValues: boolean;
}

export const prometheusScaler: ScalerDefinition = {
  type: 'prometheus',
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const config: PrometheusConfig = {
      metricName: 'prometheus',
      // Required; positive unless the trigger only feeds a scalingModifiers formula (AsMetricSource), where no HPA divides by it.
      threshold: reader.number('threshold', trigger.asMetricSource === true ? {} : { min: 0, exclusive: true }) ?? 0,
      activationThreshold: reader.number('activationThreshold', {}, 0) ?? 0,
      ignoreNullValues: reader.boolean('ignoreNullValues', true),
    };
    return reader.finish(() => ({
      type: 'prometheus',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.threshold),
      needs: { kind: 'series' },
    }));
  },
  /** A `value` reading: a number, or null for an empty result vector. */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'value') return unusableReading('prometheus', 'value', reading);
    const config = trigger.config as unknown as PrometheusConfig;
    const raw = reading.value;
    if (raw === null || !Number.isFinite(raw)) {
      const what = raw === null ? 'an empty result' : `${raw}`;
      if (!config.ignoreNullValues) return failedRead(`prometheus query returned ${what} (ignoreNullValues is false)`);
      return thresholdResult('query result', 0, 0, config.activationThreshold, ` (${what} ignored: ignoreNullValues)`);
    }
    return thresholdResult('query result', raw, raw, config.activationThreshold);
  },
};
