/**
 * The `postgresql` trigger (pkg/scalers/postgresql_scaler.go, KEDA v2.18): the query's first column
 * of its first row, scanned into a float64, against `targetQueryValue`; active when strictly above
 * `activationTargetQueryValue` (default 0). `query` is required; `targetQueryValue` is optional in
 * the struct tag but parsePostgreSQLMetadata refuses 0 or unset ("no targetQueryValue given"), and
 * a negative one fails the generated HPA's validation (averageValue must be positive). NULL and no row are errors (database/sql's Scan), not 0: KEDA's docs tell
 * users to COALESCE. The metric is `s<index>-postgresql`, whatever the database. The connection
 * (`connection` from the TriggerAuthentication or `connectionFromEnv`, else host, port, userName,
 * dbName and sslmode) is not read: the simulation opens none.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { failedRead, thresholdResult, unusableReading } from './scaler-result.js';

interface PostgresqlConfig {
  metricName: string;
  targetQueryValue: number;
  activationTargetQueryValue: number;
}

export const postgresqlScaler: ScalerDefinition = {
  type: 'postgresql',
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    reader.requiredString('query', 'the SQL query whose first column of the first row is the metric');
    const config: PostgresqlConfig = {
      metricName: normalizeMetricName('postgresql'),
      // KEDA refuses 0 or unset ("no targetQueryValue given") unless the trigger only feeds a scalingModifiers formula (AsMetricSource), where no HPA divides by it; a negative value fails the generated HPA's validation.
      targetQueryValue: (trigger.asMetricSource === true ? reader.number('targetQueryValue', {}, 0) : reader.number('targetQueryValue', { min: 0, exclusive: true })) ?? 0,
      activationTargetQueryValue: reader.number('activationTargetQueryValue', {}, 0) ?? 0,
    };
    return reader.finish(() => ({
      type: 'postgresql',
      config: { ...config },
      hpaTarget: externalMetricTarget(targetType, config.targetQueryValue),
      needs: { kind: 'series' },
    }));
  },
  /** A `value` reading; null (no row, or NULL) fails as the Scan into a float64 does upstream. */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'value') return unusableReading('postgresql', 'value', reading);
    const config = trigger.config as unknown as PostgresqlConfig;
    if (reading.value === null) return failedRead('error inspecting postgreSQL: could not query postgreSQL: the query returned no row or NULL (COALESCE it)');
    return thresholdResult('query result', reading.value, reading.value, config.activationTargetQueryValue);
  },
};
