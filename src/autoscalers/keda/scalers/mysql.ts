/**
 * The `mysql` trigger (pkg/scalers/mysql_scaler.go): the query's scalar against `queryValue`,
 * active when it is strictly above `activationQueryValue` (default 0). A NULL or empty result is an error.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { failedRead, thresholdResult, unusableReading } from './scaler-result.js';

interface MysqlConfig {
  metricName: string;
  queryValue: number;
  activationQueryValue: number;
}

export const mysqlScaler: ScalerDefinition = {
  type: 'mysql',
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const config: MysqlConfig = {
      metricName: normalizeMetricName(`mysql-${reader.raw('dbName') ?? ''}`),
      // Required; positive unless the trigger only feeds a scalingModifiers formula (AsMetricSource), where no HPA divides by it.
      queryValue: reader.number('queryValue', trigger.asMetricSource === true ? {} : { min: 0, exclusive: true }) ?? 0,
      activationQueryValue: reader.number('activationQueryValue', {}, 0) ?? 0,
    };
    return reader.finish(() => ({
      type: 'mysql',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.queryValue),
      needs: { kind: 'series' },
    }));
  },
  /** A `value` reading; null (no row / NULL) fails like sql.ErrNoRows does upstream. */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'value') return unusableReading('mysql', 'value', reading);
    const config = trigger.config as unknown as MysqlConfig;
    if (reading.value === null) return failedRead('mysql query returned no value');
    return thresholdResult('query result', reading.value, reading.value, config.activationQueryValue);
  },
};
