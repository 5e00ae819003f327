/**
 * spec.triggers of a ScaledObject or ScaledJob → TriggerSpec[] plus each trigger's ParsedTrigger
 * (its scaler's parse of the metadata). Checks what KEDA checks before a trigger runs: metadata
 * values are strings (the CRD's map[string]string), the type has a scaler, the scaler accepts the
 * metadata, trigger names are unique and useCachedMetrics is not set on cpu, memory or cron
 * (ValidateTriggers), and Utilization is only for cpu and memory (getScaledObjectMetricSpecs).
 */
import { isUsingModifiers } from './scaled-object-rules.js';
import { findScaler, isResourceTriggerType, scalerTypes } from '../../autoscalers/keda/scalers/registry.js';
import type { ParsedTrigger, TriggerSpec } from '../../autoscalers/keda/types.js';
import { closestMatch } from '../did-you-mean.js';
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema, show } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import { TriggerSchema, type TriggerInput } from './keda-schema.js';

const NO_CACHED_METRICS_TYPES: readonly string[] = ['cpu', 'memory', 'cron'];

export interface TriggersResult {
  triggers: TriggerSpec[];
  /** Aligned with `triggers`; undefined where the trigger has problems. */
  parsed: (ParsedTrigger | undefined)[];
}

/**
 * Converts and validates every trigger of the object at `ref` (problems go to `sink`). Each trigger
 * is parsed on its own, so a problem elsewhere in the object does not hide the triggers' problems;
 * a trigger that fails the schema is left out (undefined when any is).
 */
export function toTriggers(ref: DocRef, sink: ProblemSink, owner: { scaledObject: boolean } = { scaledObject: false }): TriggersResult | undefined {
  const raw = ref.valueAt(['spec', 'triggers']);
  // KEDA's ScalerConfig.AsMetricSource: ScaledObject.IsUsingModifiers().
  const modifiers = ref.valueAt(['spec', 'advanced', 'scalingModifiers']);
  const asMetricSource = owner.scaledObject && typeof modifiers === 'object' && modifiers !== null && isUsingModifiers(modifiers);
  if (!Array.isArray(raw)) return undefined;
  const triggers: TriggerSpec[] = [];
  const parsed: (ParsedTrigger | undefined)[] = [];
  const seenNames = new Map<string, number>();
  let complete = true;
  raw.forEach((_, index) => {
    const path: FieldPath = ['spec', 'triggers', index];
    const input = parseWithSchema(TriggerSchema, ref, path, (p) => sink.error(p));
    if (!input) {
      complete = false;
      return;
    }
    const name = input.name ? input.name : undefined;
    if (name !== undefined) {
      const first = seenNames.get(name);
      if (first !== undefined) sink.error(ref.problem([...path, 'name'], `trigger name "${name}" is already used by spec.triggers[${first}]; trigger names must be unique`));
      else seenNames.set(name, index);
    }
    const spec = toTriggerSpec(input, index, name, ref, path, sink);
    if (asMetricSource) spec.asMetricSource = true;
    triggers.push(spec);
    parsed.push(parseTrigger(spec, ref, path, sink));
  });
  return complete ? { triggers, parsed } : undefined;
}

function toTriggerSpec(input: TriggerInput, index: number, name: string | undefined, ref: DocRef, path: FieldPath, sink: ProblemSink): TriggerSpec {
  const metricType = input.metricType ? input.metricType : undefined;
  const auth = input.authenticationRef;
  return {
    index,
    type: input.type,
    ...(name !== undefined ? { name } : {}),
    metadata: stringMetadata(input.metadata, ref, [...path, 'metadata'], sink),
    ...(metricType ? { metricType } : {}),
    useCachedMetrics: input.useCachedMetrics ?? false,
    ...(auth ? { authenticationRef: { name: auth.name, ...(auth.kind ? { kind: auth.kind } : {}) } } : {}),
    source: ref.child(path).sourceRef(),
  };
}

/**
 * The metadata as strings. A number or boolean (an unquoted YAML value) is an error, as kubectl
 * apply rejects it, but is kept as text so the scaler can still check the other keys.
 */
function stringMetadata(metadata: Record<string, unknown>, ref: DocRef, path: FieldPath, sink: ProblemSink): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === 'string') {
      out[key] = value;
      continue;
    }
    const scalar = typeof value === 'number' || typeof value === 'boolean';
    sink.error(
      ref.problem(
        [...path, key],
        `expected a string, got ${show(value)}: trigger metadata values are strings (the KEDA CRD's metadata is map[string]string)`,
        scalar ? `quote it: ${key}: "${String(value)}"` : `write the value as a string, or remove ${key}`,
      ),
    );
    if (scalar) out[key] = String(value);
  }
  return out;
}

function parseTrigger(spec: TriggerSpec, ref: DocRef, path: FieldPath, sink: ProblemSink): ParsedTrigger | undefined {
  const resource = isResourceTriggerType(spec.type);
  const utilizationMisused = spec.metricType === 'Utilization' && !resource;
  let ok = !utilizationMisused;
  if (utilizationMisused) {
    sink.error(
      ref.problem([...path, 'metricType'], `metricType Utilization is only for cpu and memory triggers; a ${spec.type} trigger becomes an External metric, whose target is AverageValue or Value`, 'use AverageValue (the default) or Value'),
    );
  }
  if (spec.useCachedMetrics && NO_CACHED_METRICS_TYPES.includes(spec.type)) {
    sink.error(ref.problem([...path, 'useCachedMetrics'], `property "useCachedMetrics" is not supported for the ${spec.type} scaler`, 'remove useCachedMetrics'));
    ok = false;
  }
  const scaler = findScaler(spec.type);
  if (!scaler) {
    sink.error(ref.problem([...path, 'type'], `unknown trigger type "${spec.type}"`, unknownTypeHint(spec.type)));
    return undefined;
  }
  const result = scaler.parse({ metadata: spec.metadata, ...(spec.metricType ? { metricType: spec.metricType } : {}), ...(spec.asMetricSource ? { asMetricSource: true } : {}) });
  if (!result.ok) {
    for (const p of result.problems) {
      // The scalers report the trigger's metricType under that name; it is a field of the trigger, not of its metadata.
      if (p.field === 'metricType' && utilizationMisused) continue;
      sink.error(ref.problem(p.field === 'metricType' ? [...path, 'metricType'] : [...path, 'metadata', p.field], p.message));
    }
    return undefined;
  }
  for (const w of result.warnings ?? []) sink.warn(ref.warning([...path, 'metadata', w.field], `${spec.type} trigger: ${w.message}`));
  return ok ? result.trigger : undefined;
}

function unknownTypeHint(type: string): string {
  const types = [...scalerTypes()].sort();
  const close = closestMatch(type, types);
  return `${close !== undefined ? `did you mean "${close}"? ` : ''}supported trigger types: ${types.join(', ')}`;
}
