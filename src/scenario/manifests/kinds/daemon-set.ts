/** apps/v1 DaemonSet → DaemonSetEntry (its pods hold their requests on the nodes that run them: node-pools/daemon-set-pods.ts). */
import { loadDaemonSet } from '../daemon-set.js';
import { KNOWN_FIELDS } from '../known-fields.js';
import type { ManifestKindHandler } from '../manifest-set.js';

export const daemonSetKind: ManifestKindHandler = {
  group: 'apps',
  kind: 'DaemonSet',
  support: 'modelled',
  versions: ['v1'],
  fields: () => KNOWN_FIELDS.daemonSet,
  load: loadDaemonSet,
};
