/**
 * KEDA's `<key>FromEnv` trigger metadata (scalersconfig typed_config.go configParamValue, order
 * triggerMetadata then resolvedEnv): a key the metadata leaves empty is read from the env of the
 * scale target's container named by envSourceContainerName, or its first container
 * (resolver.ResolveContainerEnv). The scenario resolves literal env values: the key is written into
 * the trigger's metadata and the trigger parsed again, so the runs see it as if set. Only the keys
 * that read resolvedEnv and change what the simulation computes are resolved
 * (ScalerDefinition.fromEnvEffects: kafka's topic and consumerGroup, rabbitmq's host); a variable
 * the container lacks, or one from valueFrom (Secrets, ConfigMaps and fields are not resolved), is
 * warned about with what is lost.
 */
import { findScaler } from '../../autoscalers/keda/scalers/registry.js';
import type { ParsedTrigger, TriggerSpec } from '../../autoscalers/keda/types.js';
import type { ContainerSpec } from '../pod-template-types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';

const FROM_ENV = 'FromEnv';

/** A ScaledObject or ScaledJob with its triggers and the containers of the pods it scales. */
export interface EnvOwner {
  triggers: TriggerSpec[];
  parsed: (ParsedTrigger | undefined)[];
  ref: DocRef;
  /** Where envSourceContainerName is in the object (the ScaledObject's scaleTargetRef, the ScaledJob's spec). */
  envSourceContainerPath: FieldPath;
  /** The target's containers; undefined when the target is unknown. */
  containers: readonly ContainerSpec[] | undefined;
}

/** The container KEDA reads env from, or why there is none. */
function envContainer(owner: EnvOwner): ContainerSpec | string {
  const containers = owner.containers;
  if (containers === undefined || containers.length === 0) return 'the scale target is not in the scenario';
  const raw = owner.ref.valueAt(owner.envSourceContainerPath);
  const name = typeof raw === 'string' && raw !== '' ? raw : undefined;
  if (name === undefined) return containers[0]!;
  return containers.find((c) => c.name === name) ?? `no container named "${name}" (envSourceContainerName) in the scale target`;
}

/** Resolves every `<key>FromEnv` of `owner`'s triggers that the env gives, re-parsing those triggers; warns about the rest. */
export function resolveTriggerEnv(owner: EnvOwner, sink: ProblemSink): void {
  owner.triggers.forEach((trigger, index) => {
    const scaler = findScaler(trigger.type);
    const effects = scaler?.fromEnvEffects;
    if (scaler === undefined || effects === undefined) return;
    // Only keys whose tag reads resolvedEnv and that change what the simulation computes.
    const keys = Object.keys(effects)
      .map((key) => `${key}${FROM_ENV}`)
      .filter((k) => (trigger.metadata[k] ?? '').trim() !== '');
    if (keys.length === 0) return;
    const container = envContainer(owner);
    const resolved: Record<string, string> = {};
    for (const fromEnvKey of keys) {
      const key = fromEnvKey.slice(0, -FROM_ENV.length);
      if ((trigger.metadata[key] ?? '').trim() !== '') continue;
      const variable = trigger.metadata[fromEnvKey]!.trim();
      const value = typeof container === 'string' ? undefined : container.env?.[variable];
      if (typeof value === 'string' && value.trim() !== '') {
        resolved[key] = value;
        continue;
      }
      const effect = effects[key]!;
      const why =
        typeof container === 'string'
          ? container
          : value === null
            ? `${variable} comes from valueFrom in container ${container.name}, which the simulation does not resolve`
            : `container ${container.name} has no ${variable} with a value`;
      sink.warn(owner.ref.warning(['spec', 'triggers', index, 'metadata', fromEnvKey], `${trigger.type} trigger: ${fromEnvKey} gives no ${key} (${why}): ${effect}; set ${key} in the metadata, or the variable's value in the container's env`));
    }
    if (Object.keys(resolved).length === 0) return;
    trigger.metadata = { ...trigger.metadata, ...resolved };
    const result = scaler.parse({ metadata: trigger.metadata, ...(trigger.metricType ? { metricType: trigger.metricType } : {}) });
    if (!result.ok) {
      for (const p of result.problems) sink.error(owner.ref.problem(['spec', 'triggers', index, 'metadata', `${p.field}${Object.hasOwn(resolved, p.field) ? FROM_ENV : ''}`], `${p.message} (${p.field} from the container's env)`));
      owner.parsed[index] = undefined;
      return;
    }
    owner.parsed[index] = result.trigger;
  });
}
