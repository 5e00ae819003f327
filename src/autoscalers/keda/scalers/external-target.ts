/**
 * The target type of an External (non cpu/memory) trigger: pkg/scalers/scaler.go GetMetricTargetType —
 * triggers[].metricType empty → AverageValue, Value allowed, Utilization rejected.
 */
import { KEDA_DEFAULTS } from '../config.js';
import type { TriggerSpec } from '../types.js';
import type { MetadataReader } from './metadata-reader.js';

export type ExternalTargetType = 'AverageValue' | 'Value';

/** The trigger's External target type; records a `metricType` problem for Utilization. */
export function readExternalTargetType(metricType: TriggerSpec['metricType'], reader: MetadataReader): ExternalTargetType {
  if (metricType === undefined) return KEDA_DEFAULTS.triggerMetricType;
  if (metricType === 'AverageValue' || metricType === 'Value') return metricType;
  reader.problem('metricType', `'${String(metricType)}' metric type is unsupported for external metrics, allowed values are 'Value' or 'AverageValue'`);
  return KEDA_DEFAULTS.triggerMetricType;
}
