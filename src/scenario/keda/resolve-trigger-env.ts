/**
 * Trigger metadata KEDA reads from outside the trigger (scalersconfig typed_config.go
 * configParamValue, each key in its tag's order, e.g. rabbitmq's host: triggerMetadata, authParams,
 * resolvedEnv): a key the metadata leaves empty is read from the trigger's TriggerAuthentication
 * (resolve-auth-params.ts), then from `<key>FromEnv` in the env of the scale target's container
 * named by envSourceContainerName, or its first (resolver.ResolveContainerEnv; container-env.ts:
 * values, envFrom, and valueFrom through the manifests' ConfigMaps and Secrets). The value is
 * written into the trigger's metadata and the trigger parsed again, so the runs see it as if set.
 * Only the keys that change what the simulation computes are resolved (ScalerDefinition
 * authParamEffects and fromEnvEffects: kafka's topic and consumerGroup, rabbitmq's host); one that
 * cannot be is warned about with why and what is lost; one whose `<key>FromEnv` KEDA reads as empty
 * (the container sets no such variable, or an empty one) is parsed without it, so the scaler's own
 * rule for a missing key applies. A value from a Secret is never quoted in a message.
 */
import { findScaler } from '../../autoscalers/keda/scalers/registry.js';
import { requiredAlternatives } from '../../autoscalers/keda/scalers/required-params.js';
import type { ParsedTrigger, TriggerSpec } from '../../autoscalers/keda/types.js';
import type { ConfigDataEntry, TriggerAuthenticationEntry } from '../manifests/manifest-set.js';
import type { ContainerSpec } from '../pod-template-types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import { containerEnvValue, type EnvLookup } from './container-env.js';
import { authParamValue, findAuthentication } from './resolve-auth-params.js';

const FROM_ENV = 'FromEnv';

