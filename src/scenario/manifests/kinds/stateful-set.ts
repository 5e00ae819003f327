/**
 * apps/v1 StatefulSet → WorkloadSpec (kind StatefulSet): read like a Deployment, plus
 * podManagementPolicy (OrderedReady or Parallel) and serviceName; volume claims are not modelled.
 */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadWorkload } from '../workload.js';
import { KNOWN_FIELDS } from '../known-fields.js';

export const statefulSetKind: ManifestKindHandler = {
  group: 'apps',
  kind: 'StatefulSet',
  support: 'modelled',
  versions: ['v1'],
  fields: () => KNOWN_FIELDS.statefulSet,
  load: (ref, apiVersion, out, sink) => loadWorkload('StatefulSet', ref, apiVersion, out, sink),
};
