/**
 * KEDA TriggerAuthentication and ClusterTriggerAuthentication (keda.sh, and keda.k8s.io for KEDA v1):
 * accepted so that triggers' authenticationRef can be checked. Only the object's kind, name and
 * namespace are kept; its content (secret references, credentials) is never read or shown.
 */
import type { ProblemSink } from '../../problem-sink.js';
import { parseWithSchema } from '../../schema/zod-problems.js';
import type { DocRef } from '../../yaml/doc-ref.js';
import { KedaMetadataSchema } from '../keda-schema.js';
import type { ManifestKindHandler, ManifestSet, TriggerAuthenticationEntry } from '../manifest-set.js';

type AuthKind = TriggerAuthenticationEntry['kind'];

function loadAuthentication(kind: AuthKind, ref: DocRef, out: ManifestSet, sink: ProblemSink): void {
  const metadata = parseWithSchema(KedaMetadataSchema, ref, ['metadata'], (p) => sink.error(p));
  if (!metadata) return;
  const namespace = kind === 'ClusterTriggerAuthentication' ? '' : metadata.namespace;
  out.triggerAuthentications.push({ kind, name: metadata.name, namespace, ref });
}

const handler = (group: string, kind: AuthKind): ManifestKindHandler => ({
  group,
  kind,
  support: 'modelled',
  versions: ['v1alpha1'],
  load: (ref, _apiVersion, out, sink) => loadAuthentication(kind, ref, out, sink),
});

export const triggerAuthenticationKinds: ManifestKindHandler[] = [
  handler('keda.sh', 'TriggerAuthentication'),
  handler('keda.sh', 'ClusterTriggerAuthentication'),
  handler('keda.k8s.io', 'TriggerAuthentication'),
];
