/**
 * A container's env as KEDA's resolver builds it (kedacore/keda pkg/scaling/resolver/scale_resolvers.go
 * resolveEnv), which is not quite what the kubelet gives the container:
 * - envFrom first, in order, every key of each ConfigMap or Secret under the source's `prefix`;
 * - then env, in order, each entry overriding: a non-empty value with its `$(VAR)` references
 *   expanded from what is resolved so far (env-reference.ts, resolveEnvValue); else a Secret's or
 *   ConfigMap's key (a key the object lacks reads as empty; an `optional` reference to an object
 *   that does not exist is skipped); a fieldRef or resourceFieldRef is skipped ("fieldRef and
 *   resourceFieldRef env are skipped"), so what envFrom or an earlier entry gave stays.
 * Secrets and ConfigMaps come from the manifests (kinds/config-data.ts), in the workload's
 * namespace. One that is not in the manifests makes upstream fail the whole resolution unless it is
 * optional; here it makes unknown only what it could give, because a scenario may leave out objects
 * the cluster has: an envFrom source not in the manifests makes every variable set before it
 * unknown (it may override them) and every variable nothing sets after it; a required valueFrom
 * reference, its variable. Load time only. Pure.
 */
import type { ConfigDataEntry } from '../manifests/manifest-set.js';
import { findConfigData } from '../manifests/kinds/config-data.js';
import type { ContainerSpec, EnvVar } from '../pod-template-types.js';
import { expandEnvReferences, type EnvValue } from './env-reference.js';

/**
 * A value (`secret` when it came from a Secret: never to be quoted), or why there is none
 * (`definite` when KEDA would read the variable as unset or empty, not when a source the
 * simulation cannot read might set it).
 */
export type EnvLookup = { value: string; secret?: boolean } | { missing: string; definite?: boolean };

/** A resolved variable: a value or why it cannot be known (env-reference.ts), and why it is empty when a key was not found. */
type Resolved = EnvValue & { emptyBecause?: string };

/** An env entry KEDA skips: why, and whether the cluster could still set it (`definite: false`: an optional object the scenario leaves out). */
interface Skipped {
  why: string;
  definite: boolean;
}

interface ResolvedEnv {
  vars: Map<string, Resolved>;
  /** Why a variable that only skipped entries name has no value. */
  skipped: Map<string, Skipped>;
  /** The first optional envFrom source not in the manifests: KEDA skips it if the cluster lacks it too, but it may not. */
  unseenOptional: string | undefined;
  /** The first envFrom source not in the manifests ("envFrom's Secret ns/name"): any variable not set after it may come from it. */
  unknownSource: string | undefined;
}

/** The value KEDA resolves for `variable` in `container` (of a pod in `namespace`), or why there is none. */
export function containerEnvValue(container: ContainerSpec, variable: string, namespace: string, configData: readonly ConfigDataEntry[]): EnvLookup {
  const env = resolveEnv(container, namespace, configData);
  const found = env.vars.get(variable);
  if (found !== undefined) {
    if ('unknown' in found) return { missing: found.unknown };
    if (found.emptyBecause !== undefined) return { missing: found.emptyBecause, definite: true };
    return found.secret ? { value: found.value, secret: true } : { value: found.value };
  }
  // A source not in the manifests may set it whatever an entry KEDA skips says.
  if (env.unknownSource !== undefined) return { missing: `${env.unknownSource} is not in the manifests` };
  // A variable only skipped entries name (a fieldRef KEDA skips) is as unset as one nobody names,
  // unless an optional object the scenario leaves out might set it in the cluster.
  const skipped = env.skipped.get(variable);
  if (skipped !== undefined) return { missing: skipped.why, definite: skipped.definite };
  if (env.unseenOptional !== undefined) return { missing: `container ${container.name} sets no ${variable}, but ${env.unseenOptional} (optional) is not in the manifests and may` };
  return { missing: `container ${container.name} has no ${variable}`, definite: true };
}

function resolveEnv(container: ContainerSpec, namespace: string, configData: readonly ConfigDataEntry[]): ResolvedEnv {
  const env: ResolvedEnv = { vars: new Map(), skipped: new Map(), unknownSource: undefined, unseenOptional: undefined };
  for (const source of container.envFrom ?? []) {
    const entry = findConfigData(configData, source.kind, namespace, source.name);
    if (entry !== undefined) {
      for (const [key, value] of Object.entries(entry.data)) env.vars.set(`${source.prefix}${key}`, { value, secret: source.kind === 'Secret' });
      continue;
    }
    const what = `envFrom's ${source.kind} ${namespace}/${source.name}`;
    // A missing optional source is skipped, as upstream skips it when the cluster lacks it too.
    if (source.optional) {
      env.unseenOptional ??= what;
      continue;
    }
    env.unknownSource ??= what;
    for (const key of env.vars.keys()) env.vars.set(key, { unknown: `${what}, after it, may set it and is not in the manifests` });
  }
  for (const entry of container.env ?? []) {
    const resolved = resolveEntry(entry, env, namespace, configData);
    if (!('why' in resolved)) env.vars.set(entry.name, resolved);
    else if (!env.vars.has(entry.name)) env.skipped.set(entry.name, resolved);
  }
  return env;
}

/** What one env entry sets its variable to, or why KEDA skips the entry. */
function resolveEntry(entry: EnvVar, env: ResolvedEnv, namespace: string, configData: readonly ConfigDataEntry[]): Resolved | Skipped {
  if ('value' in entry) {
    const expanded = expandEnvReferences(entry.value, (name) => referenced(env, name));
    return 'unknown' in expanded ? { unknown: `${entry.name}'s value ${expanded.unknown}` } : expanded;
  }
  const from = entry.from;
  if (from.kind !== 'Secret' && from.kind !== 'ConfigMap') {
    return { why: `${entry.name} comes from ${from.kind === 'field' ? `fieldRef ${from.fieldPath}` : 'a resourceFieldRef'}, which KEDA's resolver skips`, definite: true };
  }
  const said = `${entry.name} comes from ${from.kind} ${from.name} key ${from.key}, but ${from.kind} ${namespace}/${from.name}`;
  const object = findConfigData(configData, from.kind, namespace, from.name);
  // An optional object the scenario leaves out is skipped if the cluster lacks it too, but it may not.
  if (object === undefined) return from.optional ? { why: `${said} is not in the manifests (optional: KEDA skips it if the cluster lacks it too)`, definite: false } : { unknown: `${said} is not in the manifests` };
  const secret = from.kind === 'Secret';
  if (Object.hasOwn(object.data, from.key)) return { value: object.data[from.key]!, secret };
  return { value: '', secret, emptyBecause: `${said} has no key ${from.key} (KEDA reads it as empty)` };
}

/** A variable as a `$(name)` reference sees it: resolved so far, unknowable, or undefined (the reference stays). */
function referenced(env: ResolvedEnv, name: string): EnvValue | undefined {
  const found = env.vars.get(name);
  if (found !== undefined) return 'unknown' in found ? found : { value: found.value, secret: found.secret };
  return env.unknownSource === undefined ? undefined : { unknown: `it may come from ${env.unknownSource}, which is not in the manifests` };
}
