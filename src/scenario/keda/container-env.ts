/**
 * A container's env as KEDA's resolver builds it (pkg/scaling/resolver/scale_resolvers.go
 * resolveEnv): envFrom first, every key of each ConfigMap or Secret under its prefix (a missing
 * optional one skipped), then env, each variable's value or valueFrom overriding: a Secret's or
 * ConfigMap's key, the pod's namespace for fieldRef metadata.namespace; any other valueFrom is left
 * out. Secrets and ConfigMaps come from the manifests (kinds/config-data.ts), in the workload's
 * namespace. Where upstream fails the whole resolution (a required ConfigMap, Secret or key that
 * does not exist), here only the variable read is unresolved, with why. Pure.
 */
import type { ConfigDataEntry } from '../manifests/manifest-set.js';
import { configDataValue } from '../manifests/kinds/config-data.js';
import type { ContainerSpec } from '../pod-template-types.js';

export type EnvLookup = { value: string } | { missing: string };

/** The value KEDA resolves for `variable` in `container` (of a pod in `namespace`), or why there is none. */
export function containerEnvValue(container: ContainerSpec, variable: string, namespace: string, configData: readonly ConfigDataEntry[]): EnvLookup {
  const own = container.env?.[variable];
  if (own !== undefined) {
    if (typeof own === 'string') return { value: own };
    if (own.kind === 'field') {
      return own.fieldPath === 'metadata.namespace' ? { value: namespace } : { missing: `${variable} comes from fieldRef ${own.fieldPath}, which KEDA's resolver does not read` };
    }
    if (own.kind === 'other') return { missing: `${variable} comes from a valueFrom KEDA's resolver does not read` };
    const found = configDataValue(configData, own.kind, namespace, own.name, own.key);
    if ('value' in found) return found;
    return { missing: `${variable} comes from ${own.kind} ${own.name} key ${own.key}, but ${found.missing}${own.optional ? ' (optional: the variable is then unset)' : ''}` };
  }
  // envFrom: a later source's key wins over an earlier one's.
  let found: EnvLookup | undefined;
  for (const source of container.envFrom ?? []) {
    if (!variable.startsWith(source.prefix)) continue;
    const key = variable.slice(source.prefix.length);
    const entry = configData.find((e) => e.kind === source.kind && e.namespace === namespace && e.name === source.name);
    if (entry === undefined) {
      if (!source.optional && found === undefined) found = { missing: `envFrom's ${source.kind} ${namespace}/${source.name} is not in the manifests` };
      continue;
    }
    if (Object.hasOwn(entry.data, key)) found = { value: entry.data[key]! };
  }
  return found ?? { missing: `container ${container.name} has no ${variable}` };
}
