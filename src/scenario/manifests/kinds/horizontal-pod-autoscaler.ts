/** autoscaling/v1, v2beta2 and v2 HorizontalPodAutoscaler → HpaSpec (one loader per API version). */
import type { ProblemSink } from '../../problem-sink.js';
import type { DocRef } from '../../yaml/doc-ref.js';
import { loadHpaV1, loadHpaV2 } from '../hpa.js';
import type { ManifestKindHandler, ManifestSet } from '../manifest-set.js';
import { KNOWN_FIELDS } from '../known-fields.js';

type Loader = (ref: DocRef, apiVersion: string, out: ManifestSet, sink: ProblemSink) => void;

const LOADERS_BY_VERSION: Readonly<Record<string, Loader>> = Object.freeze({
  v1: loadHpaV1,
  v2beta2: loadHpaV2,
  v2: loadHpaV2,
});

export const horizontalPodAutoscalerKind: ManifestKindHandler = {
  group: 'autoscaling',
  kind: 'HorizontalPodAutoscaler',
  support: 'modelled',
  versions: Object.keys(LOADERS_BY_VERSION),
  fields: (version) => (version === 'v1' ? KNOWN_FIELDS.hpaV1 : KNOWN_FIELDS.hpaV2),
  load(ref, apiVersion, out, sink) {
    const owner = scaledObjectOwner(ref);
    if (owner !== undefined) {
      sink.warn(
        ref.warning(
          ['metadata', 'ownerReferences'],
          `this HPA is the one KEDA made for ScaledObject ${owner} (its controller owner reference): scalesim makes that HPA from the ScaledObject itself, as KEDA does, so this copy is ignored`,
          'leave it out of the manifests, or keep it: it changes nothing',
        ),
      );
      return;
    }
    const version = apiVersion.split('/').at(-1) ?? '';
    LOADERS_BY_VERSION[version]?.(ref, apiVersion, out, sink);
  },
};

/**
 * The ScaledObject that owns this HPA as its controller (KEDA sets that owner reference on the HPA it
 * creates, keda-hpa-<name> by default), as `kubectl get hpa -o yaml` exports it; undefined otherwise.
 */
function scaledObjectOwner(ref: DocRef): string | undefined {
  const owners = ref.valueAt(['metadata', 'ownerReferences']);
  if (!Array.isArray(owners)) return undefined;
  for (const o of owners as unknown[]) {
    if (o === null || typeof o !== 'object') continue;
    const { apiVersion, kind, name, controller } = o as Record<string, unknown>;
    if (kind === 'ScaledObject' && typeof apiVersion === 'string' && apiVersion.startsWith('keda.sh/') && controller === true && typeof name === 'string') return name;
  }
  return undefined;
}
