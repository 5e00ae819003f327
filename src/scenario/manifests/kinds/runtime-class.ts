/** node.k8s.io/v1 RuntimeClass → RuntimeClassEntry (pod overhead and scheduling for the pods that name it: runtime-class-admission.ts). */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadRuntimeClass, RUNTIME_CLASS_FIELDS } from '../runtime-class.js';

export const runtimeClassKind: ManifestKindHandler = {
  group: 'node.k8s.io',
  kind: 'RuntimeClass',
  support: 'modelled',
  versions: ['v1'],
  fields: () => RUNTIME_CLASS_FIELDS,
  load: loadRuntimeClass,
};
