/**
 * A container's env as KEDA's resolver builds it (kedacore/keda pkg/scaling/resolver/scale_resolvers.go
 * resolveEnv), which is not what the kubelet gives the container:
 * - envFrom first, in order, every key of each ConfigMap or Secret under its own name: KEDA ignores
 *   envFrom's `prefix` (a quirk reproduced; a variable read by its prefixed name is not found, and
 *   the warning says so);
 * - then env, in order, each entry overriding: a non-empty value with its `$(VAR)` references
 *   expanded from what is resolved so far (env-reference.ts, resolveEnvValue); else a Secret's or
 *   ConfigMap's key (a key the object lacks reads as empty, `optional` is not looked at); a fieldRef
 *   or resourceFieldRef is skipped ("fieldRef and resourceFieldRef env are skipped"), so what envFrom
 *   or an earlier entry gave stays.
 * Secrets and ConfigMaps come from the manifests (kinds/config-data.ts), in the workload's
 * namespace. One that is not in the manifests makes upstream fail the whole resolution; here it
 * only makes unknown what it could give (a missing optional envFrom source is skipped, as upstream
 * skips it), because a scenario may leave out objects the cluster has. Pure.
 */
import type { ConfigDataEntry } from '../manifests/manifest-set.js';
import { configDataValue, findConfigData } from '../manifests/kinds/config-data.js';
import type { ContainerSpec, EnvVar } from '../pod-template-types.js';
import { expandEnvReferences, type EnvReferenceValue } from './env-reference.js';

/** A value (`secret` when it came from a Secret: never to be quoted), or why there is none. */
export type EnvLookup = { value: string; secret?: boolean } | { missing: string };

/** A resolved variable: its value (with why it is empty, when a key was not found), or why it cannot be known here. */
type Resolved = { value: string; secret: boolean; emptyBecause?: string } | { unknown: string };

interface ResolvedEnv {
  vars: Map<string, Resolved>;
  /** Why a variable that only a skipped entry names has no value. */
  skipped: Map<string, string>;
  /** envFrom sources not in the manifests ("envFrom's Secret ns/name"): any variable not otherwise set may come from them. */
  unknownSources: string[];
}

/** The value KEDA resolves for `variable` in `container` (of a pod in `namespace`), or why there is none. */
export function containerEnvValue(container: ContainerSpec, variable: string, namespace: string, configData: readonly ConfigDataEntry[]): EnvLookup {
  const env = resolveEnv(container, namespace, configData);
  const found = env.vars.get(variable);
  if (found !== undefined) {
    if ('unknown' in found) return { missing: found.unknown };
    if (found.emptyBecause !== undefined) return { missing: found.emptyBecause };
    return found.secret ? { value: found.value, secret: true } : { value: found.value };
  }
  const skipped = env.skipped.get(variable);
  if (skipped !== undefined) return { missing: skipped };
  const source = env.unknownSources[0];
  if (source !== undefined) return { missing: `${source} is not in the manifests` };
  return { missing: `container ${container.name} has no ${variable}${prefixHint(container, variable, namespace, configData)}` };
}

function resolveEnv(container: ContainerSpec, namespace: string, configData: readonly ConfigDataEntry[]): ResolvedEnv {
  const env: ResolvedEnv = { vars: new Map(), skipped: new Map(), unknownSources: [] };
  for (const source of container.envFrom ?? []) {
    const entry = findConfigData(configData, source.kind, namespace, source.name);
    if (entry === undefined) {
      if (!source.optional) env.unknownSources.push(`envFrom's ${source.kind} ${namespace}/${source.name}`);
      continue;
    }
    for (const [key, value] of Object.entries(entry.data)) env.vars.set(key, { value, secret: source.kind === 'Secret' });
  }
  for (const entry of container.env ?? []) {
    const resolved = resolveEntry(entry, env, namespace, configData);
    if (resolved !== undefined) env.vars.set(entry.name, resolved);
    else if (!env.vars.has(entry.name)) env.skipped.set(entry.name, skipReason(entry));
  }
  return env;
}

/** What one env entry sets its variable to, or undefined for an entry KEDA skips. */
function resolveEntry(entry: EnvVar, env: ResolvedEnv, namespace: string, configData: readonly ConfigDataEntry[]): Resolved | undefined {
  if ('value' in entry) {
    const expanded = expandEnvReferences(entry.value, (name) => referenced(env, name));
    return 'unknown' in expanded ? { unknown: `${entry.name}'s value ${expanded.unknown}` } : expanded;
  }
  const from = entry.from;
  if (from.kind !== 'Secret' && from.kind !== 'ConfigMap') return undefined;
  const secret = from.kind === 'Secret';
  const found = configDataValue(configData, from.kind, namespace, from.name, from.key);
  if ('value' in found) return { value: found.value, secret };
  const said = `${entry.name} comes from ${from.kind} ${from.name} key ${from.key}, but ${found.missing}`;
  if (findConfigData(configData, from.kind, namespace, from.name) === undefined) return { unknown: said };
  return { value: '', secret, emptyBecause: `${said} (KEDA reads it as empty)` };
}

/** A variable as a `$(name)` reference sees it: resolved so far, unknowable, or undefined (the reference stays). */
function referenced(env: ResolvedEnv, name: string): EnvReferenceValue | undefined {
  const found = env.vars.get(name);
  if (found !== undefined) return 'unknown' in found ? found : { value: found.value, secret: found.secret };
  const source = env.unknownSources[0];
  return source === undefined ? undefined : { unknown: `it may come from ${source}, which is not in the manifests` };
}

function skipReason(entry: EnvVar): string {
  const from = 'from' in entry ? entry.from : undefined;
  const what = from?.kind === 'field' ? `fieldRef ${from.fieldPath}` : 'a resourceFieldRef';
  return `${entry.name} comes from ${what}, which KEDA's resolver skips`;
}

/** Says so when `variable` is an envFrom key under its prefix (the last source to give it), which KEDA's resolver does not apply. */
function prefixHint(container: ContainerSpec, variable: string, namespace: string, configData: readonly ConfigDataEntry[]): string {
  let hint = '';
  for (const source of container.envFrom ?? []) {
    if (source.prefix === '' || !variable.startsWith(source.prefix)) continue;
    const key = variable.slice(source.prefix.length);
    const entry = findConfigData(configData, source.kind, namespace, source.name);
    if (entry !== undefined && Object.hasOwn(entry.data, key)) {
      hint = ` (KEDA's resolver ignores envFrom's prefix "${source.prefix}": ${source.kind} ${namespace}/${source.name} gives it as ${key})`;
    }
  }
  return hint;
}