/** A ScaledObject or ScaledJob with its triggers and the containers of the pods it scales. */
export interface EnvOwner {
  triggers: TriggerSpec[];
  parsed: (ParsedTrigger | undefined)[];
  ref: DocRef;
  namespace: string;
  /** Where envSourceContainerName is in the object (the ScaledObject's scaleTargetRef, the ScaledJob's spec). */
  envSourceContainerPath: FieldPath;
  /** The target's containers; undefined when the target is unknown. */
  containers: readonly ContainerSpec[] | undefined;
  authentications: readonly TriggerAuthenticationEntry[];
  configData: readonly ConfigDataEntry[];
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

/** What `<key>FromEnv` gives, or why nothing. */
function fromEnv(owner: EnvOwner, variable: string): EnvLookup {
  const container = envContainer(owner);
  if (typeof container === 'string') return { missing: container };
  return containerEnvValue(container, variable, owner.namespace, owner.configData);
}

const given = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** Resolves the keys of `owner`'s triggers that the metadata leaves empty and the authentication or env gives, re-parsing those triggers; warns about the rest. */
export function resolveTriggerEnv(owner: EnvOwner, sink: ProblemSink): void {
  owner.triggers.forEach((trigger, index) => {
    const scaler = findScaler(trigger.type);
    if (scaler === undefined) return;
    const authEffects = scaler.authParamEffects ?? {};
    const envEffects = scaler.fromEnvEffects ?? {};
    checkRequiredAuthParams(owner, trigger, index, scaler.requiredAuthParams ?? {}, sink);
    const keys = [...new Set([...Object.keys(authEffects), ...Object.keys(envEffects)])].filter((k) => !given(trigger.metadata[k]));
    /** Each key read, with where it came from, for problems with its value (a Secret's is never quoted). */
    const taken = new Map<string, { value: string; path: FieldPath; what: string; secret: boolean }>();
    const authPath: FieldPath = ['spec', 'triggers', index, 'authenticationRef', 'name'];
    /** Keys whose `<key>FromEnv` names a variable KEDA would read as empty (not one the simulation cannot see), with why. */
    const absent = new Map<string, string>();
    const take = (key: string, value: string, from: { path: FieldPath; what: string; secret: boolean }): void => {
      // configParamValue trims what it reads.
      taken.set(key, { value: value.trim(), ...from });
    };
    for (const key of keys) {
      const reasons: string[] = [];
      const envPath: FieldPath = ['spec', 'triggers', index, 'metadata', `${key}${FROM_ENV}`];
      const auth = Object.hasOwn(authEffects, key) ? authParamValue(trigger, key, owner) : undefined;
      if (auth !== undefined && 'value' in auth && given(auth.value)) {
        take(key, auth.value, { path: authPath, what: `from ${auth.from}`, secret: auth.secret === true });
        continue;
      }
      if (auth !== undefined) reasons.push('missing' in auth ? `authenticationRef: ${auth.missing}` : `authenticationRef: ${auth.from} gives an empty ${key}`);
      const variable = Object.hasOwn(envEffects, key) ? trigger.metadata[`${key}${FROM_ENV}`] : undefined;
      if (given(variable)) {
        // configParamValue looks the variable up by the name as written (only values are trimmed).
        const env = fromEnv(owner, variable);
        if ('value' in env && given(env.value)) {
          take(key, env.value, { path: envPath, what: "from the container's env", secret: env.secret === true });
          continue;
        }
        const why = 'missing' in env ? env.missing : `${variable} is empty`;
        reasons.push(`${key}${FROM_ENV}: ${why}`);
        const authSilent = auth === undefined || !('missing' in auth);
        if (authSilent && ('value' in env || env.definite === true)) absent.set(key, why);
      }
      if (reasons.length === 0) continue;
      const effect = authEffects[key] ?? envEffects[key]!;
      sink.warn(owner.ref.warning(given(variable) ? envPath : authPath, `${trigger.type} trigger: no ${key} (${reasons.join('; ')}): ${effect}; set ${key} in the metadata, or add what it is read from to the manifests`));
    }
    if (taken.size === 0 && absent.size === 0) return;
    trigger.metadata = { ...trigger.metadata, ...Object.fromEntries([...taken].map(([key, t]) => [key, t.value])) };
    // A key KEDA reads as empty is parsed as KEDA parses it: without its `<key>FromEnv`, so the scaler's own rule for a missing key applies.
    const metadata = Object.fromEntries(Object.entries(trigger.metadata).filter(([k]) => !(k.endsWith(FROM_ENV) && absent.has(k.slice(0, -FROM_ENV.length)))));
    const result = scaler.parse({ metadata, ...(trigger.metricType ? { metricType: trigger.metricType } : {}), ...(trigger.asMetricSource ? { asMetricSource: true } : {}) });
    if (!result.ok) {
      for (const p of result.problems) {
        const empty = absent.get(p.field);
        if (empty !== undefined) {
          sink.error(owner.ref.problem(['spec', 'triggers', index, 'metadata', `${p.field}${FROM_ENV}`], `${p.message} (${p.field}${FROM_ENV}: ${empty}, so KEDA reads ${p.field} as empty)`));
          continue;
        }
        const from = taken.get(p.field);
        // A value from a Secret is never quoted back: every quoted part of the scaler's message is elided.
        const message = from?.secret === true ? p.message.replace(/"[^"]*"/g, '"…"') : p.message;
        sink.error(owner.ref.problem(from?.path ?? ['spec', 'triggers', index, 'metadata', p.field], from === undefined ? message : `${message} (${p.field} ${from.what}${from.secret ? ', a Secret' : ''})`));
      }
      owner.parsed[index] = undefined;
      return;
    }
    owner.parsed[index] = result.trigger;
  });
}

/**
 * The keys KEDA requires that the metadata or the TriggerAuthentication must give (ScalerDefinition
 * requiredAuthParams): an error where neither does, a warning where a source the simulation cannot
 * read (a vault, a Secret not in the manifests) might; nothing when the authentication itself is not
 * in the manifests (reported where the reference is checked).
 */
function checkRequiredAuthParams(owner: EnvOwner, trigger: TriggerSpec, index: number, required: Readonly<Record<string, string>>, sink: ProblemSink): void {
  const at: FieldPath = ['spec', 'triggers', index, 'metadata'];
  for (const [entry, what] of Object.entries(required)) {
    // `account|accountID`: any one of them will do.
    const keys = requiredAlternatives(entry);
    if (keys.some((key) => given(trigger.metadata[key]))) continue;
    const auths = keys.map((key) => authParamValue(trigger, key, owner));
    if (auths.some((auth) => auth !== undefined && 'value' in auth && given(auth.value))) continue;
    // A source the simulation cannot read may give any of them: that one decides.
    const auth = auths.find((a) => a !== undefined && 'missing' in a) ?? auths[0];
    const key = keys.join('" or "');
    const ref = trigger.authenticationRef;
    if (auth === undefined && ref !== undefined && findAuthentication(trigger, owner) === undefined) continue;
    if (auth !== undefined && 'missing' in auth) {
      sink.warn(owner.ref.warning(at, `${trigger.type} trigger: cannot tell whether the required parameter "${key}" is given (authenticationRef: ${auth.missing}); KEDA fails to build this scaler if it is not`, `set ${keys[0]}, ${what}`));
      continue;
    }
    const why = auth === undefined ? (ref === undefined ? 'no authenticationRef' : `the authenticationRef gives no ${keys.join(' or ')}`) : `authenticationRef: ${auth.from} gives an empty ${keys.join(' or ')}`;
    sink.error(owner.ref.problem(at, `${trigger.type} trigger: missing required parameter "${key}" (${why}): KEDA fails to build this scaler`, `set ${keys[0]}, ${what}`));
  }
}
