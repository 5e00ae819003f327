/**
 * v1 ConfigMap and Secret → ConfigDataEntry: their keys and values, read only where KEDA reads them
 * and the value changes what the simulation computes: a TriggerAuthentication's secretTargetRef or
 * configMapTargetRef, and a container's env valueFrom or envFrom behind a trigger's `<key>FromEnv`
 * (src/scenario/keda/resolve-auth-params.ts, src/scenario/keda/container-env.ts). A Secret's value
 * is never quoted in a message (a kafka topic read from one names its queue as any topic does). A
 * Secret's data is base64, as the API server requires (Go's decoder skipping line breaks); its
 * stringData is merged into data, winning (the API server's write-only convenience field).
 */
import { z } from 'zod';
import type { ProblemSink } from '../../problem-sink.js';
import { parseWithSchema } from '../../schema/zod-problems.js';
import type { DocRef } from '../../yaml/doc-ref.js';
import { KedaMetadataSchema } from '../keda-schema.js';
import { markBroken, type ConfigDataEntry, type ManifestKindHandler, type ManifestSet } from '../manifest-set.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const ConfigDataSchema = z.looseObject({
  metadata: KedaMetadataSchema,
  data: z.record(z.string(), z.string().describe('a string value')).nullish(),
  stringData: z.record(z.string(), z.string().describe('a string value')).nullish(),
});

function loadConfigData(kind: ConfigDataEntry['kind'], ref: DocRef, out: ManifestSet, sink: ProblemSink): void {
  const parsed = parseWithSchema(ConfigDataSchema, ref, [], (p) => sink.error(p));
  if (!parsed) {
    markBroken(out, kind, ref);
    return;
  }
  const data: Record<string, string> = {};
  let ok = true;
  for (const [key, value] of Object.entries(parsed.data ?? {})) {
    if (kind === 'ConfigMap') data[key] = value;
    // Go's base64 decoder (the API server's, for []byte) skips \r and \n: wrapped base64 is valid.
    else if (BASE64.test(value.replace(/[\r\n]/g, ''))) data[key] = Buffer.from(value.replace(/[\r\n]/g, ''), 'base64').toString('utf8');
    else {
      ok = false;
      sink.error(ref.problem(['data', key], 'expected base64 (a Secret\'s data holds base64-encoded bytes)', 'put plain text under stringData instead'));
    }
  }
  if (kind === 'Secret') Object.assign(data, parsed.stringData ?? {});
  if (!ok) {
    markBroken(out, kind, ref);
    return;
  }
  out.configData.push({ kind, name: parsed.metadata.name, namespace: parsed.metadata.namespace, data, ref });
}

const handler = (kind: ConfigDataEntry['kind']): ManifestKindHandler => ({
  group: '',
  kind,
  support: 'modelled',
  versions: ['v1'],
  load: (ref, _apiVersion, out, sink) => loadConfigData(kind, ref, out, sink),
});

export const configDataKinds: ManifestKindHandler[] = [handler('ConfigMap'), handler('Secret')];

/** The ConfigMap or Secret `name` of `namespace`, if the manifests hold it. */
export function findConfigData(entries: readonly ConfigDataEntry[], kind: ConfigDataEntry['kind'], namespace: string, name: string): ConfigDataEntry | undefined {
  return entries.find((e) => e.kind === kind && e.namespace === namespace && e.name === name);
}

/** The value of `key` in the ConfigMap or Secret `name` of `namespace`, or why there is none. */
export function configDataValue(entries: readonly ConfigDataEntry[], kind: ConfigDataEntry['kind'], namespace: string, name: string, key: string): { value: string } | { missing: string } {
  const entry = findConfigData(entries, kind, namespace, name);
  if (entry === undefined) return { missing: `${kind} ${namespace}/${name} is not in the manifests` };
  if (!Object.hasOwn(entry.data, key)) return { missing: `${kind} ${namespace}/${name} has no key ${key}` };
  return { value: entry.data[key]! };
}
