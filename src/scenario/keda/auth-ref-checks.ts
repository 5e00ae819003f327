/**
 * Every trigger's authenticationRef names a TriggerAuthentication of the trigger's namespace, or a
 * ClusterTriggerAuthentication (kind: ClusterTriggerAuthentication), as KEDA resolves it before the
 * scaler is built (resolver.ResolveAuthRefAndPodIdentity). Only names are compared; the
 * authentication's content is never read.
 */
import { suggestionHint } from '../did-you-mean.js';
import type { ManifestSet } from '../manifests/manifest-set.js';
import type { ProblemSink } from '../problem-sink.js';

export function checkAuthenticationRefs(manifests: ManifestSet, sink: ProblemSink): void {
  if (manifests.incomplete) return;
  const owners = [...manifests.scaledObjects, ...manifests.scaledJobs];
  for (const { spec, ref } of owners) {
    for (const trigger of spec.triggers) {
      const auth = trigger.authenticationRef;
      if (!auth) continue;
      const kind = auth.kind ?? 'TriggerAuthentication';
      const namespace = kind === 'ClusterTriggerAuthentication' ? '' : spec.namespace;
      const candidates = manifests.triggerAuthentications.filter((a) => a.kind === kind && a.namespace === namespace);
      if (candidates.some((a) => a.name === auth.name)) continue;
      if ([...manifests.broken].some((key) => key.startsWith(`${kind}/`) && key.endsWith(`/${auth.name}`))) continue;
      const where = namespace ? ` in namespace "${namespace}"` : '';
      const hint =
        suggestionHint(auth.name, candidates.map((a) => a.name), `${kind}s`) ??
        `add a keda.sh/v1alpha1 ${kind} named ${auth.name} to the manifests (its secrets are not needed: the simulator never connects to the scaler's source)`;
      sink.error(ref.problem(['spec', 'triggers', trigger.index, 'authenticationRef', 'name'], `no ${kind} "${auth.name}"${where} in the manifests`, hint));
    }
  }
}
