/** v1 Namespace → NamespaceEntry (its labels, for inter-pod affinity's namespaceSelector: namespace-selectors.ts). */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadNamespace, NAMESPACE_FIELDS } from '../namespace.js';

export const namespaceKind: ManifestKindHandler = {
  group: '',
  kind: 'Namespace',
  support: 'modelled',
  versions: ['v1'],
  fields: () => NAMESPACE_FIELDS,
  load: loadNamespace,
};
