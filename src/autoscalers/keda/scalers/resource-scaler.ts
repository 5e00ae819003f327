/**
 * The cpu and memory triggers (pkg/scalers/cpu_memory_scaler.go): no polling, they become an HPA
 * Resource metric (ContainerResource with `containerName`) with the trigger's Utilization or AverageValue target.
 */
import type { MetricTarget } from '../../hpa/types.js';
import { parseMilliValue } from '../../../units/quantity.js';
import type { ScalerDefinition, TriggerSpec } from '../types.js';
import { MetadataReader } from './metadata-reader.js';

type ResourceTargetType = 'Utilization' | 'AverageValue';

/**
 * metricType from the trigger. The metadata `type` it replaced is refused: its tag is
 * `deprecated=The 'type' setting is DEPRECATED and is removed in v2.18 - Use 'metricType' instead.`,
 * and TypedConfig's setValue fails a deprecated parameter that is set (KEDA v2.18; before, it
 * overrode metricType with an event).
 */
function readTargetType(trigger: Pick<TriggerSpec, 'metricType'>, reader: MetadataReader): ResourceTargetType | undefined {
  if (reader.has('type')) {
    reader.problem('type', `the 'type' setting is DEPRECATED and is removed in v2.18 - Use 'metricType' instead (got "${reader.raw('type')}"; KEDA v2.18 refuses the trigger)`);
    return undefined;
  }
  const type = trigger.metricType;
  if (type === 'Utilization' || type === 'AverageValue') return type;
  reader.problem('metricType', `expected Utilization or AverageValue for a resource trigger, got ${type === undefined ? 'nothing' : `"${type}"`}`);
  return undefined;
}

function readTarget(type: ResourceTargetType, reader: MetadataReader): MetricTarget | undefined {
  if (type === 'Utilization') {
    // cpu_memory_scaler.go: strconv.ParseInt(meta.Value, 10, 32) of the string field.
    const percent = reader.number('value', { integer: true, parseInt: true, min: 0, exclusive: true });
    return percent === undefined ? undefined : { type, averageUtilizationPercent: percent };
  }
  const text = reader.requiredString('value', 'a quantity such as "500m" or "512Mi"');
  if (text === '') return undefined;
  try {
    const milli = parseMilliValue(text);
    if (milli > 0) return { type, averageValueMilli: milli };
    reader.problem('value', `expected a quantity > 0, got "${text}"`);
  } catch (error) {
    reader.problem('value', error instanceof Error ? error.message : String(error));
  }
  return undefined;
}

/** A cpu or memory ScalerDefinition. `read` returns 0 and inactive: the HPA reads these from metrics-server. */
export function resourceScaler(resource: 'cpu' | 'memory'): ScalerDefinition {
  return {
    type: resource,
    parse(trigger) {
      const reader = new MetadataReader(trigger.metadata);
      const type = readTargetType(trigger, reader);
      const target = type === undefined ? undefined : readTarget(type, reader);
      const containerName = reader.raw('containerName');
      return reader.finish(() => ({
        type: resource,
        config: { metricName: resource, ...(containerName === undefined ? {} : { containerName }) },
        hpaTarget: target as MetricTarget,
        resource: containerName === undefined ? { name: resource } : { name: resource, containerName },
        needs: { kind: 'none' },
      }));
    },
    read() {
      return { metricValue: 0, isActive: false, reason: `${resource} is a Resource metric: the HPA reads it from metrics-server, KEDA polls nothing` };
    },
  };
}
