/**
 * A container's env as KEDA's resolver builds it (pkg/scaling/resolver/scale_resolvers.go
 * resolveEnv): envFrom first, every key of each ConfigMap or Secret under its prefix (a missing
 * optional one skipped), then env, each variable's value or valueFrom overriding: a Secret's or
 * ConfigMap's key; a fieldRef or resourceFieldRef is skipped ("fieldRef and resourceFieldRef env are
 * skipped"), so what envFrom or an earlier entry gave stays. Secrets and ConfigMaps come from the manifests (kinds/config-data.ts), in the workload's
 * namespace. Where upstream fails the whole resolution (a required ConfigMap, Secret or key that
 * does not exist), here only the variable read is unresolved, with why. Pure.
 */
import type { ConfigDataEntry } from '../manifests/manifest-set.js';
import { configDataValue, findConfigData } from '../manifests/kinds/config-data.js';
import type { ContainerSpec } from '../pod-template-types.js';

/** A value (`secret` when it came from a Secret: never to be quoted), or why there is none. */
export type EnvLookup = { value: string; secret?: boolean } | { missing: string };

/** The value KEDA resolves for `variable` in `container` (of a pod in `namespace`), or why there is none. */
export function containerEnvValue(container: ContainerSpec, variable: string, namespace: string, configData: readonly ConfigDataEntry[]): EnvLookup {
  const own = container.env?.[variable];
  let skipped: string | undefined;
  if (own !== undefined) {
    if (typeof own === 'string') return { value: own };
    if (own.kind === 'Secret' || own.kind === 'ConfigMap') {
      const found = configDataValue(configData, own.kind, namespace, own.name, own.key);
      if ('value' in found) return { value: found.value, secret: own.kind === 'Secret' };
      return { missing: `${variable} comes from ${own.kind} ${own.name} key ${own.key}, but ${found.missing}${own.optional ? ' (optional: the variable is then unset)' : ''}` };
    }
    skipped = `${variable} comes from ${own.kind === 'field' ? `fieldRef ${own.fieldPath}` : 'a resourceFieldRef'}, which KEDA's resolver skips`;
  }
  // envFrom: a later source's key wins over an earlier one's.
  let found: EnvLookup | undefined;
  for (const source of container.envFrom ?? []) {
    if (!variable.startsWith(source.prefix)) continue;
    const key = variable.slice(source.prefix.length);
    const entry = findConfigData(configData, source.kind, namespace, source.name);
    if (entry === undefined) {
      if (!source.optional && found === undefined) found = { missing: `envFrom's ${source.kind} ${namespace}/${source.name} is not in the manifests` };
      continue;
    }
    if (Object.hasOwn(entry.data, key)) found = { value: entry.data[key]!, secret: source.kind === 'Secret' };
  }
  return found ?? { missing: skipped ?? `container ${container.name} has no ${variable}` };
}
