/** apps/v1 Deployment → WorkloadSpec (kind Deployment). */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadWorkload } from '../workload.js';
import { KNOWN_FIELDS } from '../known-fields.js';

export const deploymentKind: ManifestKindHandler = {
  group: 'apps',
  kind: 'Deployment',
  support: 'modelled',
  versions: ['v1'],
  fields: () => KNOWN_FIELDS.deployment,
  load: (ref, apiVersion, out, sink) => loadWorkload('Deployment', ref, apiVersion, out, sink),
};
