/**
 * KEDA TriggerAuthentication and ClusterTriggerAuthentication (keda.sh, and keda.k8s.io for KEDA v1):
 * accepted so that triggers' authenticationRef can be checked, with where each parameter comes from
 * (spec.env, spec.configMapTargetRef, spec.secretTargetRef), so that the few parameters that change
 * what the simulation computes (rabbitmq's host, for its URL scheme) can be read from the ConfigMaps
 * and Secrets in the manifests (src/scenario/keda/resolve-auth-params.ts). A Secret's value is never quoted in a message.
 */
import { z } from 'zod';
import type { ProblemSink } from '../../problem-sink.js';
import { parseWithSchema } from '../../schema/zod-problems.js';
import type { DocRef } from '../../yaml/doc-ref.js';
import { KedaMetadataSchema } from '../keda-schema.js';
import { markBroken, type AuthParamRef, type ManifestKindHandler, type ManifestSet, type TriggerAuthenticationEntry } from '../manifest-set.js';

type AuthKind = TriggerAuthenticationEntry['kind'];

const TargetRefSchema = z.looseObject({
  parameter: z.string().min(1).describe('the scaler parameter'),
  name: z.string().min(1).describe('the object name'),
  key: z.string().min(1).describe('the key'),
});

const AuthSpecSchema = z.looseObject({
  env: z.array(z.looseObject({ parameter: z.string().min(1).describe('the scaler parameter'), name: z.string().min(1).describe('the variable name'), containerName: z.string().default('') })).optional(),
  configMapTargetRef: z.array(TargetRefSchema).optional(),
  secretTargetRef: z.array(TargetRefSchema).optional(),
});

/** Parameter sources KEDA has besides env, ConfigMaps and Secrets: kept by name, never resolved. */
const OTHER_SOURCES = ['hashiCorpVault', 'azureKeyVault', 'awsSecretManager', 'gcpSecretManager', 'boundServiceAccountToken', 'filePath'];

function loadAuthentication(kind: AuthKind, ref: DocRef, out: ManifestSet, sink: ProblemSink): void {
  const metadata = parseWithSchema(KedaMetadataSchema, ref, ['metadata'], (p) => sink.error(p));
  if (!metadata) return;
  const namespace = kind === 'ClusterTriggerAuthentication' ? '' : metadata.namespace;
  const spec = ref.valueAt(['spec']) === undefined ? {} : parseWithSchema(AuthSpecSchema, ref, ['spec'], (p) => sink.error(p));
  if (!spec) {
    markBroken(out, kind, ref);
    return;
  }
  const params: AuthParamRef[] = [
    ...(spec.env ?? []).map((e): AuthParamRef => ({ parameter: e.parameter, source: 'env', name: e.name, containerName: e.containerName })),
    ...(spec.configMapTargetRef ?? []).map((r): AuthParamRef => ({ parameter: r.parameter, source: 'ConfigMap', name: r.name, key: r.key })),
    ...(spec.secretTargetRef ?? []).map((r): AuthParamRef => ({ parameter: r.parameter, source: 'Secret', name: r.name, key: r.key })),
  ];
  const otherSources = OTHER_SOURCES.filter((field) => ref.valueAt(['spec', field]) !== undefined);
  out.triggerAuthentications.push({ kind, name: metadata.name, namespace, params, otherSources, ref });
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
