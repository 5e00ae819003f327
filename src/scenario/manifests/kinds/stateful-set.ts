/**
 * apps/v1 StatefulSet → WorkloadSpec (kind StatefulSet). Read like a Deployment; its ordered pod
 * management and volume claims are not modelled.
 */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadWorkload } from '../workload.js';

export const statefulSetKind: ManifestKindHandler = {
  group: 'apps',
  kind: 'StatefulSet',
  support: 'modelled',
  versions: ['v1'],
  load: (ref, apiVersion, out, sink) => loadWorkload('StatefulSet', ref, apiVersion, out, sink),
};
