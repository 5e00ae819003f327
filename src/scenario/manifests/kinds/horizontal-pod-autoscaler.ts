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
    const version = apiVersion.split('/').at(-1) ?? '';
    LOADERS_BY_VERSION[version]?.(ref, apiVersion, out, sink);
  },
};
