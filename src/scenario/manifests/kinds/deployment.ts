/** apps/v1 Deployment → WorkloadSpec (kind Deployment). */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadWorkload } from '../workload.js';

export const deploymentKind: ManifestKindHandler = {
  group: 'apps',
  kind: 'Deployment',
  support: 'modelled',
  versions: ['v1'],
  load: (ref, apiVersion, out, sink) => loadWorkload('Deployment', ref, apiVersion, out, sink),
};
