/**
 * The HPA a ScaledObject generates: controllers/keda/hpa.go newHPAForScaledObject and
 * getScaledObjectMetricSpecs, apis/keda/v1alpha1 GetHPAMinReplicas / GetHPAMaxReplicas.
 */
import type { HpaBehavior, HpaMetricSpec, HpaSpec } from '../hpa/types.js';
import { KEDA_DEFAULTS } from './config.js';
import { generateMetricNameWithIndex, scalerMetricName } from './metric-name.js';
import { externalMetricTarget } from './metric-value.js';
import type { ParsedTrigger, ScaledObjectSpec, ScalingModifiersSpec } from './types.js';

/** kedav1alpha1.CompositeMetricName */
export const COMPOSITE_METRIC_NAME = 'composite-metric';
/** kedav1alpha1.ScaledObjectOwnerAnnotation: the label the metrics adapter selects on. */
export const SCALED_OBJECT_NAME_LABEL = 'scaledobject.keda.sh/name';

/** GetHPAMinReplicas (minReplicaCount when > 0, else 1) and GetHPAMaxReplicas (default 100). */
export function hpaMinMax(so: { minReplicaCount?: number; maxReplicaCount?: number }): { hpaMinReplicas: number; hpaMaxReplicas: number } {
  const min = so.minReplicaCount ?? KEDA_DEFAULTS.minReplicaCount;
  return { hpaMinReplicas: min > 0 ? min : 1, hpaMaxReplicas: so.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount };
}

/** The External `composite-metric` spec; its target is int64(target × 1000) milli-units. */
export function compositeMetricSpec(scaledObjectName: string, modifiers: Pick<ScalingModifiersSpec, 'target' | 'metricType'>): HpaMetricSpec {
  const target = externalMetricTarget(modifiers.metricType, Math.trunc(modifiers.target * 1000) / 1000);
  return { type: 'External', metricName: COMPOSITE_METRIC_NAME, selector: { matchLabels: { [SCALED_OBJECT_NAME_LABEL]: scaledObjectName } }, target };
}

function triggerMetricSpec(so: ScaledObjectSpec, index: number, parsed: ParsedTrigger): HpaMetricSpec {
  const target = { ...parsed.hpaTarget };
  const resource = parsed.resource;
  if (resource !== undefined) {
    return resource.containerName === undefined
      ? { type: 'Resource', resourceName: resource.name, target }
      : { type: 'ContainerResource', resourceName: resource.name, containerName: resource.containerName, target };
  }
  const metricName = generateMetricNameWithIndex(index, scalerMetricName(parsed));
  return { type: 'External', metricName, selector: { matchLabels: { [SCALED_OBJECT_NAME_LABEL]: so.name } }, target };
}

/** spec.behavior passed through (copied); the paused-scale-in/out annotations force selectPolicy Disabled on their side. */
function generateBehavior(so: ScaledObjectSpec): HpaBehavior | null {
  if (so.hpaBehavior === null && !so.pausedScaleIn && !so.pausedScaleOut) return null;
  const behavior: HpaBehavior = structuredClone(so.hpaBehavior ?? {});
  if (so.pausedScaleIn) behavior.scaleDown = { ...behavior.scaleDown, selectPolicy: 'Disabled' };
  if (so.pausedScaleOut) behavior.scaleUp = { ...behavior.scaleUp, selectPolicy: 'Disabled' };
  return behavior;
}

/**
 * The metric specs in KEDA's order: one per trigger (cpu/memory → Resource or ContainerResource,
 * others → External `s<index>-<scaler metric name>` selected by the ScaledObject name), sorted
 * stably by type string (ContainerResource < External < Resource). With scalingModifiers (target
 * > 0) only the Resource specs are kept (upstream keeps `rm.Resource != nil`, so ContainerResource
 * is dropped too) and one External `composite-metric` is appended. Throws when two External
 * metrics share a name, as KEDA refuses to create the HPA.
 */
export function generateMetricSpecs(so: ScaledObjectSpec, parsed: readonly ParsedTrigger[]): HpaMetricSpec[] {
  const specs = parsed.map((p, i) => triggerMetricSpec(so, so.triggers[i]?.index ?? i, p));
  const external = specs.flatMap((s) => (s.type === 'External' ? [s.metricName] : []));
  const duplicate = external.find((name, i) => external.indexOf(name) !== i);
  if (duplicate !== undefined) throw new Error(`metricName ${duplicate} defined multiple times in ScaledObject ${so.name}`);
  const sorted = [...specs].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const modifiers = so.scalingModifiers;
  if (modifiers === undefined || !(modifiers.target > 0)) return sorted;
  return [...sorted.filter((s) => s.type === 'Resource'), compositeMetricSpec(so.name, modifiers)];
}

/**
 * newHPAForScaledObject: name `so.hpaName`, the same target, minReplicas = minReplicaCount when > 0
 * else 1, maxReplicas = maxReplicaCount, the metrics above and the behavior (null = legacy path
 * unless a paused-scale annotation turns it on). `parsed[i]` belongs to `so.triggers[i]`.
 */
export function generateHpa(so: ScaledObjectSpec, parsed: readonly ParsedTrigger[]): HpaSpec {
  const { hpaMinReplicas, hpaMaxReplicas } = hpaMinMax(so);
  return {
    name: so.hpaName,
    namespace: so.namespace,
    apiVersion: 'autoscaling/v2',
    scaleTargetRef: { ...so.scaleTargetRef },
    minReplicas: hpaMinReplicas,
    maxReplicas: hpaMaxReplicas,
    metrics: generateMetricSpecs(so, parsed),
    behavior: generateBehavior(so),
    source: so.source,
  };
}
