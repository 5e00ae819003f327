/**
 * spec.metrics[] of an HPA → HpaMetricSpec, with the checks of pkg/apis/autoscaling/validation
 * validateMetricSpec / validateMetricTarget: the source matching `type` is set (and only it), the
 * target type suits the source (Utilization only for Resource and ContainerResource, Pods only
 * AverageValue), the value field for the type is set, set values are positive, and a Resource target
 * does not set both averageUtilization and averageValue. One table row per source type.
 */
import type { HpaMetricSpec, LabelSelector, MetricSourceType, MetricTarget, MetricTargetType } from '../../autoscalers/hpa/types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import type { MetricSpecInput, MetricTargetInput } from './hpa-schema.js';

/** Resources the simulator produces usage for. */
export const MODELLED_RESOURCES: readonly string[] = ['cpu', 'memory'];

type SourceField = 'resource' | 'containerResource' | 'pods' | 'object' | 'external';
type Sources = Required<Pick<MetricSpecInput, SourceField>>;

interface SourceRule {
  field: SourceField;
  targets: readonly MetricTargetType[];
  build(m: Sources, target: MetricTarget): HpaMetricSpec | undefined;
}

const selectorOf = (s: { matchLabels?: Record<string, string> | undefined } | null | undefined): { selector?: LabelSelector } =>
  s?.matchLabels ? { selector: { matchLabels: s.matchLabels } } : {};

const METRIC_SOURCES: Readonly<Record<MetricSourceType, SourceRule>> = Object.freeze({
  Resource: {
    field: 'resource',
    targets: ['Utilization', 'AverageValue'],
    build: ({ resource: r }, target) => (r ? { type: 'Resource', resourceName: r.name, target } : undefined),
  },
  ContainerResource: {
    field: 'containerResource',
    targets: ['Utilization', 'AverageValue'],
    build: ({ containerResource: r }, target) =>
      r ? { type: 'ContainerResource', resourceName: r.name, containerName: r.container, target } : undefined,
  },
  Pods: {
    field: 'pods',
    targets: ['AverageValue'],
    build: ({ pods: p }, target) => (p ? { type: 'Pods', metricName: p.metric.name, ...selectorOf(p.metric.selector), target } : undefined),
  },
  Object: {
    field: 'object',
    targets: ['Value', 'AverageValue'],
    build: ({ object: o }, target) =>
      o ? {
        type: 'Object',
        metricName: o.metric.name,
        ...selectorOf(o.metric.selector),
        describedObject: { ...(o.describedObject.apiVersion ? { apiVersion: o.describedObject.apiVersion } : {}), kind: o.describedObject.kind, name: o.describedObject.name },
        target,
      } : undefined,
  },
  External: {
    field: 'external',
    targets: ['Value', 'AverageValue'],
    build: ({ external: e }, target) => (e ? { type: 'External', metricName: e.metric.name, ...selectorOf(e.metric.selector), target } : undefined),
  },
});

const TARGET_FIELD: Readonly<Record<MetricTargetType, keyof MetricTargetInput>> = Object.freeze({
  Utilization: 'averageUtilization',
  AverageValue: 'averageValue',
  Value: 'value',
});

/** Converts and validates spec.metrics[index] at `path`; undefined when it has problems. */
export function toMetricSpec(m: MetricSpecInput, ref: DocRef, path: FieldPath, sink: ProblemSink): HpaMetricSpec | undefined {
  const rule = METRIC_SOURCES[m.type];
  const source = m[rule.field];
  const others = Object.values(METRIC_SOURCES).filter((r) => r.field !== rule.field && m[r.field] != null);
  if (!source) {
    sink.error(ref.problem([...path, rule.field], `must populate information for the given metric source (type ${m.type} needs "${rule.field}")`));
    return undefined;
  }
  for (const other of others) {
    sink.error(ref.problem([...path, other.field], `must populate the given metric source only (type is ${m.type})`));
  }
  const targetPath: FieldPath = [...path, rule.field, 'target'];
  const target = toTarget(source.target, rule, ref, targetPath, sink);
  const resourceName = m.type === 'Resource' ? m.resource?.name : m.type === 'ContainerResource' ? m.containerResource?.name : undefined;
  if (resourceName !== undefined && !MODELLED_RESOURCES.includes(resourceName)) {
    sink.error(
      ref.problem([...path, rule.field, 'name'], `resource "${resourceName}" is not modelled by the simulator`, `use ${MODELLED_RESOURCES.join(' or ')}`),
    );
    return undefined;
  }
  if (!target || others.length > 0) return undefined;
  return rule.build(m as Sources, target);
}

function toTarget(t: MetricTargetInput, rule: SourceRule, ref: DocRef, path: FieldPath, sink: ProblemSink): MetricTarget | undefined {
  if (!rule.targets.includes(t.type)) {
    sink.error(
      ref.problem([...path, 'type'], `target type ${t.type} is not valid for a ${rule.field} metric`, `use ${rule.targets.join(' or ')}`),
    );
    return undefined;
  }
  const field = TARGET_FIELD[t.type];
  const value = t[field] as number | undefined;
  if (value === undefined) {
    sink.error(ref.problem([...path, field], `target type ${t.type} requires "${field}"`));
    return undefined;
  }
  const notPositive = (['value', 'averageValue'] as const).filter((f) => t[f] !== undefined && (t[f] as number) <= 0);
  for (const f of notPositive) sink.error(ref.problem([...path, f], 'must be positive'));
  const both = rule.targets.includes('Utilization') && t.averageUtilization !== undefined && t.averageValue !== undefined;
  if (both) sink.error(ref.problem([...path, 'averageValue'], 'may not set both a target raw value and a target utilization'));
  if (notPositive.length > 0 || both) return undefined;
  if (t.type === 'Utilization') return { type: t.type, averageUtilizationPercent: value };
  return t.type === 'AverageValue' ? { type: t.type, averageValueMilli: value } : { type: t.type, valueMilli: value };
}
