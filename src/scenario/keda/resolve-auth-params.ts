/**
 * A trigger's authentication parameter as KEDA resolves it (pkg/scaling/resolver
 * ResolveAuthRefAndPodIdentity → resolveAuthRef): the trigger's authenticationRef names a
 * TriggerAuthentication of its namespace, or a ClusterTriggerAuthentication, whose env,
 * configMapTargetRef and secretTargetRef give parameters in that order, a later one winning. A
 * ConfigMap or Secret comes from the trigger's namespace, or for a ClusterTriggerAuthentication from
 * KEDA's cluster object namespace (KEDA_CLUSTER_OBJECT_NAMESPACE, `keda` by default); an env
 * parameter is read from the scale target's container named by containerName, else its first
 * (container-env.ts). Pure.
 */
import type { TriggerSpec } from '../../autoscalers/keda/types.js';
import { configDataValue } from '../manifests/kinds/config-data.js';
import type { ConfigDataEntry, TriggerAuthenticationEntry } from '../manifests/manifest-set.js';
import type { ContainerSpec } from '../pod-template-types.js';
import { containerEnvValue, type EnvLookup } from './container-env.js';

/** KEDA_CLUSTER_OBJECT_NAMESPACE's default: where a ClusterTriggerAuthentication's Secrets and ConfigMaps live. */
export const KEDA_CLUSTER_OBJECT_NAMESPACE = 'keda';

export interface AuthContext {
  /** The ScaledObject's or ScaledJob's namespace. */
  namespace: string;
  authentications: readonly TriggerAuthenticationEntry[];
  configData: readonly ConfigDataEntry[];
  /** The scale target's containers; undefined when the target is unknown. */
  containers: readonly ContainerSpec[] | undefined;
}

/** The TriggerAuthentication (in the object's namespace) or ClusterTriggerAuthentication `trigger`'s authenticationRef names, if the manifests hold it. */
export function findAuthentication(trigger: TriggerSpec, ctx: Pick<AuthContext, 'namespace' | 'authentications'>): TriggerAuthenticationEntry | undefined {
  const ref = trigger.authenticationRef;
  if (ref === undefined) return undefined;
  const kind = ref.kind ?? 'TriggerAuthentication';
  const namespace = kind === 'ClusterTriggerAuthentication' ? '' : ctx.namespace;
  return ctx.authentications.find((a) => a.kind === kind && a.namespace === namespace && a.name === ref.name);
}

/**
 * What `trigger`'s authentication gives for `parameter`: a value, why it cannot be read here, or
 * undefined when the trigger has no authentication (or one not in the manifests, reported
 * elsewhere) or the authentication does not name the parameter.
 */
export function authParamValue(trigger: TriggerSpec, parameter: string, ctx: AuthContext): (EnvLookup & { from: string }) | undefined {
  const auth = findAuthentication(trigger, ctx);
  if (auth === undefined) return undefined;
  const kind = auth.kind;
  const from = `${kind} ${auth.name}`;
  const source = auth.params.filter((p) => p.parameter === parameter).at(-1);
  if (source === undefined) {
    return auth.otherSources.length === 0 ? undefined : { from, missing: `${from} may give it through ${auth.otherSources.join(', ')}, which the simulation does not read` };
  }
  if (source.source === 'env') {
    const containers = ctx.containers;
    const container = source.containerName === '' ? containers?.[0] : containers?.find((c) => c.name === source.containerName);
    if (container === undefined) return { from, missing: `${from} reads env ${source.name} of ${source.containerName === '' ? 'the scale target' : `container ${source.containerName}`}, which is not in the scenario` };
    return { from, ...containerEnvValue(container, source.name, ctx.namespace, ctx.configData) };
  }
  const objectNamespace = kind === 'ClusterTriggerAuthentication' ? KEDA_CLUSTER_OBJECT_NAMESPACE : ctx.namespace;
  const found = configDataValue(ctx.configData, source.source, objectNamespace, source.name, source.key);
  return 'value' in found ? { from, value: found.value, secret: source.source === 'Secret' } : { from, missing: `${from} reads ${source.source} ${source.name} key ${source.key}, but ${found.missing}` };
}
