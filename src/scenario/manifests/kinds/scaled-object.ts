/** KEDA ScaledObject → ScaledObjectSpec: keda.sh/v1alpha1 and the KEDA v1 keda.k8s.io/v1alpha1 form. */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadLegacyScaledObject, loadScaledObject } from '../scaled-object.js';
import { KNOWN_FIELDS } from '../known-fields.js';

export const scaledObjectKind: ManifestKindHandler = {
  group: 'keda.sh',
  kind: 'ScaledObject',
  support: 'modelled',
  versions: ['v1alpha1'],
  fields: () => KNOWN_FIELDS.scaledObject,
  load: loadScaledObject,
};

export const legacyScaledObjectKind: ManifestKindHandler = {
  group: 'keda.k8s.io',
  kind: 'ScaledObject',
  support: 'modelled',
  versions: ['v1alpha1'],
  fields: () => KNOWN_FIELDS.legacyScaledObject,
  load: loadLegacyScaledObject,
};
