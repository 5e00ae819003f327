/** keda.sh/v1alpha1 ScaledJob → ScaledJobSpec and the pod template of its Jobs. */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadScaledJob } from '../scaled-job.js';

export const scaledJobKind: ManifestKindHandler = {
  group: 'keda.sh',
  kind: 'ScaledJob',
  support: 'modelled',
  versions: ['v1alpha1'],
  load: loadScaledJob,
};
