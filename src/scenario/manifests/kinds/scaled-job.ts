/** keda.sh/v1alpha1 ScaledJob → ScaledJobSpec and the pod template of its Jobs. */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadScaledJob } from '../scaled-job.js';
import { KNOWN_FIELDS } from '../known-fields.js';

export const scaledJobKind: ManifestKindHandler = {
  group: 'keda.sh',
  kind: 'ScaledJob',
  support: 'modelled',
  versions: ['v1alpha1'],
  fields: () => KNOWN_FIELDS.scaledJob,
  load: loadScaledJob,
};
